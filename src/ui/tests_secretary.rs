//! The wizard in a secretary's hands (issue 11): officers typed once, a
//! welcoming first screen, rows pasted from a spreadsheet. Driven by role
//! and label, as a user would (egui_kittest).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::app::{DossierApp, Tab};
use crate::model::dossier::BoardRole;

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn type_into(h: &mut Harness<'static, DossierApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn a_president_typed_in_identite_shows_in_the_board() {
    let mut h = harness(DossierApp::new(None));
    h.get_by_label("Nouveau dossier").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Identity);
    type_into(&mut h, "Président : nom et prénom", "Karim Bennani");
    type_into(&mut h, "Trésorier : nom et prénom", "Salma Idrissi");
    h.get_by_label("2 Gouvernance").click();
    h.run();
    // The board rows, as the Gouvernance tab shows them.
    assert!(
        h.query_by_label("1 : Karim Bennani (Président)").is_some(),
        "the president heads the board"
    );
    assert!(h.query_by_label("2 : Salma Idrissi (Trésorier)").is_some());
    assert!(
        h.query_by_label_contains("Président : Karim Bennani (saisi en 1 Identité")
            .is_some()
    );
    // An edit in Identité follows; one typed in the board goes back.
    h.get_by_label("1 Identité").click();
    h.run();
    type_into(&mut h, "Président : téléphone", "0522 00 00 00");
    let board = &h.state().document.dossier.governance.board;
    assert_eq!(board[0].role, BoardRole::President);
    assert_eq!(board[0].phone, "0522 00 00 00");
    // One Ctrl+Z per field, board included: nothing left behind.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().document.dossier.governance.board[0].phone, "");
    assert_eq!(h.state().document.dossier.identity.president.phone, "");
}

#[test]
fn the_first_screen_welcomes_instead_of_alarming() {
    let mut h = harness(DossierApp::new(None));
    assert_eq!(h.state().view.tab, Tab::Home);
    assert!(h.state().is_blank());
    assert!(
        h.query_by_label_contains("point(s) bloquant(s)").is_none(),
        "no count of missing fields before the user has started"
    );
    assert!(
        h.query_by_label_contains("Votre dossier est vide : 11 parties à remplir")
            .is_some()
    );
    h.get_by_label("Commencer par l'identité du cluster")
        .click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Identity);
    type_into(&mut h, "Dénomination", "Cluster Atlas");
    assert!(!h.state().is_blank(), "started once something is typed");
    h.get_by_label("Accueil").click();
    h.run();
    assert!(
        h.query_by_label_contains("Votre dossier est vide")
            .is_none()
    );
    // The progress text stands on its own line, beside the bar.
    assert!(
        h.query_by_label_contains("parties sur 11 sans point bloquant")
            .is_some()
    );
    assert!(h.query_by_label_contains("point(s) bloquant(s)").is_some());
}

#[test]
fn long_values_wrap_instead_of_hiding() {
    let mut app = DossierApp::new(None);
    app.new_dossier();
    let mut h = harness(app);
    let address = "Parc industriel de Kénitra, lot 12, zone d'accélération industrielle Atlantic Free Zone, route de Sidi Yahya du Gharb, 14000 Kénitra";
    let label = "Siège : adresse";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    let one_line = h
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .rect()
        .height();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(address);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let field = h.get_by_role_and_label(Role::MultilineTextInput, label);
    assert!(
        field.rect().height() > one_line * 1.5,
        "the field grows to show the whole address"
    );
    assert_eq!(
        h.state().document.dossier.identity.address,
        address,
        "Enter adds no line break"
    );
}

#[test]
fn rows_pasted_from_a_spreadsheet_join_the_register_in_one_undo() {
    let mut h = harness(DossierApp::new(None));
    h.get_by_label("Nouveau dossier").click();
    h.run();
    h.get_by_label("1.2 Membres").click();
    h.run();
    // As Excel puts three selected rows (with their header) on the clipboard.
    let tsv = "Raison sociale\tCatégorie\tActivité\tVille\r\n\
               Atlas Câbles\tEntreprise engagée\tIndustrielle\tKénitra\r\n\
               Fès Textiles\tEntreprise engagée\tIndustrielle\tFès\r\n\
               Université Ibn Tofail\tUniversité\tIndustrielle\tKénitra\r\n";
    h.event(egui::Event::Paste(tsv.into()));
    // Planned off the frame.
    crate::ui::job::settle(&mut h);
    assert!(
        h.query_by_label_contains("3 ligne(s) de données").is_some(),
        "the pasted rows are previewed as a file is"
    );
    assert!(
        h.query_by_label_contains("3 membres importés").is_some(),
        "the plan is shown before importing"
    );
    assert!(
        h.state().document.dossier.members.is_empty(),
        "nothing added yet"
    );
    // The preview scrolls within the members tab: bring « Importer » into view.
    h.get_by_label("Importer").scroll_to_me();
    h.run();
    h.get_by_label("Importer").click();
    h.run();
    let names: Vec<String> = h
        .state()
        .document
        .dossier
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(
        names,
        ["Atlas Câbles", "Fès Textiles", "Université Ibn Tofail"]
    );
    assert_eq!(h.state().document.dossier.members[1].city, "Fès");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(
        h.state().document.dossier.members.is_empty(),
        "one Ctrl+Z removes the pasted rows"
    );
}

#[test]
fn pasted_rows_without_header_keep_their_first_row() {
    let mut st = super::tabs::import::ImportState::default();
    st.load_text("Atlas Câbles\tKénitra\nFès Textiles\tFès\n");
    let sheet = st.sheet.clone().expect("a sheet");
    assert_eq!(sheet.rows.len(), 2, "no data row taken for a header");
    assert_eq!(sheet.headers, ["Colonne A", "Colonne B"]);
    assert_eq!(st.mapping[0], crate::import::Field::Name);
}
