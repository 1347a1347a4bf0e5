//! The peer for the render bench: the same dossier's document (the very
//! blocks our layout takes: headings, paragraphs, tables, lists) written as
//! a Typst document with the same page size, margins, fonts, sizes, running
//! header and footer, three copies, compiled by Typst (the `typst` Python
//! package ships a compiled Typst) in the same run as our `render`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use cluster_dossier::model::{CallProfile, Dossier};
use cluster_dossier::print::document::{DocumentInput, build};
use cluster_dossier::print::layout::{Block, Style, Table};

/// A Typst string literal: shown as typed, nothing read as markup.
fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn size(style: Style) -> f32 {
    style.size()
}

fn table(out: &mut String, t: &Table) {
    let columns: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("{}fr", c.share.max(0.01)))
        .collect();
    let text_size = if t.dense { 7.0 } else { 8.0 };
    let _ = write!(
        out,
        "#block(text(size: {text_size}pt, table(columns: ({}), inset: 3pt, table.header(",
        columns.join(", ")
    );
    for c in &t.columns {
        let _ = write!(out, "text(weight: \"bold\", {}), ", lit(&c.title));
    }
    out.push_str("), ");
    for row in &t.rows {
        for (i, cell) in row.cells.iter().enumerate().take(t.columns.len()) {
            if row.bold || (i == 0 && row.lead_bold) {
                let _ = write!(out, "text(weight: \"bold\", {}), ", lit(cell));
            } else {
                let _ = write!(out, "{}, ", lit(cell));
            }
        }
        for _ in row.cells.len()..t.columns.len() {
            out.push_str("[], ");
        }
    }
    out.push_str(")))\n\n");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading { level, text, .. } => {
            let _ = writeln!(
                out,
                "#heading(level: {}, {})\n",
                (*level).clamp(1, 4),
                lit(text)
            );
        }
        Block::Paragraph { text, style, .. } => {
            let _ = writeln!(out, "#text(size: {}pt, {})\n", size(*style), lit(text));
        }
        Block::Bullets(items) => {
            out.push_str("#list(");
            for i in items {
                let _ = write!(out, "{}, ", lit(i));
            }
            out.push_str(")\n\n");
        }
        Block::KeyValues(pairs) => {
            out.push_str("#table(columns: (34fr, 66fr), stroke: none, inset: 2pt, ");
            for (k, v) in pairs {
                let _ = write!(out, "text(weight: \"bold\", {}), {}, ", lit(k), lit(v));
            }
            out.push_str(")\n\n");
        }
        Block::Table(t) => table(out, t),
        Block::Toc(entries) => {
            for e in entries {
                let _ = writeln!(out, "#box(width: 1fr, {}) …\\", lit(&e.title));
            }
            out.push('\n');
        }
        Block::Checkbox { checked, text } => {
            let mark = if *checked { "☒" } else { "☐" };
            let _ = writeln!(out, "#{} #{}\n", lit(mark), lit(text));
        }
        Block::SignatureArea { caption, height } => {
            let _ = writeln!(
                out,
                "#text(weight: \"bold\", {})\n#box(width: 55%, height: {height}pt, stroke: 0.8pt)\n",
                lit(caption)
            );
        }
        Block::WritingLines(n) => {
            for _ in 0..*n {
                out.push_str("#v(14pt)#line(length: 100%, stroke: 0.3pt)\n");
            }
        }
        Block::Spacer(h) => {
            let _ = writeln!(out, "#v({h}pt)");
        }
        Block::PageBreak => out.push_str("#pagebreak(weak: true)\n"),
        Block::Anchor(_) | Block::Attachment { .. } => {}
    }
}

/// The Typst source of `copies` copies of the dossier's document.
pub fn source(dossier: &Dossier, profile: &CallProfile, copies: u32) -> String {
    let none = cluster_dossier::attach::Attachments::default();
    let pages = std::collections::HashMap::new();
    let input = DocumentInput {
        dossier,
        profile,
        findings: &[],
        draft: false,
        blank: false,
        attachments: &none,
        pages: &pages,
    };
    let blocks = build(&input);
    let mut body = String::new();
    for b in &blocks {
        block(&mut body, b);
    }
    let mut out = String::new();
    // Same page, margins (the stamp zone at the bottom), fonts and sizes.
    let _ = writeln!(
        out,
        "#set page(paper: \"a4\", margin: (x: 15mm, top: 33mm, bottom: 78mm), \
         header: [#text(size: 8pt, weight: \"bold\", {}) \\ #text(size: 7pt, {}) #line(length: 100%, stroke: 0.4pt)], \
         footer: context [#text(size: 9pt, weight: \"bold\")[Page #counter(page).display() / #counter(page).final().first()] \\ \
         #text(size: 9pt)[Exemplaire #state(\"copy\").get()] #h(1fr) #box(width: 60mm, height: 45mm, stroke: 1pt)])",
        lit(&dossier.identity.name),
        lit(&profile.title)
    );
    out.push_str(
        "#set text(font: \"DejaVu Sans\", size: 9.5pt, lang: \"fr\", hyphenate: true)\n\
         #set par(leading: 0.32em)\n\
         #show heading: set text(size: 12.5pt)\n\n",
    );
    for copy in 1..=copies {
        let _ = writeln!(out, "#state(\"copy\").update(\"{copy} / {copies}\")");
        out.push_str(&body);
        if copy < copies {
            out.push_str("#pagebreak()\n");
        }
    }
    out
}

/// Typst's compile time (inside Python, interpreter start excluded), peak
/// memory of the process and page count; `None` (with why) when the
/// `typst` package is not installed.
pub struct Peer {
    pub seconds: f64,
    pub peak_mb: f64,
    pub pages: usize,
}

pub fn compile(typ: &Path, fonts: &Path, pdf: &Path) -> Result<Peer, String> {
    let script = r#"
import resource, sys, time
try:
    import typst
except ImportError:
    print("absent"); sys.exit(0)
t = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[3], font_paths=[sys.argv[2]], ignore_system_fonts=True)
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{elapsed} {peak}")
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(typ)
        .arg(fonts)
        .arg(pdf)
        .output()
        .map_err(|e| format!("python3 introuvable ({e})"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if stdout.trim() == "absent" {
        return Err("le paquet Python « typst » n'est pas installé (pip install typst)".into());
    }
    if !out.status.success() {
        return Err(format!(
            "Typst a échoué : {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut it = stdout
        .split_whitespace()
        .map(|v| v.parse::<f64>().unwrap_or(f64::NAN));
    let seconds = it.next().unwrap_or(f64::NAN);
    let peak_mb = it.next().unwrap_or(f64::NAN);
    let pages = lopdf::Document::load(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0);
    Ok(Peer {
        seconds,
        peak_mb,
        pages,
    })
}
