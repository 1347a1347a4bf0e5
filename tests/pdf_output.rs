//! The printed dossier, read back from the PDF bytes with lopdf and checked
//! at the layout level: page furniture on every page, nothing under the
//! stamp box, no word lost on an adversarial dossier, the déclaration's
//! ticks, reproducible bytes, the draft watermark, per-copy files and
//! metadata.

mod common;

use std::collections::HashMap;

use cluster_dossier::model::compute::{DeclarationTicks, declaration_ticks};
use cluster_dossier::model::dossier::{Person, PieceStatus, StampCorner};
use cluster_dossier::model::{CallProfile, Dossier, Finding, synthetic};
use cluster_dossier::print::furniture::STAMP_LABEL;
use cluster_dossier::print::geometry::{Geometry, Rect};
use cluster_dossier::print::layout::{Align, Block, Column, Item, Layouter, Page, Row, Table};
use cluster_dossier::print::{self, RenderError, RenderOptions, Rendered};

use common::{
    blocking, contains, example, example_with_engaged, findings, page_texts, pdf_info,
    pdf_pages_text, pdf_texts, profile, text_box,
};

fn render(d: &Dossier, options: &RenderOptions) -> Rendered {
    let p = profile();
    print::render(d, &p, &findings(d, &p), options).expect("the dossier renders")
}

fn laid_pages(d: &Dossier, p: &CallProfile) -> (Vec<Page>, HashMap<String, usize>, Geometry) {
    let f = findings(d, p);
    let fonts = print::fonts().expect("bundled fonts");
    let draft = !blocking(&f).is_empty();
    let (laid, geo) = print::layout_copy(d, p, &f, draft, fonts);
    (laid.pages, laid.anchors, geo)
}

/// The example one member short of the minimum: blocked.
fn blocked_example() -> Dossier {
    example_with_engaged(14)
}

// ------------------------------------------------------------------ Furniture

#[test]
fn every_page_has_its_number_its_copy_and_the_stamp_label() {
    let r = render(&example(), &RenderOptions::default());
    assert_eq!(r.copies, 3);
    assert!(!r.draft);
    let n = r.pages_per_copy;
    assert!(n > 10, "{n} pages per copy");
    let pages = pdf_pages_text(&r.pdfs[0]);
    // The copies, then the receipt (tests/receipt.rs), outside numbering.
    assert_eq!(pages.len(), n * 3 + r.receipt_pages);
    for (i, text) in pages[..n * 3].iter().enumerate() {
        let (copy, page) = (i / n + 1, i % n + 1);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        // Exactly one page number, restarting with each copy.
        let numbers: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("Page ") && l.contains(" / "))
            .collect();
        assert_eq!(
            numbers,
            [format!("Page {page} / {n}")],
            "PDF page {}",
            i + 1
        );
        // The copy number (twice on a cover: furniture and the framed mark).
        let copies: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("Exemplaire "))
            .collect();
        assert!(!copies.is_empty(), "PDF page {}", i + 1);
        assert!(
            copies
                .iter()
                .all(|l| *l == format!("Exemplaire {copy} / 3")),
            "PDF page {}: {copies:?}",
            i + 1
        );
        assert_eq!(
            copies.len(),
            if page == 1 { 2 } else { 1 },
            "PDF page {}",
            i + 1
        );
        assert!(text.contains(STAMP_LABEL), "PDF page {}", i + 1);
    }
}

#[test]
fn in_the_pdf_no_text_enters_the_stamp_box_or_the_paraphe() {
    for corner in StampCorner::ALL {
        let mut d = example();
        d.print.stamp_corner = corner;
        let r = render(
            &d,
            &RenderOptions {
                copies: Some(1),
                ..RenderOptions::default()
            },
        );
        let geo = Geometry::a4(corner);
        let pages = pdf_texts(&r.pdfs[0]);
        assert_eq!(pages.len(), r.pages_per_copy + r.receipt_pages);
        for (i, texts) in pages[..r.pages_per_copy].iter().enumerate() {
            assert!(
                texts.iter().any(|t| t.text == STAMP_LABEL),
                "{corner:?} page {}",
                i + 1
            );
            for t in texts {
                let b = t.bbox();
                if t.text == STAMP_LABEL {
                    assert!(
                        contains(&geo.stamp, &b, 0.01),
                        "{corner:?} page {}: label out of its box {b:?}",
                        i + 1
                    );
                } else if t.text == "Paraphe" {
                    assert!(
                        contains(&geo.paraphe, &b, 0.01),
                        "{corner:?} page {}: {b:?}",
                        i + 1
                    );
                } else {
                    assert!(
                        !b.intersects(&geo.stamp),
                        "{corner:?} page {}: « {} » {b:?} under the stamp",
                        i + 1,
                        t.text
                    );
                    assert!(
                        !b.intersects(&geo.paraphe),
                        "{corner:?} page {}: « {} » {b:?} in the paraphe",
                        i + 1,
                        t.text
                    );
                }
                // Page and copy numbers sit in the info band (the cover's
                // big framed copy number, 16 pt, is in the content area).
                let numbering = t.text.starts_with("Page ") || t.text.starts_with("Exemplaire ");
                if numbering && t.size < 10.0 {
                    assert!(
                        contains(&geo.info_band, &b, 0.01),
                        "{corner:?} page {}: « {} » {b:?}",
                        i + 1,
                        t.text
                    );
                }
            }
        }
    }
}

/// Checks that every text of the laid-out content stays in the content
/// area, clear of the stamp, the paraphe and the info band, and that boxes
/// and rules stay in the content area too.
fn assert_content_inside(pages: &[Page], geo: &Geometry, what: &str) {
    let fonts = print::fonts().expect("bundled fonts");
    for (i, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Some(b) = text_box(fonts, item) {
                let Item::Text { text, .. } = item else {
                    unreachable!()
                };
                let here = format!("{what}, page {}: « {text} » {b:?}", i + 1);
                assert!(
                    contains(&geo.content, &b, 0.01),
                    "{here} leaves the content area {:?}",
                    geo.content
                );
                for (band, name) in [
                    (&geo.stamp, "stamp"),
                    (&geo.paraphe, "paraphe"),
                    (&geo.info_band, "info band"),
                ] {
                    assert!(!b.intersects(band), "{here} enters the {name}");
                }
            }
            match item {
                Item::Rect { rect, .. } => {
                    assert!(
                        contains(&geo.content, rect, 0.01),
                        "{what}, page {}: box {rect:?} leaves the content area",
                        i + 1
                    )
                }
                Item::Line { x1, y1, x2, y2, .. } => {
                    let r = Rect {
                        x: x1.min(*x2),
                        y: y1.min(*y2),
                        w: (x2 - x1).abs(),
                        h: (y2 - y1).abs(),
                    };
                    assert!(
                        contains(&geo.content, &r, 1.5),
                        "{what}, page {}: rule {r:?} leaves the content area",
                        i + 1
                    )
                }
                Item::Rotated { .. } => panic!("{what}: the watermark is furniture, not content"),
                // Scans are scaled into the content area by construction
                // (tests/attachments.rs checks them in the PDF).
                Item::Text { .. } | Item::Placeholder { .. } => {}
            }
        }
    }
}

#[test]
fn laid_out_content_avoids_the_stamp_for_every_corner() {
    let p = profile();
    for (name, base) in [("example", example()), ("adversarial", adversarial())] {
        for corner in StampCorner::ALL {
            let mut d = base.clone();
            d.print.stamp_corner = corner;
            let (pages, _, geo) = laid_pages(&d, &p);
            assert_eq!(geo, Geometry::a4(corner));
            assert_content_inside(&pages, &geo, &format!("{name}, {corner:?}"));
        }
    }
}

// ------------------------------------------------------------------ Adversarial dossier

/// At least `chars` characters of unique, numbered, accented words
/// (`{tag}00042é`), so a lost, repeated or misplaced line shows.
fn numbered_paragraph(tag: &str, chars: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.chars().count() < chars {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{tag}{i:05}é"));
        i += 1;
    }
    out
}

/// A 60-character word without spaces: wider than any table column.
fn long_word() -> String {
    let word: String = "Établissementsagroindustrielsréunisdufèsmeknèssaïss"
        .chars()
        .cycle()
        .take(60)
        .collect();
    assert_eq!(word.chars().count(), 60);
    word
}

/// The synthetic dossier (300 members) with a 30 000-character paragraph,
/// a 30 000-character table cell (a row taller than a page), a member
/// whose name is one 60-character word, and the optional fields empty.
fn adversarial() -> Dossier {
    let p = profile();
    let mut d = synthetic::dossier(&p, 300, 10);
    d.identity.genesis = numbered_paragraph("genèse", 30_000);
    d.partners[0].link = numbered_paragraph("lien", 30_000);
    d.members[7].name = long_word();
    d.identity.acronym.clear();
    d.identity.director = Person::default();
    d
}

/// Every text of the dossier the printed copy shows, field by field.
fn printed_fields(d: &Dossier) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| out.push(s.to_string());
    let id = &d.identity;
    for s in [
        &id.name,
        &id.legal_form,
        &id.address,
        &id.city,
        &id.sector,
        &id.activities,
        &id.sector_importance,
        &id.strategic_justification,
        &id.core_territory,
        &id.productive_area,
        &id.genesis,
        &id.territorial_anchoring,
        &id.joint_initiatives,
    ] {
        push(s);
    }
    for person in [
        &id.president,
        &id.vice_president,
        &id.treasurer,
        &id.director,
    ] {
        for s in [
            &person.name,
            &person.organisation,
            &person.function,
            &person.phone,
            &person.email,
        ] {
            push(s);
        }
    }
    for m in &d.members {
        for s in [
            &m.name,
            &m.sector,
            &m.city,
            &m.ice,
            &m.rc,
            &m.tax_id,
            &m.fee_category,
        ] {
            push(s);
        }
        for s in [&m.contact.name, &m.contact.phone, &m.contact.email] {
            push(s);
        }
    }
    for x in &d.partners {
        for s in [&x.name, &x.kind, &x.city, &x.link] {
            push(s);
        }
    }
    let g = &d.governance;
    for b in &g.board {
        for s in [&b.name, &b.organisation, &b.function, &b.phone, &b.email] {
            push(s);
        }
    }
    for s in [
        &g.internal_organisation,
        &g.membership_terms,
        &g.fee_calculation,
    ] {
        push(s);
    }
    for c in &g.fee_categories {
        push(&c.name);
        push(&c.description);
    }
    let st = &d.strategy;
    for s in [
        &st.global_strategy,
        &st.objectives_comment,
        &st.technologies_markets,
        &st.national_positioning,
        &st.international_positioning,
    ] {
        push(s);
    }
    for x in &d.cooperation.cooperation_projects {
        for s in [
            &x.title,
            &x.nature,
            &x.stakeholders,
            &x.means,
            &x.expected_results,
        ] {
            push(s);
        }
    }
    for x in &d.cooperation.collaborative_projects {
        for s in [&x.title, &x.objectives, &x.actors, &x.expected_results] {
            push(s);
        }
    }
    for x in &d.cooperation.partnerships {
        for s in [&x.body, &x.country, &x.purpose] {
            push(s);
        }
    }
    push(&d.startups.strategy);
    for x in &d.startups.preparation {
        push(&x.description);
        push(&x.partners);
    }
    for x in &d.startups.post_creation {
        push(&x.services);
    }
    push(&d.plan.orientations);
    push(&d.plan.objectives);
    for a in &d.plan.actions {
        push(&a.title);
        push(&a.description);
    }
    for l in &d.budget {
        push(&l.detail);
    }
    for k in &d.indicators.custom {
        push(&k.label);
        push(&k.unit);
    }
    for c in &d.criteria {
        push(&c.argument);
    }
    let dec = &d.declaration;
    for s in [
        &dec.first_name,
        &dec.last_name,
        &dec.position_in_organisation,
        &dec.position_in_association,
        &dec.place,
    ] {
        push(s);
    }
    for o in &dec.other_documents {
        push(&o.title);
    }
    out
}

/// A text without the hyphens the typesetter draws where it breaks a word
/// (soft hyphens, U+00AD), to compare with the text as typed.
fn unhyphenated(text: &str) -> String {
    text.chars().filter(|c| *c != '\u{ad}').collect()
}

/// A printed text with its typographic apostrophes read back as typed.
fn as_typed(text: &str) -> String {
    unhyphenated(text).replace('’', "'")
}

/// A word as counted on both sides: without the punctuation the printed
/// form may glue to it (« V, Casablanca », « (CSII) »).
fn normalised(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '«' | '»'))
}

fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for t in texts {
        for w in t
            .split_whitespace()
            .map(normalised)
            .filter(|w| !w.is_empty())
        {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn the_adversarial_dossier_loses_no_word() {
    let p = profile();
    let d = adversarial();
    assert!(
        blocking(&findings(&d, &p)).is_empty(),
        "{:#?}",
        blocking(&findings(&d, &p))
    );
    assert!(d.identity.genesis.chars().count() >= 30_000);
    let (pages, _, _) = laid_pages(&d, &p);
    let texts: Vec<&str> = pages.iter().flat_map(page_texts).collect();
    // Words broken across lines (too wide for their column) are only found
    // in the text with every blank removed, their pieces being consecutive.
    // (and the hyphens the typesetter added at those breaks removed).
    let squashed: String = as_typed(&texts.concat()).split_whitespace().collect();

    // Every word of every field, as many times as the fields hold it.
    let fields = printed_fields(&d);
    let expected = word_counts(fields.iter().map(String::as_str));
    let typed: Vec<String> = texts.iter().map(|t| as_typed(t)).collect();
    let printed = word_counts(typed.iter().map(String::as_str));
    let mut missing = Vec::new();
    for (word, n) in &expected {
        let found = printed.get(word).copied().unwrap_or(0);
        if found < *n && squashed.matches(word).count() < *n {
            missing.push(format!("{word} ({found} of {n})"));
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "{} words lost: {:?}",
        missing.len(),
        &missing[..missing.len().min(20)]
    );

    // The two long texts: each numbered word exactly once, in order, even
    // across page breaks and the split of the table row.
    for (tag, source) in [
        ("genèse", &d.identity.genesis),
        ("lien", &d.partners[0].link),
    ] {
        let want: Vec<&str> = source.split(' ').collect();
        let numbered = |w: &&str| {
            w.strip_prefix(tag)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        };
        let got: Vec<&str> = texts
            .iter()
            .flat_map(|t| t.split(' '))
            .filter(numbered)
            .collect();
        assert_eq!(got.len(), want.len(), "{tag}: word count");
        assert!(got == want, "{tag}: words out of order or altered");
    }
    let link_pages = pages
        .iter()
        .filter(|p| page_texts(p).iter().any(|t| t.starts_with("lien")))
        .count();
    assert!(
        link_pages >= 3,
        "the 30 000-character cell spans pages ({link_pages}): a split row"
    );

    // The 60-character word: broken into pieces that follow each other.
    let word = long_word();
    assert!(
        texts.iter().all(|t| !t.contains(&word)),
        "too wide to fit one line"
    );
    assert_eq!(squashed.matches(&word).count(), 1, "its pieces, in order");
    let first_piece = texts
        .iter()
        .position(|t| word.starts_with(&unhyphenated(t)) && t.chars().count() >= 5)
        .expect("the first piece");
    let mut rebuilt = String::new();
    for t in &texts[first_piece..] {
        rebuilt.push_str(&unhyphenated(t));
        if rebuilt.len() >= word.len() {
            break;
        }
    }
    assert_eq!(rebuilt, word, "the pieces are consecutive lines");
}

#[test]
fn the_adversarial_pdf_shows_distinctive_words() {
    let d = adversarial();
    let r = render(
        &d,
        &RenderOptions {
            copies: Some(1),
            ..RenderOptions::default()
        },
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let text = pdf_pages_text(&r.pdfs[0]).concat();
    let squashed: String = unhyphenated(&text).split_whitespace().collect();
    let genesis: Vec<&str> = d.identity.genesis.split(' ').collect();
    let link: Vec<&str> = d.partners[0].link.split(' ').collect();
    for word in [
        genesis[0],
        genesis[genesis.len() / 2],
        genesis[genesis.len() - 1],
        link[0],
        link[link.len() - 1],
        "Chérifienne",
        "compétitivité",
        "Béni",
        "Kénitra",
    ] {
        assert!(text.contains(word), "« {word} » missing from the PDF text");
    }
    assert!(
        squashed.contains(&long_word()),
        "the 60-character word, over several lines"
    );
    assert!(!text.contains('?'), "no character replaced");
}

#[test]
fn the_example_pdf_shows_accents_and_arabic_without_question_marks() {
    let d = example();
    let r = render(&d, &RenderOptions::default());
    assert!(r.warnings.is_empty(), "no missing glyph: {:?}", r.warnings);
    let text = pdf_pages_text(&r.pdfs[0]).concat();
    for word in [
        "Saïss",
        "Câpres",
        "Meknès",
        "Biosourcés",
        "DÉCLARATION",
        "Établi",
        "Président-directeur",
        "«",
        "—",
    ] {
        assert!(text.contains(word), "« {word} » missing");
    }
    assert!(!text.contains('?'), "a character was replaced by « ? »");
    // The Arabic member, word by word: drawn right to left, each glyph
    // (joined forms, ligatures) copying out as its letters, which a
    // reader turns around (tests/arabic.rs reads whole lines back).
    let arabic = &d
        .members
        .iter()
        .find(|m| m.name.starts_with('ت'))
        .expect("the Arabic member")
        .name;
    for word in arabic.split(' ') {
        let drawn: String = word.chars().rev().collect();
        assert_eq!(text.matches(&drawn).count(), 3, "« {word} » once per copy");
    }
}

/// Arabic letters, as typed.
fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

#[test]
fn a_wrapped_arabic_name_reads_from_its_first_word() {
    // The example's Arabic member, its name doubled to be too long for
    // the register's column: its first words must be on the first line
    // (lines are kept in typed order; the PDF writer shapes each).
    let p = profile();
    let mut d = example();
    let member = d
        .members
        .iter_mut()
        .find(|m| m.name.starts_with('ت'))
        .expect("the Arabic member");
    member.name = format!("{} {}", member.name, member.name);
    let d = d;
    let name = &d
        .members
        .iter()
        .find(|m| m.name.starts_with('ت'))
        .expect("the Arabic member")
        .name;
    let (pages, _, _) = laid_pages(&d, &p);
    let lines: Vec<&str> = pages
        .iter()
        .flat_map(page_texts)
        .filter(|t| t.chars().any(is_arabic))
        .collect();
    assert!(lines.len() >= 2, "the name wraps: {lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| l.chars().all(|c| is_arabic(c) || c == ' ')),
        "{lines:?}"
    );
    assert_eq!(lines.join(" "), *name, "lines read top to bottom");
}

/// A one-column table of six rows, the last `last_height` tall, with a
/// paragraph after it.
fn table_blocks(last_height: f32) -> Vec<Block> {
    let mut rows: Vec<Row> = (0..5)
        .map(|i| Row {
            cells: vec![format!("ligne {i}")],
            min_height: 100.0,
            ..Row::default()
        })
        .collect();
    rows.push(Row {
        cells: vec!["dernière ligne".into()],
        min_height: last_height,
        ..Row::default()
    });
    vec![
        Block::Table(Table {
            columns: vec![Column {
                title: "Colonne".into(),
                share: 1.0,
                align: Align::Left,
            }],
            rows,
            dense: false,
        }),
        // Full width (a paragraph would flow beside the stamp zone).
        Block::heading(3, "Après le tableau"),
    ]
}

#[test]
fn a_table_ending_exactly_at_the_page_end() {
    // (Tables end above the stamp zone: the full-width content area.)
    // The printed dossier's tables depend on its data, so hitting the page
    // end to the point is engineered here with the layout engine itself:
    // the last row gets exactly the height left on the page.
    let fonts = print::fonts().expect("bundled fonts");
    let geo = Geometry::a4(StampCorner::BottomRight);
    let layout = |blocks: &[Block]| {
        Layouter::new(fonts, geo, HashMap::new())
            .layout(blocks)
            .pages
    };
    let rects = |page: &Page| -> Vec<Rect> {
        page.items
            .iter()
            .filter_map(|i| {
                if let Item::Rect { rect, .. } = i {
                    Some(*rect)
                } else {
                    None
                }
            })
            .collect()
    };
    let trial = layout(&table_blocks(20.0));
    let last_y = rects(&trial[0]).last().expect("the last row").y;
    let left = geo.full_content().bottom() - last_y;
    assert!(left > 20.0, "room left for the last row: {left}");

    // Exactly the room left: the table fills page 1 to its bottom edge;
    // the paragraph starts page 2, with no header repeated over nothing.
    let pages = layout(&table_blocks(left));
    assert_eq!(pages.len(), 2);
    let last = *rects(&pages[0]).last().expect("the last row");
    assert!(
        (last.bottom() - geo.full_content().bottom()).abs() < 0.01,
        "{last:?}"
    );
    assert!(page_texts(&pages[0]).contains(&"dernière ligne"));
    assert_eq!(page_texts(&pages[1]), ["Après le tableau"]);

    // A point more: the row moves whole to page 2, under the header, and
    // takes the row before with it (no page holds a single leftover row).
    let pages = layout(&table_blocks(left + 1.0));
    assert_eq!(pages.len(), 2);
    assert!(!page_texts(&pages[0]).contains(&"dernière ligne"));
    assert_eq!(
        page_texts(&pages[1]),
        ["Colonne", "ligne 4", "dernière ligne", "Après le tableau"]
    );
    for p in &pages {
        assert_content_inside(std::slice::from_ref(p), &geo, "engineered table");
    }
}

// ------------------------------------------------------------------ Déclaration

/// The boxes of a page in order, ticked or not: a tick is the two lines
/// drawn right after the 9 × 9 pt box.
fn ticks_on(page: &Page) -> Vec<bool> {
    let items = &page.items;
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Rect { rect, .. }
                if (rect.w - 9.0).abs() < 0.01 && (rect.h - 9.0).abs() < 0.01 =>
            {
                Some(
                    matches!(items.get(i + 1), Some(Item::Line { .. }))
                        && matches!(items.get(i + 2), Some(Item::Line { .. })),
                )
            }
            _ => None,
        })
        .collect()
}

fn as_list(t: DeclarationTicks) -> Vec<bool> {
    vec![t.declaration, t.administrative, t.technical, t.other]
}

#[test]
fn the_declaration_names_the_signatory_and_ticks_what_the_dossier_holds() {
    let p = profile();
    let full = example();
    let mut missing = example();
    missing.administrative[2].status = PieceStatus::ToProvide;
    missing.declaration.other_documents.clear();
    let mut no_history = example();
    no_history.identity.genesis.clear();

    let cases = [
        (&full, [true, true, true, true]),
        (&missing, [true, false, true, false]),
        (&no_history, [true, true, false, true]),
    ];
    for (d, expected) in cases {
        let f: Vec<Finding> = findings(d, &p);
        let ticks = declaration_ticks(d, &p, &f);
        assert_eq!(as_list(ticks), expected);
        let (pages, anchors, _) = laid_pages(d, &p);
        let page = &pages[anchors["annexe"]];
        assert_eq!(ticks_on(page), expected, "drawn ticks");
        assert!(
            page_texts(page).contains(&"M. Youssef El Mansouri"),
            "the signatory"
        );
    }

    // The same in the PDF: the declaration is the last page of a copy
    // (the receipt follows it); a tick also prints an « X » for text
    // extraction.
    for (d, expected) in [(&full, 4), (&missing, 2)] {
        let r = render(
            d,
            &RenderOptions {
                copies: Some(1),
                ..RenderOptions::default()
            },
        );
        let pages = pdf_pages_text(&r.pdfs[0]);
        let last = as_typed(&pages[r.pages_per_copy - 1]);
        assert!(last.contains("DÉCLARATION SUR L'HONNEUR"));
        assert!(last.contains("M. Youssef El Mansouri"));
        assert_eq!(last.lines().filter(|l| l.trim() == "X").count(), expected);
    }
}

// ------------------------------------------------------------------ Render options

#[test]
fn two_renders_of_the_same_dossier_are_byte_identical() {
    let d = example();
    let first = render(&d, &RenderOptions::default());
    let second = render(&d, &RenderOptions::default());
    assert_eq!(first.pdfs.len(), 1);
    assert!(first.pdfs[0] == second.pdfs[0], "the bytes differ");
    assert!(first.pdfs[0].starts_with(b"%PDF-"));
}

#[test]
fn the_draft_watermark_marks_every_page_of_a_blocked_dossier_only() {
    let d = blocked_example();
    let r = render(&d, &RenderOptions::default());
    assert!(r.draft);
    let pages = pdf_texts(&r.pdfs[0]);
    // The receipt of a draft is marked too.
    assert_eq!(pages.len(), r.pages_per_copy * 3 + r.receipt_pages);
    for (i, texts) in pages.iter().enumerate() {
        assert!(
            texts.iter().any(|t| t.rotated && t.text == "BROUILLON"),
            "page {} has no watermark",
            i + 1
        );
    }

    let r = render(&example(), &RenderOptions::default());
    assert!(!r.draft);
    for (i, text) in pdf_pages_text(&r.pdfs[0]).iter().enumerate() {
        assert!(!text.contains("BROUILLON"), "page {} of the example", i + 1);
    }
}

#[test]
fn an_explicit_draft_marks_every_page_of_a_complete_dossier() {
    let r = render(
        &example(),
        &RenderOptions {
            mode: print::PrintMode::Draft,
            copies: Some(1),
            ..RenderOptions::default()
        },
    );
    assert!(r.draft);
    let pages = pdf_texts(&r.pdfs[0]);
    assert_eq!(pages.len(), r.pages_per_copy + r.receipt_pages);
    for (i, texts) in pages.iter().enumerate() {
        assert!(
            texts.iter().any(|t| t.rotated && t.text == "BROUILLON"),
            "page {} has no watermark",
            i + 1
        );
    }
}

#[test]
fn final_mode_refuses_a_dossier_with_blocking_findings() {
    let p = profile();
    let final_mode = RenderOptions {
        mode: print::PrintMode::Final,
        ..RenderOptions::default()
    };
    let d = blocked_example();
    let f = findings(&d, &p);
    match print::render(&d, &p, &f, &final_mode) {
        Err(RenderError::Blocking(listed)) => {
            let expected: Vec<Finding> = blocking(&f).into_iter().cloned().collect();
            assert!(!expected.is_empty());
            assert_eq!(listed, expected);
        }
        other => panic!(
            "expected RenderError::Blocking, got {:?}",
            other.map(|r| r.pages_per_copy)
        ),
    }
    let ok = print::render(&example(), &p, &findings(&example(), &p), &final_mode)
        .expect("the example prints");
    assert!(!ok.draft);
}

#[test]
fn per_copy_gives_one_pdf_per_copy() {
    let r = render(
        &example(),
        &RenderOptions {
            per_copy: true,
            ..RenderOptions::default()
        },
    );
    assert_eq!(r.pdfs.len(), 3);
    for (k, pdf) in r.pdfs.iter().enumerate() {
        let pages = pdf_pages_text(pdf);
        // The receipt follows the last copy only.
        let receipt = if k + 1 == r.pdfs.len() {
            r.receipt_pages
        } else {
            0
        };
        assert_eq!(pages.len(), r.pages_per_copy + receipt);
        for (i, text) in pages[..r.pages_per_copy].iter().enumerate() {
            assert!(
                text.contains(&format!("Exemplaire {} / 3", k + 1)),
                "copy {} page {}",
                k + 1,
                i + 1
            );
            assert!(text.contains(&format!("Page {} / {}", i + 1, r.pages_per_copy)));
        }
        let title = pdf_info(pdf, "Title").expect("a title");
        assert!(
            title.ends_with(&format!("exemplaire {} sur 3", k + 1)),
            "{title}"
        );
    }
}

#[test]
fn the_pdf_metadata_has_title_author_and_subject() {
    let d = example();
    let r = render(&d, &RenderOptions::default());
    let pdf = &r.pdfs[0];
    let cluster = d.identity.name.as_str();
    assert_eq!(
        pdf_info(pdf, "Title").as_deref(),
        Some(format!("Dossier de candidature — {cluster}").as_str())
    );
    assert_eq!(
        pdf_info(pdf, "Author").as_deref(),
        Some(format!("Youssef El Mansouri — {cluster}").as_str())
    );
    assert_eq!(pdf_info(pdf, "Subject"), Some(profile().title));
}

#[test]
fn fonts_are_embedded_as_subsets_that_draw_every_glyph_shown() {
    let r = render(&example(), &RenderOptions::default());
    let pdf = &r.pdfs[0];
    assert!(pdf.len() <= 600_000, "{} bytes", pdf.len());
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let mut fonts = 0;
    for font in doc.objects.values().filter_map(|o| o.as_dict().ok()) {
        if font.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        fonts += 1;
        let name = font
            .get(b"BaseFont")
            .and_then(|n| n.as_name())
            .expect("a name");
        assert_eq!(
            name.get(6),
            Some(&b'+'),
            "{}",
            String::from_utf8_lossy(name)
        );
        let descendants = font
            .get(b"DescendantFonts")
            .and_then(|d| d.as_array())
            .expect("CID");
        let cid = descendants[0].as_dict().expect("a CID font");
        let descriptor = doc
            .get_dictionary(
                cid.get(b"FontDescriptor")
                    .and_then(|d| d.as_reference())
                    .expect("ref"),
            )
            .expect("a descriptor");
        let program = doc
            .get_object(
                descriptor
                    .get(b"FontFile2")
                    .and_then(|f| f.as_reference())
                    .expect("ref"),
            )
            .and_then(|o| o.as_stream())
            .expect("an embedded program")
            .decompressed_content()
            .expect("it inflates");
        assert!(program.len() < 150_000, "{} bytes", program.len());
        let face = ttf_parser::Face::parse(&program, 0).expect("a readable TrueType font");
        let bundled = if name.ends_with(b"-Bold") {
            print::font::BOLD_TTF
        } else {
            print::font::REGULAR_TTF
        };
        let whole = ttf_parser::Face::parse(bundled, 0).expect("the bundled font");
        // Every glyph the pages show (listed in /W) keeps its outline,
        // unless the whole font has none for it (spaces).
        let w = cid.get(b"W").and_then(|w| w.as_array()).expect("widths");
        let mut shown = 0;
        for pair in w.chunks(2) {
            let first = pair[0].as_i64().expect("a glyph id") as u16;
            for k in 0..pair[1].as_array().expect("a run").len() as u16 {
                let gid = ttf_parser::GlyphId(first + k);
                shown += 1;
                if whole.glyph_bounding_box(gid).is_some() {
                    assert!(
                        face.glyph_bounding_box(gid).is_some(),
                        "glyph {} lost",
                        gid.0
                    );
                }
            }
        }
        assert!(shown > 50);
    }
    assert_eq!(fonts, 2);
}

#[test]
fn copies_share_their_content_and_differ_only_by_their_copy_number() {
    let d = example();
    let three = render(&d, &RenderOptions::default());
    let one = render(
        &d,
        &RenderOptions {
            copies: Some(1),
            ..RenderOptions::default()
        },
    );
    assert_eq!(three.copies, 3);
    // The content is written once: three copies are far from three times
    // the size of one.
    assert!(
        three.pdfs[0].len() * 2 < one.pdfs[0].len() * 3,
        "{} vs {}",
        three.pdfs[0].len(),
        one.pdfs[0].len()
    );
    let pages = pdf_pages_text(&three.pdfs[0]);
    let n = three.pages_per_copy;
    assert_eq!(pages.len(), 3 * n + three.receipt_pages);
    for k in 1..3 {
        for i in 0..n {
            let first = pages[i].replace("Exemplaire 1 / 3", "Exemplaire K / 3");
            let other =
                pages[k * n + i].replace(&format!("Exemplaire {} / 3", k + 1), "Exemplaire K / 3");
            assert!(first.contains("Exemplaire K / 3"), "page {}", i + 1);
            assert_eq!(first, other, "copy {} page {}", k + 1, i + 1);
        }
    }
}
