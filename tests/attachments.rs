//! Scanned attachments inserted into the printed package: a two-page PDF
//! whose pages carry two different images, and a PNG, made here; each
//! inserted page keeps its own image, carries the page furniture, and the
//! bordereau gives the page ranges. A missing file blocks the final print.

mod common;

use cluster_dossier::attach;
use cluster_dossier::model::dossier::PieceStatus;
use cluster_dossier::print::furniture::STAMP_LABEL;
use cluster_dossier::print::{self, RenderOptions};
use common::{example, findings, profile};
use lopdf::{Document, Object, ObjectId, Stream, dictionary};

/// Raw RGB pixels of a `side`×`side` image of one colour.
fn pixels(rgb: [u8; 3], side: usize) -> Vec<u8> {
    rgb.iter().copied().cycle().take(side * side * 3).collect()
}

/// A two-page PDF, page k showing an uncompressed image of colour k.
fn two_page_pdf(colours: [[u8; 3]; 2]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for (k, colour) in colours.iter().enumerate() {
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 4,
                "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8,
            },
            pixels(*colour, 4),
        ));
        let content = doc.add_object(Stream::new(
            dictionary! {},
            format!("q 400 0 0 400 100 200 cm /Im{k} Do Q").into_bytes(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "Resources" => dictionary! { "XObject" => dictionary! { format!("Im{k}") => image } },
        });
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => 2,
            // Inherited by the pages: the merge must carry it over.
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("pdf written");
    out
}

fn png(colour: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 8, 8);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    writer
        .write_image_data(&pixels(colour, 8))
        .expect("png data");
    drop(writer);
    out
}

/// Every image stream drawn on a page, through form XObjects.
fn images_on_page(doc: &Document, page: ObjectId) -> Vec<Vec<u8>> {
    fn walk(doc: &Document, resources: &Object, out: &mut Vec<Vec<u8>>, depth: usize) {
        let resources = match resources {
            Object::Reference(r) => doc.get_object(*r).expect("resources"),
            other => other,
        };
        let Ok(dict) = resources.as_dict() else {
            return;
        };
        let Ok(xobjects) = dict.get(b"XObject") else {
            return;
        };
        let xobjects = match xobjects {
            Object::Reference(r) => doc.get_object(*r).expect("xobjects"),
            other => other,
        };
        for (_, x) in xobjects.as_dict().expect("xobject dict").iter() {
            let stream = doc
                .get_object(x.as_reference().expect("reference"))
                .and_then(Object::as_stream)
                .expect("stream");
            match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                Ok(b"Image") => out.push(
                    stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone()),
                ),
                Ok(b"Form") if depth < 4 => {
                    if let Ok(r) = stream.dict.get(b"Resources") {
                        walk(doc, r, out, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let page_dict = doc.get_dictionary(page).expect("page");
    if let Ok(r) = page_dict.get(b"Resources") {
        walk(doc, r, &mut out, 0);
    }
    out
}

#[test]
fn scans_are_inserted_in_place_with_their_own_images_and_the_furniture() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (red, blue, green) = ([200, 30, 30], [30, 30, 200], [30, 160, 30]);
    std::fs::create_dir(dir.path().join("scans")).expect("dir");
    std::fs::write(dir.path().join("scans/pv.pdf"), two_page_pdf([red, blue])).expect("pdf");
    std::fs::write(dir.path().join("scans/reglement.png"), png(green)).expect("png");

    let p = profile();
    let mut d = example();
    for piece in &mut d.administrative {
        match piece.id.as_str() {
            "pv_agc" => piece.status = PieceStatus::Attached("scans/pv.pdf".into()),
            "reglement" => piece.status = PieceStatus::Attached("scans/reglement.png".into()),
            _ => {}
        }
    }
    let (attachments, problems) = attach::load(&d, &p, dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(attachments.pages("administrative.pv_agc"), Some(2));
    assert_eq!(attachments.pages("administrative.reglement"), Some(1));

    let without =
        print::render(&d, &p, &findings(&d, &p), &RenderOptions::default()).expect("renders");
    let with = print::render_with(
        &d,
        &p,
        &findings(&d, &p),
        &RenderOptions::default(),
        &attachments,
    )
    .expect("renders");
    assert_eq!(with.pages_per_copy, without.pages_per_copy + 3);

    let doc = Document::load_mem(&with.pdfs[0]).expect("parses");
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    // The copies, then the receipt (outside their numbering).
    assert_eq!(pages.len(), with.pages_per_copy * 3 + with.receipt_pages);

    // Find the inserted pages by their images, in each copy.
    let want = [pixels(red, 4), pixels(blue, 4), pixels(green, 8)];
    for copy in 0..3 {
        let in_copy = &pages[copy * with.pages_per_copy..(copy + 1) * with.pages_per_copy];
        let mut found = Vec::new();
        for (number, id) in in_copy {
            let images = images_on_page(&doc, *id);
            for (k, w) in want.iter().enumerate() {
                if images.contains(w) {
                    found.push((k, *number));
                    assert_eq!(images.len(), 1, "page {number} shows only its own image");
                    let text = doc.extract_text(&[*number]).expect("text");
                    let local = (*number as usize - 1) % with.pages_per_copy + 1;
                    assert!(
                        text.contains(&format!("Page {local} / {}", with.pages_per_copy)),
                        "{text}"
                    );
                    assert!(
                        text.contains(&format!("Exemplaire {} / 3", copy + 1)),
                        "{text}"
                    );
                    assert!(text.contains(STAMP_LABEL), "{text}");
                }
            }
        }
        let order: Vec<usize> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            order,
            [0, 1, 2],
            "red, blue, then the PNG, each once per copy"
        );
        // Consecutive pages for the two-page PDF.
        assert_eq!(found[1].1, found[0].1 + 1);
    }

    // The bordereau and the sommaire give the ranges.
    let text = doc.extract_text(&[2, 3]).expect("text");
    let local_first = (found_first_page(&doc, &pages, &want[0]) - 1) % with.pages_per_copy + 1;
    assert!(
        text.contains(&format!("pages {} à {}", local_first, local_first + 1)),
        "{text}"
    );
    // So does the receipt, for the pieces attached.
    let receipt = doc.extract_text(&[pages.len() as u32]).expect("text");
    let range = format!(
        "jointe à chaque exemplaire (pages {} à {})",
        local_first,
        local_first + 1
    );
    assert!(receipt.replace('\n', " ").contains(&range), "{receipt}");
}

fn found_first_page(doc: &Document, pages: &[(u32, ObjectId)], image: &[u8]) -> usize {
    pages
        .iter()
        .find(|(_, id)| images_on_page(doc, *id).iter().any(|i| i == image))
        .map(|(n, _)| *n as usize)
        .expect("inserted")
}

#[test]
fn a_missing_or_unreadable_attachment_blocks_the_final_print() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = example();
    for piece in &mut d.administrative {
        if piece.id == "statuts" {
            piece.status = PieceStatus::Attached("scans/absent.pdf".into());
        }
    }
    d.declaration.other_documents[0].attachment = Some("lettre.pdf".into());
    std::fs::write(dir.path().join("lettre.pdf"), b"%PDF-1.4 this is not a pdf").expect("write");
    let path = dir.path().join("dossier.ron");
    cluster_dossier::store::save(&path, &d).expect("saved");
    let bin = env!("CARGO_BIN_EXE_cluster-dossier");

    let check = std::process::Command::new(bin)
        .arg("check")
        .arg(&path)
        .output()
        .expect("check");
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("« scans/absent.pdf » est introuvable"),
        "{stdout}"
    );
    assert!(
        stdout.contains("« lettre.pdf » est un PDF illisible"),
        "{stdout}"
    );

    let pdf = dir.path().join("final.pdf");
    let render = std::process::Command::new(bin)
        .arg("render")
        .arg(&path)
        .arg("--final")
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("render");
    assert_eq!(render.status.code(), Some(1));
    assert!(!pdf.exists());
}
