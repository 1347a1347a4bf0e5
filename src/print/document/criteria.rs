//! Partie 3 – Critères de sélection: the cluster's answer to each criterion.

use super::Doc;
use crate::model::call::CriterionGroup;
use crate::model::field::FieldPath;
use crate::print::layout::{Block, Part};

pub(super) fn partie3(doc: &mut Doc) {
    let (d, p) = (doc.d, doc.p);
    doc.push(Block::PageBreak);
    doc.anchored(1, "Partie 3 – Critères de sélection", "p3");
    doc.para("Pour chaque critère d'appréciation défini par le Ministère, les éléments de réponse du cluster.");
    for group in [CriterionGroup::Technical, CriterionGroup::Qualitative] {
        doc.heading(2, group.label());
        for c in p.criteria.iter().filter(|c| c.group == group) {
            doc.text_section(
                &c.label,
                d.criterion_answer(&c.id)
                    .map_or("", |a| a.argument.as_str()),
            );
            doc.source(Part::Whole, FieldPath::criterion(&c.id));
        }
    }
}
