//! Peak memory of the largest sheets the import accepts, per format, and
//! of the largest dossier: each is imported (or checked) by the real
//! program under GNU time. Ignored by `cargo test` (it writes files of up
//! to 32 MB); run with
//!     cargo test --test import_peak -- --ignored --nocapture
//! It prints one line per case and fails past 256 MB.

mod fuzz_support;

use std::fmt::Write as _;

use fuzz_support::mutate::rezip;
use fuzz_support::xls::{compound_large, label, record};
use fuzz_support::{MAX_RSS_KB, Target, run, run_input};

/// A cell of `len` characters for row `r`, column `c`.
fn word(r: usize, c: usize, len: usize) -> String {
    let mut s = format!("R{r}C{c}-");
    while s.len() < len {
        s.push(char::from(b'a' + ((r + c + s.len()) % 26) as u8));
    }
    s.truncate(len);
    s
}

/// `rows` × `cols`, every `step`-th cell filled (and the first and last).
fn csv(rows: usize, cols: usize, len: usize, step: usize) -> Vec<u8> {
    let mut out = String::new();
    for r in 0..=rows {
        for c in 0..cols {
            if c > 0 {
                out.push(';');
            }
            if r == 0 {
                let _ = write!(out, "{}", if c == 0 { "Raison sociale" } else { "Col" });
                if c > 0 {
                    let _ = write!(out, "{c}");
                }
            } else if c % step == 0 || c + 1 == cols {
                out.push_str(&word(r, c, len));
            }
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn xlsx(rows: usize, cols: usize, len: usize, shared: bool) -> Vec<u8> {
    let mut strings = String::new();
    let mut sheet = String::new();
    let mut n = 0usize;
    for r in 0..=rows {
        let _ = write!(sheet, r#"<row r="{}">"#, r + 1);
        for c in 0..cols {
            let text = if r == 0 {
                if c == 0 {
                    "Raison sociale".to_string()
                } else {
                    format!("Col{c}")
                }
            } else {
                word(r, c, len)
            };
            let col = fuzz_support_col(c);
            if shared {
                let _ = write!(strings, "<si><t>{text}</t></si>");
                let _ = write!(sheet, r#"<c r="{col}{}" t="s"><v>{n}</v></c>"#, r + 1);
                n += 1;
            } else {
                let _ = write!(
                    sheet,
                    r#"<c r="{col}{}" t="inlineStr"><is><t>{text}</t></is></c>"#,
                    r + 1
                );
            }
        }
        sheet.push_str("</row>");
    }
    let files = [
        ("_rels/.rels", r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<workbook xmlns:r="r"><sheets><sheet name="M" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/sharedStrings.xml", format!(r#"<sst count="{n}" uniqueCount="{n}">{strings}</sst>"#)),
        ("xl/worksheets/sheet1.xml", format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>")),
    ];
    let entries: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, c)| (n.to_string(), c.into_bytes()))
        .collect();
    rezip(&entries)
}

fn fuzz_support_col(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn ods(rows: usize, cols: usize, len: usize) -> Vec<u8> {
    let mut table = String::new();
    for r in 0..=rows {
        table.push_str("<table:table-row>");
        for c in 0..cols {
            let text = if r == 0 {
                format!("Raison sociale {c}")
            } else {
                word(r, c, len)
            };
            let _ = write!(
                table,
                r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
            );
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="M">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    rezip(&[
        (
            "mimetype".to_string(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        ("content.xml".to_string(), content.into_bytes()),
    ])
}

fn xls(rows: usize, cols: usize, len: usize) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        d
    };
    let mut s = Vec::new();
    record(&mut s, 0x0809, &bof(0x0005));
    let sheet_pos = (s.len() + 4 + 8 + 1 + 4) as u32;
    let mut bound = sheet_pos.to_le_bytes().to_vec();
    bound.extend([0, 0, 1, 0]);
    bound.push(b'M');
    record(&mut s, 0x0085, &bound);
    record(&mut s, 0x000A, &[]);
    record(&mut s, 0x0809, &bof(0x0010));
    let mut dim = Vec::new();
    dim.extend(0u32.to_le_bytes());
    dim.extend((rows as u32 + 1).to_le_bytes());
    dim.extend(0u16.to_le_bytes());
    dim.extend((cols as u16).to_le_bytes());
    dim.extend(0u16.to_le_bytes());
    record(&mut s, 0x0200, &dim);
    for r in 0..=rows {
        for c in 0..cols {
            let text = if r == 0 {
                format!("Raison sociale {c}")
            } else {
                word(r, c, len)
            };
            record(&mut s, 0x0204, &label(r as u16, c as u16, &text));
        }
    }
    record(&mut s, 0x000A, &[]);
    s.resize(s.len().max(4096), 0);
    compound_large(&s)
}

#[test]
#[ignore = "measures: writes files of up to 32 MB"]
fn peak_memory_of_the_largest_sheets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scratch = dir.path();
    let empty = scratch.join("vide.ron");
    assert_eq!(run(&["new".as_ref(), empty.as_os_str()], scratch).code, 0);
    let dossier = std::fs::read(&empty).expect("dossier");
    let win1252: Vec<u8> = {
        let mut b = b"Raison sociale;Ville\n".to_vec();
        for _ in 0..1_000 {
            b.extend_from_slice(b"A;");
            b.extend(std::iter::repeat_n(0xE9u8, 32_000));
            b.push(b'\n');
        }
        b
    };
    let cases: Vec<(Target, &str, Vec<u8>)> = vec![
        (Target::Csv, "20 000 × 9 de 20 car.", csv(20_000, 9, 20, 1)),
        (
            Target::Csv,
            "20 000 × 49 (980 000 cellules)",
            csv(20_000, 49, 8, 1),
        ),
        (
            Target::Csv,
            "20 000 × 200, 2 cellules/ligne",
            csv(20_000, 200, 8, 1000),
        ),
        (
            Target::Csv,
            "19 000 × 200, 51 cellules/ligne",
            csv(19_000, 200, 8, 4),
        ),
        (
            Target::Csv,
            "990 cellules de 32 000 car.",
            csv(990, 1, 32_000, 1),
        ),
        (Target::Csv, "30 Mo de « é » Windows-1252", win1252),
        (
            Target::Xlsx,
            "20 000 × 9, partagés",
            xlsx(20_000, 9, 20, true),
        ),
        (
            Target::Xlsx,
            "20 000 × 49, en ligne",
            xlsx(20_000, 49, 8, false),
        ),
        (
            Target::Xlsx,
            "1 000 × 30 000 car.",
            xlsx(1_000, 1, 30_000, true),
        ),
        (Target::Ods, "20 000 × 9", ods(20_000, 9, 20)),
        (Target::Ods, "20 000 × 25 (~60 Mo)", ods(20_000, 25, 8)),
        (Target::Xls, "5 000 × 9 (7 Mo au plus)", xls(5_000, 9, 20)),
    ];
    let mut worst = 0u64;
    println!("| format | feuille | fichier | code | mémoire de pointe | durée |");
    println!("|---|---|---|---|---|---|");
    for (target, what, bytes) in cases {
        let r = run_input(target, &bytes, scratch, &dossier);
        println!(
            "| {} | {what} | {:.1} Mo | {} | {} Mo | {:.1} s |",
            target.dir(),
            bytes.len() as f64 / 1_048_576.0,
            r.code,
            r.rss_kb / 1024,
            r.seconds
        );
        assert!(matches!(r.code, 0..=2), "{}", r.stderr);
        worst = worst.max(r.rss_kb);
    }
    // The largest dossier a full import makes, checked.
    let big = scratch.join("grand.ron");
    let made = run(
        &[
            "new".as_ref(),
            "--synthetic".as_ref(),
            "--members".as_ref(),
            "20000".as_ref(),
            big.as_os_str(),
        ],
        scratch,
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    let r = run(&["check".as_ref(), big.as_os_str()], scratch);
    let size = std::fs::metadata(&big).map_or(0, |m| m.len());
    println!(
        "| dossier | synthétique, 20 000 membres (check) | {:.1} Mo | {} | {} Mo | {:.1} s |",
        size as f64 / 1_048_576.0,
        r.code,
        r.rss_kb / 1024,
        r.seconds
    );
    worst = worst.max(r.rss_kb);
    assert!(worst < MAX_RSS_KB, "{} Mo", worst / 1024);
}
