//! The outline, before any Word file: what the copy says for the values
//! that are not plain text.

use super::{Block, Cell, outline};
use crate::model::dossier::{Civility, Person};
use crate::model::field::{FieldPath, StrategyField, budget_cell};
use crate::model::{CallProfile, Dossier};

fn cells(blocks: &[Block]) -> Vec<&Cell> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.rows.iter().flat_map(|r| r.cells.iter())),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn a_mistyped_figure_shows_what_was_typed() {
    let p = CallProfile::edition_2026();
    let mut d = Dossier::new_for(&p);
    let row = p.budget_rows[0].id.clone();
    d.invalid_entries
        .insert(budget_cell(&row, 2), "12 000 DH x".into());
    d.invalid_entries.insert(
        FieldPath::strategy(StrategyField::RdProjects)
            .year(0)
            .to_string(),
        "trois".into(),
    );
    let blocks = outline(&d, &p);
    let invalid: Vec<&Cell> = cells(&blocks)
        .into_iter()
        .filter(|c| matches!(c, Cell::Invalid(_)))
        .collect();
    assert_eq!(
        invalid,
        [
            &Cell::Invalid("trois".into()),
            &Cell::Invalid("12 000 DH x".into())
        ]
    );
}

#[test]
fn people_are_titled_as_they_are_and_the_director_only_when_there_is_one() {
    let p = CallProfile::edition_2026();
    let mut d = Dossier::new_for(&p);
    d.identity.president = Person {
        civility: Some(Civility::Madame),
        name: "Salma Idrissi".into(),
        ..Person::default()
    };
    let roles = |d: &Dossier| -> Vec<String> {
        cells(&outline(d, &p))
            .into_iter()
            .filter_map(|c| match c {
                Cell::Value(v)
                    if ["Président", "Présidente", "Directeur", "Directrice"]
                        .contains(&v.as_str()) =>
                {
                    Some(v.clone())
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(roles(&d), ["Présidente"]);
    d.identity.director.name = "Karim Alaoui".into();
    assert_eq!(roles(&d), ["Présidente", "Directeur"]);
}

#[test]
fn the_copy_holds_sections_1_to_6_and_no_other() {
    let p = CallProfile::edition_2026();
    let d = crate::example_dossier().expect("the example parses");
    let sections: Vec<String> = outline(&d, &p)
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(sections.len(), 6);
    for (i, s) in sections.iter().enumerate() {
        assert!(s.starts_with(&format!("Section {} – ", i + 1)), "{s}");
    }
}
