//! The paper a signer and a reviewer accept (issue 10), read back from the
//! PDF: the stamp zone's clear area on every page with no glyph in it,
//! ratios never shown above their value, no-break spaces before colons,
//! hyphenated words.

mod common;

use cluster_dossier::model::dossier::StampCorner;
use cluster_dossier::print::geometry::{Geometry, MM, Rect};
use cluster_dossier::print::{self, RenderOptions};
use common::{example, findings, pdf_pages_text, pdf_texts, profile};
use rust_decimal::Decimal;

fn one_copy(d: &cluster_dossier::model::Dossier) -> print::Rendered {
    let p = profile();
    print::render(
        d,
        &p,
        &findings(d, &p),
        &RenderOptions {
            copies: Some(1),
            ..RenderOptions::default()
        },
    )
    .expect("renders")
}

/// The rectangles (`re`) each page draws, in points from the top.
fn pdf_rects(bytes: &[u8]) -> Vec<Vec<Rect>> {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    doc.get_pages()
        .values()
        .map(|&id| {
            let content =
                lopdf::content::Content::decode(&doc.get_page_content(id)).expect("decodes");
            content
                .operations
                .iter()
                .filter(|op| op.operator == "re")
                .map(|op| {
                    let n = |i: usize| op.operands[i].as_float().expect("a number");
                    Rect {
                        x: n(0),
                        y: 297.0 * MM - n(1) - n(3),
                        w: n(2),
                        h: n(3),
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_page_has_a_clear_stamp_zone_of_70_by_45_mm() {
    for corner in [StampCorner::BottomRight, StampCorner::TopLeft] {
        let mut d = example();
        d.print.stamp_corner = corner;
        let r = one_copy(&d);
        let geo = Geometry::a4(corner);
        let clear = geo.stamp_clear;
        assert!(clear.w >= 70.0 * MM && clear.h >= 45.0 * MM);
        let rects = pdf_rects(&r.pdfs[0]);
        let texts = pdf_texts(&r.pdfs[0]);
        assert_eq!(rects.len(), r.pages_per_copy);
        for (i, (page_rects, page_texts)) in rects.iter().zip(&texts).enumerate() {
            assert!(
                page_rects.iter().any(|b| (b.w - clear.w).abs() < 0.5
                    && (b.h - clear.h).abs() < 0.5
                    && (b.x - clear.x).abs() < 0.5
                    && (b.y - clear.y).abs() < 0.5),
                "{corner:?} page {}: no stamp frame",
                i + 1
            );
            for t in page_texts.iter().filter(|t| !t.rotated) {
                assert!(
                    !t.bbox().intersects(&clear),
                    "{corner:?} page {}: « {} » inside the stamp's clear area",
                    i + 1,
                    t.text
                );
            }
        }
    }
}

#[test]
fn ratios_just_under_a_threshold_never_print_rounded_up() {
    let p = profile();
    let mut d = example();
    let kpi = p
        .kpi_by_role(cluster_dossier::model::call::KpiRole::SelfFinancing)
        .expect("the self-financing KPI")
        .id
        .clone();
    let typed = ["39.96", "39.99", "59.99", "39.97", "60"];
    if let Some(line) = d.indicators.standard.iter_mut().find(|l| l.id == kpi) {
        for (v, t) in line.values.iter_mut().zip(typed) {
            *v = Some(t.parse::<Decimal>().expect("a number"));
        }
    }
    let r = one_copy(&d);
    let text = pdf_pages_text(&r.pdfs[0]).concat();
    // Percentages print with two decimals, cut: as typed, never rounded up
    // to the threshold.
    let flat = text
        .replace('\u{2019}', "'")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Capacité d'autofinancement (%) 39,96 39,99 59,99 39,97 60,00"),
        "the indicator's row as typed"
    );
}

#[test]
fn a_no_break_space_precedes_every_colon() {
    let r = one_copy(&example());
    let text = pdf_pages_text(&r.pdfs[0]).concat();
    let chars: Vec<char> = text.chars().collect();
    let mut colons = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c != ':' || chars.get(i + 1) == Some(&'/') {
            continue;
        }
        colons += 1;
        let before = i.checked_sub(1).map(|p| chars[p]);
        assert!(
            matches!(before, Some('\u{a0}' | '\u{202f}')) || before.is_some_and(char::is_numeric),
            "« {} »",
            chars[i.saturating_sub(30)..(i + 10).min(chars.len())]
                .iter()
                .collect::<String>()
        );
    }
    assert!(colons > 50, "{colons} colons");
}

#[test]
fn a_long_word_breaks_with_a_hyphen() {
    let mut d = example();
    d.partners[0].city = "Conditionnement anticonstitutionnellement".into();
    let p = profile();
    let f = findings(&d, &p);
    let fonts = print::fonts().expect("fonts");
    let (laid, _) = print::layout_copy(&d, &p, &f, false, fonts);
    let texts: Vec<String> = laid
        .pages
        .iter()
        .flat_map(|pg| pg.items.iter())
        .filter_map(|i| match i {
            cluster_dossier::print::layout::Item::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    let broken: Vec<&String> = texts.iter().filter(|t| t.ends_with('\u{ad}')).collect();
    assert!(!broken.is_empty(), "no hyphenated line");
    // Its pieces follow each other and read as the word again.
    let joined: String = texts.concat().replace('\u{ad}', "");
    assert!(joined.contains("anticonstitutionnellement"));
    assert!(
        broken
            .iter()
            .filter_map(|t| t.trim_end_matches('\u{ad}').rsplit(' ').next())
            .any(|piece| piece.len() >= 2 && "anticonstitutionnellement".starts_with(piece))
    );
    // The soft hyphen is drawn with a visible glyph of the bundled font.
    assert!(fonts.regular.advance('\u{ad}').is_some_and(|a| a > 0.1));
}

// ------------------------------------------------------------------ Large dossier

/// The large synthetic dossier (300 members, 40 projects), one copy.
fn large() -> (cluster_dossier::model::Dossier, print::Rendered) {
    let d = cluster_dossier::model::synthetic::dossier(&profile(), 300, 40);
    let r = one_copy(&d);
    (d, r)
}

/// The texts of each page that belong to the content (not the running
/// header, the page numbers, the stamp zone or the draft mark).
fn content_texts(pdf: &[u8], geo: &Geometry) -> Vec<Vec<common::PdfText>> {
    let area = geo.content;
    pdf_texts(pdf)
        .into_iter()
        .map(|page| {
            page.into_iter()
                .filter(|t| {
                    !t.rotated
                        && t.y > area.y
                        && t.y <= area.bottom() + 1.0
                        && !t.bbox().intersects(&geo.stamp)
                        && !t.bbox().intersects(&geo.info_band)
                })
                .collect()
        })
        .collect()
}

/// `b` is the line right under `a` in the same column (same left or right
/// edge, one line height lower): the continuation of a wrapped text.
fn continues(a: &common::PdfText, b: &common::PdfText) -> bool {
    let dy = b.y - a.y;
    (a.size - b.size).abs() < 0.01
        && dy > 0.5 * a.size
        && dy < 1.6 * a.size
        && ((a.x - b.x).abs() < 0.5 || (a.x + a.width - b.x - b.width).abs() < 0.5)
}

/// Places where a number runs from the end of one line into the next.
fn split_numbers(pages: &[Vec<common::PdfText>]) -> Vec<String> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for pair in page.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let end = a.text.trim_end();
            let start = b.text.trim_start();
            if end.ends_with(|c: char| c.is_ascii_digit())
                && start.starts_with(|c: char| c.is_ascii_digit() || c == ',')
                && continues(a, b)
            {
                out.push(format!("page {} : « {end} » / « {start} »", p + 1));
            }
        }
    }
    out
}

fn at(x: f32, y: f32, text: &str) -> common::PdfText {
    common::PdfText {
        x,
        y,
        size: 8.0,
        width: 40.0,
        text: text.into(),
        rotated: false,
    }
}

#[test]
fn the_split_number_detector_sees_a_split_and_only_that() {
    let split = vec![vec![at(100.0, 200.0, "1 200 00"), at(100.0, 210.5, "0")]];
    assert_eq!(split_numbers(&split).len(), 1);
    // Two cells of one row, and the next row of a column: not a wrap.
    let apart = vec![vec![
        at(100.0, 200.0, "1 200 000"),
        at(150.0, 200.0, "300 000"),
        at(150.0, 230.0, "2 000"),
    ]];
    assert!(split_numbers(&apart).is_empty());
}

#[test]
fn no_number_is_split_across_lines_in_the_large_dossier() {
    let (d, r) = large();
    let geo = Geometry::a4(d.print.stamp_corner);
    let pages = content_texts(&r.pdfs[0], &geo);
    let numbers: usize = pages
        .iter()
        .flatten()
        .filter(|t| t.text.contains(|c: char| c.is_ascii_digit()))
        .count();
    assert!(numbers > 1000, "{numbers} lines with a number");
    let split = split_numbers(&pages);
    assert!(split.is_empty(), "{split:#?}");
}

/// Letters and digits only, apostrophes as typed: a heading and a line of it
/// compare whatever spaces and hyphens the typesetting put in.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn no_heading_is_the_last_line_of_a_page() {
    let (d, r) = large();
    let p = profile();
    let f = findings(&d, &p);
    let attachments = cluster_dossier::attach::Attachments::default();
    let pages_map = std::collections::HashMap::new();
    let input = print::document::DocumentInput {
        dossier: &d,
        profile: &p,
        findings: &f,
        draft: r.draft,
        blank: false,
        attachments: &attachments,
        pages: &pages_map,
    };
    let headings: Vec<String> = print::document::build(&input)
        .iter()
        .filter_map(|b| match b {
            print::layout::Block::Heading { text, .. } => Some(letters(text)),
            _ => None,
        })
        .filter(|h| h.chars().count() >= 4)
        .collect();
    assert!(headings.len() > 40, "{} headings", headings.len());
    let is_heading_line = |t: &common::PdfText| {
        let l = letters(&t.text);
        t.size >= 9.5 && l.chars().count() >= 4 && headings.iter().any(|h| h.contains(&l))
    };
    let geo = Geometry::a4(d.print.stamp_corner);
    let pages = content_texts(&r.pdfs[0], &geo);
    assert_eq!(pages.len(), r.pages_per_copy);
    let mut seen = 0;
    for (i, page) in pages.iter().enumerate() {
        seen += page.iter().filter(|t| is_heading_line(t)).count();
        let Some(last) = page.iter().max_by(|a, b| a.y.total_cmp(&b.y)) else {
            continue;
        };
        assert!(
            !is_heading_line(last),
            "page {} ends with the heading « {} »",
            i + 1,
            last.text
        );
    }
    assert!(seen > 40, "only {seen} heading lines found in the PDF");
}

#[test]
fn the_register_of_300_members_takes_at_most_20_pages_of_15_members_or_more() {
    let (d, r) = large();
    assert_eq!(d.members.len(), 300);
    let geo = Geometry::a4(d.print.stamp_corner);
    let number_column = geo.content.x + 0.05 * geo.content.w;
    // Per register page (the one with the register's header row), the
    // row numbers of its members.
    let register: Vec<Vec<u32>> = pdf_texts(&r.pdfs[0])
        .iter()
        .filter(|page| page.iter().any(|t| t.text == "Identifiants"))
        .map(|page| {
            page.iter()
                .filter(|t| t.x < number_column)
                .filter_map(|t| t.text.trim().parse::<u32>().ok())
                .collect()
        })
        .collect();
    let members: usize = register.iter().map(Vec::len).sum();
    assert_eq!(members, 300);
    assert!(register.len() <= 20, "{} register pages", register.len());
    // A page the register comes onto and goes on from is a full page: 15
    // members or more (its first page may hold only the first rows, kept
    // with the category's heading).
    let follows = |a: &Vec<u32>, b: &Vec<u32>| matches!((a.last(), b.first()), (Some(x), Some(y)) if *y == x + 1);
    let mut full = 0;
    for (i, w) in register.windows(3).enumerate() {
        if follows(&w[0], &w[1]) && follows(&w[1], &w[2]) {
            full += 1;
            assert!(
                w[1].len() >= 15,
                "register page {}: {} members",
                i + 2,
                w[1].len()
            );
        }
    }
    assert!(full >= 10, "{full} full pages");
}
