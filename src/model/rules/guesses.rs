//! Values an import guessed (a member's activity or category suggested
//! from its name or sector, or the one choice made for rows without it):
//! each stays a warning until she confirms or changes it, because the
//! 60 % threshold may rest on them.

use crate::model::dossier::Dossier;
use crate::model::field::{FieldPath, MemberField};
use crate::model::finding::{Finding, Section};

pub fn check(d: &Dossier) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, m) in d.members.iter().enumerate() {
        let who = if m.name.trim().is_empty() {
            format!("Membre n° {}", crate::model::field::nth(i))
        } else {
            format!("Membre « {} »", m.name.trim())
        };
        let marks = [
            (
                m.to_check.activity,
                MemberField::Activity,
                "activité",
                m.activity.label(),
            ),
            (
                m.to_check.category,
                MemberField::Category,
                "catégorie",
                m.category.label(),
            ),
        ];
        for (marked, field, noun, value) in marks {
            if marked {
                out.push(Finding::warning(
                    Section::Members,
                    FieldPath::member_field(i, field),
                    format!(
                        "{who}, {noun} « {value} » : proposée à l'import, à vérifier \
                         (confirmez-la ou choisissez-en une autre dans le registre)"
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dossier::{Activity, Member, ToCheck};

    #[test]
    fn one_warning_per_guessed_value_naming_member_and_value() {
        let mut d = Dossier::default();
        d.members.push(Member {
            name: "Université Euromed".into(),
            activity: Activity::Other,
            to_check: ToCheck {
                activity: true,
                category: true,
            },
            ..Member::default()
        });
        d.members.push(Member {
            name: "Atlas Emballages".into(),
            ..Member::default()
        });
        let f = check(&d);
        assert_eq!(f.len(), 2);
        assert!(f[0].message.contains("« Université Euromed »"));
        assert!(f[0].message.contains("activité « Autre"));
        assert!(f[1].message.contains("catégorie « Entreprise engagée »"));
        assert_eq!(
            f[0].field,
            FieldPath::member_field(0, MemberField::Activity)
        );
    }

    #[test]
    fn a_confirmed_or_changed_value_is_no_longer_to_check() {
        let before = Member {
            to_check: ToCheck {
                activity: true,
                category: true,
            },
            ..Member::default()
        };
        let mut after = before.clone();
        after.activity = Activity::Technological;
        after.confirm_changed(&before);
        assert!(!after.to_check.activity);
        assert!(after.to_check.category);
    }
}
