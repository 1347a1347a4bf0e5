//! The applicant's dossier, rubric by rubric, in the order of the call:
//! Partie 1 (administratif), Partie 2 sections 1 to 7 (technique), Partie 3
//! (critères) and the annexed déclaration sur l'honneur.
//!
//! Plain data only: the wizard edits it, the rules read it, the printer lays
//! it out, the store writes it as RON. Every struct takes `#[serde(default)]`
//! so a file missing a field (older version, hand edit) still loads, and
//! `deny_unknown_fields` so a misspelt field is refused, never dropped.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::date::Date;

mod administrative;
mod cooperation;
mod declaration;
mod governance;
mod identity;
mod members;
mod plan;
mod startups;
mod strategy;

pub use administrative::*;
pub use cooperation::*;
pub use declaration::*;
pub use governance::*;
pub use identity::*;
pub use members::*;
pub use plan::*;
pub use startups::*;
pub use strategy::*;

/// Version of the file format written by this build.
///
/// - 1: the first format.
/// - 2: unknown fields are refused; `call_profile` names a profile file;
///   `invalid_entries` keeps mistyped numbers as typed.
/// - 3: a member's `to_check` marks the activity or category an import
///   guessed, « à vérifier » until she confirms it (absent: nothing to check).
/// - 4: the cluster's `website` in its identity (absent: none given).
pub const FORMAT_VERSION: u32 = 4;
/// Number of years every forecast table covers.
pub const YEARS: usize = 5;
/// One value per year; `None` is a blank cell, distinct from zero.
pub type Years<T> = [Option<T>; YEARS];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dossier {
    pub format_version: u32,
    /// Edition of the call the dossier answers, selects the call profile.
    pub edition: String,
    /// The call profile file chosen for this dossier (an edition this build
    /// does not bundle), relative to the dossier's folder.
    pub call_profile: Option<String>,
    pub administrative: Vec<AdminPiece>,
    pub identity: Identity,
    pub members: Vec<Member>,
    pub partners: Vec<MajorPartner>,
    pub governance: Governance,
    pub strategy: Strategy,
    pub cooperation: Cooperation,
    pub startups: StartupSupport,
    pub plan: ActionPlan,
    pub budget: Vec<BudgetLine>,
    pub indicators: Indicators,
    pub criteria: Vec<CriterionAnswer>,
    pub declaration: Declaration,
    pub print: PrintOptions,
    /// What the user typed in a number, amount or date field that is not a
    /// valid value, by field path (`budget.subventions[0]`). The field's
    /// value stays blank until corrected, so no guess is ever computed with,
    /// and the text is kept as typed through save and reopen.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub invalid_entries: std::collections::BTreeMap<String, String>,
}

impl Default for Dossier {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            edition: "2026".to_string(),
            call_profile: None,
            administrative: Vec::new(),
            identity: Identity::default(),
            members: Vec::new(),
            partners: Vec::new(),
            governance: Governance::default(),
            strategy: Strategy::default(),
            cooperation: Cooperation::default(),
            startups: StartupSupport::default(),
            plan: ActionPlan::default(),
            budget: Vec::new(),
            indicators: Indicators::default(),
            criteria: Vec::new(),
            declaration: Declaration::default(),
            print: PrintOptions::default(),
            invalid_entries: std::collections::BTreeMap::new(),
        }
    }
}

impl Dossier {
    /// An empty dossier for the edition of `profile`, with one blank row
    /// per administrative piece, budget row, standard indicator and criterion,
    /// so every rubric the call asks for is there to fill.
    pub fn new_for(profile: &super::call::CallProfile) -> Self {
        Self {
            edition: profile.edition.clone(),
            administrative: profile
                .admin_pieces
                .iter()
                .map(|p| AdminPiece {
                    id: p.id.clone(),
                    ..AdminPiece::default()
                })
                .collect(),
            budget: profile
                .budget_rows
                .iter()
                .map(|r| BudgetLine {
                    row: r.id.clone(),
                    ..BudgetLine::default()
                })
                .collect(),
            indicators: Indicators {
                standard: profile
                    .kpi_rows
                    .iter()
                    .map(|k| KpiLine {
                        id: k.id.clone(),
                        values: [None; YEARS],
                    })
                    .collect(),
                custom: Vec::new(),
            },
            criteria: profile
                .criteria
                .iter()
                .map(|c| CriterionAnswer {
                    id: c.id.clone(),
                    argument: String::new(),
                })
                .collect(),
            ..Self::default()
        }
    }

    pub fn admin_piece(&self, id: &str) -> Option<&AdminPiece> {
        self.administrative.iter().find(|p| p.id == id)
    }
    pub fn budget_line(&self, row: &str) -> Option<&BudgetLine> {
        self.budget.iter().find(|l| l.row == row)
    }
    pub fn budget_line_mut(&mut self, row: &str) -> &mut BudgetLine {
        if let Some(i) = self.budget.iter().position(|l| l.row == row) {
            &mut self.budget[i]
        } else {
            self.budget.push(BudgetLine {
                row: row.to_string(),
                ..BudgetLine::default()
            });
            let last = self.budget.len().saturating_sub(1);
            &mut self.budget[last]
        }
    }
    pub fn kpi_line(&self, id: &str) -> Option<&KpiLine> {
        self.indicators.standard.iter().find(|l| l.id == id)
    }
    pub fn criterion_answer(&self, id: &str) -> Option<&CriterionAnswer> {
        self.criteria.iter().find(|c| c.id == id)
    }
    /// The association's name as the declaration prints it.
    pub fn declaration_association_name(&self) -> &str {
        if self.declaration.association_name.trim().is_empty() {
            &self.identity.name
        } else {
            &self.declaration.association_name
        }
    }
    /// The legal form as the declaration prints it.
    pub fn declaration_legal_form(&self) -> &str {
        if self.declaration.legal_form.trim().is_empty() {
            &self.identity.legal_form
        } else {
            &self.declaration.legal_form
        }
    }
}
