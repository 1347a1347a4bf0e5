//! Register rows copied out of the wizard as tab-separated text, which
//! Excel and LibreOffice paste as columns and which the import reads back
//! as the same members (its headers are the import's own column names, its
//! values the app's own labels).

use super::mapping::Field;
use crate::model::dossier::Member;

/// The columns written, in order: every field the import knows.
fn columns() -> impl Iterator<Item = Field> {
    // The legal form is a clue read at import, not kept in the register.
    Field::ALL
        .into_iter()
        .filter(|f| !matches!(f, Field::Ignore | Field::LegalForm))
}

/// A tab or line break inside a value would split the row: spaces instead.
fn cell(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ").trim().to_string()
}

fn value(m: &Member, field: Field) -> String {
    match field {
        Field::Name => cell(&m.name),
        Field::Category => m.category.label().to_string(),
        Field::Activity => m.activity.label().to_string(),
        Field::Sector => cell(&m.sector),
        Field::City => cell(&m.city),
        Field::Size => match m.size {
            crate::model::dossier::CompanySize::Unspecified => String::new(),
            s => s.label().to_string(),
        },
        Field::Ice => cell(&m.ice),
        Field::Rc => cell(&m.rc),
        Field::TaxId => cell(&m.tax_id),
        Field::Cnss => cell(&m.cnss),
        Field::ContactName => cell(&m.contact.name),
        Field::Function => cell(&m.contact.function),
        Field::Email => cell(&m.contact.email),
        Field::Phone => cell(&m.contact.phone),
        Field::Joined => m
            .joined
            .map(|d| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()))
            .unwrap_or_default(),
        Field::FeeCategory => cell(&m.fee_category),
        Field::Ignore | Field::LegalForm => String::new(),
    }
}

/// The members as tab-separated text with a header row.
pub fn members_tsv<'a>(members: impl IntoIterator<Item = &'a Member>) -> String {
    let line = |cells: Vec<String>| cells.join("\t") + "\n";
    let mut out = line(columns().map(|f| f.label().to_string()).collect());
    for m in members {
        out.push_str(&line(columns().map(|f| value(m, f)).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{self, PlanOptions};
    use crate::model::Dossier;

    /// Copy the example's register out, paste it into an empty dossier:
    /// the same members come back, labels and all.
    #[test]
    fn copied_rows_import_back_as_the_same_members() {
        let example = crate::example_dossier().expect("example");
        let text = members_tsv(&example.members);
        let records = import::csv::parse(&text, &import::Limits::default()).expect("parses");
        let mut rows = records.records;
        let header = rows.remove(0).1;
        let mapping = import::guess_mapping(&header);
        assert_eq!(
            mapping,
            columns().collect::<Vec<_>>(),
            "every column is recognised"
        );
        let sheet = import::Sheet {
            headers: header,
            rows,
            bad_rows: Vec::new(),
            notes: Vec::new(),
            encoding: None,
        };
        let mut empty = Dossier::default();
        let plan = import::plan_import(&empty, &sheet, &mapping, PlanOptions::default());
        plan.apply(&mut empty);
        assert_eq!(empty.members.len(), example.members.len());
        for (back, original) in empty.members.iter().zip(&example.members) {
            assert_eq!(back.name, original.name);
            assert_eq!(back.category, original.category, "{}", original.name);
            assert_eq!(back.activity, original.activity, "{}", original.name);
            assert_eq!(back.ice, original.ice);
            assert_eq!(back.city, original.city);
            assert_eq!(back.joined, original.joined);
            assert_eq!(back.contact.email, original.contact.email);
        }
    }
}
