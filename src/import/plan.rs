//! From rows to members: interpretation, invalid rows, duplicates, and the
//! single application of the result.
//!
//! Every row of the file ends in exactly one bucket: added, merged, skipped
//! duplicate, conflict or invalid. Duplicates are found through hash maps of
//! normalised keys (ICE and name), so the plan takes linear time.

use std::collections::HashMap;

use super::classify::{self, Clues, Suggestion};
use super::keys::ice_key;
pub use super::keys::name_key;
use super::mapping::{ACCEPTED_CATEGORIES, Field, parse_activity, parse_category, parse_size};
use super::merge::{self, FieldConflict, RowMember};
use super::progress::{Progress, Stage};
use super::sheet::{RowIssue, Sheet};
use crate::model::Date;
use crate::model::dossier::{Activity, Dossier, Member, MemberCategory};
use crate::model::quote::short;

/// What to do with a row whose member is already in the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Leave the register's member as it is.
    #[default]
    Skip,
    /// Complete the register's member with the row's non-empty fields
    /// (never overwriting what is already filled: a difference is a
    /// conflict).
    Merge,
}

/// How to import; the defaults apply only to rows whose cell is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanOptions {
    pub policy: DuplicatePolicy,
    /// The activity chosen by the user for rows without one.
    pub default_activity: Option<Activity>,
    /// The category chosen by the user for rows without one.
    pub default_category: Option<MemberCategory>,
    /// Rows without activity or category take what their name, legal form
    /// and sector suggest ([`super::classify`]); the defaults above then
    /// apply only to rows without a suggestion. Either way the value is
    /// marked « à vérifier » in the register.
    pub accept_suggestions: bool,
}

/// Where a duplicate was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index in the register.
    Register(usize),
    /// Index in [`ImportPlan::added`].
    Added(usize),
}

/// A row that becomes a new member.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub line: usize,
    pub member: Member,
    /// The activity is the user's choice for rows without one.
    pub activity_by_default: bool,
    /// The category is the user's choice for rows without one.
    pub category_by_default: bool,
}

/// A row that completed a member.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub line: usize,
    pub target: Target,
    pub name: String,
    pub filled: Vec<Field>,
}

/// A duplicate row that disagrees with its member: nothing of it applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub line: usize,
    pub target: Target,
    pub name: String,
    pub fields: Vec<FieldConflict>,
}

/// A new row without activity or category in the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub line: usize,
    pub name: String,
    pub activity: bool,
    pub category: bool,
    /// What the row's other cells suggest for what it lacks.
    pub suggestion: Suggestion,
}

/// Everything an import would do, computed before anything changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub options: PlanOptions,
    pub added: Vec<Added>,
    pub merged: Vec<Merged>,
    pub skipped: Vec<RowIssue>,
    pub conflicts: Vec<Conflict>,
    pub invalid: Vec<RowIssue>,
    /// New rows without activity or category: added with the user's choice,
    /// or (no choice given) among the invalid rows.
    pub missing: Vec<Missing>,
    /// Register members as the merges complete them (index, member).
    pub completed: Vec<(usize, Member)>,
    /// What the user should know about the file (encodings...).
    pub notes: Vec<String>,
    /// Rows in the file below the header.
    pub rows: usize,
}

/// Excel drops the leading zeros of an ICE typed as a number: put them back.
fn restore_ice(ice: &str) -> String {
    let t = ice.trim();
    if !t.is_empty() && t.len() < 15 && t.chars().all(|c| c.is_ascii_digit()) {
        format!("{t:0>15}")
    } else {
        t.to_string()
    }
}

/// What a row says beyond its member's fields, for suggestions.
#[derive(Default)]
struct RowText {
    legal_form: String,
    category: String,
    /// The category cell says only « member » (« Membre actif »).
    membership_only: bool,
}

/// Which column held a word not understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unknown {
    Category = 0,
    Activity = 1,
}

impl Unknown {
    const BOTH: [Unknown; 2] = [Unknown::Category, Unknown::Activity];

    fn what(self) -> &'static str {
        match self {
            Unknown::Category => "catégorie",
            Unknown::Activity => "activité",
        }
    }

    /// The accepted words, said once for the whole sheet rather than on
    /// each of its rows.
    fn note(self, rows: usize) -> String {
        let accepted = match self {
            Unknown::Category => ACCEPTED_CATEGORIES,
            Unknown::Activity => super::classify::ACCEPTED_ACTIVITIES,
        };
        let lines = if rows > 1 {
            format!("{rows} lignes ont une {} non reconnue", self.what())
        } else {
            format!("1 ligne a une {} non reconnue", self.what())
        };
        format!("{lines} ; mots acceptés : {accepted}")
    }
}

/// Why a row cannot be imported.
#[derive(Debug)]
enum RowError {
    Unknown { what: Unknown, value: String },
    Other(String),
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowError::Unknown { what, value } => write!(
                f,
                "{} « {value} » non reconnue (voir les mots acceptés plus haut)",
                what.what()
            ),
            RowError::Other(reason) => f.write_str(reason),
        }
    }
}

/// Interprets one row; `Err` says why it cannot be imported.
fn member_from_row(row: &[String], mapping: &[Field]) -> Result<(RowMember, RowText), RowError> {
    let mut m = Member::default();
    let mut text = RowText::default();
    let (mut no_activity, mut no_category) = (true, true);
    for (cell, field) in row.iter().zip(mapping) {
        let v = cell.trim();
        match field {
            Field::Name => m.name = v.to_string(),
            Field::Category if !v.is_empty() => {
                text.category = v.to_string();
                text.membership_only = super::mapping::says_only_membership(v);
                m.category = parse_category(v).ok_or_else(|| RowError::Unknown {
                    what: Unknown::Category,
                    value: short(v).into_owned(),
                })?;
                no_category = false;
            }
            Field::Activity if !v.is_empty() => {
                m.activity = parse_activity(v).ok_or_else(|| RowError::Unknown {
                    what: Unknown::Activity,
                    value: short(v).into_owned(),
                })?;
                no_activity = false;
            }
            Field::Sector => m.sector = v.to_string(),
            Field::City => m.city = v.to_string(),
            Field::Size => m.size = parse_size(v),
            Field::Ice => m.ice = restore_ice(v),
            Field::Rc => m.rc = v.to_string(),
            Field::TaxId => m.tax_id = v.to_string(),
            Field::Cnss => m.cnss = v.to_string(),
            Field::ContactName => m.contact.name = v.to_string(),
            Field::Function => m.contact.function = v.to_string(),
            Field::Email => m.contact.email = v.to_string(),
            Field::Phone => m.contact.phone = v.to_string(),
            Field::Joined if !v.is_empty() => {
                m.joined = Some(Date::parse(v).ok_or_else(|| {
                    RowError::Other(format!(
                        "date d'adhésion « {} » illisible (JJ/MM/AAAA)",
                        short(v).into_owned()
                    ))
                })?)
            }
            Field::FeeCategory => m.fee_category = v.to_string(),
            Field::LegalForm => text.legal_form = v.to_string(),
            Field::Category | Field::Activity | Field::Joined | Field::Ignore => {}
        }
    }
    if let Some((i, extra)) = row
        .iter()
        .enumerate()
        .skip(mapping.len())
        .find(|(_, c)| !c.trim().is_empty())
    {
        return Err(RowError::Other(format!(
            "la cellule de la colonne {} (« {} ») est au-delà des colonnes d'en-tête",
            super::sheet::column_name(i as u32),
            short(extra.trim())
        )));
    }
    if m.name.is_empty() {
        return Err(RowError::Other("raison sociale vide".into()));
    }
    Ok((
        RowMember {
            member: m,
            no_activity,
            no_category,
        },
        text,
    ))
}

/// The members known so far (register, then added rows), indexed by ICE
/// and by name; the first one of each key wins.
#[derive(Default)]
struct Index {
    by_ice: HashMap<String, Target>,
    by_name: HashMap<String, Target>,
}

impl Index {
    fn insert(&mut self, m: &Member, t: Target) {
        let ice = ice_key(&m.ice);
        if !ice.is_empty() {
            self.by_ice.entry(ice).or_insert(t);
        }
        let name = name_key(&m.name);
        if !name.is_empty() {
            self.by_name.entry(name).or_insert(t);
        }
    }

    /// The register before the added rows, then the lower index; says
    /// whether the ICE matched.
    fn find(&self, m: &Member) -> Option<(Target, bool)> {
        let by_ice = self.by_ice.get(&ice_key(&m.ice)).copied();
        let by_name = self.by_name.get(&name_key(&m.name)).copied();
        let rank = |t: Target| match t {
            Target::Register(i) => (0, i),
            Target::Added(i) => (1, i),
        };
        match (by_ice, by_name) {
            (Some(a), Some(b)) if rank(b) < rank(a) => Some((b, false)),
            (Some(a), _) => Some((a, true)),
            (None, Some(b)) => Some((b, false)),
            (None, None) => None,
        }
    }
}

/// Computes what importing `sheet` with `mapping` would do.
pub fn plan_import(
    dossier: &Dossier,
    sheet: &Sheet,
    mapping: &[Field],
    options: PlanOptions,
) -> ImportPlan {
    plan_import_with(dossier, sheet, mapping, options, &mut |_, _, _| {})
}

/// [`plan_import`] reporting its progress.
pub fn plan_import_with(
    dossier: &Dossier,
    sheet: &Sheet,
    mapping: &[Field],
    options: PlanOptions,
    progress: Progress<'_>,
) -> ImportPlan {
    let mut planner = Planner {
        dossier,
        plan: ImportPlan {
            options,
            invalid: sheet.bad_rows.clone(),
            notes: sheet.notes.clone(),
            rows: sheet.row_count(),
            ..ImportPlan::default()
        },
        index: Index::default(),
        work: HashMap::new(),
        unknown: [0; 2],
    };
    for (i, m) in dossier.members.iter().enumerate() {
        planner.index.insert(m, Target::Register(i));
    }
    let total = sheet.rows.len();
    for (done, (line, row)) in sheet.rows.iter().enumerate() {
        if done % 1000 == 0 {
            progress(Stage::Planning, done, total);
        }
        match member_from_row(row, mapping) {
            Ok((member, text)) => planner.row(*line, member, &text),
            Err(e) => {
                if let RowError::Unknown { what, .. } = &e {
                    planner.unknown[*what as usize] += 1;
                }
                planner.plan.invalid.push(RowIssue {
                    line: *line,
                    reason: e.to_string(),
                })
            }
        }
    }
    progress(Stage::Planning, total, total);
    planner.finish()
}

/// What a row's cells suggest for the activity or category it lacks; a
/// category typed in the sheet says what the activity is for bodies that
/// are not firms.
fn suggestion_for(row: &RowMember, text: &RowText) -> Suggestion {
    let m = &row.member;
    let mut s = classify::suggest(Clues {
        name: &m.name,
        legal_form: &text.legal_form,
        sector: &m.sector,
        category: &text.category,
    });
    if !row.no_category && !text.membership_only && !m.category.is_company() {
        s.activity = Some(classify::Guess {
            value: Activity::Other,
            clue: format!("catégorie : « {} »", text.category),
        });
    }
    s
}

struct Planner<'a> {
    dossier: &'a Dossier,
    plan: ImportPlan,
    index: Index,
    /// Register members as completed so far.
    work: HashMap<usize, Member>,
    /// Rows refused for a category, and for an activity, not understood
    /// (indexed by [`Unknown`]): the accepted words are said once.
    unknown: [usize; 2],
}

impl Planner<'_> {
    fn row(&mut self, line: usize, row: RowMember, text: &RowText) {
        match self.index.find(&row.member) {
            Some((target, by_ice)) => self.duplicate(line, row, target, by_ice),
            None => self.new_member(line, row, text),
        }
    }

    fn new_member(&mut self, line: usize, mut row: RowMember, text: &RowText) {
        let opts = self.plan.options;
        // « Membre actif » says engaged, not a firm: an institution's name
        // decides, marked « à vérifier » (named in a note by `finish`).
        if let Some(g) = text
            .membership_only
            .then(|| suggestion_for(&row, text).category)
            .flatten()
            .filter(|g| !g.value.is_company())
        {
            row.member.category = g.value;
            row.member.to_check.category = true;
        }
        let suggestion = if row.no_activity || row.no_category {
            suggestion_for(&row, text)
        } else {
            Suggestion::default()
        };
        fn pick<T>(accept: bool, suggested: Option<T>, default: Option<T>) -> Option<T> {
            if accept {
                suggested.or(default)
            } else {
                default
            }
        }
        let activity = row.no_activity.then(|| {
            pick(
                opts.accept_suggestions,
                suggestion.activity.as_ref().map(|g| g.value),
                opts.default_activity,
            )
        });
        let category = row.no_category.then(|| {
            pick(
                opts.accept_suggestions,
                suggestion.category.as_ref().map(|g| g.value),
                opts.default_category,
            )
        });
        if row.no_activity || row.no_category {
            self.plan.missing.push(Missing {
                line,
                name: row.member.name.clone(),
                activity: row.no_activity,
                category: row.no_category,
                suggestion,
            });
        }
        let unset: Vec<&str> = [
            (activity == Some(None)).then_some("activité"),
            (category == Some(None)).then_some("catégorie"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !unset.is_empty() {
            self.plan.invalid.push(RowIssue {
                line,
                reason: format!(
                    "sans {} dans le tableur, en attente d'un choix",
                    unset.join(" ni ")
                ),
            });
            return;
        }
        if let Some(Some(a)) = activity {
            row.member.activity = a;
            row.member.to_check.activity = true;
        }
        if let Some(Some(c)) = category {
            row.member.category = c;
            row.member.to_check.category = true;
        }
        let target = Target::Added(self.plan.added.len());
        self.index.insert(&row.member, target);
        self.plan.added.push(Added {
            line,
            member: row.member,
            activity_by_default: row.no_activity,
            category_by_default: row.no_category,
        });
    }

    fn duplicate(&mut self, line: usize, row: RowMember, target: Target, by_ice: bool) {
        let (existing, open, where_) = match target {
            Target::Register(i) => (
                self.work.get(&i).unwrap_or(&self.dossier.members[i]),
                (false, false),
                "déjà au registre".to_string(),
            ),
            Target::Added(j) => {
                let a = &self.plan.added[j];
                (
                    &a.member,
                    (a.activity_by_default, a.category_by_default),
                    format!("déjà ligne {} du fichier", a.line),
                )
            }
        };
        let name = existing.name.clone();
        let criterion = if by_ice { "même ICE" } else { "même nom" };
        let reason = format!("doublon de « {} » ({criterion}, {where_})", short(&name));
        let cmp = merge::compare(existing, open, &row);
        // The same name with another valid ICE is hers to decide, whatever the policy.
        let another = !by_ice && merge::another_valid_ice(existing, &row.member, &cmp);
        if self.plan.options.policy == DuplicatePolicy::Skip && !another {
            self.plan.skipped.push(RowIssue { line, reason });
            return;
        }
        if !cmp.conflicts.is_empty() {
            self.plan.conflicts.push(Conflict {
                line,
                target,
                name,
                fields: cmp.conflicts,
            });
            return;
        }
        if cmp.fills.is_empty() {
            self.plan.skipped.push(RowIssue {
                line,
                reason: format!("{reason}, rien de nouveau"),
            });
            return;
        }
        let completed = match target {
            Target::Register(i) => self
                .work
                .entry(i)
                .or_insert_with(|| self.dossier.members[i].clone()),
            Target::Added(j) => {
                let a = &mut self.plan.added[j];
                a.activity_by_default &= !cmp.fills.contains(&Field::Activity);
                a.category_by_default &= !cmp.fills.contains(&Field::Category);
                // A later row typed it: nothing left to check.
                a.member.to_check.activity &= a.activity_by_default;
                a.member.to_check.category &= a.category_by_default;
                &mut a.member
            }
        };
        merge::fill(completed, &row.member, &cmp.fills);
        let completed = completed.clone();
        // A filled ICE now identifies the member too.
        self.index.insert(&completed, target);
        self.plan.merged.push(Merged {
            line,
            target,
            name,
            filled: cmp.fills,
        });
    }

    fn finish(mut self) -> ImportPlan {
        let mut completed: Vec<(usize, Member)> = self.work.into_iter().collect();
        completed.sort_by_key(|(i, _)| *i);
        self.plan.completed = completed;
        // A row filled in later by another row no longer lacks it.
        let added: HashMap<usize, (bool, bool)> = self
            .plan
            .added
            .iter()
            .map(|a| (a.line, (a.activity_by_default, a.category_by_default)))
            .collect();
        for m in &mut self.plan.missing {
            if let Some((a, c)) = added.get(&m.line) {
                m.activity &= a;
                m.category &= c;
            }
        }
        self.plan.missing.retain(|m| m.activity || m.category);
        self.plan.notes.extend(self.plan.membership_note());
        self.plan
            .notes
            .extend(Unknown::BOTH.into_iter().filter_map(|what| {
                let rows = self.unknown[what as usize];
                (rows > 0).then(|| what.note(rows))
            }));
        self.plan.invalid.sort_by_key(|r| r.line);
        self.plan
    }
}

#[cfg(test)]
mod tests;
