//! Every rubric of a dossier, rows included, without its holder's type:
//! what tests and tools walk to check that each consumer reads each
//! declared rubric.

use super::{Carry, Entry, Need, Print, Read, rubrics};
use crate::model::dossier::Dossier;
use crate::model::field::{CooperationField, FieldName, FieldPath};

/// One rubric of one dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct Declared {
    /// The table that declares it, by its name in `tables.rs`.
    pub table: &'static str,
    pub path: FieldPath,
    pub label: &'static str,
    pub need: Need,
    pub carry: Carry,
    pub print: Print,
    /// Whether it holds five years (its cells are `path[0]`…`path[4]`).
    pub years: bool,
    pub filled: bool,
    /// The value, for comparing two dossiers.
    pub shown: String,
}

fn push<T, F: FieldName>(
    out: &mut Vec<Declared>,
    base: &FieldPath,
    holder: &T,
    (name, table): (&'static str, &'static [Entry<T, F>]),
) {
    for r in rubrics(table) {
        let read = r.read(holder);
        let years = matches!(read, Read::Counts(_) | Read::Decimals(..));
        let shown = match read {
            Read::Text(s) => s.clone(),
            Read::Date(d) => d.map(|d| d.french()).unwrap_or_default(),
            Read::Counts(v) => format!("{v:?}"),
            Read::Decimals(_, v) => format!("{v:?}"),
        };
        out.push(Declared {
            table: name,
            path: r.path(base),
            label: r.label,
            need: r.need,
            carry: r.carry,
            print: r.print,
            years,
            filled: r.is_filled(holder),
            shown,
        });
    }
}

/// A table with its name.
macro_rules! named {
    ($t:ident) => {
        (stringify!($t), super::$t)
    };
}

/// Every rubric of `d`, in the dossier's order.
pub fn catalogue(d: &Dossier) -> Vec<Declared> {
    let mut out = Vec::new();
    let id = super::identity_base();
    push(&mut out, &id, &d.identity, named!(IDENTITY_HEAD));
    push(&mut out, &id, &d.identity, named!(IDENTITY_TEXTS));
    let gov = super::governance_base();
    push(
        &mut out,
        &gov,
        &d.governance,
        named!(GOVERNANCE_ORGANISATION),
    );
    push(&mut out, &gov, &d.governance, named!(GOVERNANCE_FEES));
    push(
        &mut out,
        &super::strategy_base(),
        &d.strategy,
        named!(STRATEGY),
    );
    for (i, p) in d.cooperation.cooperation_projects.iter().enumerate() {
        let row = FieldPath::cooperation(CooperationField::CooperationProjects).row(i);
        push(&mut out, &row, p, named!(COOPERATION_PROJECT));
    }
    for (i, p) in d.cooperation.collaborative_projects.iter().enumerate() {
        let row = FieldPath::cooperation(CooperationField::CollaborativeProjects).row(i);
        push(&mut out, &row, p, named!(COLLABORATIVE_PROJECT));
    }
    push(
        &mut out,
        &super::startups_base(),
        &d.startups,
        named!(STARTUPS),
    );
    push(&mut out, &super::plan_base(), &d.plan, named!(PLAN));
    out
}
