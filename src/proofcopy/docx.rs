//! The blocks as a `.docx`, written with `docx-rs`: A4, a title page, the
//! call's headings in the styles Word and LibreOffice know as headings
//! (« heading 1 » to « heading 4 », with their outline levels), typed text
//! paragraph by paragraph, a header on every page that says what the file
//! is not, and the pages numbered.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Shading, Style, StyleType, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::text::paragraphs;
use super::{Block, Cell, CopyFacts, ProofcopyError, Row, TO_WRITE};
use crate::model::{CallProfile, Dossier};

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The width tables span.
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;

/// Style ids: Word's own names for its built-in styles, so Word and
/// LibreOffice take them as their headings (the navigator, the outline,
/// « Titre 1 » in a French LibreOffice).
pub const HEADING_STYLES: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
const LABEL_STYLE: &str = "Rubrique";
const NOTE_STYLE: &str = "Remarque";

/// Colours: headings in dark blue, table heads and totals shaded, the
/// placeholder highlighted so the board sees what is missing.
const HEADING_COLOUR: &str = "1F3864";
const HEAD_FILL: &str = "D9E2F3";
const TOTAL_FILL: &str = "F2F2F2";
const PLACEHOLDER_COLOUR: &str = "C00000";
/// Tables are set smaller than the text (9 pt), so that « 1 500 000,00 »
/// holds in a year's column.
const TABLE_SIZE: usize = 18;

/// Custom document property naming the copy's origin; see [`super::stamp`].
pub const STAMP_PROPERTY: &str = "CopieDeRelectureDossierCluster";

pub(super) fn write(
    dossier: &Dossier,
    profile: &CallProfile,
    facts: &CopyFacts,
    blocks: &[Block],
) -> Result<Vec<u8>, ProofcopyError> {
    // The day the copy was made, in the file's properties too.
    let made = format!(
        "{}T00:00:00Z",
        facts
            .date
            .map_or_else(|| "1970-01-01".to_string(), |d| d.iso())
    );
    let mut docx = styles(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .header(header(dossier))
        .footer(footer())
        // The title page carries no header and no page number.
        .title_pg()
        .created_at(&made)
        .updated_at(&made);
    for p in title_page(dossier, profile, facts) {
        docx = docx.add_paragraph(p);
    }
    let mut after_table = false;
    for block in blocks {
        docx = match block {
            Block::Table(t) => docx.add_table(table(t)),
            other => {
                let mut paras = paragraphs_of(other);
                // Text right under a table needs the room a paragraph
                // would leave; a heading has its own.
                if after_table
                    && !matches!(other, Block::Heading { .. })
                    && let Some(first) = paras.first_mut()
                {
                    *first = first
                        .clone()
                        .line_spacing(LineSpacing::new().before(120).after(120));
                }
                paras.into_iter().fold(docx, Docx::add_paragraph)
            }
        };
        after_table = matches!(block, Block::Table(_));
    }
    // The stamp is the checksum of the document's text part: built once to
    // compute it, then with it (it lives in another part of the file).
    let body = docx.clone().build().document;
    let docx = docx.custom_property(STAMP_PROPERTY, super::stamp::checksum(&body));
    let mut out = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| ProofcopyError::Write(e.to_string()))?;
    Ok(out.into_inner())
}

fn styles(docx: Docx) -> Docx {
    let heading = |level: usize, size: usize| {
        let mut s = Style::new(HEADING_STYLES[level - 1], StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .color(HEADING_COLOUR)
            .outline_lvl(level - 1)
            .line_spacing(
                LineSpacing::new()
                    .before(if level == 1 { 0 } else { 280 })
                    .after(120),
            );
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        if level == 1 {
            // Each section on its own page: the board shares them out.
            s.paragraph_property = s.paragraph_property.page_break_before(true);
        }
        s
    };
    let mut label = Style::new(LABEL_STYLE, StyleType::Paragraph)
        .name("Rubrique")
        .based_on("Normal")
        .bold()
        .line_spacing(LineSpacing::new().before(160).after(40));
    label.paragraph_property = label.paragraph_property.keep_next(true);
    let note = Style::new(NOTE_STYLE, StyleType::Paragraph)
        .name("Remarque")
        .based_on("Normal")
        .italic()
        .color("404040");
    docx.default_fonts(
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Arial"),
    )
    .default_size(22)
    .default_line_spacing(LineSpacing::new().after(120).line(264))
    .add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .size(52)
            .bold()
            .color(HEADING_COLOUR)
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .size(28)
            .align(AlignmentType::Center),
    )
    .add_style(heading(1, 32))
    .add_style(heading(2, 28))
    .add_style(heading(3, 24))
    .add_style(heading(4, 22))
    .add_style(label)
    .add_style(note)
}

fn header(dossier: &Dossier) -> Header {
    let name = dossier.identity.name.trim();
    let text = if name.is_empty() {
        "Copie de relecture – ne pas déposer".to_string()
    } else {
        format!("{} – copie de relecture – ne pas déposer", clean_line(name))
    };
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(text).size(16).color("7F7F7F")),
    )
}

fn footer() -> Footer {
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("Page ").size(18))
            .add_page_num(PageNum::new()),
    )
}

/// The cluster, the call, the date, and what the file is for.
fn title_page(dossier: &Dossier, profile: &CallProfile, facts: &CopyFacts) -> Vec<Paragraph> {
    let id = &dossier.identity;
    let centred = |text: &str, size: usize, bold: bool| {
        let mut run = Run::new().add_text(clean_line(text)).size(size);
        if bold {
            run = run.bold();
        }
        Paragraph::new().align(AlignmentType::Center).add_run(run)
    };
    // The call's title names its edition in 2026; say it when it does not.
    let call = if profile.title.contains(profile.edition.trim()) {
        profile.title.clone()
    } else {
        format!("{} – édition {}", profile.title, profile.edition)
    };
    let mut out = vec![
        centred(&profile.ministry, 22, false)
            .line_spacing(LineSpacing::new().before(1400).after(120)),
        centred(&call, 24, true).line_spacing(LineSpacing::new().after(1200)),
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text("Copie de relecture")),
        Paragraph::new()
            .style("Subtitle")
            .add_run(if id.name.trim().is_empty() {
                placeholder_run(TO_WRITE)
            } else {
                Run::new().add_text(clean_line(&id.name)).bold()
            }),
    ];
    if !id.acronym.trim().is_empty() {
        out.push(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(format!("({})", clean_line(id.acronym.trim())))),
        );
    }
    if let Some(date) = facts.date {
        out.push(centred(
            &format!("Copie établie le {}", date.french()),
            22,
            false,
        ));
    }
    if let Some(source) = &facts.source {
        out.push(centred(
            &format!("à partir du fichier « {source} »"),
            20,
            false,
        ));
    }
    for (i, line) in [
        "Ce document est une copie de relecture des sections rédigées du dossier technique (sections 1 à 6). Ce n'est pas le dossier à déposer.",
        "Le Président et les membres du Conseil d'Administration y portent leurs commentaires et leurs corrections. Les corrections retenues sont ensuite reportées dans le dossier avec Dossier Cluster, qui imprime le dossier à déposer en trois exemplaires, signés et cachetés sur chaque page.",
    ]
    .into_iter()
    .enumerate()
    {
        let run = Run::new().add_text(line);
        let mut p = Paragraph::new()
            .style(NOTE_STYLE)
            .align(AlignmentType::Both)
            .add_run(if i == 0 { run.bold() } else { run });
        if i == 0 {
            p = p.line_spacing(LineSpacing::new().before(1400).after(120));
        }
        out.push(p);
    }
    // The placeholder as the pages show it.
    out.push(
        Paragraph::new()
            .style(NOTE_STYLE)
            .add_run(Run::new().add_text("La mention "))
            .add_run(placeholder_run(TO_WRITE))
            .add_run(Run::new().add_text(" signale une rubrique encore vide.")),
    );
    out
}

fn paragraphs_of(block: &Block) -> Vec<Paragraph> {
    match block {
        Block::Heading { level, text } => {
            let style = HEADING_STYLES[usize::from((*level).clamp(1, 4)) - 1];
            vec![
                Paragraph::new()
                    .style(style)
                    .add_run(Run::new().add_text(clean_line(text))),
            ]
        }
        Block::Text(text) => typed(text),
        Block::Label(text) => vec![
            Paragraph::new()
                .style(LABEL_STYLE)
                .add_run(Run::new().add_text(clean_line(text))),
        ],
        Block::Note(text) => vec![
            Paragraph::new()
                .style(NOTE_STYLE)
                .add_run(Run::new().add_text(clean_line(text))),
        ],
        Block::Missing(text) => vec![Paragraph::new().add_run(placeholder_run(text))],
        Block::Table(_) => Vec::new(),
    }
}

/// Typed text as paragraphs; the placeholder when the text is blank.
fn typed(text: &str) -> Vec<Paragraph> {
    typed_with(text, |p| p, |r| r)
}

/// [`typed`], each paragraph shaped by `shape` (alignment) and each run by
/// `run` (size, weight).
fn typed_with(
    text: &str,
    shape: impl Fn(Paragraph) -> Paragraph,
    run: impl Fn(Run) -> Run,
) -> Vec<Paragraph> {
    let paras = paragraphs(text);
    if paras.is_empty() {
        return vec![shape(
            Paragraph::new().add_run(run(placeholder_run(TO_WRITE))),
        )];
    }
    paras
        .iter()
        .map(|lines| shape(lines_paragraph(lines, &run)))
        .collect()
}

/// A paragraph of lines, a line break between two; tabs as tabs.
fn lines_paragraph(lines: &[String], shape: impl Fn(Run) -> Run) -> Paragraph {
    let mut run = shape(Run::new());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (k, piece) in line.split('\t').enumerate() {
            if k > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    Paragraph::new().add_run(run)
}

fn placeholder_run(text: &str) -> Run {
    Run::new()
        .add_text(clean_line(text))
        .bold()
        .color(PLACEHOLDER_COLOUR)
        .highlight("yellow")
}

/// A text of the program's or a short value on one line: cleaned like
/// typed text, its line ends as spaces.
fn clean_line(text: &str) -> String {
    super::text::clean(text).replace(['\n', '\t'], " ")
}

fn table(t: &super::Table) -> Table {
    let widths: Vec<usize> = t
        .columns
        .iter()
        .map(|c| TEXT_WIDTH * c.percent as usize / 100)
        .collect();
    let head = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                // Kept with the first row: a table never starts with its
                // head alone at the foot of a page.
                let mut p = Paragraph::new().keep_next(true).add_run(
                    Run::new()
                        .add_text(clean_line(&c.title))
                        .bold()
                        .size(TABLE_SIZE),
                );
                if c.figures {
                    p = p.align(AlignmentType::Right);
                }
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(Shading::new().fill(HEAD_FILL))
                    .add_paragraph(p)
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    rows.extend(t.rows.iter().map(|r| table_row(t, &widths, r)));
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn table_row(t: &super::Table, widths: &[usize], row: &Row) -> TableRow {
    let bold = row.emphasis;
    let mut cells = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        let figures = t.columns.get(i).is_some_and(|c| c.figures);
        let align = move |p: Paragraph| {
            if figures {
                p.align(AlignmentType::Right)
            } else {
                p
            }
        };
        let width = widths.get(i).copied().unwrap_or(0);
        let mut tc = TableCell::new().width(width, WidthType::Dxa);
        let small = |r: Run| {
            let r = r.size(TABLE_SIZE);
            if bold { r.bold() } else { r }
        };
        let paras = match cell {
            Cell::Typed(text) => typed_with(text, align, small),
            Cell::Value(text) => vec![align(lines_paragraph(&[clean_line(text)], small))],
            Cell::Invalid(text) => vec![align(
                Paragraph::new().add_run(
                    placeholder_run(&format!(
                        "« {} » : valeur invalide, à corriger",
                        clean_line(text)
                    ))
                    .size(TABLE_SIZE),
                ),
            )],
            Cell::Span(text) => {
                tc = TableCell::new()
                    .width(widths.iter().sum(), WidthType::Dxa)
                    .grid_span(t.columns.len());
                vec![lines_paragraph(&[clean_line(text)], |r| small(r).bold())]
            }
        };
        if bold {
            tc = tc.shading(Shading::new().fill(TOTAL_FILL));
        }
        cells.push(paras.into_iter().fold(tc, TableCell::add_paragraph));
    }
    TableRow::new(cells).cant_split()
}
