//! The call's thresholds (section 3.3): members, industrial share,
//! self-financing in year 1. Each finding states the measured value and the
//! threshold, both taken from the call profile.

use crate::model::call::CallProfile;
use crate::model::compute::{self, SELF_FINANCING_FORMULA};
use crate::model::dossier::Dossier;
use crate::model::field::*;
use crate::model::finding::{Finding, Section};
use crate::model::money::format_number;

use super::percent_text;

/// The measured values behind the three thresholds, for the wizard's
/// always-visible eligibility panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eligibility {
    pub engaged_members: u32,
    pub min_members: u32,
    pub industrial_share: Option<rust_decimal::Decimal>,
    pub min_industrial_share: rust_decimal::Decimal,
    pub self_financing_year1: Option<rust_decimal::Decimal>,
    pub min_self_financing: rust_decimal::Decimal,
    /// A year-1 budget cell holds refused text (mistyped, beyond its
    /// bound): the ratio waits for it, the budget is not blank.
    pub year1_to_correct: bool,
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
            .is_some_and(|s| s >= self.min_self_financing)
    }
    pub fn all_ok(&self) -> bool {
        self.members_ok() && self.share_ok() && self.self_financing_ok()
    }
}

pub fn measure(dossier: &Dossier, profile: &CallProfile) -> Eligibility {
    let counts = compute::member_counts(dossier);
    let totals = compute::budget_totals(dossier, profile);
    Eligibility {
        engaged_members: counts.engaged_members(),
        min_members: profile.thresholds.min_members,
        industrial_share: counts.industrial_share_percent(),
        min_industrial_share: profile.thresholds.min_industrial_share_percent,
        self_financing_year1: compute::self_financing_percent(&totals)[0],
        min_self_financing: profile.thresholds.min_self_financing_year1_percent,
        year1_to_correct: totals.unknown[0],
    }
}

pub fn check(dossier: &Dossier, profile: &CallProfile) -> Vec<Finding> {
    let mut out = Vec::new();
    let e = measure(dossier, profile);
    let counts = compute::member_counts(dossier);

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
        out.push(Finding::blocking(
            Section::Members,
            FieldPath::part(Part::Members),
            message,
        ));
    }

    match e.industrial_share {
        Some(share) if !e.share_ok() => out.push(Finding::blocking(
            Section::Members,
            FieldPath::part(Part::Members),
            format!(
                "Entreprises industrielles, technologiques ou spécifiques : {} des membres engagés ({} sur {}) : le minimum exigé est {}",
                percent_text(share),
                counts.industrial_companies,
                e.engaged_members,
                percent_text(e.min_industrial_share)
            ),
        )),
        None => out.push(Finding::blocking(
            Section::Members,
            FieldPath::part(Part::Members),
            format!(
                "Aucun membre engagé : la part d'entreprises industrielles, technologiques ou spécifiques (minimum {}) ne peut pas être calculée",
                percent_text(e.min_industrial_share)
            ),
        )),
        Some(_) => {}
    }

    match e.self_financing_year1 {
        Some(ratio) if !e.self_financing_ok() => {
            let totals = compute::budget_totals(dossier, profile);
            out.push(Finding::blocking(
                Section::Plan,
                FieldPath::part(Part::Budget),
                format!(
                    "Autofinancement de l'année 1 : {} ({} DH de ressources propres pour {} DH de charges) : le minimum exigé est {}. Formule : {SELF_FINANCING_FORMULA}",
                    percent_text(ratio),
                    format_number(totals.own_resources[0], 2),
                    format_number(totals.charges[0], 2),
                    percent_text(e.min_self_financing)
                ),
            ));
        }
        None => {
            let why = if e.year1_to_correct {
                "un montant de l'année 1 est mal saisi ou hors limites (voir ci-dessus)"
            } else {
                "le total des charges de l'année 1 est nul"
            };
            out.push(Finding::blocking(
                Section::Plan,
                FieldPath::part(Part::Budget),
                format!(
                    "Autofinancement de l'année 1 non calculable : {why} (minimum exigé {}). Formule : {SELF_FINANCING_FORMULA}",
                    percent_text(e.min_self_financing)
                ),
            ))
        }
        Some(_) => {}
    }
    out
}
