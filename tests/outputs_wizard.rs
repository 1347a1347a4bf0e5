//! Issue 16, item 3 through the window (egui_kittest): the print tab's PDF
//! and workbook fields and « Enregistrer sous » refuse every input of the
//! dossier; and the wizard's output paths belong to the open dossier:
//! another dossier gets its own, and a PDF this dossier did not write is
//! replaced only after a question.

mod outputs_support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::accesskit::Role as A11y;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use cluster_dossier::service::jobs::{self, Role, Writer};
use cluster_dossier::ui::DossierApp;
use cluster_dossier::ui::app::{Command, Pending, Tab};
use cluster_dossier::ui::job;
use cluster_dossier::ui::tabs::print::default_output;

use outputs_support::{Case, assert_french, fixture, protected, snapshot, spellings};

const PDF: &str = "Fichier PDF";
const XLSX: &str = "Classeur XLSX";
const SAVE_AS: &str = "Chemin du fichier (.ron) :";

fn harness(app: DossierApp) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

fn print_tab(path: Option<&Path>) -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    if let Some(p) = path {
        app.open_path(p);
    }
    let mut h = harness(app);
    h.state_mut().set_tab(Tab::Print);
    h.run();
    h
}

fn field(h: &Harness<'static, DossierApp>, label: &str) -> String {
    h.get_by_role_and_label(A11y::TextInput, label)
        .value()
        .unwrap_or_default()
}

fn set_field(h: &mut Harness<'static, DossierApp>, label: &str, text: &str) {
    h.get_by_role_and_label(A11y::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(A11y::TextInput, label)
        .type_text(text);
    h.run();
    // Leave the field, as a click on a button does.
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(field(h, label), text);
}

/// A label's text (AccessKit keeps it as the value of a `Label` node).
fn text(node: &egui_kittest::Node<'_>) -> Option<String> {
    let node = egui_kittest::kittest::NodeT::accesskit_node(node);
    node.label().or_else(|| node.value())
}

/// A frame for the click, the job it started, then frames to draw its result.
fn settle(h: &mut Harness<'static, DossierApp>) {
    h.step();
    assert!(
        job::wait_idle(&h.ctx, Duration::from_secs(120)),
        "a job never ended"
    );
    h.run();
}

fn shows(h: &Harness<'static, DossierApp>, needle: &str) -> bool {
    h.query_by_label_contains(needle).is_some()
}

/// Runs frames until a label contains `needle` (the PDF is made by a job,
/// off the frame); bounded, not timed: the assertion is on the outcome.
fn wait_for(h: &mut Harness<'static, DossierApp>, needle: &str) {
    for _ in 0..6000 {
        h.step();
        if shows(h, needle) {
            h.run();
            return;
        }
        if shows(h, "Échec") {
            break;
        }
        // The PDF's job wakes the loop when it ends: no sleep.
        assert!(job::wait_idle(&h.ctx, Duration::from_secs(120)));
    }
    let texts: Vec<String> = h
        .query_all_by_role(A11y::Label)
        .filter_map(|n| text(&n))
        .collect();
    panic!("« {needle} » never shown; labels: {texts:#?}");
}

/// The refusal of `case`, in a label starting with `prefix` (« Échec : »
/// for the PDF; the message itself for the workbook and the error dialog).
fn refusal_shown(h: &Harness<'static, DossierApp>, case: &Case, prefix: &str) {
    let path = case.path.display().to_string();
    let start = format!("{prefix}« {path} » n'a pas été remplacé");
    let node = h
        .query_all_by_role(A11y::Label)
        .find(|n| text(n).is_some_and(|l| l.starts_with(&start)))
        .unwrap_or_else(|| panic!("no label starting with {start}"));
    let message = text(&node).unwrap_or_default();
    assert_french(&message);
    assert!(message.contains(&case.what), "{message}");
}

/// The PDF field (one file, then one per copy) and the workbook field, for
/// every input of the dossier under every spelling.
#[test]
fn the_print_tab_refuses_every_input_of_the_dossier() {
    let fx = fixture();
    let cases = spellings(&fx, &protected(&fx));
    let before = snapshot(fx.dir());
    let mut h = print_tab(Some(&fx.path));
    let mut runs = 0;
    for per_copy in [false, true] {
        if per_copy {
            h.get_by_label("un fichier par exemplaire").click();
            h.run();
        }
        for case in &cases {
            set_field(&mut h, PDF, &case.path.display().to_string());
            h.get_by_label("Générer le PDF").click();
            h.run();
            refusal_shown(&h, case, "Échec : ");
            assert!(!shows(&h, "Génération en cours"), "refused before any job");
            runs += 1;
        }
    }
    for case in &cases {
        set_field(&mut h, XLSX, &case.path.display().to_string());
        h.get_by_label("Exporter les tableaux").click();
        // The workbook is written (here refused) by a job, off the frame.
        settle(&mut h);
        refusal_shown(&h, case, "");
        runs += 1;
    }
    assert!(snapshot(fx.dir()) == before, "the folder changed");
    eprintln!(
        "{runs} refusals in the print tab over {} paths",
        cases.len()
    );
}

/// « Enregistrer sous » typed in its dialog: every input but the dossier's
/// own file (that is « Enregistrer ») is refused with the error dialog.
#[test]
fn save_as_refuses_every_input_of_the_dossier() {
    let fx = fixture();
    let cases = spellings(&fx, &protected(&fx));
    let before = snapshot(fx.dir());
    let mut h = print_tab(Some(&fx.path));
    let mut runs = 0;
    for case in cases.iter().filter(|c| c.what != Role::Dossier.to_string()) {
        h.state_mut().apply(Command::AskSaveAs);
        h.run();
        set_field(&mut h, SAVE_AS, &case.path.display().to_string());
        h.get_by_label("Enregistrer").click();
        h.run();
        refusal_shown(&h, case, "");
        h.get_by_label("OK").click();
        h.run();
        assert!(snapshot(fx.dir()) == before, "{}", case.path.display());
        runs += 1;
    }
    assert!(runs >= 20, "{runs}");
    eprintln!("{runs} refusals of « Enregistrer sous »");
}

/// The paths follow the open dossier: beside it and named after it; a path
/// she typed for one dossier is not kept for the next (open, new, example,
/// new edition); saved under a new name, the default follows.
#[test]
fn the_output_paths_belong_to_the_open_dossier() {
    let fx = fixture();
    let beside = |name: &str| fx.dir().join(name).display().to_string();
    let mut h = print_tab(Some(&fx.path));
    assert_eq!(field(&h, PDF), beside("acme.pdf"));
    assert_eq!(field(&h, XLSX), beside("acme.xlsx"));
    set_field(&mut h, PDF, &beside("a-moi.pdf"));
    set_field(&mut h, XLSX, &beside("a-moi.xlsx"));

    replace(&mut h, Command::Request(Pending::Open(fx.other.clone())));
    assert_eq!(field(&h, PDF), beside("autre.pdf"));
    assert_eq!(field(&h, XLSX), beside("autre.xlsx"));

    set_field(&mut h, PDF, &beside("a-moi.pdf"));
    replace(&mut h, Command::Request(Pending::OpenExample));
    let acronym = h.state().dossier().identity.acronym.clone();
    let example_pdf = default_output(None, &acronym, "pdf");
    assert_eq!(field(&h, PDF), example_pdf.display().to_string());
    assert_ne!(field(&h, PDF), beside("a-moi.pdf"));

    set_field(&mut h, PDF, &beside("a-moi.pdf"));
    replace(&mut h, Command::Request(Pending::New));
    assert_eq!(
        field(&h, PDF),
        default_output(None, "", "pdf").display().to_string()
    );
    assert!(field(&h, PDF).ends_with("dossier-cluster.pdf"));

    set_field(&mut h, PDF, &beside("a-moi.pdf"));
    replace(&mut h, Command::NewEdition(fx.profile_file.clone()));
    assert_ne!(field(&h, PDF), beside("a-moi.pdf"));

    // Saved under a name, the untouched default follows the file.
    let saved = fx.dir().join("nouvelle-edition.ron");
    assert!(h.state_mut().save_to(&saved));
    h.run();
    assert_eq!(field(&h, PDF), beside("nouvelle-edition.pdf"));
    assert_eq!(field(&h, XLSX), beside("nouvelle-edition.xlsx"));
}

/// « Générer le PDF », and two frames (a started job keeps its spinner
/// turning: [`wait_for`] takes it from there).
fn generate(h: &mut Harness<'static, DossierApp>) {
    h.get_by_label("Générer le PDF").click();
    h.run_steps(2);
}

/// Applies a command that replaces the dossier, and comes back to the
/// print tab (opening a dossier shows its home tab).
fn replace(h: &mut Harness<'static, DossierApp>, command: Command) {
    h.state_mut().apply(command);
    h.run();
    if h.query_by_role_and_label(A11y::Button, "OK").is_some() {
        h.get_by_label("OK").click();
        h.run();
    }
    h.state_mut().set_tab(Tab::Print);
    h.run();
}

fn mark(pdf: &Path) -> Writer {
    jobs::written_by(pdf)
}

/// The defect of issue 16: the print tab kept the previous dossier's PDF
/// path, so printing the second dossier replaced the first one's PDF.
/// Now the second prints beside itself; aimed at the first one's PDF, it
/// asks, names the file and who wrote it, and « Annuler » writes nothing.
#[test]
fn printing_another_dossier_never_replaces_the_first_ones_pdf_silently() {
    let fx = fixture();
    let first_pdf = fx.dir().join("acme.pdf");
    let mut h = print_tab(Some(&fx.path));
    generate(&mut h);
    wait_for(&mut h, "PDF prêt");
    assert!(mark(&first_pdf).is(Some(&fx.path)));
    let first = std::fs::read(&first_pdf).expect("first PDF");

    replace(&mut h, Command::Request(Pending::Open(fx.other.clone())));
    generate(&mut h);
    wait_for(&mut h, "PDF prêt");
    let second_pdf = fx.dir().join("autre.pdf");
    assert!(mark(&second_pdf).is(Some(&fx.other)));
    assert_eq!(std::fs::read(&first_pdf).expect("first PDF"), first);

    // Aimed at the first one's PDF on purpose: a question first.
    set_field(&mut h, PDF, &first_pdf.display().to_string());
    generate(&mut h);
    let question = format!(
        "« {} » existe déjà : il a été produit par un autre dossier, « acme.ron »",
        first_pdf.display()
    );
    assert!(shows(&h, &question), "asks: {question}");
    assert!(shows(&h, "Le remplacer par le PDF de ce dossier ?"));
    h.get_by_label("Annuler").click();
    h.run();
    assert!(shows(&h, "Rien n'a été remplacé"));
    assert_eq!(std::fs::read(&first_pdf).expect("first PDF"), first);

    // Changing the path drops the question.
    generate(&mut h);
    assert!(shows(&h, &question));
    set_field(
        &mut h,
        PDF,
        &fx.dir().join("ailleurs.pdf").display().to_string(),
    );
    assert!(!shows(&h, &question));

    // « Remplacer » replaces it, as she asked.
    set_field(&mut h, PDF, &first_pdf.display().to_string());
    generate(&mut h);
    h.get_by_label("Remplacer").click();
    h.run_steps(2);
    wait_for(&mut h, "PDF prêt");
    assert!(mark(&first_pdf).is(Some(&fx.other)));
}

/// Its own earlier PDF is replaced without a question, in a later session
/// too (the mark in the PDF); a PDF another program wrote is asked about.
#[test]
fn its_own_pdf_is_replaced_without_a_question_in_any_session() {
    let fx = fixture();
    let pdf = fx.dir().join("acme.pdf");
    for session in 0..2 {
        let mut h = print_tab(Some(&fx.path));
        generate(&mut h);
        wait_for(&mut h, "PDF prêt");
        assert!(!shows(&h, "existe déjà"), "session {session}");
        assert!(mark(&pdf).is(Some(&fx.path)));
    }
    // A scan copied where the other dossier's PDF goes: not its own.
    let other_pdf = fx.dir().join("autre.pdf");
    std::fs::copy(fx.dir().join("scans/statuts.pdf"), &other_pdf).expect("copy");
    let before = std::fs::read(&other_pdf).expect("bytes");
    let mut h = print_tab(Some(&fx.other));
    assert_eq!(field(&h, PDF), other_pdf.display().to_string());
    generate(&mut h);
    assert!(shows(
        &h,
        &format!(
            "« {} » existe déjà : ce n'est pas un PDF produit par ce dossier",
            other_pdf.display()
        )
    ));
    assert_eq!(std::fs::read(&other_pdf).expect("bytes"), before);
}

/// A dossier never saved has no name to write in its PDF: what it wrote
/// in this session is its own; another unsaved dossier is asked.
#[test]
fn an_unsaved_dossier_knows_the_pdf_it_wrote_in_this_session() {
    let fx = fixture();
    let pdf: PathBuf = fx.dir().join("sans-nom.pdf");
    let mut h = print_tab(None);
    replace(&mut h, Command::Request(Pending::OpenExample));
    set_field(&mut h, PDF, &pdf.display().to_string());
    for _ in 0..2 {
        generate(&mut h);
        wait_for(&mut h, "PDF prêt");
        assert!(!shows(&h, "existe déjà"));
    }
    assert_eq!(mark(&pdf), Writer::Unnamed);
    replace(&mut h, Command::Request(Pending::New));
    set_field(&mut h, PDF, &pdf.display().to_string());
    generate(&mut h);
    assert!(shows(
        &h,
        "il a été produit par un dossier jamais enregistré"
    ));
}
