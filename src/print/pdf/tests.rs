//! The content streams [`super::content`] writes are printpdf's own, byte
//! for byte: each document is written both ways and the files compared.

use super::REFERENCE;
use crate::model::rules::{self, CheckContext};
use crate::model::{CallProfile, Dossier};
use crate::print::geometry::{Geometry, Rect};
use crate::print::layout::{Item, Page};
use crate::print::{PrintMode, RenderOptions, render};

/// `f` run with printpdf writing the streams (the reference), then with
/// ours: the two results.
fn both<T>(f: impl Fn() -> T) -> (T, T) {
    REFERENCE.with(|r| r.set(true));
    let reference = f();
    REFERENCE.with(|r| r.set(false));
    (reference, f())
}

fn same_files(d: &Dossier, profile: &CallProfile, options: &RenderOptions) {
    let findings = rules::check(d, profile, &CheckContext::default());
    let (reference, ours) = both(|| {
        render(d, profile, &findings, options)
            .expect("the dossier renders")
            .pdfs
    });
    assert_eq!(reference.len(), ours.len());
    for (a, b) in reference.iter().zip(&ours) {
        assert!(
            a == b,
            "the PDFs differ ({} and {} bytes)",
            a.len(),
            b.len()
        );
    }
}

fn example() -> Dossier {
    crate::example_dossier().expect("the bundled example parses")
}

#[test]
fn the_example_is_written_byte_for_byte_as_printpdf_writes_it() {
    let profile = CallProfile::edition_2026();
    for mode in [PrintMode::Automatic, PrintMode::Draft, PrintMode::Blank] {
        let options = RenderOptions {
            mode,
            ..RenderOptions::default()
        };
        same_files(&example(), &profile, &options);
    }
    let per_copy = RenderOptions {
        per_copy: true,
        copies: Some(2),
        ..RenderOptions::default()
    };
    same_files(&example(), &profile, &per_copy);
}

#[test]
fn arabic_lines_and_a_synthetic_register_are_written_as_printpdf_writes_them() {
    let profile = CallProfile::edition_2026();
    let mut d = example();
    d.identity.name = "مجموعة فاس للصناعات (فاس) 2026".into();
    d.identity.address = "زنقة ٢٠٢٦، حي الأمل، Fès 30000".into();
    d.identity.president.name = "يوسف المنصوري".into();
    let names = [
        "شركة أمڭار للزيوت",
        "ڤيلا گلاوة پلاستيك چفشاون",
        "Coopérative دار (Fès)",
    ];
    for (member, name) in d.members.iter_mut().zip(names) {
        member.name = name.into();
    }
    same_files(&d, &profile, &RenderOptions::default());
    let synthetic = crate::model::synthetic::dossier(&profile, 60, 6);
    same_files(&synthetic, &profile, &RenderOptions::default());
}

#[test]
fn every_kind_of_box_is_written_as_printpdf_writes_it() {
    let geo = Geometry::a4(crate::model::dossier::StampCorner::BottomRight);
    let rect = |x: f32| Rect {
        x,
        y: 100.0,
        w: 50.5,
        h: 20.25,
    };
    let text = |x: f32, text: &str, weight| Item::Text {
        x,
        y: 300.0 + x,
        size: 9.5,
        weight,
        text: text.into(),
        gray: 0.0,
    };
    use crate::print::font::Weight::{Bold, Regular};
    let page = Page {
        items: vec![
            text(10.0, "Œuvre « 1 200 000 DHS » — l’été (x)", Regular),
            text(20.0, "ڤيلا [گلاوة] (پلاستيك) ٢٠٢٦ Fès", Bold),
            text(30.0, "", Regular),
            text(40.0, "\u{e000}\u{10ffff}?", Bold),
            Item::Rotated {
                x: 100.0,
                y: 500.0,
                size: 60.0,
                angle: 45.0,
                text: "BROUILLON".into(),
                gray: 0.85,
            },
            Item::Rect {
                rect: rect(1.0),
                stroke: Some(0.5),
                fill: None,
            },
            Item::Rect {
                rect: rect(2.0),
                stroke: None,
                fill: Some(0.9),
            },
            Item::Rect {
                rect: rect(3.0),
                stroke: Some(1.0),
                fill: Some(0.95),
            },
            Item::Line {
                x1: 1.5,
                y1: 2.25,
                x2: 300.125,
                y2: 2.25,
                width: 0.3,
            },
            text(50.0, "مجموعة (فاس) للصناعات", Regular),
        ],
    };
    let meta = || super::Metadata {
        title: "Essai".into(),
        author: "Essai".into(),
        subject: "Essai".into(),
        date_unix: 1_780_000_000,
        source: Some("essai.ron".into()),
    };
    let pages = vec![page.clone(), Page::default(), page];
    // Not printpdf's path both times: ours takes every one of these boxes.
    let faces = super::faces().expect("fonts");
    let mut id = super::StableId::new();
    let ours = super::streams(pages.clone().into_iter(), faces, geo.page_h, &mut id);
    assert!(ours.expect("written").is_some());
    let (reference, ours) = both(|| super::write(pages.clone(), &geo, &meta()).expect("written"));
    assert!(reference == ours, "the PDFs differ");
}

proptest::proptest! {
    /// Numbers are written as lopdf writes them (`f32`'s `Display`),
    /// remembered or not.
    #[test]
    fn numbers_are_written_as_lopdf_writes_them(bits in proptest::prelude::any::<u32>(), small in -2000i32..2000) {
        let mut reals = super::content::Reals::new();
        let halves = small as f32 / 4.0;
        for v in [f32::from_bits(bits), halves, small as f32, -0.0, 0.0, 1.0, 841.89, 1.0e7, -1.0e7, 9_999_999.0] {
            for _ in 0..2 {
                let mut out = Vec::new();
                reals.write(&mut out, v);
                proptest::prop_assert_eq!(String::from_utf8(out).expect("ASCII"), format!("{v}"));
            }
        }
    }
}
