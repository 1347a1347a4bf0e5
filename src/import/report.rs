//! Applying a plan, and saying what it does: one summary with a count per
//! bucket (the counts add up to the rows of the file) and one line per row
//! that is not simply added.

use super::merge;
use super::plan::{ImportPlan, Missing, Target};
use super::text::line_list;
use crate::model::dossier::Dossier;
use crate::model::quote::short;

fn count(k: usize, one: &str, many: &str) -> String {
    format!("{k} {}", if k > 1 { many } else { one })
}

impl Missing {
    /// Whether the row's cells suggest the value of `what` (« activité »
    /// or « catégorie »).
    fn suggests(&self, what: &str) -> bool {
        match what {
            "activité" => self.suggestion.activity.is_some(),
            _ => self.suggestion.category.is_some(),
        }
    }
}

impl ImportPlan {
    /// Applies the plan in one go.
    pub fn apply(&self, dossier: &mut Dossier) {
        for (index, member) in &self.completed {
            if let Some(m) = dossier.members.get_mut(*index) {
                *m = member.clone();
            }
        }
        dossier
            .members
            .extend(self.added.iter().map(|a| a.member.clone()));
    }

    /// Nothing would change.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.completed.is_empty()
    }

    /// Rows counted in the buckets; equals [`ImportPlan::rows`].
    pub fn counted(&self) -> usize {
        self.added.len()
            + self.merged.len()
            + self.skipped.len()
            + self.conflicts.len()
            + self.invalid.len()
    }

    /// « 12 membres importés, 1 fusionné, 2 doublons ignorés, 1 conflit,
    /// 1 ligne invalide (17 lignes lues) ».
    pub fn summary(&self) -> String {
        format!(
            "{}, {}, {}, {}, {} ({})",
            count(self.added.len(), "membre importé", "membres importés"),
            count(self.merged.len(), "fusionné", "fusionnés"),
            count(self.skipped.len(), "doublon ignoré", "doublons ignorés"),
            count(self.conflicts.len(), "conflit", "conflits"),
            count(self.invalid.len(), "ligne invalide", "lignes invalides"),
            count(self.rows, "ligne lue", "lignes lues"),
        )
    }

    /// The rows without activity, and those without category, that would
    /// be added (with the user's choice) or wait for a choice.
    pub fn without(&self) -> (Vec<&Missing>, Vec<&Missing>) {
        (
            self.missing.iter().filter(|m| m.activity).collect(),
            self.missing.iter().filter(|m| m.category).collect(),
        )
    }

    /// « 3 lignes sans activité dans le tableur (Atlas l. 3, …) : « Industrielle »
    /// choisie pour elles » or « … : non importées tant qu'aucune activité
    /// n'est choisie pour elles ». Empty when every row has both.
    pub fn missing_summary(&self) -> Vec<String> {
        let (no_activity, no_category) = self.without();
        let mut out = Vec::new();
        let chosen_activity = self.options.default_activity.map(|a| a.label());
        let chosen_category = self.options.default_category.map(|c| c.label());
        for (rows, what, chosen) in [
            (no_activity, "activité", chosen_activity),
            (no_category, "catégorie", chosen_category),
        ] {
            if rows.is_empty() {
                continue;
            }
            let names = rows
                .iter()
                .take(8)
                .map(|m| format!("« {} » l. {}", short(&m.name), m.line))
                .collect::<Vec<_>>()
                .join(", ");
            let more = if rows.len() > 8 { ", …" } else { "" };
            let (it, s) = if rows.len() > 1 {
                ("elles", "s")
            } else {
                ("elle", "")
            };
            let suggested = rows
                .iter()
                .filter(|m| self.options.accept_suggestions && m.suggests(what))
                .count();
            let outcome = match (suggested, chosen) {
                (0, Some(label)) => format!("« {label} » choisie pour {it}, à vérifier"),
                (0, None) => {
                    format!("non importée{s} tant qu'aucune {what} n'est choisie pour {it}")
                }
                (k, _) if k == rows.len() => "valeur proposée pour chacune, à vérifier".into(),
                (k, Some(label)) => format!(
                    "valeur proposée pour {k}, « {label} » pour les autres, toutes à vérifier"
                ),
                (k, None) => format!(
                    "valeur proposée pour {k}, les autres non importées tant qu'aucune {what} \
                     n'est choisie pour elles"
                ),
            };
            out.push(format!(
                "{} sans {what} dans le tableur ({names}{more}) : {outcome}",
                count(rows.len(), "ligne", "lignes")
            ));
        }
        out
    }

    /// One line per row not simply added, in file order.
    pub fn details(&self) -> Vec<String> {
        let target = |t: &Target| match t {
            Target::Register(_) => "au registre".to_string(),
            Target::Added(j) => self
                .added
                .get(*j)
                .map_or_else(String::new, |a| format!("ligne {} du fichier", a.line)),
        };
        let mut lines: Vec<(usize, String)> = Vec::new();
        lines.extend(
            self.invalid
                .iter()
                .map(|r| (r.line, format!("ligne {} : invalide, {}", r.line, r.reason))),
        );
        lines.extend(
            self.skipped
                .iter()
                .map(|r| (r.line, format!("ligne {} : ignorée, {}", r.line, r.reason))),
        );
        lines.extend(self.merged.iter().map(|m| {
            (
                m.line,
                format!(
                    "ligne {} : fusionnée avec « {} » ({}), complète : {}",
                    m.line,
                    short(&m.name),
                    target(&m.target),
                    merge::field_list(&m.filled)
                ),
            )
        }));
        lines.extend(self.conflicts.iter().map(|c| {
            (
                c.line,
                format!(
                    "ligne {} : conflit avec « {} » ({}), rien n'est changé — {}",
                    c.line,
                    short(&c.name),
                    target(&c.target),
                    merge::conflict_list(&c.fields)
                ),
            )
        }));
        lines.sort_by_key(|(l, _)| *l);
        lines.into_iter().map(|(_, l)| l).collect()
    }

    /// One line per row whose activity or category is suggested from its
    /// other cells, with the clue: what the preview shows « à vérifier ».
    pub fn suggestions(&self) -> Vec<String> {
        self.missing
            .iter()
            .filter_map(|m| {
                let mut parts = Vec::new();
                let mut clues: Vec<&str> = Vec::new();
                if m.activity
                    && let Some(g) = &m.suggestion.activity
                {
                    parts.push(format!("activité « {} »", g.value.label()));
                    clues.push(&g.clue);
                }
                if m.category
                    && let Some(g) = &m.suggestion.category
                {
                    parts.push(format!("catégorie « {} »", g.value.label()));
                    clues.push(&g.clue);
                }
                clues.dedup();
                (!parts.is_empty()).then(|| {
                    format!(
                        "ligne {} « {} » : {} d'après {} — à vérifier",
                        m.line,
                        short(&m.name),
                        parts.join(", "),
                        clues.join(" et ")
                    )
                })
            })
            .collect()
    }

    /// The rows whose category cell said only « member » and whose name
    /// says an institution: classified by the name, to check.
    pub fn membership_note(&self) -> Option<String> {
        let rows: Vec<&super::plan::Added> = self
            .added
            .iter()
            .filter(|a| a.member.to_check.category && !a.category_by_default)
            .collect();
        rows.first()?;
        let names = rows
            .iter()
            .take(5)
            .map(|a| {
                format!(
                    "« {} » l. {} : {}",
                    short(&a.member.name),
                    a.line,
                    a.member.category.label()
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let (s, more) = (
            if rows.len() > 1 { "s" } else { "" },
            if rows.len() > 5 { ", …" } else { "" },
        );
        Some(format!(
            "{} dont la catégorie dit seulement « membre » : classée{s} d'après le nom \
             ({names}{more}), à vérifier",
            count(rows.len(), "ligne", "lignes"),
        ))
    }

    /// The lines of the rows waiting for a choice of activity or category.
    pub fn waiting_lines(&self) -> String {
        let accept = self.options.accept_suggestions;
        let lines: Vec<usize> = self
            .missing
            .iter()
            .filter(|m| {
                (m.activity
                    && self.options.default_activity.is_none()
                    && !(accept && m.suggests("activité")))
                    || (m.category
                        && self.options.default_category.is_none()
                        && !(accept && m.suggests("catégorie")))
            })
            .map(|m| m.line)
            .collect();
        line_list(&lines)
    }
}

#[cfg(test)]
mod tests {
    use super::super::mapping::guess_mapping;
    use super::super::plan::{PlanOptions, plan_import};
    use super::super::sheet::Sheet;
    use crate::model::dossier::{Activity, Dossier, MemberCategory};

    /// « Membre actif » for a university, a laboratory, an association and
    /// two firms, with no activity column.
    #[test]
    fn membre_actif_is_not_a_firm_when_the_name_says_an_institution() {
        let row = |cells: [&str; 3]| cells.map(String::from).to_vec();
        let sheet = Sheet {
            headers: row(["Dénomination sociale", "Forme jur.", "Collège"]),
            rows: [
                ["Université Abdelmalek Essaâdi", "", "Membre actif"],
                ["Laboratoire de Génie des Procédés", "", "Adhérent"],
                ["Association des Industriels", "Association", "Membre actif"],
                ["Textiles du Nord", "SARL", "Membre actif"],
                ["Maroc Denim", "", "Membre actif"],
                ["Atlas SA", "", "Entreprise engagée"],
            ]
            .into_iter()
            .enumerate()
            .map(|(i, r)| (i + 2, row(r)))
            .collect(),
            ..Sheet::default()
        };
        let options = PlanOptions {
            default_activity: Some(Activity::Other),
            ..PlanOptions::default()
        };
        let plan = plan_import(
            &Dossier::default(),
            &sheet,
            &guess_mapping(&sheet.headers),
            options,
        );
        let got: Vec<(MemberCategory, bool)> = plan
            .added
            .iter()
            .map(|a| (a.member.category, a.member.to_check.category))
            .collect();
        use MemberCategory::*;
        assert_eq!(
            got,
            [
                (TrainingResearch, true),
                (TrainingResearch, true),
                (OtherRepresentative, true),
                (EngagedCompany, false),
                (EngagedCompany, false),
                (EngagedCompany, false),
            ]
        );
        let note = plan
            .notes
            .iter()
            .find(|n| n.contains("dit seulement « membre »"))
            .expect("the rows classified by their name are named");
        assert!(note.starts_with("3 lignes"), "{note}");
        // The activity of the university is suggested from its name, not
        // from « Membre actif ».
        let uni = plan.missing.iter().find(|m| m.line == 2).expect("line 2");
        let clue = uni.suggestion.activity.as_ref().map(|g| g.clue.as_str());
        assert!(clue.is_some_and(|c| c.starts_with("nom")), "{clue:?}");
        assert!(
            note.contains("« Université Abdelmalek Essaâdi » l. 2"),
            "{note}"
        );
    }
}
