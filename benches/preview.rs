//! The live preview (issue 13): time from an edit to the updated pages
//! (example ≤ 150 ms, 300 members ≤ 400 ms), frame time with the pane open
//! while scrolling through every page (median ≤ 4 ms, p99 ≤ 12 ms, egui_kittest,
//! no GPU), and the memory of the preview's data for 300 members.

#[path = "common.rs"]
mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use cluster_dossier::model::{CallProfile, Dossier, synthetic};
use cluster_dossier::print::preview::preview_pages;
use cluster_dossier::ui::preview::PreviewPane;
use egui_kittest::Harness;

struct State {
    dossier: Dossier,
    profile: Arc<CallProfile>,
    pane: PreviewPane,
}

fn harness(dossier: Dossier, profile: Arc<CallProfile>) -> Harness<'static, State> {
    let mut pane = PreviewPane::new();
    pane.request(dossier.clone(), profile.clone());
    let state = State {
        dossier,
        profile,
        pane,
    };
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_ui_state(
            |ui, s: &mut State| {
                s.pane.show(ui);
            },
            state,
        );
    wait(&mut h);
    h
}

/// Steps frames until the pane shows the newest edit.
fn wait(h: &mut Harness<'static, State>) {
    while h.state().pane.is_pending() || h.state().pane.doc().is_none() {
        h.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    h.step();
}

/// Edits the name, then steps frames until the updated pages are drawn.
fn edit_to_pages(h: &mut Harness<'static, State>, runs: usize) -> Vec<Duration> {
    let mut out = Vec::new();
    for k in 0..runs {
        // Past the relayout interval: the first edit after a pause.
        std::thread::sleep(Duration::from_millis(300));
        let s = h.state_mut();
        s.dossier
            .identity
            .name
            .push(char::from(b'a' + (k % 26) as u8));
        let (d, p) = (s.dossier.clone(), s.profile.clone());
        let t = Instant::now();
        s.pane.request(d, p);
        wait(h);
        out.push(t.elapsed());
    }
    out.sort();
    out
}

/// Five keystrokes 60 ms apart; from the last one to its pages.
fn burst_to_pages(h: &mut Harness<'static, State>) -> Duration {
    std::thread::sleep(Duration::from_millis(300));
    let mut t = Instant::now();
    for _ in 0..5 {
        let s = h.state_mut();
        s.dossier.identity.name.push('x');
        let (d, p) = (s.dossier.clone(), s.profile.clone());
        t = Instant::now();
        s.pane.request(d, p);
        h.step();
        std::thread::sleep(Duration::from_millis(60));
    }
    wait(h);
    t.elapsed()
}

/// Typing without pause, a key every 30 ms for 3 s: for each key, the time
/// until pages showing it (or a later key) are on screen. The worst case is
/// a key arriving just after a layout started.
fn typing_to_pages(h: &mut Harness<'static, State>) -> Vec<Duration> {
    std::thread::sleep(Duration::from_millis(300));
    let mut waiting: Vec<(u64, Instant)> = Vec::new();
    let mut out = Vec::new();
    let start = Instant::now();
    let mut next_key = start;
    let mut sent = h.state().pane.shown();
    while start.elapsed() < Duration::from_secs(3) || !waiting.is_empty() {
        if start.elapsed() < Duration::from_secs(3) && Instant::now() >= next_key {
            let s = h.state_mut();
            s.dossier.identity.name.push('y');
            let (d, p) = (s.dossier.clone(), s.profile.clone());
            s.pane.request(d, p);
            sent += 1;
            waiting.push((sent, Instant::now()));
            next_key += Duration::from_millis(30);
        }
        h.step();
        let shown = h.state().pane.shown();
        waiting.retain(|(g, t)| {
            if *g <= shown {
                out.push(t.elapsed());
                false
            } else {
                true
            }
        });
        std::thread::sleep(Duration::from_millis(1));
    }
    out.sort();
    out
}

fn frames(h: &mut Harness<'static, State>) -> Vec<Duration> {
    let pages = h.state().pane.doc().map_or(0, |d| d.pages.len());
    let mut out = Vec::new();
    let mut furthest = 0;
    let steps = (pages * 6).max(300);
    for i in 0..steps {
        // Scroll down through every page, then up again.
        let down = i < steps / 2;
        h.event(egui::Event::PointerMoved(egui::pos2(700.0, 400.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, if down { -400.0 } else { 400.0 }),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        let t = Instant::now();
        h.step();
        out.push(t.elapsed());
        furthest = furthest.max(h.state().pane.current_page() + 1);
    }
    println!("défilement : jusqu'à la page {furthest} sur {pages}, puis retour");
    out.sort();
    out
}

fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let profile = Arc::new(CallProfile::edition_2026());
    let example = cluster_dossier::example_dossier().expect("example");
    let big = synthetic::dossier(&profile, 300, 40);

    for (name, dossier, target) in [("exemple", example, 150.0), ("300 membres", big, 200.0)] {
        let findings = cluster_dossier::service::check::rules_now(&dossier, &profile);
        let layout = common::time_runs(10, || {
            let doc = preview_pages(&dossier, &profile, &findings).expect("preview");
            std::hint::black_box(doc);
        });
        common::report(&format!("mise en page seule, {name}"), &layout, target);
        let mut h = harness(dossier.clone(), profile.clone());
        let doc = h.state().pane.doc().expect("pages");
        let pages = doc.pages.len();
        let items: usize = doc.pages.iter().map(|p| p.items.len()).sum();
        let fields: usize = doc.pages.iter().map(|p| p.fields.len()).sum();
        println!(
            "{name} : {pages} pages, {items} éléments, {fields} champs placés, données de l'aperçu ≈ {:.1} Mo",
            doc.approx_bytes() as f64 / 1e6
        );
        let edits = edit_to_pages(&mut h, 10);
        common::report(&format!("saisie → pages à l'écran, {name}"), &edits, target);
        let typing = typing_to_pages(&mut h);
        common::report(&format!("frappe continue → pages, {name}"), &typing, 200.0);
        let worst = typing.last().map_or(0.0, |d| common::ms(*d));
        println!(
            "{:<40} pire {worst:.1} ms sur {} frappes (cible ≤ 200 ms) {}",
            "",
            typing.len(),
            if worst <= 200.0 {
                "OK"
            } else {
                "AU-DESSUS DE LA CIBLE"
            }
        );
        let burst = burst_to_pages(&mut h);
        println!(
            "{:<40} {:.1} ms après la dernière de 5 frappes (60 ms d'écart)",
            format!("rafale → pages, {name}"),
            common::ms(burst)
        );
        let f = frames(&mut h);
        common::report(&format!("image, aperçu ouvert, {name}"), &f, 4.0);
        let p99 = common::ms(common::percentile(&f, 0.99));
        println!(
            "{:<40} p99 {p99:.2} ms (cible ≤ 12 ms) {}",
            "",
            if p99 <= 12.0 {
                "OK"
            } else {
                "AU-DESSUS DE LA CIBLE"
            }
        );
    }
    if let Some(kb) = vm_hwm_kb() {
        println!(
            "mémoire du processus (pic, aperçu 300 membres ouvert) : {:.0} Mo (cible ≤ 150 Mo)",
            kb as f64 / 1024.0
        );
    }
}
