//! CSV as spreadsheets write it: `;`, `,` or tab; CR, LF or CRLF line ends;
//! quoted fields with doubled quotes and line breaks inside.
//!
//! A quote left open must not swallow the rows after it: a quoted field
//! that runs over a line end and then never closes (or closes on something
//! other than a separator or a line end) makes its record invalid, and
//! reading starts again on the line after the opening quote. The restart
//! only rereads up to the next quote character, so reading stays linear.

use super::cell::{CellText, Long, MAX_TEXT_BYTES};
use super::sheet::{Limits, RowIssue, cell_name};

/// Records (line of their first character, cells) and the records that
/// could not be read.
#[derive(Debug, Default)]
pub struct Records {
    pub records: Vec<(usize, Vec<String>)>,
    pub bad: Vec<RowIssue>,
}

/// More rows, columns, cells or text than a member register can have, or
/// a header cell longer than a cell may be.
#[derive(Debug, PartialEq, Eq)]
pub enum Overflow {
    Rows,
    Columns { line: usize },
    Cells,
    Text,
    LongHeader(String),
}

/// How many non-empty lines decide the separator.
const SNIFFED_LINES: usize = 20;

/// The separator Excel chose: `;` in French locales, `,` elsewhere, tab
/// for « Texte Unicode ». Decided on the first non-empty lines, outside
/// quotes: the one found on the most lines, then the most often. A title
/// line above the column titles (« Liste des adhérents, 2026 ») has few or
/// none and cannot decide alone.
pub fn detect_separator(text: &str) -> char {
    let mut score = [(';', 0usize, 0usize), (',', 0, 0), ('\t', 0, 0)];
    for line in text
        .split(['\n', '\r'])
        .filter(|l| !l.trim().is_empty())
        .take(SNIFFED_LINES)
    {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in line.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted && let Some(k) = score.iter().position(|(sep, _, _)| *sep == c) {
                counts[k] += 1;
            }
        }
        for (k, n) in counts.into_iter().enumerate() {
            if n > 0 {
                score[k].1 += 1;
                score[k].2 += n;
            }
        }
    }
    // Ties keep the first: `;` before `,` before tab.
    score
        .iter()
        .rev()
        .max_by_key(|(_, lines, total)| (*lines, *total))
        .filter(|(_, lines, _)| *lines > 0)
        .map_or(';', |(c, _, _)| *c)
}

/// Reads all records of `text`; blank records are dropped.
pub fn parse(text: &str, limits: &Limits) -> Result<Records, Overflow> {
    let sep = detect_separator(text);
    let mut out = Records::default();
    let mut reader = Reader {
        text,
        pos: 0,
        line: 1,
        sep,
    };
    let (mut cells_kept, mut text_kept) = (0usize, 0usize);
    while reader.pos < text.len() {
        let start = reader.line;
        match reader.record(limits)? {
            Ok(cells) => {
                if cells.len() > limits.columns {
                    return Err(Overflow::Columns { line: start });
                }
                if cells
                    .iter()
                    .any(|c| !c.as_ref().is_ok_and(|c| c.trim().is_empty()))
                {
                    // The header plus the data rows.
                    if out.records.len() + out.bad.len() > limits.rows {
                        return Err(Overflow::Rows);
                    }
                    let long = cells
                        .iter()
                        .enumerate()
                        .find_map(|(i, c)| c.as_ref().err().map(|l| (i, l.clone())));
                    if let Some((col, long)) = long {
                        let reason = long.reason(&cell_name(start as u64 - 1, col as u64));
                        if out.records.is_empty() {
                            return Err(Overflow::LongHeader(reason));
                        }
                        out.bad.push(RowIssue {
                            line: start,
                            reason,
                        });
                        continue;
                    }
                    let cells: Vec<String> = cells.into_iter().flatten().collect();
                    cells_kept += cells.iter().filter(|c| !c.is_empty()).count();
                    text_kept += cells.iter().map(String::len).sum::<usize>();
                    if cells_kept > limits.cells {
                        return Err(Overflow::Cells);
                    }
                    if text_kept > MAX_TEXT_BYTES {
                        return Err(Overflow::Text);
                    }
                    out.records.push((start, cells));
                }
            }
            Err(reason) => out.bad.push(RowIssue {
                line: start,
                reason,
            }),
        }
    }
    Ok(out)
}

/// The cells of a record, over-long ones kept aside.
type Record = Vec<Result<String, Long>>;

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    sep: char,
}

enum State {
    FieldStart,
    Unquoted,
    Quoted,
    AfterQuote,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    /// Consumes a line end at `pos` if there is one (CRLF counts once).
    fn line_end(&mut self) -> bool {
        let rest = &self.text.as_bytes()[self.pos..];
        let n = match rest {
            [b'\r', b'\n', ..] => 2,
            [b'\r' | b'\n', ..] => 1,
            _ => return false,
        };
        self.pos += n;
        self.line += 1;
        true
    }

    /// One record; the inner `Err` is an invalid record (already skipped).
    fn record(&mut self, limits: &Limits) -> Result<Result<Record, String>, Overflow> {
        let start_line = self.line;
        let mut cells: Record = Vec::new();
        let mut field = CellText::new();
        let mut state = State::FieldStart;
        // Where the open quote started, and where reading resumes if it
        // turns out never to close: the line after it.
        let mut quote_line = 0usize;
        let mut resume: Option<(usize, usize)> = None;
        loop {
            if cells.len() > limits.columns {
                return Err(Overflow::Columns { line: start_line });
            }
            if matches!(state, State::Quoted) {
                if self.line_end() {
                    field.push('\n');
                    resume.get_or_insert((self.pos, self.line));
                    continue;
                }
            } else if self.line_end() {
                cells.push(field.finish());
                return Ok(Ok(cells));
            }
            let Some(c) = self.peek() else {
                if matches!(state, State::Quoted) {
                    return Ok(Err(self.unclosed(quote_line, resume, None)));
                }
                cells.push(field.finish());
                return Ok(Ok(cells));
            };
            self.pos += c.len_utf8();
            match state {
                State::Quoted if c == '"' => {
                    if self.peek() == Some('"') {
                        self.pos += 1;
                        field.push('"');
                    } else {
                        state = State::AfterQuote;
                    }
                }
                State::Quoted => field.push(c),
                State::AfterQuote if c == self.sep => {
                    cells.push(std::mem::take(&mut field).finish());
                    state = State::FieldStart;
                }
                State::AfterQuote if resume.is_some() => {
                    let line = self.line;
                    return Ok(Err(self.unclosed(quote_line, resume, Some(line))));
                }
                State::AfterQuote | State::Unquoted => {
                    // Text after a closing quote on the same line: kept as
                    // Excel keeps it.
                    if c == self.sep {
                        cells.push(std::mem::take(&mut field).finish());
                        state = State::FieldStart;
                    } else {
                        field.push(c);
                        state = State::Unquoted;
                    }
                }
                State::FieldStart if c == '"' => {
                    state = State::Quoted;
                    quote_line = self.line;
                    resume = None;
                }
                State::FieldStart if c == self.sep => cells.push(Ok(String::new())),
                State::FieldStart => {
                    field.push(c);
                    state = State::Unquoted;
                }
            }
        }
    }

    /// The reason for a quote that never closes properly, after moving back
    /// to the line that follows the opening quote.
    fn unclosed(
        &mut self,
        quote_line: usize,
        resume: Option<(usize, usize)>,
        closed_on: Option<usize>,
    ) -> String {
        if let Some((pos, line)) = resume {
            self.pos = pos;
            self.line = line;
        }
        match closed_on {
            Some(l) => format!(
                "guillemet ouvert ligne {quote_line} et refermé seulement ligne {l} au milieu d'une cellule : \
                 vérifiez les guillemets de cette ligne (les lignes suivantes sont lues normalement)"
            ),
            None => format!(
                "guillemet ouvert ligne {quote_line} jamais refermé : \
                 vérifiez les guillemets de cette ligne (les lignes suivantes sont lues normalement)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(r: &Records) -> Vec<usize> {
        r.records.iter().map(|(l, _)| *l).collect()
    }

    #[test]
    fn a_title_line_does_not_decide_the_separator() {
        let text = "Liste des adhérents, arrêtée au 30/11/2026\n\nN°;Nom;Ville\n1;Atlas, SA;Fès\n2;Nord;Tanger\n";
        assert_eq!(detect_separator(text), ';');
        let r = parse(text, &Limits::default()).expect("parsed");
        assert_eq!(r.records[1].1, ["N°", "Nom", "Ville"]);
        // One line alone still decides, and ties keep `;`.
        assert_eq!(detect_separator("a,b,c"), ',');
        assert_eq!(detect_separator("a\tb"), '\t');
        assert_eq!(detect_separator("a;b,c"), ';');
        assert_eq!(detect_separator("Titre seul"), ';');
    }

    #[test]
    fn quotes_separators_and_line_ends() {
        let text =
            "Nom;Ville\r\n\"Atlas; Fès\";Fès\r\n\"Dit \"\"X\"\"\";\"Meknès\nCentre\"\r\n\r\n";
        let r = parse(text, &Limits::default()).expect("parsed");
        assert_eq!(lines(&r), [1, 2, 3]);
        assert_eq!(r.records[1].1, ["Atlas; Fès", "Fès"]);
        assert_eq!(r.records[2].1, ["Dit \"X\"", "Meknès\nCentre"]);
        assert!(r.bad.is_empty());
        for text in ["Nom,ICE\rA,001\rB,002", "Nom\tICE\nA\t001\nB\t002\n"] {
            let r = parse(text, &Limits::default()).expect("parsed");
            assert_eq!(lines(&r), [1, 2, 3], "{text:?}");
            assert_eq!(r.records[2].1, ["B", "002"]);
        }
    }

    #[test]
    fn an_open_quote_spoils_its_record_only() {
        let text = "Nom;Ville\nA;\"Fès\nB;Rabat\nC;\"Oujda\";x\nD;Tanger\n";
        let r = parse(text, &Limits::default()).expect("parsed");
        assert_eq!(lines(&r), [1, 3, 4, 5]);
        assert_eq!(r.records[1].1, ["B", "Rabat"]);
        assert_eq!(r.records[2].1, ["C", "Oujda", "x"]);
        assert_eq!(r.bad.len(), 1);
        assert_eq!(r.bad[0].line, 2);
        let r = parse("Nom;Ville\nA;Fès\nB;\"Rabat\n", &Limits::default()).expect("parsed");
        assert_eq!(lines(&r), [1, 2]);
        assert_eq!(r.bad[0].line, 3);
        assert!(r.bad[0].reason.contains("jamais refermé"), "{:?}", r.bad);
    }

    #[test]
    fn limits_are_errors() {
        let limits = Limits {
            rows: 2,
            columns: 3,
            cells: 100,
        };
        assert_eq!(
            parse("a\nb\nc\nd\n", &limits).map(|r| r.records.len()),
            Err(Overflow::Rows)
        );
        assert_eq!(
            parse("a\nb;c;d;e;f\n", &limits).map(|r| r.records.len()),
            Err(Overflow::Columns { line: 2 })
        );
    }
}
