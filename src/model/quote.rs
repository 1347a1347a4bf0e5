//! How much of a value a message quotes: a cell or a field holds up to
//! tens of thousands of characters, and a message (a finding, an import
//! report line, repeated for thousands of rows) quotes only its start.

use std::borrow::Cow;

/// Characters of a value a message quotes.
pub const QUOTED_CHARS: usize = 40;

/// The first [`QUOTED_CHARS`] characters of `v`, with « … » when cut.
pub fn short(v: &str) -> Cow<'_, str> {
    match v.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => format!("{}…", &v[..end]).into(),
        None => v.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_cut_at_forty_characters_and_marked() {
        assert_eq!(short("Atlas"), "Atlas");
        let forty = "é".repeat(40);
        assert_eq!(short(&forty), forty);
        assert_eq!(short(&"é".repeat(41)), format!("{forty}…"));
    }
}
