//! Issue 19, items 4 to 6: words that agree with the dossier, a blank form
//! made for handwriting, room to sign. Read from the layout's pages (boxes
//! in points) and from the PDF's text.

mod common;

use std::collections::HashMap;

use cluster_dossier::attach::Attachments;
use cluster_dossier::model::dossier::{Civility, MemberCategory, StampCorner};
use cluster_dossier::model::{CallProfile, Dossier, Finding};
use cluster_dossier::print::document::{self, DocumentInput};
use cluster_dossier::print::geometry::{
    Geometry, MM, Rect, STAMP_DIAMETER, STAMP_MARGIN, TEXT_CLEARANCE,
};
use cluster_dossier::print::layout::{Item, Laid, Layouter};
use cluster_dossier::print::{self, PrintMode, RenderOptions};
use common::{example, findings, pdf_pages_text, profile, text_box};

/// The dossier laid out as a copy's content (no furniture).
fn laid(d: &Dossier, p: &CallProfile, f: &[Finding], (draft, blank): (bool, bool)) -> Laid {
    let attachments = Attachments::default();
    let pages = HashMap::new();
    let input = DocumentInput {
        dossier: d,
        profile: p,
        findings: f,
        draft,
        blank,
        attachments: &attachments,
        pages: &pages,
    };
    let blocks = document::build(&input);
    let fonts = print::fonts().expect("fonts");
    Layouter::new(fonts, Geometry::a4(d.print.stamp_corner), HashMap::new()).layout(&blocks)
}

fn blank_laid() -> Laid {
    let p = profile();
    let d = document::blank_dossier(&p, &example().print);
    laid(&d, &p, &[], (false, true))
}

fn texts(page: &cluster_dossier::print::layout::Page) -> Vec<&str> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The cells of table rows to fill (framed, not shaded) on a page.
fn cells(page: &cluster_dossier::print::layout::Page) -> Vec<Rect> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Rect {
                rect,
                stroke: Some(s),
                fill: None,
            } if (*s - 0.5).abs() < 0.01 => Some(*rect),
            _ => None,
        })
        .collect()
}

fn render(d: &Dossier, mode: PrintMode) -> Vec<String> {
    let p = profile();
    let r = print::render(
        d,
        &p,
        &findings(d, &p),
        &RenderOptions {
            copies: Some(1),
            mode,
            ..RenderOptions::default()
        },
    )
    .expect("renders");
    // The copy's pages (the receipt after them is the ministry's).
    let mut pages = pdf_pages_text(&r.pdfs[0]);
    pages.truncate(r.pages_per_copy);
    pages
}

// ------------------------------------------------------------ Item 6

#[test]
fn the_stamp_frame_keeps_3_mm_around_a_45_mm_stamp() {
    for corner in StampCorner::ALL {
        let g = Geometry::a4(corner);
        let need = STAMP_DIAMETER + 2.0 * STAMP_MARGIN;
        assert!(
            (STAMP_DIAMETER - 45.0 * MM).abs() < 0.01 && (STAMP_MARGIN - 3.0 * MM).abs() < 0.01
        );
        assert!(
            g.stamp_clear.h >= need - 0.01,
            "{corner:?}: {} mm",
            g.stamp_clear.h / MM
        );
        assert!(g.stamp_clear.w >= need, "{corner:?}");
    }
}

#[test]
fn content_text_stays_8_mm_from_the_stamp_frame_on_every_page() {
    let fonts = print::fonts().expect("fonts");
    let p = profile();
    for corner in StampCorner::ALL {
        let mut d = example();
        d.print.stamp_corner = corner;
        let f = findings(&d, &p);
        let frame = Geometry::a4(corner).stamp_clear;
        let clear = Rect {
            x: frame.x - TEXT_CLEARANCE + 0.05,
            y: frame.y - TEXT_CLEARANCE + 0.05,
            w: frame.w + 2.0 * TEXT_CLEARANCE - 0.1,
            h: frame.h + 2.0 * TEXT_CLEARANCE - 0.1,
        };
        let laid = laid(&d, &p, &f, (false, false));
        let mut checked = 0;
        for (i, page) in laid.pages.iter().enumerate() {
            for item in &page.items {
                if let Some(b) = text_box(fonts, item) {
                    assert!(!b.intersects(&clear), "{corner:?} page {}: {item:?}", i + 1);
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked} texts");
    }
}

#[test]
fn board_table_cells_leave_25_mm_to_sign() {
    let p = profile();
    for (d, blank) in [
        (example(), false),
        (document::blank_dossier(&p, &example().print), true),
    ] {
        let f = if blank { Vec::new() } else { findings(&d, &p) };
        let laid = laid(&d, &p, &f, (false, blank));
        let first = laid.anchors["p1-ca"];
        let last = laid.anchors["p1-cotisations"];
        let rows: Vec<Rect> = laid.pages[first..last].iter().flat_map(cells).collect();
        assert!(rows.len() >= 5 * d.governance.board.len(), "{}", rows.len());
        for r in &rows {
            assert!(
                r.h >= 25.0 * MM,
                "blank {blank}: a cell {} mm tall",
                r.h / MM
            );
        }
    }
}

// ------------------------------------------------------------ Item 5

#[test]
fn blank_register_rows_are_at_least_10_mm_tall() {
    let laid = blank_laid();
    let mut rows = 0;
    for page in &laid.pages {
        if !texts(page).iter().any(|t| t.contains("Identifiants")) {
            continue;
        }
        for c in cells(page) {
            assert!(c.h >= 10.0 * MM, "an identifier row {} mm tall", c.h / MM);
            rows += 1;
        }
    }
    assert!(rows >= 5 * 20, "{rows} register cells");
}

#[test]
fn no_page_of_the_blank_form_holds_a_single_leftover_row() {
    let laid = blank_laid();
    // A table's data rows per page: rows are counted by their distinct tops.
    for (i, page) in laid.pages.iter().enumerate() {
        let mut tops: Vec<i32> = cells(page).iter().map(|c| c.y.round() as i32).collect();
        tops.dedup();
        let prev_has = i > 0 && !cells(&laid.pages[i - 1]).is_empty();
        let next_has = laid.pages.get(i + 1).is_some_and(|p| !cells(p).is_empty());
        if tops.len() == 1 && (prev_has || next_has) {
            panic!("page {} holds a single row: {:?}", i + 1, texts(page));
        }
    }
}

#[test]
fn the_blank_declaration_has_lines_to_write_on() {
    let laid = blank_laid();
    let first = laid.anchors["annexe"];
    let lines = laid.pages[first..]
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i, Item::Line { x1, x2, .. } if x2 - x1 > 100.0 * MM))
        .count();
    assert!(lines >= 11, "{lines} writing lines");
    let all: String = laid.pages[first..].iter().flat_map(texts).collect();
    assert!(!all.contains("____"), "no underscores left: {all}");
}

#[test]
fn the_blank_running_header_leaves_a_line_to_write_the_name() {
    let d = example();
    let pages = render(&d, PrintMode::Blank);
    for (i, page) in pages.iter().enumerate() {
        assert!(!page.contains("à compléter"), "page {}: {page}", i + 1);
        // « Cluster : » then a line (a no-break space before the colon).
        let first = page.lines().find(|l| l.contains("Cluster")).unwrap_or("");
        assert!(first.contains("____"), "page {}: {first:?}", i + 1);
    }
}

// ------------------------------------------------------------ Item 4

#[test]
fn a_woman_president_is_la_presidente_in_the_footer_and_the_declaration() {
    let mut d = example();
    d.identity.president.civility = Some(Civility::Madame);
    let pages = render(&d, PrintMode::Automatic);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Signature et cachet de la Présidente"),
            "page {}",
            i + 1
        );
        assert!(page.contains("par la Présidente"), "page {}", i + 1);
        assert!(
            !page.contains("cachet du Président"),
            "page {}: {page}",
            i + 1
        );
    }
    let last = pages
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        last.contains("DE LA PRÉSIDENTE DE L"),
        "the déclaration agrees"
    );
    // A man stays « le Président ».
    let pages = render(&example(), PrintMode::Automatic);
    assert!(
        pages
            .iter()
            .all(|p| p.contains("Signature et cachet du Président"))
    );
}

#[test]
fn an_empty_category_is_left_out_of_a_final_dossier_and_said_in_a_draft() {
    let mut d = example();
    d.members
        .retain(|m| m.category != MemberCategory::OtherRepresentative);
    let final_text = render(&d, PrintMode::Automatic)
        .join("\n")
        .replace('’', "'");
    assert!(!final_text.contains("BROUILLON"), "a final dossier");
    assert!(
        !final_text.contains("Aucun."),
        "« Aucun. » in a final dossier"
    );
    assert!(!final_text.contains("Représentants des autres collègues"));
    assert!(final_text.contains("Entreprises membres déjà engagées dans le cluster"));
    assert!(final_text.contains("Institutions de formation, d'innovation et de recherche"));
    let draft = render(&d, PrintMode::Draft).join("\n").replace('’', "'");
    assert!(draft.contains("Représentants des autres collègues"));
    assert!(draft.contains("Aucun."));
}

#[test]
fn the_brouillon_says_whether_she_chose_it_or_blocking_points_forced_it() {
    let chosen = render(&example(), PrintMode::Draft).join("\n");
    assert!(chosen.contains("BROUILLON imprimé à votre demande"));
    assert!(!chosen.contains("BROUILLON imposé"));
    let mut d = example();
    d.identity.name.clear();
    let p = profile();
    let n = common::blocking(&findings(&d, &p)).len();
    assert!(n > 0);
    let forced = render(&d, PrintMode::Automatic).join("\n");
    let reason = if n == 1 {
        "BROUILLON imposé par 1 point bloquant".to_string()
    } else {
        format!("BROUILLON imposé par {n} points bloquants")
    };
    assert!(forced.contains(&reason), "{reason}");
    assert!(!forced.contains("à votre demande"));
}
