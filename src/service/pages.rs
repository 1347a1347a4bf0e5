//! The printer's pages and fonts as the front ends name them: the wizard
//! draws the preview from the same layout the PDF is written from, and
//! both front ends choose a print mode. Only these re-exports, never
//! `crate::print` itself, are named in `src/ui` and `src/cli`
//! (`tests/architecture.rs`).

pub use crate::print::font::{BOLD_TTF, REGULAR_TTF, Weight};
pub use crate::print::geometry::Rect;
pub use crate::print::layout::Item;
pub use crate::print::preview::{
    PageNumbers, PreviewDoc, PreviewPage, preview_pages, preview_pages_hinted,
};
pub use crate::print::shape::{display_sections, has_bidi};
pub use crate::print::{PrintMode, RenderOptions};
