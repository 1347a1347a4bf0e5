//! Typesetting without bad breaks (issue 19, item 3), as properties over
//! generated French text: names, dates, standards, numbers with units,
//! addresses and compounds are broken only where French allows; a
//! hyphenation keeps three letters on each side; laid-out paragraphs leave
//! no widow, no orphan and no single word on their last line, also where
//! they narrow beside the stamp zone.

mod common;

use std::collections::HashMap;

use cluster_dossier::model::dossier::StampCorner;
use cluster_dossier::print::geometry::{Geometry, Rect, TEXT_CLEARANCE};
use cluster_dossier::print::layout::{Align, Block, Column, Item, Layouter, Row, Style, Table};
use cluster_dossier::print::typeset::{BREAK_HYPHEN, french};
use cluster_dossier::print::{self, layout::wrap_line};
use common::text_box;
use proptest::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// Lowercase word: may be hyphenated (three letters each side).
    Word,
    /// Proper or place name: never hyphenated (a compound name breaks
    /// only at its own hyphen).
    Name,
    /// Hyphenated compound: only at its own hyphen.
    Compound,
    /// Date, standard, number with unit or sign: never broken.
    Glued,
    /// E-mail or web address: after « @ » or before « . » only.
    Address,
}

const WORDS: &[&str] = &[
    "le",
    "cluster",
    "fédère",
    "des",
    "entreprises",
    "université",
    "conditionnement",
    "internationalisation",
    "accompagnement",
    "de",
    "compétitivité",
    "l’innovation",
    "mutualisation",
    "technologiques",
    "et",
    "anticonstitutionnellement",
];
const NAMES: &[&str] = &[
    "Fès-Meknès",
    "Casablanca-Settat",
    "Benslimane",
    "Marrakech",
    "Bennani",
    "Tanger-Tétouan-Al Hoceïma",
    "Mansouri",
    "Ouarzazate",
];
const COMPOUNDS: &[&str] = &[
    "agro-industrielle",
    "physico-chimique",
    "ouest-africain",
    "semi-industrielles",
    "socio-économique",
];
const GLUED: &[&str] = &[
    "18 juin 2026",
    "1er mars 2025",
    "ISO 22000",
    "NM ISO 9001",
    "n° 47",
    "15 h 00",
    "120 m²",
    "50 000 DHS",
    "12 %",
    "298 000 DH",
    "+ 5 %",
];
const ADDRESSES: &[&str] = &[
    "contact@agro-industrie-saiss.ma",
    "r.lahlou@soges-emballages.ma",
    "www.cluster-agro-fes.ma",
    "https://www.industrie.gov.ma",
];

fn token() -> impl Strategy<Value = (Kind, &'static str)> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(|w| (Kind::Word, w)),
        2 => proptest::sample::select(NAMES).prop_map(|w| (Kind::Name, w)),
        2 => proptest::sample::select(COMPOUNDS).prop_map(|w| (Kind::Compound, w)),
        2 => proptest::sample::select(GLUED).prop_map(|w| (Kind::Glued, w)),
        1 => proptest::sample::select(ADDRESSES).prop_map(|w| (Kind::Address, w)),
    ]
}

/// The text as the layout sets it, with each token's byte span in it.
fn set_text(tokens: &[(Kind, &str)]) -> (String, Vec<(Kind, usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (k, t) in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let set = french(t);
        spans.push((*k, text.len(), text.len() + set.len()));
        text.push_str(&set);
    }
    (text, spans)
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Where each line break falls in `text`: `(offset, hyphen added)`, the
/// offset being the first byte of the next line.
fn break_offsets(text: &str, lines: &[String]) -> Vec<(usize, bool)> {
    let mut off = 0;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let hyphen = line.ends_with(BREAK_HYPHEN);
        let body = line.trim_end_matches(BREAK_HYPHEN);
        assert!(
            text[off..].starts_with(body),
            "line {i} {body:?} is not the text at {off}: {:?}",
            &text[off..]
        );
        off += body.len();
        if i + 1 < lines.len() {
            out.push((off, hyphen));
            if !hyphen && text[off..].starts_with(' ') {
                off += 1;
            }
        }
    }
    assert_eq!(off, text.len(), "every character is set once");
    out
}

fn check_breaks(text: &str, spans: &[(Kind, usize, usize)], lines: &[String]) {
    for (at, hyphen) in break_offsets(text, lines) {
        // At a space between tokens: always allowed.
        if !hyphen && text[..at].ends_with(' ') || text[at..].starts_with(' ') {
            continue;
        }
        let Some(&(kind, s, e)) = spans.iter().find(|(_, s, e)| *s < at && at < *e) else {
            continue;
        };
        let (head, tail) = (&text[s..at], &text[at..e]);
        match kind {
            Kind::Word => {
                assert!(hyphen, "{head:?}|{tail:?} broken without a hyphen");
                let head = head.rsplit('’').next().unwrap_or(head);
                assert!(
                    letters(head) >= 3 && letters(tail) >= 3,
                    "{head:?}|{tail:?}: fewer than three letters on a side"
                );
            }
            Kind::Name | Kind::Compound => {
                assert!(
                    !hyphen && head.ends_with('-'),
                    "{kind:?} {head:?}|{tail:?} broken elsewhere than at its own hyphen"
                );
                assert!(
                    letters(head) >= 3 && letters(tail) >= 3,
                    "{head:?}|{tail:?}"
                );
            }
            Kind::Glued => panic!("{head:?}|{tail:?}: a date, standard or number broken"),
            Kind::Address => assert!(
                !hyphen && (head.ends_with('@') || tail.starts_with('.')),
                "address broken at {head:?}|{tail:?}"
            ),
        }
    }
}

/// A last line holding a single word only when the word before it could
/// not come down with it.
fn check_no_runt(text: &str, lines: &[String], width: f32) {
    if lines.len() < 2 {
        return;
    }
    let last = lines[lines.len() - 1].as_str();
    if last.contains(' ') {
        return;
    }
    let fonts = print::fonts().expect("fonts");
    let start = text.len() - last.len();
    let word_start = text[..start].rfind(' ').map_or(0, |i| i + 1);
    let prev_line_start = text.len()
        - last.len()
        - lines[lines.len() - 2].trim_end_matches(BREAK_HYPHEN).len()
        - usize::from(text[..start].ends_with(' '));
    let Some(space) = text[..word_start.saturating_sub(1)].rfind(' ') else {
        return;
    };
    if space < prev_line_start {
        // The line before holds one word (or the rest of one): nothing to give.
        return;
    }
    let both = &text[space + 1..];
    assert!(
        fonts.regular.width(both, Style::Body.size()) > width,
        "last line {last:?} alone although {both:?} fits {width}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn lines_break_only_where_french_allows(
        tokens in proptest::collection::vec(token(), 1..40),
        width in 90.0f32..480.0,
    ) {
        let fonts = print::fonts().expect("fonts");
        let (text, spans) = set_text(&tokens);
        let lines = wrap_line(&text, width, fonts, Style::Body);
        check_breaks(&text, &spans, &lines);
        check_no_runt(&text, &lines, width);
        // Only a token kept whole (then set smaller) is wider than the line.
        for line in &lines {
            let w = fonts.regular.width(line, Style::Body.size());
            if w > width + 0.5 {
                prop_assert!(!line.contains(' '), "{line:?} is {w} wide for {width}");
            }
        }
    }
}

// ------------------------------------------------------------ Laid out

/// Short words, so that a line always holds several of them.
const SHORT: &[&str] = &[
    "le",
    "cluster",
    "fédère",
    "des",
    "entreprises",
    "du",
    "Saïss",
    "autour",
    "de",
    "projets",
    "communs",
    "et",
    "forme",
    "ses",
    "salariés",
    "agro-industrielle",
    "18 juin 2026",
    "ISO 22000",
];

fn paragraph() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(SHORT), 3..160).prop_map(|w| w.join(" "))
}

/// The lines of text of each page, in order.
fn page_lines(laid: &print::layout::Laid) -> Vec<Vec<(f32, f32, String)>> {
    laid.pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { x, y, text, .. } => Some((*x, *y, text.clone())),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A paragraph after a space of any height, so that it reaches the
    /// page bottom anywhere, beside the stamp zone too.
    #[test]
    fn paragraphs_leave_no_widow_orphan_or_lone_last_word(
        before in 0.0f32..1.0,
        text in paragraph(),
        corner in proptest::sample::select(&StampCorner::ALL[..]),
    ) {
        let fonts = print::fonts().expect("fonts");
        let geo = Geometry::a4(corner);
        let blocks = vec![
            Block::Spacer(before * (geo.full_content().h - 1.0)),
            Block::para(text.clone()),
        ];
        let laid = Layouter::new(fonts, geo, HashMap::new()).layout(&blocks);
        let pages: Vec<_> = page_lines(&laid).into_iter().filter(|p| !p.is_empty()).collect();
        let total: usize = pages.iter().map(Vec::len).sum();
        if pages.len() > 1 {
            for (i, p) in pages.iter().enumerate() {
                prop_assert!(p.len() >= 2, "page {i} of {} holds {} line(s) of {total}", pages.len(), p.len());
            }
        }
        let all: Vec<&String> = pages.iter().flatten().map(|(_, _, t)| t).collect();
        if all.len() >= 2 {
            let last = all[all.len() - 1];
            prop_assert!(
                last.contains(' ') || last.contains('\u{a0}'),
                "last line {last:?} is one word"
            );
        }
        // Every word set once, in order.
        let bare = |s: &str| s.replace([' ', '\u{a0}', '\u{202f}', BREAK_HYPHEN], "");
        let joined: String = all.iter().map(|l| bare(l)).collect();
        prop_assert_eq!(joined, bare(&french(&text)));
        // Text keeps 8 mm from the stamp frame.
        let frame = geo.stamp_clear;
        let grown = Rect {
            x: frame.x - TEXT_CLEARANCE + 0.05,
            y: frame.y - TEXT_CLEARANCE + 0.05,
            w: frame.w + 2.0 * TEXT_CLEARANCE - 0.1,
            h: frame.h + 2.0 * TEXT_CLEARANCE - 0.1,
        };
        for page in &laid.pages {
            for item in &page.items {
                if let Some(b) = text_box(fonts, item) {
                    prop_assert!(!b.intersects(&grown), "{item:?} within 8 mm of the frame");
                }
            }
        }
    }

    /// A table after a space of any height: no page holds a single row of
    /// it (first or last) when its rows are of ordinary height.
    #[test]
    fn no_page_holds_a_single_leftover_row(
        before in 0.0f32..1.0,
        heights in proptest::collection::vec(1usize..4, 2..60),
    ) {
        let fonts = print::fonts().expect("fonts");
        let geo = Geometry::a4(StampCorner::BottomRight);
        let rows: Vec<Row> = heights
            .iter()
            .enumerate()
            .map(|(i, &h)| Row::new(vec![format!("{}", i + 1), vec!["ligne"; h].join("\n")]))
            .collect();
        let col = |t: &str, share| Column { title: t.into(), share, align: Align::Left };
        let blocks = vec![
            Block::Spacer(before * (geo.full_content().h - 1.0)),
            Block::heading(4, "Un tableau"),
            Block::Table(Table { columns: vec![col("N°", 0.2), col("Texte", 0.8)], rows, dense: false }),
        ];
        let laid = Layouter::new(fonts, geo, HashMap::new()).layout(&blocks);
        let per_page: Vec<usize> = laid
            .pages
            .iter()
            .map(|p| {
                p.items
                    .iter()
                    .filter(|i| matches!(i, Item::Rect { fill: None, stroke: Some(_), .. }))
                    .count()
                    / 2
            })
            .filter(|&n| n > 0)
            .collect();
        if per_page.len() > 1 {
            for (i, n) in per_page.iter().enumerate() {
                prop_assert!(*n >= 2, "page {i} holds {n} row(s): {per_page:?}");
            }
        }
        prop_assert_eq!(per_page.iter().sum::<usize>(), heights.len());
    }
}

#[test]
fn an_address_wider_than_its_column_is_set_smaller_not_cut() {
    let fonts = print::fonts().expect("fonts");
    let geo = Geometry::a4(StampCorner::BottomRight);
    let address = "direction.generale@cluster-agro-industriel-du-saiss.ma";
    let col = |t: &str, share| Column {
        title: t.into(),
        share,
        align: Align::Left,
    };
    let blocks = vec![Block::Table(Table {
        columns: vec![col("Adresse électronique", 0.1), col("Nom", 0.9)],
        rows: vec![Row::new(vec![address.into(), "Bennani".into()])],
        dense: false,
    })];
    let laid = Layouter::new(fonts, geo, HashMap::new()).layout(&blocks);
    let texts: Vec<(String, f32)> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, size, .. } => Some((text.clone(), *size)),
            _ => None,
        })
        .collect();
    let pieces: Vec<&(String, f32)> = texts
        .iter()
        .filter(|(t, _)| address.contains(t.trim_end_matches(BREAK_HYPHEN)))
        .collect();
    let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(joined, address, "{texts:?}");
    for (t, _) in &pieces {
        assert!(!t.ends_with('-') && !t.ends_with(BREAK_HYPHEN), "{t:?}");
    }
    assert!(
        pieces.iter().any(|(_, size)| *size < Style::Small.size()),
        "a piece wider than the column is set smaller: {pieces:?}"
    );
    // The column header is not hyphenated either.
    assert!(
        texts
            .iter()
            .all(|(t, _)| !t.ends_with(BREAK_HYPHEN) || address.contains(t.as_str())),
        "{texts:?}"
    );
}
