//! The president, vice-president and treasurer are typed once, in « 1
//! Identité », and are also board members in « 2 Gouvernance ».
//!
//! A board row is « in step » with an officer when it has the officer's
//! role and the same name, civility, organisation, function, phone and
//! e-mail. Rows in step follow the officer's edits (and the officer follows
//! edits made to the row): they are the same person typed once. A row that
//! differs was typed by the user and is never changed without a click on
//! « Reprendre dans le Conseil ».

use egui::{RichText, Ui};

use crate::model::dossier::{BoardMember, BoardRole, Dossier, Identity, Person};
use crate::ui::widgets::{Form, GREEN, HINT_SIZE};

/// The officers of the Identité tab, in the board's order.
pub const ROLES: [BoardRole; 3] = [
    BoardRole::President,
    BoardRole::VicePresident,
    BoardRole::Treasurer,
];

/// The officer of `role` in the identity card.
pub fn officer(id: &Identity, role: BoardRole) -> Option<&Person> {
    match role {
        BoardRole::President => Some(&id.president),
        BoardRole::VicePresident => Some(&id.vice_president),
        BoardRole::Treasurer => Some(&id.treasurer),
        _ => None,
    }
}

fn officer_mut(id: &mut Identity, role: BoardRole) -> Option<&mut Person> {
    match role {
        BoardRole::President => Some(&mut id.president),
        BoardRole::VicePresident => Some(&mut id.vice_president),
        BoardRole::Treasurer => Some(&mut id.treasurer),
        _ => None,
    }
}

/// The board row an officer makes.
pub fn board_row(p: &Person, role: BoardRole) -> BoardMember {
    BoardMember {
        civility: p.civility,
        name: p.name.clone(),
        organisation: p.organisation.clone(),
        role,
        function: p.function.clone(),
        phone: p.phone.clone(),
        email: p.email.clone(),
    }
}

fn as_person(b: &BoardMember) -> Person {
    Person {
        civility: b.civility,
        name: b.name.clone(),
        organisation: b.organisation.clone(),
        function: b.function.clone(),
        phone: b.phone.clone(),
        email: b.email.clone(),
    }
}

/// Whether the row is the officer, as typed in Identité.
pub fn in_step(b: &BoardMember, p: &Person, role: BoardRole) -> bool {
    *b == board_row(p, role)
}

/// Where a new officer row goes: after the rows of the officers before it
/// (the president first), else at the top.
fn insert_at(board: &[BoardMember], role: BoardRole) -> usize {
    let rank = |r: BoardRole| ROLES.iter().position(|x| *x == r);
    let Some(mine) = rank(role) else {
        return board.len();
    };
    board
        .iter()
        .rposition(|b| rank(b.role).is_some_and(|r| r < mine))
        .map_or(0, |i| i + 1)
}

/// The officers as they were before the Identité tab was drawn.
pub fn snapshot(id: &Identity) -> [Person; 3] {
    [
        id.president.clone(),
        id.vice_president.clone(),
        id.treasurer.clone(),
    ]
}

/// After the Identité tab: the board rows that were in step with an officer
/// follow the officer's edit; an officer typed for the first time, with no
/// row of that role on the board, gets one. Returns whether the board
/// changed.
pub fn follow_identity(d: &mut Dossier, before: &[Person; 3]) -> bool {
    let mut changed = false;
    for (role, old) in ROLES.into_iter().zip(before) {
        let Some(now) = officer(&d.identity, role).cloned() else {
            continue;
        };
        if now == *old {
            continue;
        }
        let board = &mut d.governance.board;
        let mut followed = false;
        for b in board.iter_mut().filter(|b| in_step(b, old, role)) {
            *b = board_row(&now, role);
            followed = true;
        }
        if !followed && !board.iter().any(|b| b.role == role) && !now.is_empty() {
            let at = insert_at(board, role);
            board.insert(at, board_row(&now, role));
            followed = true;
        }
        changed |= followed;
    }
    changed
}

/// After the Gouvernance tab: an edit to a row in step with an officer is
/// an edit to the officer (same person, typed once). Rows added, removed or
/// moved during the frame are left alone.
pub fn follow_board(d: &mut Dossier, before: &[BoardMember]) {
    if before.len() != d.governance.board.len() {
        return;
    }
    for (old, now) in before.iter().zip(&d.governance.board) {
        if old == now || old.role != now.role {
            continue;
        }
        if let Some(p) = officer_mut(&mut d.identity, now.role)
            && in_step(old, p, old.role)
        {
            *p = as_person(now);
        }
    }
}

/// What one officer's state on the board is.
enum State {
    InStep,
    Missing,
    /// Rows of the officer's role that differ from Identité.
    Differs(Vec<usize>),
}

fn state(d: &Dossier, role: BoardRole, p: &Person) -> State {
    let rows: Vec<usize> = d
        .governance
        .board
        .iter()
        .enumerate()
        .filter(|(_, b)| b.role == role)
        .map(|(i, _)| i)
        .collect();
    if rows.is_empty() {
        State::Missing
    } else if rows
        .iter()
        .any(|&i| in_step(&d.governance.board[i], p, role))
    {
        State::InStep
    } else {
        State::Differs(rows)
    }
}

/// The officers of Identité above the board list: which are on the board,
/// and the explicit buttons that bring the others in.
pub fn panel(ui: &mut Ui, form: &mut Form, d: &mut Dossier) {
    let officers: Vec<(BoardRole, Person)> = ROLES
        .into_iter()
        .filter_map(|r| officer(&d.identity, r).map(|p| (r, p.clone())))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    if officers.is_empty() {
        ui.label(
            RichText::new(
                "Le président, le vice-président et le trésorier saisis en « 1 Identité » s'ajoutent ici d'eux-mêmes.",
            )
            .size(HINT_SIZE)
            .weak(),
        );
        return;
    }
    let mut bring: Vec<(BoardRole, Option<usize>)> = Vec::new();
    for (role, p) in &officers {
        let name = if p.name.trim().is_empty() {
            "(sans nom)"
        } else {
            p.name.trim()
        };
        ui.horizontal_wrapped(|ui| match state(d, *role, p) {
            State::InStep => {
                ui.label(
                    RichText::new(format!(
                        "✔ {} : {name} (saisi en 1 Identité, tenu à jour)",
                        role.label()
                    ))
                    .color(GREEN),
                );
            }
            State::Missing => {
                ui.label(
                    RichText::new(format!(
                        "{} : {name} n'est pas dans le Conseil.",
                        role.label()
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
                if ui.button("Reprendre dans le Conseil").clicked() {
                    bring.push((*role, None));
                }
            }
            State::Differs(rows) => {
                let typed = &d.governance.board[rows[0]].name;
                ui.label(
                    RichText::new(format!(
                        "{} : « {name} » en 1 Identité, « {typed} » dans le Conseil.",
                        role.label()
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
                if ui
                    .button("Reprendre dans le Conseil")
                    .on_hover_text("Remplace la ligne du Conseil par la saisie de 1 Identité")
                    .clicked()
                {
                    bring.push((*role, Some(rows[0])));
                }
            }
        });
    }
    if bring.is_empty() {
        return;
    }
    for (role, row) in bring {
        let Some(p) = officer(&d.identity, role).cloned() else {
            continue;
        };
        let board = &mut d.governance.board;
        match row {
            Some(i) => board[i] = board_row(&p, role),
            None => {
                let at = insert_at(board, role);
                board.insert(at, board_row(&p, role));
            }
        }
    }
    // Rows may have moved: typing buffers keyed by position are dropped.
    form.buffers.clear();
    form.structural();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            ..Person::default()
        }
    }

    #[test]
    fn a_typed_board_row_is_never_overwritten() {
        let mut d = Dossier::default();
        d.governance.board.push(BoardMember {
            name: "Mme Alaoui".into(),
            role: BoardRole::President,
            ..BoardMember::default()
        });
        let before = snapshot(&d.identity);
        d.identity.president = person("M. Bennani");
        assert!(!follow_identity(&mut d, &before));
        assert_eq!(d.governance.board.len(), 1);
        assert_eq!(d.governance.board[0].name, "Mme Alaoui");
    }

    #[test]
    fn officers_are_added_in_order_and_followed() {
        let mut d = Dossier::default();
        d.governance.board.push(BoardMember {
            name: "Administrateur".into(),
            ..BoardMember::default()
        });
        let before = snapshot(&d.identity);
        d.identity.treasurer = person("T");
        d.identity.president = person("P");
        assert!(follow_identity(&mut d, &before));
        let names: Vec<&str> = d.governance.board.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["P", "T", "Administrateur"]);
        let before = snapshot(&d.identity);
        d.identity.president.name = "Président".into();
        follow_identity(&mut d, &before);
        assert_eq!(d.governance.board[0].name, "Président");
        // And the other way round.
        let board = d.governance.board.clone();
        d.governance.board[1].phone = "0522".into();
        follow_board(&mut d, &board);
        assert_eq!(d.identity.treasurer.phone, "0522");
    }
}
