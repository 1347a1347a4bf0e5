//! Line breaking: a text and a width in, lines out, measured with the
//! bundled font's advances. Lines break between words; a word breaks only
//! where French typesetting allows (hyphenation points, with a visible
//! hyphen; an address after « @ » or before « . »); a number never breaks.
//! A number or an address wider than the whole line is kept whole (the
//! layout sets that line smaller); only another word with no such point
//! and wider than the whole line is cut anywhere. A paragraph's last line
//! never holds a single word alone when the line before can give one.

use std::rc::Rc;

use super::Style;
use crate::print::font::{FontMetrics, Fonts};
use crate::print::shape;
use crate::print::typeset::{BREAK_HYPHEN, WordKind, break_points, word_kind};

/// A line filled to less than this share of its width takes part of the
/// next word, hyphenated, rather than leaving a deep hole.
const MIN_FILL: f32 = 0.75;

/// How much wider than its line a word kept whole may be (the layout then
/// sets the line smaller, at no less than 80 % of its size).
const MAX_SHRINK: f32 = 1.25;

/// Breaks one hard line (no `\n`) into lines, one width at a time, so a
/// paragraph can flow beside the stamp zone with narrower lines.
///
/// Linear in the paragraph's length: the breaker keeps offsets into the
/// text (cloning it to try a line costs nothing), a word's break points
/// are found once even when it spans many lines, and no width is measured
/// beyond what the line can hold.
#[derive(Clone, Debug)]
pub struct Breaker<'t> {
    text: &'t str,
    /// Byte offset of the next word not yet taken; past the end when all
    /// are taken.
    next: usize,
    /// What is left of a word broken at the end of the previous line.
    carry: Option<Piece>,
    done: bool,
    /// The paragraph's direction when it has right-to-left text: each
    /// line is then marked to keep it (see [`shape::direction_mark`]).
    rtl: Option<bool>,
    /// Words may be hyphenated (not in headings and column headers).
    hyphenate: bool,
}

/// A word, or what is left of one: bytes `start..end` of the text.
#[derive(Clone, Debug)]
struct Piece {
    start: usize,
    end: usize,
    /// Break points of the whole word (absolute offsets), once known.
    points: Option<Rc<[(usize, bool)]>>,
    /// The rest of a word cut on a previous line (so not a number: a
    /// number is never cut).
    carried: bool,
    /// The kind of the whole word.
    kind: WordKind,
}

impl<'t> Breaker<'t> {
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            next: 0,
            carry: None,
            done: false,
            rtl: shape::has_bidi(text).then(|| shape::is_rtl(text)),
            hyphenate: true,
        }
    }

    /// A breaker that never hyphenates: lines break between words and
    /// at a compound's own hyphens; a word wider than the line is kept
    /// whole (and set smaller by the layout).
    pub fn unhyphenated(text: &'t str) -> Self {
        Self {
            hyphenate: false,
            ..Self::new(text)
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    fn take_word(&mut self) -> Option<Piece> {
        if let Some(c) = self.carry.take() {
            return Some(c);
        }
        if self.next > self.text.len() {
            return None;
        }
        let start = self.next;
        let end = self.text[start..]
            .find(' ')
            .map_or(self.text.len(), |i| start + i);
        self.next = end + 1;
        Some(Piece {
            start,
            end,
            points: None,
            carried: false,
            kind: word_kind(&self.text[start..end]),
        })
    }

    /// The line in its paragraph's direction (a mark in front when its
    /// own first letter would give it the other one).
    fn finish(&self, line: String) -> String {
        match self.rtl.and_then(|rtl| shape::direction_mark(&line, rtl)) {
            Some(mark) => {
                let mut marked = String::with_capacity(line.len() + 3);
                marked.push(mark);
                marked.push_str(&line);
                marked
            }
            None => line,
        }
    }

    /// The next line at most `width` wide (wider only for a number or an
    /// address that cannot fit at all), `None` when the text is used up.
    /// An empty text gives one empty line.
    pub fn next_line(&mut self, width: f32, metrics: &FontMetrics, size: f32) -> Option<String> {
        self.next_line_before(width, width, metrics, size)
    }

    /// [`Self::next_line`] when the line after this one is `next_width`
    /// wide (narrower beside the stamp zone, wider past it): a last line
    /// that would hold a single word takes the last word of this one.
    pub fn next_line_before(
        &mut self,
        width: f32,
        next_width: f32,
        metrics: &FontMetrics,
        size: f32,
    ) -> Option<String> {
        if self.done {
            return None;
        }
        let space = metrics.width(" ", size);
        let mut line = String::new();
        let mut line_w = 0.0f32;
        // Where each whole word of the line starts in the text and in the
        // line (the first one may be the rest of a carried word).
        let mut starts: Vec<(usize, usize, bool)> = Vec::new();
        loop {
            let Some(mut word) = self.take_word() else {
                self.done = true;
                return Some(self.finish(line));
            };
            let text = &self.text[word.start..word.end];
            let sep = if line.is_empty() { 0.0 } else { space };
            if let Some(word_w) = metrics.width_within(text, size, width - line_w - sep) {
                starts.push((word.start, line.len(), word.carried));
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(text);
                line_w += sep + word_w;
                continue;
            }
            // The word does not fit: part of it on this line, hyphenated,
            // when the line would be too short without it or the word is
            // wider than any line.
            let room = width - line_w - sep;
            let wider = || metrics.width_within(text, size, width).is_none();
            if (line.is_empty() || line_w < width * MIN_FILL || wider())
                && let Some((at, hyphen)) = self.split(&mut word, room, metrics, size)
            {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&self.text[word.start..at]);
                if hyphen {
                    line.push(BREAK_HYPHEN);
                }
                word.start = at;
                word.carried = true;
                self.carry = Some(word);
                // A split undone when its rest would be alone.
                self.avoid_runt(&mut line, &starts, next_width, metrics, size);
                return Some(self.finish(line));
            }
            if line.is_empty() {
                // Nothing fits: a number, an address or an unbreakable
                // word alone.
                let forced = self.force(word, width, metrics, size);
                return Some(self.finish(forced));
            }
            self.carry = Some(word);
            self.avoid_runt(&mut line, &starts, next_width, metrics, size);
            return Some(self.finish(line));
        }
    }

    /// When all that is left after `line` is one word (or the rest of one),
    /// moves the line's last whole word down with it, if the two fit the
    /// next line and the line keeps a word. Returns whether it did.
    fn avoid_runt(
        &mut self,
        line: &mut String,
        starts: &[(usize, usize, bool)],
        next_width: f32,
        metrics: &FontMetrics,
        size: f32,
    ) -> bool {
        let text = self.text;
        let Some(end) = self.carry.as_ref().map(|c| c.end) else {
            return false;
        };
        if self.next <= self.text.len() || starts.len() < 2 {
            return false;
        }
        let Some(&(from, at, carried)) = starts.last() else {
            return false;
        };
        if carried {
            return false;
        }
        // The moved word and the last one, whole (a split is undone).
        let rest = &text[from..end];
        if metrics.width_within(rest, size, next_width).is_none() {
            return false;
        }
        line.truncate(at);
        self.carry = None;
        self.next = from;
        true
    }

    /// The last break point of `word` whose head (with its hyphen) fits
    /// `room`, found from the word's start, reading no further than fits.
    fn split(
        &self,
        word: &mut Piece,
        room: f32,
        metrics: &FontMetrics,
        size: f32,
    ) -> Option<(usize, bool)> {
        if room <= 0.0 {
            return None;
        }
        let text = self.text;
        let start = word.start;
        let points = word
            .points
            .get_or_insert_with(|| {
                // The whole word, also when only its tail is left.
                let whole_end = text[start..].find(' ').map_or(text.len(), |i| start + i);
                let whole_start = text[..start].rfind(' ').map_or(0, |i| i + 1);
                break_points(&text[whole_start..whole_end])
                    .into_iter()
                    .map(|(at, hyphen)| (whole_start + at, hyphen))
                    .collect()
            })
            .clone();
        let hyphen_w = metrics.width("-", size);
        let hyphenate = self.hyphenate;
        let first = points.partition_point(|(at, _)| *at <= start);
        let mut found = None;
        let mut from = start;
        let mut used = 0.0f32;
        for &(at, hyphen) in points.get(first..).unwrap_or_default() {
            if at >= word.end {
                break;
            }
            if hyphen && !hyphenate {
                continue;
            }
            let Some(w) = metrics.width_within(&text[from..at], size, room - used) else {
                break;
            };
            used += w;
            from = at;
            let extra = if hyphen { hyphen_w } else { 0.0 };
            if used + extra <= room {
                found = Some((at, hyphen));
            }
        }
        found
    }

    /// A word alone wider than the line: numbers overflow whole (tables
    /// size their columns so this does not happen); anything else is cut
    /// at the last character that fits, the rest carried.
    fn force(&mut self, mut word: Piece, width: f32, metrics: &FontMetrics, size: f32) -> String {
        let text = &self.text[word.start..word.end];
        // Never cut: a number, an address (at its own hyphens or
        // anywhere), a word in a heading. The layout sets the line smaller.
        if (!word.carried && word.kind == WordKind::Number)
            || word.kind == WordKind::Address
            || !self.hyphenate
        {
            return text.to_string();
        }
        // A name, a date or a word up to a quarter wider than the line is
        // kept whole too (set smaller, still legible); only a longer one
        // is cut anywhere.
        if !word.carried
            && metrics
                .width_within(text, size, MAX_SHRINK * width)
                .is_some()
        {
            return text.to_string();
        }
        // The cut shows as a hyphen too.
        let hyphen_w = metrics.width("-", size);
        let width = (width - hyphen_w).max(0.0);
        let mut cut = 0;
        let mut w = 0.0;
        for (i, c) in text.char_indices() {
            let cw = metrics.width(c.encode_utf8(&mut [0; 4]), size);
            if w + cw > width && i > 0 {
                break;
            }
            w += cw;
            cut = i + c.len_utf8();
        }
        if cut >= text.len() {
            return text.to_string();
        }
        let mut head = text[..cut].to_string();
        head.push(BREAK_HYPHEN);
        word.start += cut;
        word.carried = true;
        self.carry = Some(word);
        head
    }
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

/// Wraps a text with hard breaks without hyphenating (headings, column
/// headers); a word wider than the line is kept whole.
pub fn wrap_unhyphenated(text: &str, width: f32, fonts: &Fonts, style: Style) -> Vec<String> {
    let metrics = fonts.get(style.weight());
    text.split('\n')
        .flat_map(|hard| {
            let mut breaker = Breaker::unhyphenated(hard.trim_end());
            std::iter::from_fn(move || breaker.next_line(width, metrics, style.size()))
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::font::measured;

    /// Bytes measured to break `text` into lines of a body column.
    fn work(text: &str) -> (usize, usize) {
        let fonts = crate::print::fonts().expect("fonts");
        measured::take();
        let lines = wrap_line(text, 480.0, fonts, Style::Body);
        (measured::take(), lines.len())
    }

    /// Line breaking reads each byte a bounded number of times, whatever
    /// the paragraph's length: twice the text, about twice the work.
    fn assert_linear(piece: &str) {
        let sizes = [1usize << 16, 1 << 17, 1 << 18];
        let runs: Vec<(usize, usize, usize)> = sizes
            .iter()
            .map(|&n| {
                let text = piece.repeat(n / piece.len() + 1);
                let (measured, lines) = work(&text);
                (text.len(), measured, lines)
            })
            .collect();
        for &(len, measured, lines) in &runs {
            assert!(
                lines > len / 200,
                "{piece:?}: {lines} lines for {len} bytes"
            );
            assert!(
                measured <= 6 * len,
                "{piece:?}: {measured} bytes measured for {len}"
            );
        }
        for pair in runs.windows(2) {
            let ratio = pair[1].1 as f64 / pair[0].1 as f64;
            assert!(
                ratio < 2.2,
                "{piece:?}: work grew {ratio:.2}× for twice the text"
            );
        }
    }

    #[test]
    fn breaking_a_long_paragraph_is_linear() {
        // Words, hyphenated words, one word of several hundred kilobytes
        // (hyphenated, cut anywhere), an address, Arabic words.
        for piece in [
            "Le cluster fédère des entreprises agro-industrielles du Saïss. ",
            "anticonstitutionnellement",
            "x1y2z3",
            "www.exemple-de-site.ma/",
            "مجموعة فاس للصناعات (فاس) 2026 ",
        ] {
            assert_linear(piece);
        }
    }

    #[test]
    fn a_cloned_breaker_resumes_where_it_was() {
        let fonts = crate::print::fonts().expect("fonts");
        let text = "Le cluster fédère des entreprises agro-industrielles. ".repeat(40);
        let mut a = Breaker::new(&text);
        let _ = a.next_line(200.0, &fonts.regular, 9.5);
        let mut b = a.clone();
        while let Some(line) = a.next_line(200.0, &fonts.regular, 9.5) {
            assert_eq!(Some(line), b.next_line(200.0, &fonts.regular, 9.5));
        }
        assert!(b.next_line(200.0, &fonts.regular, 9.5).is_none());
    }

    #[test]
    fn lines_of_a_mixed_paragraph_keep_its_direction() {
        let fonts = crate::print::fonts().expect("fonts");
        let text = "مجموعة فاس للصناعات Fès Meknès Casablanca Rabat Tanger Agadir";
        let lines = wrap_line(text, 120.0, fonts, Style::Body);
        assert!(lines.len() >= 2, "{lines:?}");
        for line in &lines {
            assert!(shape::is_rtl(line), "{line:?} reads right to left");
        }
        // Every word kept, in order, once the marks are set aside.
        let words: Vec<String> = lines.iter().map(|l| l.replace(shape::RLM, "")).collect();
        assert_eq!(words.join(" "), text);
    }
}
