//! Completeness: « les dossiers incomplets ne seront pas acceptés ». Every
//! rubric the call asks for, every cell of its tables and every
//! administrative piece must be there; what is only advisable is a warning.

use crate::model::call::CallProfile;
use crate::model::dossier::{Dossier, Person, YEARS, Years};
use crate::model::field::*;
use crate::model::finding::{Finding, Section, Severity};
use crate::model::rubric::{self, Entry, Need, Read};

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

    /// The rubrics of a table (see [`crate::model::rubric`]): a required
    /// one missing is blocking, an advisable one a warning. `who` names
    /// the row for a list's rubrics (« Projet de coopération n° 2 »);
    /// otherwise the heading a rubric sits under names its context.
    pub(super) fn rubrics<T, F: FieldName>(
        &mut self,
        section: Section,
        base: &FieldPath,
        holder: &T,
        table: &'static [Entry<T, F>],
        who: Option<&str>,
    ) {
        for (heading, r) in rubric::with_context(table) {
            let label = match who.or(heading) {
                Some(context) => format!("{context}, {}", r.label_in_sentence()),
                None => r.label.to_string(),
            };
            let path = r.path(base);
            match (r.need, r.read(holder)) {
                (Need::Optional, _) => {}
                (Need::Advisable, Read::Text(v)) => self.advisable(section, path, v, &label),
                (Need::Required, Read::Text(v)) => self.text(section, path, v, &label),
                (_, Read::Date(v)) => {
                    if v.is_none() {
                        self.out.push(Finding {
                            severity: severity(r.need),
                            section,
                            field: path,
                            message: format!("{label} : rubrique à remplir"),
                        });
                    }
                }
                (_, Read::Counts(v)) => self.years(section, path, v, &label),
                (_, Read::Decimals(_, v)) => self.years(section, path, v, &label),
            }
        }
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

fn severity(need: Need) -> Severity {
    match need {
        Need::Required => Severity::Blocking,
        Need::Advisable | Need::Optional => Severity::Warning,
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
