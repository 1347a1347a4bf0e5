//! Completeness: « les dossiers incomplets ne seront pas acceptés ». Every
//! rubric the call asks for, every cell of its tables and every
//! administrative piece must be there; what is only advisable is a warning.

use crate::model::call::CallProfile;
use crate::model::dossier::{Dossier, Person, YEARS, Years};
use crate::model::field::*;
use crate::model::finding::{Finding, Section};

use super::year_label;

mod organisation;
mod plan;
mod projects;

use organisation::{administrative, governance, identity, members};
use plan::{criteria, declaration, indicators, plan};
use projects::{cooperation, startups, strategy};

/// Collects findings with short helpers for the repetitive checks.
struct Collector {
    pub(super) out: Vec<Finding>,
}

impl Collector {
    pub(super) fn text(&mut self, section: Section, field: FieldPath, value: &str, label: &str) {
        if value.trim().is_empty() {
            self.out.push(Finding::blocking(
                section,
                field,
                format!("{label} : rubrique à remplir"),
            ));
        }
    }

    pub(super) fn advisable(
        &mut self,
        section: Section,
        field: FieldPath,
        value: &str,
        label: &str,
    ) {
        if value.trim().is_empty() {
            self.out.push(Finding::warning(
                section,
                field,
                format!("{label} : conseillé, non renseigné"),
            ));
        }
    }

    pub(super) fn years<T>(
        &mut self,
        section: Section,
        field: FieldPath,
        values: &Years<T>,
        label: &str,
    ) {
        let missing: Vec<String> = values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_none())
            .map(|(i, _)| nth(i).to_string())
            .collect();
        if missing.is_empty() {
            return;
        }
        let first = values.iter().position(Option::is_none).unwrap_or(0);
        let which = if missing.len() == YEARS {
            "aucune année renseignée".to_string()
        } else if missing.len() == 1 {
            format!("{} non renseignée", year_label(first))
        } else {
            format!("années {} non renseignées", missing.join(", "))
        };
        self.out.push(Finding::blocking(
            section,
            field.year(first),
            format!("{label} : {which}"),
        ));
    }

    pub(super) fn person(
        &mut self,
        section: Section,
        field: FieldPath,
        person: &Person,
        role: &str,
        contact: bool,
    ) {
        self.text(
            section,
            field.clone().field(PersonField::Name),
            &person.name,
            &format!("{role}, nom"),
        );
        self.advisable(
            section,
            field.clone().field(PersonField::Organisation),
            &person.organisation,
            &format!("{role}, organisme"),
        );
        if contact {
            self.text(
                section,
                field.clone().field(PersonField::Phone),
                &person.phone,
                &format!("{role}, téléphone"),
            );
            self.text(
                section,
                field.clone().field(PersonField::Email),
                &person.email,
                &format!("{role}, e-mail"),
            );
        }
    }
}

/// A short name for a row in messages: its title, or its position.
pub(super) fn row_name(kind: &str, index: usize, title: &str) -> String {
    if title.trim().is_empty() {
        format!("{kind} n° {}", nth(index))
    } else {
        format!("{kind} « {} »", title.trim())
    }
}

pub fn check(d: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let mut c = Collector { out: Vec::new() };
    administrative(&mut c, d, profile);
    identity(&mut c, d);
    members(&mut c, d);
    governance(&mut c, d);
    strategy(&mut c, d);
    cooperation(&mut c, d);
    startups(&mut c, d);
    plan(&mut c, d, profile);
    indicators(&mut c, d, profile);
    criteria(&mut c, d, profile);
    declaration(&mut c, d);
    c.out
}
