//! Comparing a row with the member it duplicates, field by field: what the
//! row can fill (the member's field is empty) and where the two disagree
//! (both filled, with different values). A disagreement is never settled
//! silently: the row is reported as a conflict and nothing of it is
//! applied.

use super::mapping::{Field, normalise};
use crate::model::dossier::{CompanySize, Member};

/// A row as interpreted, with the fields the sheet left empty.
#[derive(Clone, Debug, PartialEq)]
pub struct RowMember {
    pub member: Member,
    /// The activity cell was empty (or there is no activity column).
    pub no_activity: bool,
    /// The category cell was empty (or there is no category column).
    pub no_category: bool,
}

/// Two values of one field that differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldConflict {
    pub field: Field,
    /// The value already there (in the register or on an earlier row).
    pub kept: String,
    /// The row's value.
    pub sheet: String,
}

/// What merging a row into a member would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub fills: Vec<Field>,
    pub conflicts: Vec<FieldConflict>,
}

/// The text fields, compared and filled alike.
const TEXT_FIELDS: [Field; 11] = [
    Field::Sector,
    Field::City,
    Field::Ice,
    Field::Rc,
    Field::TaxId,
    Field::Cnss,
    Field::ContactName,
    Field::Function,
    Field::Email,
    Field::Phone,
    Field::FeeCategory,
];

fn text(m: &Member, f: Field) -> Option<&String> {
    Some(match f {
        Field::Sector => &m.sector,
        Field::City => &m.city,
        Field::Ice => &m.ice,
        Field::Rc => &m.rc,
        Field::TaxId => &m.tax_id,
        Field::Cnss => &m.cnss,
        Field::ContactName => &m.contact.name,
        Field::Function => &m.contact.function,
        Field::Email => &m.contact.email,
        Field::Phone => &m.contact.phone,
        Field::FeeCategory => &m.fee_category,
        _ => return None,
    })
}

fn text_mut(m: &mut Member, f: Field) -> Option<&mut String> {
    Some(match f {
        Field::Sector => &mut m.sector,
        Field::City => &mut m.city,
        Field::Ice => &mut m.ice,
        Field::Rc => &mut m.rc,
        Field::TaxId => &mut m.tax_id,
        Field::Cnss => &mut m.cnss,
        Field::ContactName => &mut m.contact.name,
        Field::Function => &mut m.contact.function,
        Field::Email => &mut m.contact.email,
        Field::Phone => &mut m.contact.phone,
        Field::FeeCategory => &mut m.fee_category,
        _ => return None,
    })
}

/// Same value written differently (case, accents, spaces, punctuation)?
fn same_text(f: Field, a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        if f == Field::Ice {
            s.chars().filter(char::is_ascii_digit).collect()
        } else {
            normalise(s).chars().filter(|c| *c != ' ').collect()
        }
    };
    key(a) == key(b)
}

/// The same name with two valid, different ICEs: two establishments or a
/// typing error, hers to decide as a conflict, never a duplicate dropped.
pub fn another_valid_ice(base: &Member, row: &Member, cmp: &Comparison) -> bool {
    let valid = |ice: &str| {
        !ice.trim().is_empty() && crate::model::rules::identifiers::ice_problem(ice).is_none()
    };
    valid(&base.ice) && valid(&row.ice) && cmp.conflicts.iter().any(|c| c.field == Field::Ice)
}

/// Compares `row` with `base`. `base_open` says which of the base's
/// activity and category may still be filled (chosen by default, not typed).
pub fn compare(base: &Member, base_open: (bool, bool), row: &RowMember) -> Comparison {
    let mut out = Comparison::default();
    let mut check = |field: Field,
                     base_empty: bool,
                     row_empty: bool,
                     same: bool,
                     kept: String,
                     sheet: String| {
        if row_empty || same {
        } else if base_empty {
            out.fills.push(field);
        } else {
            out.conflicts.push(FieldConflict { field, kept, sheet });
        }
    };
    let (b, r) = (base, &row.member);
    check(
        Field::Category,
        base_open.1,
        row.no_category,
        b.category == r.category,
        b.category.label().into(),
        r.category.label().into(),
    );
    check(
        Field::Activity,
        base_open.0,
        row.no_activity,
        b.activity == r.activity,
        b.activity.label().into(),
        r.activity.label().into(),
    );
    for f in TEXT_FIELDS {
        if let (Some(kept), Some(new)) = (text(b, f), text(r, f)) {
            check(
                f,
                kept.trim().is_empty(),
                new.trim().is_empty(),
                same_text(f, kept, new),
                kept.clone(),
                new.clone(),
            );
        }
    }
    check(
        Field::Size,
        b.size == CompanySize::Unspecified,
        r.size == CompanySize::Unspecified,
        b.size == r.size,
        b.size.label().into(),
        r.size.label().into(),
    );
    check(
        Field::Joined,
        b.joined.is_none(),
        r.joined.is_none(),
        b.joined == r.joined,
        b.joined.map(|d| d.french()).unwrap_or_default(),
        r.joined.map(|d| d.french()).unwrap_or_default(),
    );
    out
}

/// Copies the row's `fields` into `base`.
pub fn fill(base: &mut Member, row: &Member, fields: &[Field]) {
    for &f in fields {
        match f {
            Field::Category => base.category = row.category,
            Field::Activity => base.activity = row.activity,
            Field::Size => base.size = row.size,
            Field::Joined => base.joined = row.joined,
            _ => {
                if let (Some(to), Some(from)) = (text_mut(base, f), text(row, f)) {
                    to.clone_from(from);
                }
            }
        }
    }
}

/// « Ville, E-mail ».
pub fn field_list(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| f.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// « Ville : « Fès » gardé, « Meknès » dans le tableur ; … ».
pub fn conflict_list(conflicts: &[FieldConflict]) -> String {
    conflicts
        .iter()
        .map(|c| {
            format!(
                "{} : « {} » gardé, « {} » dans le tableur",
                c.field.label(),
                crate::model::quote::short(&c.kept),
                crate::model::quote::short(&c.sheet)
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::dossier::Activity;

    #[test]
    fn fills_and_conflicts_field_by_field() {
        let mut base = Member {
            name: "Atlas".into(),
            city: "Fès".into(),
            ice: "001561191000066".into(),
            ..Member::default()
        };
        let row = RowMember {
            member: Member {
                name: "ATLAS".into(),
                city: "FES".into(),
                ice: "001 561 191 000 066".into(),
                contact: crate::model::dossier::Person {
                    email: "a@atlas.ma".into(),
                    ..Default::default()
                },
                activity: Activity::Industrial,
                joined: Date::new(2024, 3, 1),
                ..Member::default()
            },
            no_activity: false,
            no_category: true,
        };
        let c = compare(&base, (false, false), &row);
        assert_eq!(c.fills, [Field::Email, Field::Joined]);
        assert_eq!(c.conflicts.len(), 1);
        assert_eq!(c.conflicts[0].field, Field::Activity);
        let c = compare(&base, (true, false), &row);
        assert_eq!(c.fills, [Field::Activity, Field::Email, Field::Joined]);
        assert!(c.conflicts.is_empty());
        fill(&mut base, &row.member, &c.fills);
        assert_eq!(base.activity, Activity::Industrial);
        assert_eq!(base.contact.email, "a@atlas.ma");
        assert_eq!(base.city, "Fès", "kept as typed in the register");
    }
}
