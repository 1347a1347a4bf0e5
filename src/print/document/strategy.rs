//! Section 3 – Stratégie générale du cluster: its rubric table.

use super::Doc;
use super::rubrics::set;
use crate::model::rubric;

pub(super) fn strategy(doc: &mut Doc) {
    let s = &doc.d.strategy;
    doc.anchored(2, "Section 3 – Stratégie générale du cluster", "s3");
    doc.heading(
        3,
        "3.1 Description générale de la stratégie et de ses objectifs",
    );
    set(doc, &rubric::strategy_base(), s, rubric::STRATEGY, &|_| {
        None
    });
}
