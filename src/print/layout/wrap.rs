//! Line breaking: a text and a width in, lines out, measured with the
//! bundled font's advances. Lines break between words; a word breaks only
//! where French typesetting allows (hyphenation points, with a visible
//! hyphen; an address after « @ . - / »); a number never breaks. Only a
//! word with no such point and wider than the whole line is cut anywhere.

use super::Style;
use crate::print::font::{FontMetrics, Fonts};
use crate::print::typeset::{BREAK_HYPHEN, WordKind, break_points, word_kind};

/// A line filled to less than this share of its width takes part of the
/// next word, hyphenated, rather than leaving a deep hole.
const MIN_FILL: f32 = 0.75;

/// Breaks one hard line (no `\n`) into lines, one width at a time, so a
/// paragraph can flow beside the stamp zone with narrower lines.
#[derive(Clone, Debug)]
pub struct Breaker<'t> {
    words: Vec<&'t str>,
    next: usize,
    /// What is left of a word broken at the end of the previous line.
    carry: Option<String>,
    done: bool,
}

impl<'t> Breaker<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            words: text.split(' ').collect(),
            next: 0,
            carry: None,
            done: false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    fn take_word(&mut self) -> Option<String> {
        if let Some(c) = self.carry.take() {
            return Some(c);
        }
        let w = self.words.get(self.next)?;
        self.next += 1;
        Some((*w).to_string())
    }

    /// The next line at most `width` wide (wider only for a number that
    /// cannot fit at all), `None` when the text is used up. An empty text
    /// gives one empty line.
    pub fn next_line(&mut self, width: f32, metrics: &FontMetrics, size: f32) -> Option<String> {
        if self.done {
            return None;
        }
        let space = metrics.width(" ", size);
        let mut line = String::new();
        let mut line_w = 0.0f32;
        loop {
            let Some(word) = self.take_word() else {
                self.done = true;
                return Some(line);
            };
            let word_w = metrics.width(&word, size);
            let sep = if line.is_empty() { 0.0 } else { space };
            if line_w + sep + word_w <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                line_w += sep + word_w;
                continue;
            }
            // The word does not fit: part of it on this line, hyphenated,
            // when the line would be too short without it or the word is
            // wider than any line.
            let room = width - line_w - sep;
            if (line.is_empty() || line_w < width * MIN_FILL || word_w > width)
                && let Some((head, tail)) = split_word(&word, room, metrics, size)
            {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&head);
                self.carry = Some(tail);
                return Some(line);
            }
            if line.is_empty() {
                // Nothing fits: a number or an unbreakable word alone.
                return Some(self.force(word, width, metrics, size));
            }
            self.carry = Some(word);
            return Some(line);
        }
    }

    /// A word alone wider than the line: numbers overflow whole (tables
    /// size their columns so this does not happen); anything else is cut
    /// at the last character that fits, the rest carried.
    fn force(&mut self, word: String, width: f32, metrics: &FontMetrics, size: f32) -> String {
        if word_kind(&word) == WordKind::Number {
            return word;
        }
        // The cut shows as a hyphen too.
        let hyphen_w = metrics.width("-", size);
        let width = (width - hyphen_w).max(0.0);
        let mut cut = 0;
        let mut w = 0.0;
        for (i, c) in word.char_indices() {
            let cw = metrics.width(c.encode_utf8(&mut [0; 4]), size);
            if w + cw > width && i > 0 {
                break;
            }
            w += cw;
            cut = i + c.len_utf8();
        }
        if cut >= word.len() {
            return word;
        }
        self.carry = Some(word[cut..].to_string());
        let mut head = word[..cut].to_string();
        head.push(BREAK_HYPHEN);
        head
    }
}

/// Splits `word` at the last break point whose head (with its hyphen) fits
/// `room`; `None` when there is none.
fn split_word(word: &str, room: f32, metrics: &FontMetrics, size: f32) -> Option<(String, String)> {
    if room <= 0.0 {
        return None;
    }
    let hyphen_w = metrics.width("-", size);
    break_points(word)
        .into_iter()
        .rev()
        .find(|(at, hyphen)| {
            let extra = if *hyphen { hyphen_w } else { 0.0 };
            metrics.width(&word[..*at], size) + extra <= room
        })
        .map(|(at, hyphen)| {
            let mut head = word[..at].to_string();
            if hyphen {
                head.push(BREAK_HYPHEN);
            }
            (head, word[at..].to_string())
        })
}

/// Wraps one hard line to `width`.
pub fn wrap_line(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    let metrics = fonts.get(style.weight());
    let mut breaker = Breaker::new(text);
    let mut lines = Vec::new();
    while let Some(line) = breaker.next_line(width, metrics, style.size()) {
        lines.push(line);
    }
    lines
}

/// Wraps a text with hard breaks; blank lines are kept as empty lines.
pub fn wrap(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    text.split('\n')
        .flat_map(|hard| wrap_line(hard.trim_end(), width, fonts, style))
        .collect()
}

/// The width of the widest piece of `text` no line break may split: a
/// number, an address part, a syllable group.
pub fn widest_unbreakable(text: &str, metrics: &FontMetrics, size: f32) -> f32 {
    text.split(['\n', ' '])
        .map(|word| {
            let points = break_points(word);
            let mut widest = 0.0f32;
            let mut start = 0;
            for (at, hyphen) in points.iter().copied().chain([(word.len(), false)]) {
                let piece = &word[start..at];
                let extra = if hyphen {
                    metrics.width("-", size)
                } else {
                    0.0
                };
                widest = widest.max(metrics.width(piece, size) + extra);
                start = at;
            }
            widest
        })
        .fold(0.0, f32::max)
}
