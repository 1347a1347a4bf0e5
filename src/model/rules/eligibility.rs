//! The call's thresholds (section 3.3): members, industrial share,
//! self-financing in year 1. Each finding states the measured value and the
//! threshold, both taken from the call profile; the figures are those of
//! [`crate::model::figures`], which the eligibility panel shows too.

use rust_decimal::Decimal;

use crate::model::call::CallProfile;
use crate::model::compute::SELF_FINANCING_FORMULA;
use crate::model::dossier::Dossier;
use crate::model::field::*;
use crate::model::figures::{Figures, NOT_COMPUTABLE, Ratio};
use crate::model::finding::{Finding, Section};
use crate::model::money::format_dh;

use super::percent_text;

/// One of the call's three thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    Members,
    IndustrialShare,
    SelfFinancing,
}

impl Threshold {
    pub const ALL: [Threshold; 3] = [
        Threshold::Members,
        Threshold::IndustrialShare,
        Threshold::SelfFinancing,
    ];

    /// The panel's title of the threshold.
    pub fn title(self) -> &'static str {
        match self {
            Threshold::Members => "Membres engagés",
            Threshold::IndustrialShare => {
                "Entreprises industrielles, technologiques ou spécifiques"
            }
            Threshold::SelfFinancing => "Autofinancement année 1",
        }
    }
}

/// The measured values behind the three thresholds, for the wizard's
/// always-visible eligibility panel and the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    pub engaged_members: u32,
    pub min_members: u32,
    pub industrial_share: Option<Decimal>,
    pub min_industrial_share: Decimal,
    /// The budget's year-1 ratio (see [`Figures::ratio`]).
    pub self_financing_year1: Ratio,
    pub min_self_financing: Decimal,
    /// The first own-resource row of the budget, where the year-1 ratio is
    /// decided when it is computed.
    own_row: Option<String>,
    /// The first charge row: where « aucune charge en année 1 » leads.
    charge_row: Option<String>,
}

impl Eligibility {
    pub fn members_ok(&self) -> bool {
        self.engaged_members >= self.min_members
    }
    pub fn share_ok(&self) -> bool {
        self.industrial_share
            .is_some_and(|s| s >= self.min_industrial_share)
    }
    pub fn self_financing_ok(&self) -> bool {
        self.self_financing_year1
            .value()
            .is_some_and(|s| s >= self.min_self_financing)
    }
    pub fn all_ok(&self) -> bool {
        self.members_ok() && self.share_ok() && self.self_financing_ok()
    }

    pub fn ok(&self, t: Threshold) -> bool {
        match t {
            Threshold::Members => self.members_ok(),
            Threshold::IndustrialShare => self.share_ok(),
            Threshold::SelfFinancing => self.self_financing_ok(),
        }
    }

    /// The measured value as the panel shows it: « 25 membres »,
    /// « 76,00 % », « 52,71 % », « non calculable ».
    pub fn measured(&self, t: Threshold) -> String {
        match t {
            Threshold::Members => {
                let n = self.engaged_members;
                format!("{n} membre{}", if n > 1 { "s" } else { "" })
            }
            Threshold::IndustrialShare => self
                .industrial_share
                .map_or_else(|| "aucun membre engagé".to_string(), percent_text),
            Threshold::SelfFinancing => match &self.self_financing_year1 {
                Ratio::Empty => format!("{NOT_COMPUTABLE} : aucune charge en année 1"),
                r => r.text(),
            },
        }
    }

    /// « minimum 15 », « minimum 60,00 % ».
    pub fn minimum(&self, t: Threshold) -> String {
        match t {
            Threshold::Members => format!("minimum {}", self.min_members),
            Threshold::IndustrialShare => {
                format!("minimum {}", percent_text(self.min_industrial_share))
            }
            Threshold::SelfFinancing => {
                format!("minimum {}", percent_text(self.min_self_financing))
            }
        }
    }

    /// The field that decides the threshold: the register for the members,
    /// the first cell that blocks the ratio, else the budget's year-1
    /// own resources. The panel's line and the finding both lead there.
    pub fn field(&self, t: Threshold) -> (Section, FieldPath) {
        match t {
            Threshold::Members | Threshold::IndustrialShare => {
                (Section::Members, FieldPath::part(Part::Members))
            }
            Threshold::SelfFinancing => {
                let path = match &self.self_financing_year1 {
                    Ratio::NotComputable { cells } if !cells.is_empty() => {
                        cells.first().map(|c| FieldPath::from_stored(c))
                    }
                    // Nothing to divide by: the charges are what is missing.
                    Ratio::Empty => self
                        .charge_row
                        .as_deref()
                        .map(|r| FieldPath::budget_cell(r, 0)),
                    _ => self
                        .own_row
                        .as_deref()
                        .map(|r| FieldPath::budget_cell(r, 0)),
                };
                (
                    Section::Plan,
                    path.unwrap_or_else(|| FieldPath::part(Part::Budget)),
                )
            }
        }
    }
}

pub fn measure(dossier: &Dossier, profile: &CallProfile) -> Eligibility {
    measure_figures(&Figures::of(dossier, profile), profile)
}

/// The thresholds measured on figures already computed.
pub fn measure_figures(f: &Figures, profile: &CallProfile) -> Eligibility {
    Eligibility {
        engaged_members: f.counts.engaged_members(),
        min_members: profile.thresholds.min_members,
        industrial_share: f.counts.industrial_share_percent(),
        min_industrial_share: profile.thresholds.min_industrial_share_percent,
        self_financing_year1: f.ratio(0).clone(),
        min_self_financing: profile.thresholds.min_self_financing_year1_percent,
        own_row: profile
            .budget_rows
            .iter()
            .find(|r| r.role.is_own_resource())
            .map(|r| r.id.clone()),
        charge_row: profile
            .budget_rows
            .iter()
            .find(|r| r.role.is_charge())
            .map(|r| r.id.clone()),
    }
}

pub fn check(dossier: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let mut out = Vec::new();
    let f = Figures::of(dossier, profile);
    let e = measure_figures(&f, profile);
    let counts = &f.counts;
    let finding = |t: Threshold, message: String| {
        let (section, field) = e.field(t);
        Finding::blocking(section, field, message)
    };

    if !e.members_ok() {
        let plural = if e.engaged_members > 1 { "s" } else { "" };
        let mut message = format!(
            "{} membre{plural} engagé{plural} : le minimum exigé est {}",
            e.engaged_members, e.min_members
        );
        if counts.interested_companies > 0 {
            message.push_str(&format!(
                " (les {} entreprises potentiellement intéressées ne comptent pas)",
                counts.interested_companies
            ));
        }
        out.push(finding(Threshold::Members, message));
    }

    match e.industrial_share {
        Some(share) if !e.share_ok() => out.push(finding(
            Threshold::IndustrialShare,
            format!(
                "Entreprises industrielles, technologiques ou spécifiques : {} des membres engagés ({} sur {}) : le minimum exigé est {}",
                percent_text(share),
                counts.industrial_companies,
                e.engaged_members,
                percent_text(e.min_industrial_share)
            ),
        )),
        None => out.push(finding(
            Threshold::IndustrialShare,
            format!(
                "Aucun membre engagé : la part d'entreprises industrielles, technologiques ou spécifiques (minimum {}) ne peut pas être calculée",
                percent_text(e.min_industrial_share)
            ),
        )),
        Some(_) => {}
    }

    match &e.self_financing_year1 {
        Ratio::Computed(_) if !e.self_financing_ok() => out.push(finding(
            Threshold::SelfFinancing,
            format!(
                "Autofinancement de l'année 1 : {} ({} de ressources propres pour {} de charges) : le minimum exigé est {}. Formule : {SELF_FINANCING_FORMULA}",
                e.self_financing_year1.text(),
                format_dh(f.totals.own_resources[0]),
                format_dh(f.totals.charges[0]),
                percent_text(e.min_self_financing)
            ),
        )),
        // Each cell that blocks the ratio has its own finding, which says
        // the ratio is « non calculable » (see `entries`): one cause, one
        // finding.
        Ratio::NotComputable { cells } if !cells.is_empty() => {}
        Ratio::NotComputable { .. } | Ratio::Empty => {
            let why = if matches!(e.self_financing_year1, Ratio::Empty) {
                "le total des charges de l'année 1 est nul"
            } else {
                "un total de l'année 1 dépasse ce que le programme sait calculer"
            };
            out.push(finding(
                Threshold::SelfFinancing,
                format!(
                    "Autofinancement de l'année 1 {NOT_COMPUTABLE} : {why} (minimum exigé {}). Formule : {SELF_FINANCING_FORMULA}",
                    percent_text(e.min_self_financing)
                ),
            ))
        }
        Ratio::Computed(_) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ratio_state_leads_to_the_cell_that_decides_it() {
        let profile = CallProfile::edition_2026();
        let charge = profile
            .budget_rows
            .iter()
            .find(|r| r.role.is_charge())
            .expect("a charge row");
        let own = profile
            .budget_rows
            .iter()
            .find(|r| r.role.is_own_resource())
            .expect("an own-resource row");
        // No budget: nothing to divide by, the charges are what is missing.
        let empty = measure(&Dossier::new_for(&profile), &profile);
        assert_eq!(empty.self_financing_year1, Ratio::Empty);
        assert_eq!(
            empty.field(Threshold::SelfFinancing),
            (Section::Plan, FieldPath::budget_cell(&charge.id, 0))
        );
        // A computed ratio leads to the own resources of year 1.
        let example = crate::example_dossier().expect("example");
        let e = measure(&example, &profile);
        assert!(matches!(e.self_financing_year1, Ratio::Computed(_)));
        assert_eq!(
            e.field(Threshold::SelfFinancing),
            (Section::Plan, FieldPath::budget_cell(&own.id, 0))
        );
    }
}
