//! From rows to members: interpretation, invalid rows, duplicates, and the
//! single application of the result.

use super::mapping::{Field, normalise, parse_activity, parse_category, parse_size};
use super::sheet::Sheet;
use crate::model::Date;
use crate::model::dossier::{Dossier, Member};

/// What to do with a row whose member is already in the register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Leave the register's member as it is.
    #[default]
    Skip,
    /// Complete the register's member with the row's non-empty fields
    /// (never overwriting what is already filled).
    Merge,
}

/// A row not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowIssue {
    pub line: usize,
    pub reason: String,
}

/// Everything an import would do, computed before anything changes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub new_members: Vec<Member>,
    /// (index in the register, completed member, sheet line).
    pub merges: Vec<(usize, Member, usize)>,
    pub skipped: Vec<RowIssue>,
    pub invalid: Vec<RowIssue>,
}

impl ImportPlan {
    /// Applies the plan in one go.
    pub fn apply(&self, dossier: &mut Dossier) {
        for (index, member, _) in &self.merges {
            if let Some(m) = dossier.members.get_mut(*index) {
                *m = member.clone();
            }
        }
        dossier.members.extend(self.new_members.iter().cloned());
    }

    /// « 12 membres importés, 1 fusionné, 2 ignorés (doublons), 1 ligne invalide ».
    pub fn summary(&self) -> String {
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k > 1 { many } else { one });
        format!(
            "{}, {}, {}, {}",
            n(self.new_members.len(), "membre importé", "membres importés"),
            n(self.merges.len(), "fusionné", "fusionnés"),
            n(self.skipped.len(), "doublon ignoré", "doublons ignorés"),
            n(self.invalid.len(), "ligne invalide", "lignes invalides"),
        )
    }

    /// One line per row not imported, with its line number and reason.
    pub fn details(&self) -> Vec<String> {
        let mut lines: Vec<(usize, String)> = self
            .invalid
            .iter()
            .map(|r| (r.line, format!("ligne {} : invalide, {}", r.line, r.reason)))
            .chain(
                self.skipped
                    .iter()
                    .map(|r| (r.line, format!("ligne {} : ignorée, {}", r.line, r.reason))),
            )
            .chain(self.merges.iter().map(|(_, m, line)| {
                (
                    *line,
                    format!("ligne {line} : fusionnée avec « {} »", m.name),
                )
            }))
            .collect();
        lines.sort();
        lines.into_iter().map(|(_, l)| l).collect()
    }
}

/// The legal forms dropped before comparing names.
const LEGAL_FORMS: &[&str] = &[
    "sarlau",
    "sarl au",
    "sarl",
    "s a r l a u",
    "s a r l",
    "sasu",
    "sas",
    "sa",
    "s a",
    "snc",
    "scs",
    "ste",
    "societe",
    "ets",
    "etablissements",
];

/// A name as compared for duplicates: no accents, case, punctuation or
/// legal form (« Sté Atlas SARL » = « ATLAS »).
pub fn name_key(name: &str) -> String {
    let mut words = format!(" {} ", normalise(name));
    for form in LEGAL_FORMS {
        let pattern = format!(" {form} ");
        while words.contains(&pattern) {
            words = words.replace(&pattern, " ");
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ice_key(ice: &str) -> String {
    ice.chars().filter(char::is_ascii_digit).collect()
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

/// Interprets one row; `Err` says why it cannot be imported.
fn member_from_row(row: &[String], mapping: &[Field]) -> Result<Member, String> {
    let mut m = Member::default();
    for (cell, field) in row.iter().zip(mapping) {
        let v = cell.trim();
        match field {
            Field::Name => m.name = v.to_string(),
            Field::Category => {
                m.category =
                    parse_category(v).ok_or_else(|| format!("catégorie « {v} » non reconnue"))?
            }
            Field::Activity => {
                m.activity =
                    parse_activity(v).ok_or_else(|| format!("activité « {v} » non reconnue"))?
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
                m.joined = Some(
                    Date::parse(v)
                        .ok_or_else(|| format!("date d'adhésion « {v} » illisible (JJ/MM/AAAA)"))?,
                )
            }
            Field::Joined | Field::Ignore => {}
            Field::FeeCategory => m.fee_category = v.to_string(),
        }
    }
    if m.name.is_empty() {
        return Err("raison sociale vide".into());
    }
    Ok(m)
}

/// Fills the empty fields of `base` from `extra`.
fn complete(base: &mut Member, extra: &Member) {
    let fill = |a: &mut String, b: &String| {
        if a.trim().is_empty() {
            a.clone_from(b);
        }
    };
    fill(&mut base.sector, &extra.sector);
    fill(&mut base.city, &extra.city);
    fill(&mut base.ice, &extra.ice);
    fill(&mut base.rc, &extra.rc);
    fill(&mut base.tax_id, &extra.tax_id);
    fill(&mut base.cnss, &extra.cnss);
    fill(&mut base.contact.name, &extra.contact.name);
    fill(&mut base.contact.function, &extra.contact.function);
    fill(&mut base.contact.email, &extra.contact.email);
    fill(&mut base.contact.phone, &extra.contact.phone);
    fill(&mut base.fee_category, &extra.fee_category);
    if base.joined.is_none() {
        base.joined = extra.joined;
    }
    if base.size == crate::model::dossier::CompanySize::Unspecified {
        base.size = extra.size;
    }
}

/// Where a member already is: in the register or among this import's rows.
enum Found {
    Register(usize),
    Planned(usize),
}

/// Computes what importing `sheet` with `mapping` would do.
pub fn plan_import(
    dossier: &Dossier,
    sheet: &Sheet,
    mapping: &[Field],
    policy: DuplicatePolicy,
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut merged: Vec<Member> = dossier.members.clone();
    let mut touched: Vec<(usize, usize)> = Vec::new();
    for (line, row) in &sheet.rows {
        let member = match member_from_row(row, mapping) {
            Ok(m) => m,
            Err(reason) => {
                plan.invalid.push(RowIssue {
                    line: *line,
                    reason,
                });
                continue;
            }
        };
        let ice = ice_key(&member.ice);
        let name = name_key(&member.name);
        let same = |m: &Member| {
            (!ice.is_empty() && ice_key(&m.ice) == ice)
                || (!name.is_empty() && name_key(&m.name) == name)
        };
        let found = merged
            .iter()
            .position(same)
            .map(Found::Register)
            .or_else(|| plan.new_members.iter().position(same).map(Found::Planned));
        let Some(found) = found else {
            plan.new_members.push(member);
            continue;
        };
        let (existing, why) = match &found {
            Found::Register(i) => (&merged[*i], "déjà au registre"),
            Found::Planned(i) => (&plan.new_members[*i], "déjà plus haut dans le fichier"),
        };
        let criterion = if !ice.is_empty() && ice_key(&existing.ice) == ice {
            "même ICE"
        } else {
            "même nom"
        };
        let reason = format!("doublon de « {} » ({criterion}, {why})", existing.name);
        match (policy, found) {
            (DuplicatePolicy::Skip, _) => plan.skipped.push(RowIssue {
                line: *line,
                reason,
            }),
            (DuplicatePolicy::Merge, Found::Register(i)) => {
                complete(&mut merged[i], &member);
                touched.push((i, *line));
            }
            (DuplicatePolicy::Merge, Found::Planned(i)) => {
                complete(&mut plan.new_members[i], &member);
                plan.skipped.push(RowIssue {
                    line: *line,
                    reason: format!("{reason} : complète la ligne déjà importée"),
                });
            }
        }
    }
    for (i, line) in touched {
        if merged[i] != dossier.members[i] && !plan.merges.iter().any(|(j, _, _)| *j == i) {
            plan.merges.push((i, merged[i].clone(), line));
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::{Activity, MemberCategory};

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            headers: rows[0].iter().map(|s| s.to_string()).collect(),
            rows: rows[1..]
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 2, r.iter().map(|s| s.to_string()).collect()))
                .collect(),
        }
    }

    #[test]
    fn names_compare_without_accents_case_or_legal_form() {
        assert_eq!(
            name_key("Sté Laiterie d'Azrou SARL"),
            name_key("LAITERIE D'AZROU")
        );
        assert_eq!(name_key("Atlas S.A.R.L."), "atlas");
        assert_ne!(name_key("Atlas Nord"), name_key("Atlas Sud"));
    }

    #[test]
    fn rows_become_members_duplicates_and_invalid_rows_are_reported() {
        let s = sheet(&[
            &[
                "Raison sociale",
                "Catégorie",
                "Activité",
                "ICE",
                "Date d'adhésion",
            ],
            &[
                "Atlas Emballages SARL",
                "Entreprise engagée",
                "Industrielle",
                "1561191000066",
                "12/03/2024",
            ],
            &["", "Entreprise engagée", "", "", ""],
            &["ATLAS EMBALLAGES", "Entreprise engagée", "", "", ""],
            &["Université de Fès", "Université", "", "", "31/02/2024"],
            &["Centre X", "Martien", "", "", ""],
            &["Université Euromed", "Université", "", "", ""],
        ]);
        let mut d = Dossier::default();
        let mapping = super::super::guess_mapping(&s.headers);
        let plan = plan_import(&d, &s, &mapping, DuplicatePolicy::Skip);
        assert_eq!(plan.new_members.len(), 2);
        assert_eq!(
            plan.new_members[0].ice, "001561191000066",
            "leading zeros restored"
        );
        assert_eq!(plan.new_members[0].activity, Activity::Industrial);
        assert_eq!(
            plan.new_members[1].category,
            MemberCategory::TrainingResearch
        );
        assert_eq!(plan.skipped.len(), 1);
        assert_eq!(plan.skipped[0].line, 4);
        let invalid: Vec<usize> = plan.invalid.iter().map(|r| r.line).collect();
        assert_eq!(invalid, [3, 5, 6]);
        assert!(plan.invalid[1].reason.contains("31/02/2024"));
        assert_eq!(
            plan.summary(),
            "2 membres importés, 0 fusionné, 1 doublon ignoré, 3 lignes invalides"
        );
        plan.apply(&mut d);
        assert_eq!(d.members.len(), 2);

        // A second import of the same sheet adds nothing; merging completes.
        let mut s2 = s.clone();
        s2.rows[0].1[3] = String::new();
        s2.rows.push((
            9,
            ["Université Euromed", "Université", "", "", "01/09/2024"]
                .map(String::from)
                .to_vec(),
        ));
        let plan = plan_import(&d, &s2, &mapping, DuplicatePolicy::Merge);
        assert!(plan.new_members.is_empty());
        assert_eq!(plan.merges.len(), 1);
        assert_eq!(plan.merges[0].0, 1);
        assert_eq!(plan.merges[0].1.joined, Date::new(2024, 9, 1));
    }
}
