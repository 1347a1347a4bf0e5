//! The first window fits the screen's work area, status bar included.
//!
//! eframe clamps the window's inner size to the monitor, but not its title
//! bar nor the taskbar: at 1366 × 768, or 1280 × 720 with 125 % scaling
//! (1024 × 576 points), the bottom of the window, where the status bar
//! says whether the work is saved, went under the Windows taskbar. Neither
//! winit nor egui tells the work area, so a taskbar's height is kept free.

use egui::{Pos2, Rect, Vec2, vec2};

/// The default inner size, for screens that have room for it.
pub const DEFAULT_SIZE: Vec2 = vec2(1280.0, 820.0);

/// The smallest inner size the layout is made for: it still fits 1280 × 720
/// at 125 % (1024 × 576 points) under a title bar and above a taskbar.
pub const MIN_SIZE: Vec2 = vec2(800.0, 480.0);

/// Room left for a taskbar (Windows 10 and 11: 40 to 48 points; a GNOME
/// top bar is smaller), since the work area cannot be asked.
pub const TASKBAR: f32 = 48.0;

/// Where the window should go so it fits `monitor` (points) less a taskbar
/// at the bottom: its new inner size and outer top-left corner, or `None`
/// when it fits already (then it is left where the user or system put it).
/// `outer` and `inner` are the window's current rectangles in points; their
/// difference is the frame the system draws (title bar, borders).
pub fn fit(monitor: Vec2, outer: Rect, inner: Rect) -> Option<(Vec2, Pos2)> {
    if monitor.x <= 0.0 || monitor.y <= 0.0 {
        return None;
    }
    let area = vec2(monitor.x, (monitor.y - TASKBAR).max(monitor.y * 0.5));
    let frame = (outer.size() - inner.size()).max(Vec2::ZERO);
    let too_big = outer.width() > area.x || outer.height() > area.y;
    // A window whose corner is on this monitor's range of coordinates is on
    // the primary monitor (whose origin is 0, 0); elsewhere the monitor's
    // origin is unknown, and only a size too large is corrected.
    let on_primary =
        (0.0..monitor.x).contains(&outer.min.x) && (0.0..monitor.y).contains(&outer.min.y);
    let overflows = on_primary && (outer.max.x > area.x + 0.5 || outer.max.y > area.y + 0.5);
    if !too_big && !overflows {
        return None;
    }
    let size = inner.size().min(area - frame).max(Vec2::splat(1.0));
    let outer_size = size + frame;
    // Keep the window where it was when it still fits there, else slide it
    // just enough for its bottom and right edges to be on screen.
    let corner = Pos2::new(
        outer.min.x.clamp(0.0, (area.x - outer_size.x).max(0.0)),
        outer.min.y.clamp(0.0, (area.y - outer_size.y).max(0.0)),
    );
    Some((size, corner))
}

/// Applies [`fit`] once, on the first frame whose viewport knows its
/// monitor and rectangles; returns whether that frame has come (then the
/// caller stops asking). A maximised or full-screen window already fits.
pub fn fit_first_frame(ctx: &egui::Context) -> bool {
    let info = ctx.input(|i| i.viewport().clone());
    if info.maximized == Some(true) || info.fullscreen == Some(true) {
        return true;
    }
    let (Some(monitor), Some(outer), Some(inner)) =
        (info.monitor_size, info.outer_rect, info.inner_rect)
    else {
        return false;
    };
    if let Some((size, corner)) = fit(monitor, outer, inner) {
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(corner));
    }
    true
}
