//! The wizard's colours in the dark and light themes. egui's weak text
//! (hints, footnotes, placeholders in empty fields) is the text colour at
//! 60 % opacity: #5F5F5F on the dark panels' #1B1B1B, a contrast of 2.7:1.
//! Here it is an opaque grey with at least WCAG AA's 4.5:1 on every
//! background it is drawn on (panels, windows, fields, striped rows).

use egui::{Color32, Theme, Visuals};

/// Dark theme: body text a little brighter than egui's grey 140, so that
/// weak text can be both dimmer than it and still readable.
const DARK_TEXT: Color32 = Color32::from_gray(190);
const DARK_WEAK: Color32 = Color32::from_gray(150);
/// Light theme: body text stays egui's grey 80.
const LIGHT_WEAK: Color32 = Color32::from_gray(105);

/// Amber for « à vérifier » and warnings, readable (≥ 4.5:1) on the
/// theme's panels: the fixed `widgets::AMBER` is 4.2:1 on dark panels and
/// 3.8:1 on light ones.
pub fn warning(v: &Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(240, 165, 60)
    } else {
        Color32::from_rgb(150, 90, 0)
    }
}

/// Red for blocking points, readable on the theme's panels (the fixed
/// `widgets::RED` is 2.8:1 on dark panels).
pub fn alarm(v: &Visuals) -> Color32 {
    if v.dark_mode {
        Color32::from_rgb(255, 120, 110)
    } else {
        Color32::from_rgb(190, 30, 30)
    }
}

/// Adjusts egui's visuals of `theme` as the wizard uses them.
pub fn adjust(theme: Theme, v: &mut Visuals) {
    // Every blocking point and warning of the wizard takes these (egui's
    // own error and warning colours), readable in both themes.
    v.error_fg_color = alarm(v);
    v.warn_fg_color = warning(v);
    match theme {
        Theme::Dark => {
            v.widgets.noninteractive.fg_stroke.color = DARK_TEXT;
            v.weak_text_color = Some(DARK_WEAK);
        }
        Theme::Light => v.weak_text_color = Some(LIGHT_WEAK),
    }
}

/// Installs the wizard's colours in both themes (the system's choice of
/// dark or light is followed).
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.style_mut_of(theme, |s| adjust(theme, &mut s.visuals));
    }
}

/// WCAG 2.x relative luminance of an opaque colour.
pub fn luminance(c: Color32) -> f64 {
    let lin = |u: u8| {
        let x = f64::from(u) / 255.0;
        if x <= 0.04045 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio between two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
