//! What the layout computes again and again for the same text: a text set
//! in French, and a text broken into lines at a width. A table's rows are
//! measured for the heading above it and again to draw them, numbers once
//! more to size the columns, and every pass of [`crate::print::layout_pages`]
//! (until the sommaire's page numbers settle) sets the same document: each
//! is computed once, then looked up. Both are pure functions of their keys,
//! so the pages are the same with or without the cache.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{Style, wrap};
use crate::print::font::Fonts;

/// Texts longer than this are not kept (a very long paragraph would cost
/// its size again in memory for little).
const MAX_KEPT: usize = 16 * 1024;

/// A quick hash of the texts (keys are the document's own texts, nothing
/// to defend against): eight bytes at a time, multiplied and rotated.
#[derive(Default, Clone, Copy)]
struct Quick(u64);

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Quick {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Quick>>;

/// How a text is broken: its width (bits), style, hyphenation.
type WrapKey = (u32, Style, bool);

/// Shared by the passes of one layout (see the module's documentation).
#[derive(Default)]
pub struct TextCache {
    french: RefCell<Map<String, String>>,
    lines: RefCell<Map<WrapKey, Map<String, Vec<String>>>>,
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
        let key = (width.to_bits(), style, hyphenate);
        if let Some(lines) = self.lines.borrow().get(&key).and_then(|m| m.get(text)) {
            return lines.clone();
        }
        let lines = compute();
        let mut all = self.lines.borrow_mut();
        all.entry(key)
            .or_default()
            .insert(text.to_string(), lines.clone());
        lines
    }
}
