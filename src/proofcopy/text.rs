//! Typed text as the copy's paragraphs: paragraph breaks kept, every
//! character kept except those a Word file cannot hold.

/// The text's paragraphs, each a list of lines (a line break between two
/// lines). A blank line separates two paragraphs, as in the wizard; each
/// further blank line is an empty paragraph, so the copy shows the spacing
/// as typed. Blank lines before the first and after the last line are not
/// kept: they show nothing. A text with nothing but spaces has no paragraph.
///
/// The characters are those of [`clean`].
pub fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let cleaned = clean(text);
    let lines: Vec<&str> = cleaned.split('\n').collect();
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return Vec::new();
    };
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .unwrap_or(first);
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut blanks = 0;
    for line in &lines[first..=last] {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        if blanks > 0 {
            out.push(std::mem::take(&mut current));
            out.extend(std::iter::repeat_n(Vec::new(), blanks - 1));
            blanks = 0;
        }
        current.push((*line).to_string());
    }
    out.push(current);
    out
}

/// The text with its line ends as `\n` and nothing an XML 1.0 file refuses:
/// `\r\n` and `\r` end a line; a vertical tab (Word's manual line break,
/// pasted from Word), a form feed, U+0085 and U+2028 end a line; U+2029
/// ends a paragraph; any other control character (except the tab) and the
/// non-characters U+FFFE and U+FFFF become « � », so the board sees that
/// something is there rather than losing it silently.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\u{2029}' => out.push_str("\n\n"),
            '\t' | '\n' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a text has anything to show.
pub fn is_blank(text: &str) -> bool {
    paragraphs(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_breaks_stay_lines() {
        assert_eq!(
            paragraphs("Un.\n\nDeux,\nsuite.\n\n\nTrois."),
            vec![p(&["Un."]), p(&["Deux,", "suite."]), vec![], p(&["Trois."])]
        );
        assert_eq!(paragraphs("\n\n  \nSeul\n\n"), vec![p(&["Seul"])]);
        assert!(paragraphs("  \n\t\n").is_empty());
        assert!(is_blank(" \r\n "));
        assert_eq!(paragraphs("a\r\nb\rc"), vec![p(&["a", "b", "c"])]);
        assert_eq!(
            paragraphs("Word\u{0B}ligne\u{2029}suite"),
            vec![p(&["Word", "ligne"]), p(&["suite"])]
        );
        assert_eq!(clean("a\u{1}b\u{FFFF}\tc"), "a\u{FFFD}b\u{FFFD}\tc");
    }

    /// What the copy shows, read back: lines joined by line breaks,
    /// paragraphs by a blank line, empty paragraphs as one more.
    fn rejoin(paras: &[Vec<String>]) -> String {
        let mut out = String::new();
        for (i, para) in paras.iter().enumerate() {
            if i > 0 {
                out.push('\n');
                if !paras[i - 1].is_empty() {
                    out.push('\n');
                }
            }
            out.push_str(&para.join("\n"));
        }
        out
    }

    /// The text as it should read back: cleaned, whitespace-only lines as
    /// blank lines, the blank lines around it dropped.
    fn expected(text: &str) -> String {
        let cleaned = clean(text);
        let lines: Vec<&str> = cleaned
            .split('\n')
            .map(|l| if l.trim().is_empty() { "" } else { l })
            .collect();
        lines.join("\n").trim_matches('\n').to_string()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Every character the user typed is in the paragraphs, in order,
        /// and only characters XML can hold are.
        #[test]
        fn paragraphs_keep_every_line_as_typed(
            text in "([a-zé«» ’\t]{0,12}(\n|\r\n|\r|\u{0B}|\u{2029}|\u{1}|\u{7F})?){0,12}"
        ) {
            let paras = paragraphs(&text);
            prop_assert_eq!(rejoin(&paras), expected(&text));
            for line in paras.iter().flatten() {
                prop_assert!(!line.contains('\n'));
                prop_assert!(!line.trim().is_empty());
                prop_assert!(line.chars().all(|c| c == '\t' || c >= ' '));
            }
        }
    }
}
