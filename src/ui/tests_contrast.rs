//! Hint and weak text meet WCAG AA (4.5:1) on every background the wizard
//! draws them on, in the dark and the light theme, as the app configures
//! them (issue 20 item 5: hints were #5F5F5F on #1B1B1B, 2.7:1).

use std::sync::Arc;

use egui::{Color32, Theme, Visuals};
use egui_kittest::Harness;

use super::app::DossierApp;
use super::theme::contrast;
use crate::model::{CallProfile, Dossier};

const AA: f64 = 4.5;

/// The backgrounds text is drawn on: panels, windows (dialogs, menus),
/// text fields (a hint sits in an empty field) and a striped table row
/// (the faint colour is added to the panel's).
fn backgrounds(v: &Visuals) -> Vec<(&'static str, Color32)> {
    let faint = v.faint_bg_color;
    let panel = v.panel_fill;
    let striped = Color32::from_rgb(
        panel.r().saturating_add(faint.r()),
        panel.g().saturating_add(faint.g()),
        panel.b().saturating_add(faint.b()),
    );
    vec![
        ("panneau", panel),
        ("fenêtre", v.window_fill),
        ("champ", v.text_edit_bg_color()),
        ("ligne rayée", striped),
    ]
}

/// The styles of both themes after the app's first frames.
fn configured() -> Harness<'static, DossierApp> {
    let mut app = DossierApp::new(None);
    app.replace(
        Dossier::default(),
        Arc::new(CallProfile::edition_2026()),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut DossierApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn weak_and_hint_text_meet_aa_in_both_themes() {
    let h = configured();
    let mut report = Vec::new();
    for theme in [Theme::Dark, Theme::Light] {
        let v = &h.ctx.style_of(theme).visuals;
        assert!(
            v.weak_text_color.is_some(),
            "{theme:?}: weak colour set by the app"
        );
        for (what, color) in [
            ("faible", v.weak_text_color()),
            ("texte", v.text_color()),
            ("à vérifier", super::theme::warning(v)),
            ("bloquant", super::theme::alarm(v)),
            // What every message, blocking point and warning is drawn in.
            ("erreur", v.error_fg_color),
            ("avertissement", v.warn_fg_color),
        ] {
            assert_eq!(color.a(), 255, "{theme:?} {what}: opaque");
            for (bg_name, bg) in backgrounds(v) {
                let ratio = contrast(color, bg);
                report.push(format!("{theme:?} {what} sur {bg_name}: {ratio:.2}"));
                assert!(
                    ratio >= AA,
                    "{theme:?}: {what} {color:?} on {bg_name} {bg:?} is {ratio:.2}:1"
                );
            }
        }
        // Weak text stays weaker than body text.
        let panel = v.panel_fill;
        assert!(contrast(v.weak_text_color(), panel) < contrast(v.text_color(), panel));
    }
    println!("{}", report.join("\n"));
}

#[test]
fn egui_defaults_were_below_aa() {
    // The failure the app's colours fix, measured the same way.
    let v = Visuals::dark();
    let weak = v.weak_text_color();
    // 60 % of grey 140 over the panel: what the screen shows.
    let a = f64::from(weak.a()) / 255.0;
    let blend = |c: u8, bg: u8| (f64::from(c) + f64::from(bg) * (1.0 - a)).round() as u8;
    let bg = v.panel_fill;
    let shown = Color32::from_rgb(
        blend(weak.r(), bg.r()),
        blend(weak.g(), bg.g()),
        blend(weak.b(), bg.b()),
    );
    assert_eq!(bg, Color32::from_gray(0x1B));
    let ratio = contrast(shown, bg);
    assert!(
        ratio < 3.0,
        "egui's dark weak text: {shown:?}, {ratio:.2}:1"
    );
    assert!((contrast(Color32::from_gray(0x5F), bg) - 2.7).abs() < 0.1);
}
