//! What Windows laptops show: the first window fits the screen above the
//! taskbar (1366 × 768, 1280 × 720 at 125 %), the layout works at the size
//! left there, and « Enregistrer sous » refuses a name Windows cannot hold.

use egui::{Pos2, Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proptest::prelude::*;

use super::app::{Dialog, DossierApp, Tab};
use super::window::{DEFAULT_SIZE, MIN_SIZE, TASKBAR, fit};

/// The frame Windows 10 and 11 draw around a window, in points: title bar
/// and the invisible resize borders.
const WINDOWS_FRAME: Vec2 = vec2(16.0, 39.0);

/// The window eframe opens: the default size clamped to the monitor, the
/// system's frame around it, at `corner`.
fn opened(monitor: Vec2, corner: Pos2) -> (Rect, Rect) {
    let inner_size = DEFAULT_SIZE.min(monitor);
    let outer = Rect::from_min_size(corner, inner_size + WINDOWS_FRAME);
    let inner = Rect::from_min_size(corner + vec2(8.0, 31.0), inner_size);
    (outer, inner)
}

/// The window after [`fit`]: its outer rectangle and inner size.
fn fitted(monitor: Vec2, outer: Rect, inner: Rect) -> (Rect, Vec2) {
    match fit(monitor, outer, inner) {
        Some((size, corner)) => (
            Rect::from_min_size(corner, size + (outer.size() - inner.size())),
            size,
        ),
        None => (outer, inner.size()),
    }
}

fn work_area(monitor: Vec2) -> Rect {
    Rect::from_min_size(Pos2::ZERO, vec2(monitor.x, monitor.y - TASKBAR))
}

#[test]
fn the_first_window_fits_a_1366_by_768_laptop() {
    let monitor = vec2(1366.0, 768.0);
    let (outer, inner) = opened(monitor, pos2(43.0, 0.0));
    assert!(
        outer.max.y > work_area(monitor).max.y,
        "the defect: under the taskbar"
    );
    let (outer, size) = fitted(monitor, outer, inner);
    assert!(work_area(monitor).contains_rect(outer), "{outer:?}");
    assert!(size.x >= 1280.0 && size.y >= 680.0, "{size:?}");
}

#[test]
fn the_first_window_fits_1280_by_720_at_125_percent() {
    // 1280 × 720 pixels at 125 % are 1024 × 576 points.
    let monitor = vec2(1280.0, 720.0) / 1.25;
    let (outer, inner) = opened(monitor, pos2(0.0, 0.0));
    let (outer, size) = fitted(monitor, outer, inner);
    assert!(work_area(monitor).contains_rect(outer), "{outer:?}");
    // The layout's minimum still fits there.
    assert!(size.x >= MIN_SIZE.x && size.y >= MIN_SIZE.y, "{size:?}");
}

#[test]
fn a_window_that_fits_is_left_alone() {
    let monitor = vec2(1920.0, 1080.0);
    let (outer, inner) = opened(monitor, pos2(300.0, 100.0));
    assert_eq!(fit(monitor, outer, inner), None);
    // On a second monitor (origin unknown) a window of the right size stays.
    let outer = Rect::from_min_size(pos2(1920.0 + 50.0, 900.0), vec2(1296.0, 859.0));
    let inner = outer.shrink2(vec2(8.0, 19.5));
    assert_eq!(fit(monitor, outer, inner), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever size and place the window was remembered with, on any
    /// screen from 1024 × 576 points up, it ends inside the work area, no
    /// larger than it was, and no smaller than needed.
    #[test]
    fn a_remembered_window_always_ends_inside_the_work_area(
        w in 1024.0f32..3840.0, h in 576.0f32..2160.0,
        x in 0.0f32..1.0, y in 0.0f32..1.0,
        iw in 200.0f32..4000.0, ih in 200.0f32..3000.0,
        fw in 0.0f32..20.0, fh in 0.0f32..45.0,
    ) {
        let monitor = vec2(w, h);
        let corner = pos2(x * w * 0.99, y * h * 0.99);
        let inner = Rect::from_min_size(corner + vec2(fw / 2.0, fh), vec2(iw, ih).min(monitor));
        let outer = Rect::from_min_size(corner, inner.size() + vec2(fw, fh));
        let (after, size) = fitted(monitor, outer, inner);
        // Half a point of rounding is not worth moving a window for.
        let area = work_area(monitor).expand(0.51);
        prop_assert!(area.contains_rect(after), "{:?} not in {:?}", after, area);
        prop_assert!(size.x <= inner.width() + 0.01 && size.y <= inner.height() + 0.01);
        // Shrunk only down to what the area leaves.
        let room = work_area(monitor).size() - vec2(fw, fh);
        prop_assert!(size.x >= inner.width().min(room.x) - 0.01);
        prop_assert!(size.y >= inner.height().min(room.y) - 0.01);
    }
}

fn harness(size: Vec2) -> Harness<'static, DossierApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(24)
        .build_ui_state(
            |ui, app: &mut DossierApp| app.show(ui),
            DossierApp::new(None),
        );
    h.run();
    h
}

/// At the sizes a fitted window gets, every tab's entry, the tab's own
/// heading area and the status bar are inside the window.
#[test]
fn the_layout_works_in_the_smallest_fitted_windows() {
    let at_125 = vec2(1280.0, 720.0) / 1.25 - vec2(0.0, TASKBAR) - WINDOWS_FRAME;
    let at_1366 = vec2(1366.0, 768.0 - TASKBAR) - WINDOWS_FRAME;
    for size in [MIN_SIZE, at_125, at_1366] {
        let mut h = harness(size);
        h.get_by_label("Nouveau dossier").click();
        h.run();
        let screen = Rect::from_min_size(Pos2::ZERO, size).expand(0.5);
        for tab in Tab::ALL {
            if tab == Tab::Preview {
                continue;
            }
            h.state_mut().view.tab = tab;
            h.run();
            let status = h
                .query_by_label("Modifications non enregistrées")
                .or_else(|| h.query_by_label("Aucune modification non enregistrée"))
                .expect("the status bar")
                .rect();
            assert!(
                screen.contains_rect(status),
                "{size:?} {tab:?}: status bar at {status:?}"
            );
            let entry = h.get_by_label(tab.label()).rect();
            assert!(
                entry.height() > 0.0 && screen.intersects(entry),
                "{size:?}: « {} » at {entry:?}",
                tab.label()
            );
        }
    }
}

#[test]
fn save_as_refuses_a_name_windows_cannot_hold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(vec2(1366.0, 768.0));
    h.get_by_label("Nouveau dossier").click();
    h.run();
    for name in ["CON.ron", "bilan: été.ron", "dossier."] {
        let path = dir.path().join(name);
        h.state_mut().view.dialog = Some(Dialog::SaveAsPath {
            text: path.display().to_string(),
        });
        h.run();
        h.get_by_label("Enregistrer").click();
        h.run();
        // In the error dialog and in the status bar.
        let shown = h
            .query_all_by_label_contains("Windows n'accepte pas ce nom de fichier")
            .count();
        assert_eq!(shown, 2, "{name}");
        assert!(h.state().view.status_is_error, "{name}");
        assert!(
            h.state().document.path.is_none(),
            "{name}: the dossier is still unsaved"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// The whole class of names Windows refuses, as « Enregistrer sous » gets
/// them: each forbidden character, each control character, a trailing dot
/// or space, each reserved device name in three cases, with and without
/// an extension.
fn forbidden_names() -> Vec<String> {
    use crate::store::paths::FORBIDDEN_CHARS;
    let mut names: Vec<String> = FORBIDDEN_CHARS
        .iter()
        .filter(|c| **c != '/' && !(cfg!(windows) && **c == '\\'))
        .map(|c| format!("Dossier {c} été.ron"))
        .collect();
    names.extend(
        (1u32..0x20)
            .filter_map(char::from_u32)
            .map(|c| format!("dossier{c}.ron")),
    );
    names.extend(["dossier.ron.", "dossier.ron ", "dossier."].map(String::from));
    let mut devices: Vec<String> = ["CON", "PRN", "AUX", "NUL"].map(String::from).to_vec();
    for port in ["COM", "LPT"] {
        devices.extend("0123456789¹²³".chars().map(|d| format!("{port}{d}")));
    }
    for device in devices {
        names.push(format!("{device}.ron"));
        names.push(format!("{}.ron", device.to_lowercase()));
        names.push(device);
    }
    names
}

#[test]
fn save_as_refuses_the_whole_forbidden_class_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = DossierApp::new(None);
    app.document.dossier.identity.acronym = "ATLAS".into();
    let names = forbidden_names();
    assert!(names.len() > 120, "{}", names.len());
    for name in &names {
        assert!(!app.save_to(&dir.path().join(name)), "{name:?} saved");
        assert!(
            app.view
                .status
                .contains("Windows n'accepte pas ce nom de fichier"),
            "{name:?}: {}",
            app.view.status
        );
        assert_eq!(app.document.dossier.identity.acronym, "ATLAS");
        assert!(app.document.path.is_none());
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    // A name Windows accepts still saves.
    assert!(app.save_to(&dir.path().join("Dossier été 2026.ron")));
}

#[test]
fn a_dossier_opened_under_an_old_forbidden_name_still_saves_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("ancien: nom.ron");
    let dossier = crate::example_dossier().expect("example");
    crate::store::save(&old, &dossier).expect("saved by an earlier version");
    let mut app = DossierApp::new(None);
    app.open_path(&old);
    assert_eq!(
        app.document.path.as_deref(),
        Some(old.as_path()),
        "{}",
        app.view.status
    );
    app.document.dossier.identity.acronym = "NOUVEAU".into();
    app.save();
    assert!(!app.view.status_is_error, "{}", app.view.status);
    let saved = crate::store::load(&old).expect("reads");
    assert_eq!(saved.identity.acronym, "NOUVEAU");
}
