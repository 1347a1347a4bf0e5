//! The seed corpus of the fuzz harness, written to tests/fixtures/fuzz/
//! by `cargo test --test fuzz_inputs -- --ignored write_seed_corpus`: a
//! plain register of each format, and the lying files seen or feared (a
//! shared-strings count of four billion, a sheet dimension of the whole
//! grid, a cell of 20 million characters, four billion repeated columns or
//! spaces, DIMENSIONS records of four billion rows).

use std::io::Write;

use super::xls::{compound, label, record, workbook};

pub const HEADERS: [&str; 9] = [
    "Raison sociale",
    "Catégorie",
    "Activité",
    "Secteur",
    "Ville",
    "ICE",
    "Email",
    "Téléphone",
    "Date d'adhésion",
];

pub const ROWS: [[&str; 9]; 4] = [
    [
        "Atlas Conserves SARL",
        "Entreprise engagée",
        "Industrielle",
        "Agroalimentaire",
        "Fès",
        "001561191000066",
        "contact@atlas.ma",
        "05 35 12 34 56",
        "12/03/2024",
    ],
    [
        "Université Sidi Mohamed Ben Abdellah",
        "Université",
        "Formation et recherche",
        "Enseignement",
        "Fès",
        "002136093000040",
        "usmba@exemple.ma",
        "05 35 60 00 00",
        "01/02/2024",
    ],
    [
        "Association \"Saïss Agro\"",
        "Association",
        "Autre",
        "Agroalimentaire",
        "Meknès",
        "",
        "asso@exemple.ma",
        "",
        "15/01/2024",
    ],
    [
        "Société Générale du Nord",
        "Entreprise engagée",
        "Technologique",
        "Numérique",
        "Tanger",
        "001234567000012",
        "sgn@exemple.ma",
        "05 39 11 22 33",
        "2024-04-02",
    ],
];

fn csv_line(cells: &[&str], sep: char) -> String {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains(['"', sep, '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.to_string()
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(&sep.to_string()))
}

pub fn csv_text(sep: char) -> String {
    let mut text = csv_line(&HEADERS, sep);
    for row in ROWS {
        text.push_str(&csv_line(&row, sep));
    }
    text
}

/// Every seed: (kind, file name, bytes). Dossier and profile seeds come
/// from the binary itself (see `fuzz_inputs.rs`).
pub fn sheets() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut out: Vec<(&'static str, String, Vec<u8>)> = Vec::new();
    let mut add = |kind, name: &str, bytes: Vec<u8>| out.push((kind, name.to_string(), bytes));

    // CSV
    add("csv", "registre.csv", csv_text(';').into_bytes());
    let cp1252: Vec<u8> = csv_text(',')
        .chars()
        .map(|c| if (c as u32) < 0x100 { c as u8 } else { b'?' })
        .collect();
    add("csv", "registre-1252.csv", cp1252);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(csv_text('\t').encode_utf16().flat_map(u16::to_le_bytes));
    add("csv", "registre-utf16.csv", utf16);
    add(
        "csv",
        "guillemets.csv",
        "Raison sociale;Ville\nA;\"Fès\nB;Rabat\nC;\"Oujda\";x\n\"D\nE\";Tanger\n"
            .as_bytes()
            .to_vec(),
    );
    let long = format!(
        "Raison sociale;Ville\nAtlas;Fès\nLongue;{}\nBeta;Rabat\n",
        "x".repeat(40_000)
    );
    add("csv", "cellule-longue.csv", long.into_bytes());

    // XLSX
    add("xlsx", "registre.xlsx", xlsx_writer());
    add(
        "xlsx",
        "fait-main.xlsx",
        xlsx_handmade("3", "3", "A1:I5", "", 0),
    );
    add(
        "xlsx",
        "compte-4-milliards.xlsx",
        xlsx_handmade("4294967295", "4294967295", "A1:I5", "", 0),
    );
    add(
        "xlsx",
        "dimension-geante.xlsx",
        xlsx_handmade("3", "3", "A1:XFD1048576", "", 0),
    );
    add(
        "xlsx",
        "cellule-geante.xlsx",
        xlsx_handmade("3", "3", "A1:I5", "", 20_000_000),
    );
    add(
        "xlsx",
        "chaine-partagee-hors-table.xlsx",
        xlsx_handmade(
            "3",
            "3",
            "A1:I5",
            "<c r=\"B3\" t=\"s\"><v>4294967295</v></c>",
            0,
        ),
    );

    // XLS
    let cells: Vec<(u16, u16, &str)> = HEADERS
        .iter()
        .enumerate()
        .map(|(c, h)| (0u16, c as u16, *h))
        .chain(ROWS.iter().enumerate().flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(move |(c, v)| (r as u16 + 1, c as u16, *v))
        }))
        .filter(|(_, _, v)| v.is_ascii())
        .collect();
    add(
        "xls",
        "registre.xls",
        compound(&workbook([0, 5, 0, 9], &cells), &[]),
    );
    add(
        "xls",
        "dimensions-4-milliards.xls",
        compound(&workbook([0, u32::MAX, 0, 200], &cells), &[]),
    );
    add("xls", "sst.xls", compound(&xls_with_sst(), &[]));

    // ODS
    add("ods", "registre.ods", ods_register());
    add(
        "ods",
        "colonnes-4-milliards.ods",
        ods_bytes(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Raison sociale</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="4294967295"><table:table-cell table:number-columns-repeated="4294967295"/></table:table-row>"#,
        ),
    );
    add(
        "ods",
        "espaces-4-milliards.ods",
        ods_bytes(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Raison sociale</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#,
        ),
    );
    add(
        "ods",
        "cellule-geante.ods",
        ods_bytes(&format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Raison sociale</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string" office:string-value="{}"><text:p>{}</text:p></table:table-cell></table:table-row>"#,
            "v".repeat(100_000),
            "w".repeat(20_000_000)
        )),
    );
    out
}

fn xlsx_writer() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in ROWS.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            if c == 5 && !v.is_empty() {
                sheet
                    .write_number(r, c, v.parse::<f64>().expect("ice"))
                    .expect("ice");
            } else if c == 8 {
                sheet
                    .write_number_with_format(r, c, 45_000.0 + f64::from(r), &date)
                    .expect("date");
            } else {
                sheet.write_string(r, c, *v).expect("cell");
            }
        }
    }
    sheet.write_boolean(6, 0, true).expect("bool");
    book.save_to_buffer().expect("xlsx")
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// A workbook written by hand, with the claims a liar would change: the
/// shared strings' `count` and `uniqueCount`, the sheet's dimension;
/// `extra` cells at the end of the sheet; a cell of `huge` characters.
pub fn xlsx_handmade(
    count: &str,
    unique: &str,
    dimension: &str,
    extra: &str,
    huge: usize,
) -> Vec<u8> {
    let mut strings = String::new();
    let mut index = std::collections::HashMap::new();
    let mut sheet = String::new();
    for (r, row) in std::iter::once(&HEADERS).chain(ROWS.iter()).enumerate() {
        sheet.push_str(&format!(r#"<row r="{}" spans="1:9">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            let cell = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if v.is_empty() {
                continue;
            }
            if c == 5 {
                sheet.push_str(&format!(r#"<c r="{cell}"><v>{v}</v></c>"#));
            } else if c == 4 {
                sheet.push_str(&format!(
                    r#"<c r="{cell}" t="inlineStr"><is><t>{}</t></is></c>"#,
                    xml_escape(v)
                ));
            } else {
                let n = index.len();
                let i = *index.entry(v.to_string()).or_insert_with(|| {
                    strings.push_str(&format!(
                        r#"<si><t xml:space="preserve">{}</t><rPh sb="0" eb="1"><t>フ</t></rPh></si>"#,
                        xml_escape(v)
                    ));
                    n
                });
                sheet.push_str(&format!(r#"<c r="{cell}" t="s" s="0"><v>{i}</v></c>"#));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str(r#"<row r="6"><c r="A6" t="b"><v>1</v></c><c r="B6" s="1"><v>45000</v></c><c r="C6" t="str"><f>A1</f><v>x_x000D_y</v></c></row>"#);
    if huge > 0 {
        strings.push_str("<si><t>");
        strings.push_str(&"Z".repeat(huge));
        strings.push_str("</t></si>");
        sheet.push_str(&format!(
            r#"<row r="7"><c r="A7" t="s"><v>{}</v></c></row>"#,
            index.len()
        ));
    }
    sheet.push_str(&format!("<row r=\"8\">{extra}</row>"));
    let files: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.into(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets><sheet name="Membres" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into(),
        ),
        (
            "xl/sharedStrings.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{unique}">{strings}</sst>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet}</sheetData></worksheet>"#
            ),
        ),
    ];
    let entries: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, c)| (n.to_string(), c.into_bytes()))
        .collect();
    super::mutate::rezip(&entries)
}

/// A BIFF8 stream with a shared-string table and LABELSST cells, whose
/// counts a liar would change.
fn xls_with_sst() -> Vec<u8> {
    let mut globals = Vec::new();
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        d
    };
    record(&mut globals, 0x0809, &bof(0x0005));
    let mut sst = Vec::new();
    sst.extend(3u32.to_le_bytes());
    sst.extend(2u32.to_le_bytes());
    for s in ["Raison sociale", "Atlas"] {
        sst.extend((s.len() as u16).to_le_bytes());
        sst.push(0);
        sst.extend(s.bytes());
    }
    record(&mut globals, 0x00FC, &sst);
    let bound_len = 4 + 8 + 7;
    let sheet_pos = (globals.len() + bound_len + 4) as u32;
    let mut bound = sheet_pos.to_le_bytes().to_vec();
    bound.extend([0, 0, 7, 0]);
    bound.extend(b"Membres");
    record(&mut globals, 0x0085, &bound);
    record(&mut globals, 0x000A, &[]);
    record(&mut globals, 0x0809, &bof(0x0010));
    let mut dim = Vec::new();
    for v in [0u32, 3] {
        dim.extend(v.to_le_bytes());
    }
    for v in [0u16, 2, 0] {
        dim.extend(v.to_le_bytes());
    }
    record(&mut globals, 0x0200, &dim);
    for (r, c, i) in [(0u16, 0u16, 0u32), (1, 0, 1), (2, 0, 1)] {
        let mut d = Vec::new();
        d.extend(r.to_le_bytes());
        d.extend(c.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(i.to_le_bytes());
        record(&mut globals, 0x00FD, &d);
    }
    record(&mut globals, 0x0204, &label(2, 1, "Meknes"));
    record(&mut globals, 0x000A, &[]);
    globals.resize(globals.len().max(4096), 0);
    globals
}

fn ods_bytes(table: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", opts).expect("entry");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("content.xml", opts).expect("entry");
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Membres">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .expect("write");
    zip.finish().expect("zip").into_inner()
}

fn ods_register() -> Vec<u8> {
    let cell = |v: &str| {
        if v.is_empty() {
            r#"<table:table-cell/>"#.to_string()
        } else if v.bytes().all(|b| b.is_ascii_digit()) {
            format!(
                r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
            )
        } else {
            format!(
                r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                xml_escape(v).replace("  ", r#" <text:s text:c="1"/>"#)
            )
        }
    };
    let mut table = String::new();
    for row in std::iter::once(&HEADERS).chain(ROWS.iter()) {
        table.push_str("<table:table-row>");
        for v in row {
            table.push_str(&cell(v));
        }
        table
            .push_str(r#"<table:table-cell table:number-columns-repeated="3"/></table:table-row>"#);
    }
    table.push_str(r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="9"/></table:table-row>"#);
    table.push_str(r#"<table:table-row><table:table-cell office:value-type="date" office:date-value="2024-03-12"><text:p>12/03/24</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell></table:table-row>"#);
    ods_bytes(&table)
}
