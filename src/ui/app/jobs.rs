//! The app's background jobs (see [`crate::ui::job`]): started by commands
//! once the frame is drawn, collected at the end of each frame.

/// The jobs the app runs; `None` when idle.
#[derive(Default)]
pub struct Jobs {}
