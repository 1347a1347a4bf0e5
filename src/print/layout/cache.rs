//! What the layout computes again and again for the same text: a text set
//! in French, and a text broken into lines at a width. A table's rows are
//! measured for the heading above it and again to draw them, numbers once
//! more to size the columns, and every pass of [`crate::print::layout_pages`]
//! (until the sommaire's page numbers settle) sets the same document: each
//! is computed once, then looked up. Both are pure functions of their keys,
//! so the pages are the same with or without the cache.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Style, wrap};
use crate::print::font::Fonts;

/// Texts longer than this are not kept (a very long paragraph would cost
/// its size again in memory for little).
const MAX_KEPT: usize = 16 * 1024;

/// Key of a broken text: the text, its width (bits), style, hyphenation.
type WrapKey = (String, u32, Style, bool);

/// Shared by the passes of one layout (see the module's documentation).
#[derive(Default)]
pub struct TextCache {
    french: RefCell<HashMap<String, String>>,
    lines: RefCell<HashMap<WrapKey, Vec<String>>>,
}

impl TextCache {
    /// [`crate::print::typeset::french`], remembered.
    pub fn french(&self, text: &str) -> String {
        if text.len() > MAX_KEPT {
            return crate::print::typeset::french(text);
        }
        if let Some(set) = self.french.borrow().get(text) {
            return set.clone();
        }
        let set = crate::print::typeset::french(text);
        self.french
            .borrow_mut()
            .insert(text.to_string(), set.clone());
        set
    }

    /// [`wrap`] (or [`super::wrap::wrap_unhyphenated`] without
    /// `hyphenate`), remembered.
    pub fn lines(
        &self,
        text: &str,
        width: f32,
        fonts: &Fonts,
        (style, hyphenate): (Style, bool),
    ) -> Vec<String> {
        let compute = || {
            if hyphenate {
                wrap(text, width, fonts, style)
            } else {
                super::wrap::wrap_unhyphenated(text, width, fonts, style)
            }
        };
        if text.len() > MAX_KEPT {
            return compute();
        }
        let key = (text.to_string(), width.to_bits(), style, hyphenate);
        if let Some(lines) = self.lines.borrow().get(&key) {
            return lines.clone();
        }
        let lines = compute();
        self.lines.borrow_mut().insert(key, lines.clone());
        lines
    }
}
