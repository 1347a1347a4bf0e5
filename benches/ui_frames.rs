//! Frame CPU time of the wizard with a 2 000-member dossier (egui_kittest,
//! no GPU) at a laptop's 1366 × 768, on every screen that shows members and
//! on the form tabs, and start-up to first frame of the real window when a
//! display is available.
//!
//! Two registers of 2 000 members:
//! - « synthétique »: the complete synthetic dossier (few findings);
//! - « juste importé »: the same register as a sheet without our columns
//!   leaves it: every activity and category « à vérifier », no fee
//!   category, so every row has a finding (thousands of findings).
//!
//! On each, the register is driven as she works, by role and label: plain,
//! scrolled, searched, filtered to the rows with a finding, one member
//! open, every shown row selected (the bulk editor), a 2 000-row paste in
//! the import preview, then Vérification. The eligibility panel is drawn
//! on every frame (it is always shown).
//! Targets (issues 11 and 20): every median ≤ 4 ms (p99 printed beside,
//! 12 ms aimed at, noisy on a loaded machine).
//! Run: `cq bench --bench ui_frames` (prints one line per screen).

#[path = "common.rs"]
mod common;

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cluster_dossier::model::dossier::{Dossier, ToCheck};
use cluster_dossier::model::{CallProfile, synthetic};
use cluster_dossier::ui::DossierApp;
use cluster_dossier::ui::app::Tab;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const MEMBERS: usize = 2000;

type H = Harness<'static, DossierApp>;

/// Prints the median against 4 ms (the p99 beside it, to read against
/// 12 ms: on a machine shared with builds it is mostly their noise);
/// returns whether the median is met.
fn report(name: &str, frames: &mut [Duration]) -> bool {
    frames.sort();
    common::report(name, frames, 4.0);
    common::ms(common::percentile(frames, 0.5)) <= 4.0
}

/// `n` frames, each with the pointer moved over the window so every frame
/// has input to handle (hovered rows, tooltips of cut values).
fn frames(h: &mut H, n: usize, x: f32, y0: f32) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let y = y0 + (i % 20) as f32 * 10.0;
        h.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        let t = Instant::now();
        h.step();
        out.push(t.elapsed());
    }
    out
}

/// `n` frames scrolling the register down (rows laid out: the visible ones).
fn scrolling(h: &mut H, n: usize) -> Vec<Duration> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -40.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        let t = Instant::now();
        h.step();
        out.push(t.elapsed());
    }
    out
}

fn harness(dossier: Dossier) -> H {
    let mut app = DossierApp::new(None);
    app.replace(dossier, Arc::new(CallProfile::edition_2026()), None);
    app.set_tab(Tab::Members);
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run_steps(3);
    h
}

/// The register as a sheet without activity, category or fee columns
/// leaves it: every guess « à vérifier », every fee category missing.
fn just_imported(mut d: Dossier) -> Dossier {
    for m in &mut d.members {
        m.fee_category.clear();
        m.to_check = ToCheck {
            activity: true,
            category: true,
        };
    }
    d
}

fn search(h: &mut H, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, "Rechercher :");
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(1);
    if !text.is_empty() {
        h.get_by_role_and_label(Role::TextInput, "Rechercher :")
            .type_text(text);
    }
    h.run_steps(2);
    // The pointer frames below must not type into the field.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
}

/// Says so when a screen is not the one meant (the figure would mislead).
fn check(h: &H, text: &str, screen: &str) {
    if h.query_by_label_contains(text).is_none() {
        println!("ATTENTION : écran « {screen} » non atteint (« {text} » absent)");
    }
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(3);
}

/// A sheet of `n` new members without activity, category or fee columns
/// (tab-separated, as a paste from a spreadsheet): every row gets a
/// suggestion « à vérifier ».
fn new_sheet(d: &Dossier) -> String {
    let mut out = String::from("Raison sociale\tForme juridique\tSecteur\tVille\n");
    for (i, m) in d.members.iter().enumerate() {
        let form = ["SARL", "SA", "", "Association"][i % 4];
        out.push_str(&format!(
            "Nouveau {}\t{form}\t{}\t{}\n",
            m.name, m.sector, m.city
        ));
    }
    out
}

/// Every screen that shows members, on one register; returns the number
/// of screens over target.
fn register_screens(d: Dossier, which: &str) -> usize {
    let fourth = d.members[3].name.clone();
    let paste = new_sheet(&d);
    let mut h = harness(d);
    let mut over = 0;
    let mut line = |name: &str, mut f: Vec<Duration>| {
        if !report(&format!("{which}, {name}"), &mut f) {
            over += 1;
        }
    };
    line("Membres", frames(&mut h, 200, 500.0, 300.0));
    h.get_all_by_label(&fourth)
        .next()
        .expect("the fourth member's name is laid out")
        .click();
    h.run_steps(3);
    line(
        "Membres, un membre ouvert",
        frames(&mut h, 100, 500.0, 300.0),
    );
    click(&mut h, "Désélectionner");
    line("Membres en défilement", scrolling(&mut h, 100));
    search(&mut h, "a");
    check(&h, "affiché(s) sur 2000", "recherche");
    line(
        "Membres, recherche « a »",
        frames(&mut h, 100, 500.0, 300.0),
    );
    search(&mut h, "");
    let flagged = h
        .query_all_by_role(Role::CheckBox)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with("Avec constat seulement"))
        .expect("the findings filter is shown");
    click(&mut h, &flagged);
    line(
        &format!("Membres, filtre {flagged}"),
        frames(&mut h, 100, 500.0, 300.0),
    );
    click(&mut h, "Tout sélectionner");
    line(
        "Membres, filtre + tout sélectionné",
        frames(&mut h, 100, 500.0, 300.0),
    );
    click(&mut h, "Désélectionner");
    click(&mut h, &flagged);
    click(&mut h, "Tout sélectionner");
    check(
        &h,
        "membres sélectionnés : modifiez-les ensemble",
        "tout sélectionné",
    );
    line(
        "Membres, tout sélectionné (modif. groupée)",
        frames(&mut h, 100, 500.0, 300.0),
    );
    click(&mut h, "Désélectionner");
    h.key_press(egui::Key::Escape);
    h.event(egui::Event::Paste(paste));
    h.run_steps(2);
    // The sheet is read and planned on a worker: wait for the plan.
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(30));
        h.run_steps(1);
    }
    check(&h, "Résultat prévu", "aperçu d'import");
    line(
        "Membres, aperçu d'import de 2 000 lignes",
        frames(&mut h, 100, 500.0, 300.0),
    );
    h.state_mut().set_tab(Tab::Verification);
    h.run_steps(2);
    line("onglet Vérification", frames(&mut h, 100, 600.0, 150.0));
    over
}

fn main() {
    let profile = CallProfile::edition_2026();
    let dossier = synthetic::dossier(&profile, MEMBERS, 40);
    println!("Images de {MEMBERS} membres à 1366 × 768 (médiane et p99 sur 100 à 200 images) :");
    let mut over = register_screens(dossier.clone(), "synthétique");
    over += register_screens(just_imported(dossier.clone()), "juste importé");

    let mut h = harness(dossier);
    for tab in [Tab::Identity, Tab::Strategy, Tab::Plan, Tab::Indicators] {
        h.state_mut().set_tab(tab);
        h.run_steps(2);
        let mut f = frames(&mut h, 100, 600.0, 150.0);
        if !report(&format!("synthétique, onglet {}", tab.label()), &mut f) {
            over += 1;
        }
    }
    println!(
        "{}",
        match over {
            0 => "Tous les écrans dans la cible (médiane ≤ 4 ms).".to_string(),
            n => format!("{n} écran(s) AU-DESSUS DE LA CIBLE (médiane ≤ 4 ms)."),
        }
    );

    if std::env::var_os("DISPLAY").is_some() {
        let bin = env!("CARGO_BIN_EXE_cluster-dossier");
        let out = Command::new(bin)
            .env("CLUSTER_DOSSIER_FIRST_FRAME", "1")
            .env(
                "CLUSTER_DOSSIER_HOME",
                std::env::temp_dir().join("cluster-dossier-bench-home"),
            )
            .output();
        match out {
            Ok(o) => println!(
                "démarrage réel (cible ≤ 200 ms) : {}",
                String::from_utf8_lossy(&o.stdout).trim()
            ),
            Err(e) => println!("démarrage réel non mesuré : {e}"),
        }
    } else {
        println!("démarrage réel non mesuré : pas d'affichage (lancez sous Xvfb avec DISPLAY)");
    }
}
