//! One cell's text, bounded while it is read: a cell holds at most
//! [`MAX_CELL_CHARS`] characters (Excel's own limit) in every format. Past
//! that, the reader keeps counting but stores nothing more, and the cell is
//! reported with its place and the start of its text, never echoed whole.

/// Excel refuses to store more characters in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// All the cell text a register may hold, every format (a register of
/// 20 000 members with 20 filled columns of 40 characters takes 16 MB):
/// what is read past it is refused before it is stored.
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// How much of an over-long cell the message shows.
const SHOWN_CHARS: usize = crate::model::quote::QUOTED_CHARS;

/// A cell's text as it is read.
#[derive(Debug, Default)]
pub struct CellText {
    text: String,
    chars: usize,
}

impl CellText {
    pub fn new() -> Self {
        CellText::default()
    }

    /// Adds text; past the limit only the count grows.
    pub fn push_str(&mut self, s: &str) {
        if self.chars >= MAX_CELL_CHARS {
            self.chars = self.chars.saturating_add(s.chars().count());
            self.shorten();
            return;
        }
        for (i, c) in s.char_indices() {
            if self.chars >= MAX_CELL_CHARS {
                self.chars = self.chars.saturating_add(s[i..].chars().count());
                self.shorten();
                return;
            }
            self.text.push(c);
            self.chars += 1;
        }
    }

    pub fn push(&mut self, c: char) {
        if self.chars < MAX_CELL_CHARS {
            self.text.push(c);
        }
        self.chars = self.chars.saturating_add(1);
        self.shorten();
    }

    /// Adds `n` copies of `c` (an ODS run of spaces) without storing more
    /// than the limit, nor more than the start of a cell that is too long.
    pub fn push_repeated(&mut self, c: char, n: u64) {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        let after = self.chars.saturating_add(n);
        let room = if after > MAX_CELL_CHARS {
            SHOWN_CHARS
        } else {
            MAX_CELL_CHARS
        }
        .saturating_sub(self.chars);
        self.text.extend(std::iter::repeat_n(c, n.min(room)));
        self.chars = after;
        self.shorten();
    }

    /// Once the cell is too long, only the start shown in the message is
    /// kept.
    fn shorten(&mut self) {
        if self.chars > MAX_CELL_CHARS
            && self.text.len() > SHOWN_CHARS
            && let Some((i, _)) = self.text.char_indices().nth(SHOWN_CHARS)
        {
            self.text.truncate(i);
        }
    }

    /// Characters seen, stored or not.
    pub fn chars(&self) -> usize {
        self.chars
    }

    pub fn is_long(&self) -> bool {
        self.chars > MAX_CELL_CHARS
    }

    /// The text when it is within the limit, else the over-long cell.
    pub fn finish(self) -> Result<String, Long> {
        if self.is_long() {
            Err(Long::new(self.chars, &self.text))
        } else {
            Ok(self.text)
        }
    }
}

/// An over-long cell: how many characters, and how it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Long {
    pub chars: usize,
    pub start: String,
}

impl Long {
    pub fn new(chars: usize, text: &str) -> Self {
        let start: String = text
            .chars()
            .take(SHOWN_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        Long { chars, start }
    }

    /// « la cellule B7 contient 40 000 caractères, plus que les 32 767
    /// qu'une cellule peut contenir (« Début du texte… ») ».
    pub fn reason(&self, cell: &str) -> String {
        format!(
            "la cellule {cell} contient {} caractères, plus que les {} qu'une cellule peut contenir (« {}… ») : \
             raccourcissez-la",
            group(self.chars),
            group(MAX_CELL_CHARS),
            self.start.trim_end()
        )
    }
}

/// « 40 000 »: thousands grouped with a no-break space.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_stores_at_most_the_limit_and_counts_the_rest() {
        let mut t = CellText::new();
        t.push_str(&"é".repeat(MAX_CELL_CHARS - 1));
        t.push_str("ab");
        t.push('c');
        t.push_repeated(' ', 4_000_000_000);
        assert_eq!(t.chars(), MAX_CELL_CHARS + 2 + 4_000_000_000);
        assert_eq!(t.text.chars().count(), 40);
        let long = t.finish().expect_err("too long");
        assert_eq!(long.start.chars().count(), 40);
        let msg = long.reason("B7");
        assert!(msg.contains("la cellule B7 contient 4\u{a0}000\u{a0}032\u{a0}769 caractères"));
        assert!(msg.contains("32\u{a0}767"), "{msg}");
        let mut ok = CellText::new();
        ok.push_str(&"x".repeat(MAX_CELL_CHARS));
        assert_eq!(ok.finish().map(|s| s.len()), Ok(MAX_CELL_CHARS));
    }
}
