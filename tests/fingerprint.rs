//! The content fingerprint (issue 21): pinned for the example, the same
//! whatever the field order, line ends, paths or print choices of the
//! file, different after any edit of the content, and printed on every
//! page of every copy.

mod common;

use std::path::Path;

use cluster_dossier::model::dossier::{Activity, MemberCategory, PieceStatus, StampCorner};
use cluster_dossier::model::{Dossier, Fingerprint};
use cluster_dossier::print::furniture::FINGERPRINT_LABEL;
use cluster_dossier::print::{self, PrintMode, RenderOptions};
use cluster_dossier::store;
use common::{example, findings, pdf_pages_text, profile};
use proptest::prelude::*;

/// The bundled example's fingerprint. It changes only when the example's
/// content or the canonical form changes; the second would make every
/// dossier's printed fingerprint change: do it on purpose only.
const EXAMPLE: &str = "45F8-RS5K-S5A8-1XM9";

fn code(d: &Dossier) -> String {
    Fingerprint::of(d).code()
}

fn parse(text: &str) -> Dossier {
    store::parse(text, Path::new("f.ron")).expect("the dossier parses")
}

/// The example written as the program writes it (no comments).
fn example_text() -> String {
    store::to_ron(&example(), Path::new("exemple.ron")).expect("the example writes")
}

#[test]
fn the_example_has_its_pinned_fingerprint() {
    let d = example();
    assert_eq!(code(&d), EXAMPLE);
    // From the bundled file, from the program's own writing, and as shown.
    assert_eq!(code(&parse(&example_text())), EXAMPLE);
    assert_eq!(Fingerprint::of(&d).to_string(), EXAMPLE);
    let shape: Vec<usize> = EXAMPLE.split('-').map(str::len).collect();
    assert_eq!(shape, [4, 4, 4, 4]);
    assert!(
        EXAMPLE
            .chars()
            .all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c))
    );
}

#[test]
fn what_is_not_content_leaves_it_unchanged() {
    let d = example();
    let mut other = d.clone();
    // Print choices, format version, the profile file's path.
    other.print.stamp_corner = StampCorner::TopLeft;
    other.print.copies = Some(5);
    other.format_version = 2;
    other.call_profile = Some(r"C:\Users\Amina\Documents\appel-2026.ron".into());
    // The « à vérifier » marks of guessed values.
    for m in &mut other.members {
        m.to_check.activity = true;
        m.to_check.category = true;
    }
    assert_eq!(code(&other), code(&d));
}

#[test]
fn attachments_count_by_file_name_not_by_folder_or_os() {
    let mut unix = example();
    unix.administrative[0].status = PieceStatus::Attached("scans/quitus.pdf".into());
    unix.declaration.other_documents[0].attachment = Some("scans/lettres.pdf".into());
    let mut windows = unix.clone();
    windows.administrative[0].status = PieceStatus::Attached(r"scans\quitus.pdf".into());
    windows.declaration.other_documents[0].attachment =
        Some(r"D:\partage\cluster\scans\lettres.pdf".into());
    assert_eq!(code(&unix), code(&windows));
    // Another file is another content.
    let mut other = unix.clone();
    other.administrative[0].status = PieceStatus::Attached("scans/quitus-2.pdf".into());
    assert_ne!(code(&other), code(&unix));
    // Attached and on paper differ.
    let mut paper = unix.clone();
    paper.administrative[0].status = PieceStatus::OnPaper;
    assert_ne!(code(&paper), code(&unix));
}

#[test]
fn line_ends_inside_texts_do_not_count() {
    let mut lf = example();
    lf.strategy.global_strategy = "Première ligne\nDeuxième ligne\n\nTroisième".into();
    let mut crlf = lf.clone();
    crlf.strategy.global_strategy = "Première ligne\r\nDeuxième ligne\r\n\r\nTroisième".into();
    assert_eq!(code(&lf), code(&crlf));
    let mut joined = lf.clone();
    joined.strategy.global_strategy = "Première ligne Deuxième ligne\n\nTroisième".into();
    assert_ne!(code(&lf), code(&joined));
}

// ------------------------------------------------------------- Reordering

/// The text split into the fields of the struct whose fields are indented
/// by `indent` spaces between lines `from` and `to` (exclusive): each
/// field runs from its name to the line before the next field's.
fn field_chunks(lines: &[&str], indent: usize, from: usize, to: usize) -> Vec<(usize, usize)> {
    let is_field = |l: &str| {
        let Some(rest) = l.strip_prefix(&" ".repeat(indent)) else {
            return false;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        !name.is_empty() && rest[name.len()..].starts_with(": ")
    };
    let starts: Vec<usize> = (from..to).filter(|&i| is_field(lines[i])).collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, starts.get(k + 1).copied().unwrap_or(to)))
        .collect()
}

/// The outer struct's lines: its « ( » (after the file's comment) and its
/// closing « ) ».
fn outer(lines: &[&str]) -> (usize, usize) {
    let open = lines
        .iter()
        .position(|l| *l == "(")
        .expect("an opening line");
    let close = lines
        .iter()
        .rposition(|l| *l == ")")
        .expect("a closing line");
    (open, close)
}

/// Indentation of the program's RON writing ([`store::pretty`]).
const INDENT: usize = 2;

/// The RON text with the top-level fields, and those of `identity`, in
/// the order `top` and `inner` give (sort keys), and its line ends CRLF
/// where `crlf` says (cycled).
fn reordered(text: &str, top: &[u64], inner: &[u64], crlf: &[bool]) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let (open, close) = outer(&lines);
    let chunks = field_chunks(&lines, INDENT, open + 1, close);
    let shuffle = |chunks: &[(usize, usize)], keys: &[u64]| {
        let mut order: Vec<usize> = (0..chunks.len()).collect();
        order.sort_by_key(|&i| keys.get(i).copied().unwrap_or(0));
        order
    };
    let mut out: Vec<String> = lines[..=open].iter().map(|l| l.to_string()).collect();
    for i in shuffle(&chunks, top) {
        let (s, e) = chunks[i];
        if lines[s].trim_start().starts_with("identity: (") {
            // Its own fields shuffled too (between « identity: ( » and « ), »).
            let inner_chunks = field_chunks(&lines, 2 * INDENT, s + 1, e - 1);
            out.push(lines[s].to_string());
            for j in shuffle(&inner_chunks, inner) {
                let (a, b) = inner_chunks[j];
                out.extend(lines[a..b].iter().map(|l| l.to_string()));
            }
            out.push(lines[e - 1].to_string());
        } else {
            out.extend(lines[s..e].iter().map(|l| l.to_string()));
        }
    }
    out.extend(lines[close..].iter().map(|l| l.to_string()));
    let mut text = String::new();
    for (i, l) in out.iter().enumerate() {
        text.push_str(l);
        let cr = crlf.get(i % crlf.len().max(1)).copied().unwrap_or(false);
        text.push_str(if cr { "\r\n" } else { "\n" });
    }
    text
}

#[test]
fn the_reordering_helper_really_moves_fields() {
    let text = example_text();
    let lines: Vec<&str> = text.lines().collect();
    let (open, close) = outer(&lines);
    let n = field_chunks(&lines, INDENT, open + 1, close).len();
    assert!(n >= 15, "{n} top-level fields");
    let reversed: Vec<u64> = (0..n as u64).rev().collect();
    let moved = reordered(&text, &reversed, &reversed, &[true]);
    assert_ne!(moved, text);
    assert!(moved.contains("\r\n"));
    let first_field = |t: &str| t.lines().nth(open + 1).map(str::to_string);
    assert_ne!(first_field(&moved), first_field(&text));
    // The texts written raw over several lines now hold CRLF: the content
    // read back differs, only the fingerprint's normalisation makes it equal.
    let crlf_read = parse(&moved);
    assert!(format!("{crlf_read:?}").contains("\\r\\n"));
    assert_ne!(crlf_read, example());
    assert_eq!(code(&crlf_read), EXAMPLE);
    assert_eq!(
        parse(&reordered(&text, &reversed, &reversed, &[false])),
        example()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any order of the file's fields (top level and identity), any mix
    /// of CRLF and LF line ends: the same fingerprint.
    #[test]
    fn field_order_and_line_ends_do_not_count(
        top in proptest::collection::vec(any::<u64>(), 24),
        inner in proptest::collection::vec(any::<u64>(), 24),
        crlf in proptest::collection::vec(any::<bool>(), 1..8),
    ) {
        let text = example_text();
        let moved = reordered(&text, &top, &inner, &crlf);
        prop_assert_eq!(code(&parse(&moved)), EXAMPLE);
    }
}

// ------------------------------------------------------------------ Edits

/// One edit of the content.
#[derive(Clone, Debug)]
enum Edit {
    /// A character inserted in the k-th string of the file.
    Insert {
        string: usize,
        at: usize,
        ch: char,
    },
    /// The k-th string's character at `at` replaced.
    Replace {
        string: usize,
        at: usize,
        ch: char,
    },
    /// A member's activity or category changed.
    Activity {
        member: usize,
    },
    Category {
        member: usize,
    },
    /// Two members swapped: the register's order is printed.
    Swap {
        a: usize,
        b: usize,
    },
    /// A member removed.
    Remove {
        member: usize,
    },
    /// A budget amount changed by one centime.
    Amount {
        line: usize,
        year: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let ch = prop::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9', 'à'..='ÿ'].into());
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), ch.clone())
            .prop_map(|(string, at, ch)| Edit::Insert { string, at, ch }),
        2 => (any::<usize>(), any::<usize>(), ch)
            .prop_map(|(string, at, ch)| Edit::Replace { string, at, ch }),
        1 => any::<usize>().prop_map(|member| Edit::Activity { member }),
        1 => any::<usize>().prop_map(|member| Edit::Category { member }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap { a, b }),
        1 => any::<usize>().prop_map(|member| Edit::Remove { member }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(line, year)| Edit::Amount { line, year }),
    ]
}

/// Every string of the dossier that is content (by the edit it takes).
fn strings(d: &mut Dossier) -> Vec<&mut String> {
    let mut out: Vec<&mut String> = Vec::new();
    let id = &mut d.identity;
    out.extend([
        &mut id.name,
        &mut id.acronym,
        &mut id.address,
        &mut id.city,
        &mut id.sector,
        &mut id.activities,
        &mut id.genesis,
        &mut id.president.name,
        &mut id.president.phone,
    ]);
    for m in &mut d.members {
        out.extend([
            &mut m.name,
            &mut m.sector,
            &mut m.city,
            &mut m.ice,
            &mut m.rc,
        ]);
        out.push(&mut m.contact.email);
    }
    for p in &mut d.partners {
        out.extend([&mut p.name, &mut p.link]);
    }
    for b in &mut d.governance.board {
        out.push(&mut b.name);
    }
    out.extend([
        &mut d.strategy.global_strategy,
        &mut d.strategy.technologies_markets,
    ]);
    for a in &mut d.plan.actions {
        out.extend([&mut a.title, &mut a.description]);
    }
    for c in &mut d.criteria {
        out.push(&mut c.argument);
    }
    for p in &mut d.administrative {
        out.push(&mut p.note);
    }
    let decl = &mut d.declaration;
    out.extend([&mut decl.first_name, &mut decl.last_name, &mut decl.place]);
    for o in &mut decl.other_documents {
        out.push(&mut o.title);
    }
    out
}

/// Applies `edit`; `false` when it changes nothing (a swap of equal
/// members, a replaced character by itself).
fn apply(d: &mut Dossier, edit: &Edit) -> bool {
    let n = d.members.len();
    match *edit {
        Edit::Insert { string, at, ch } | Edit::Replace { string, at, ch } => {
            let mut all = strings(d);
            let k = string % all.len();
            let s = &mut all[k];
            let chars: Vec<char> = s.chars().collect();
            if let Edit::Replace { .. } = edit {
                if chars.is_empty() || chars[at % chars.len()] == ch {
                    return false;
                }
                let i = at % chars.len();
                **s = chars[..i]
                    .iter()
                    .chain(std::iter::once(&ch))
                    .chain(&chars[i + 1..])
                    .collect();
            } else {
                let i = at % (chars.len() + 1);
                **s = chars[..i]
                    .iter()
                    .chain(std::iter::once(&ch))
                    .chain(&chars[i..])
                    .collect();
            }
            true
        }
        Edit::Activity { member } => {
            let m = &mut d.members[member % n];
            let i = Activity::ALL
                .iter()
                .position(|a| *a == m.activity)
                .unwrap_or(0);
            m.activity = Activity::ALL[(i + 1) % Activity::ALL.len()];
            true
        }
        Edit::Category { member } => {
            let m = &mut d.members[member % n];
            let all = MemberCategory::ALL;
            let i = all.iter().position(|c| *c == m.category).unwrap_or(0);
            m.category = all[(i + 1) % all.len()];
            true
        }
        Edit::Swap { a, b } => {
            let (a, b) = (a % n, b % n);
            if d.members[a] == d.members[b] {
                return false;
            }
            d.members.swap(a, b);
            true
        }
        Edit::Remove { member } => {
            d.members.remove(member % n);
            true
        }
        Edit::Amount { line, year } => {
            let l = line % d.budget.len();
            let cell = &mut d.budget[l].amounts[year % 5];
            *cell = Some(cell.unwrap_or_default() + rust_decimal::Decimal::new(1, 2));
            true
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any one edit of the content (a character typed or changed anywhere,
    /// a member's activity or category, the register's order, a member
    /// removed, an amount by one centime) changes the fingerprint.
    #[test]
    fn any_edit_of_the_content_changes_it(edit in edit()) {
        let mut d = example();
        prop_assume!(apply(&mut d, &edit));
        prop_assert_ne!(code(&d), EXAMPLE, "{:?}", edit);
    }
}

// -------------------------------------------------------------- The PDF

/// The fingerprint each page of a PDF prints.
fn printed(pages: &[String]) -> Vec<Option<String>> {
    pages
        .iter()
        .map(|text| {
            let at = text.find(FINGERPRINT_LABEL)?;
            let rest = text[at + FINGERPRINT_LABEL.len()..].trim_start();
            Some(rest.chars().take(19).collect())
        })
        .collect()
}

#[test]
fn every_page_of_every_copy_carries_the_same_fingerprint() {
    let p = profile();
    let d = example();
    let r = print::render(&d, &p, &findings(&d, &p), &RenderOptions::default())
        .expect("the example renders");
    assert_eq!(r.fingerprint.as_deref(), Some(EXAMPLE));
    let pages = pdf_pages_text(&r.pdfs[0]);
    let copies = r.copies as usize;
    assert_eq!(copies, 3);
    assert_eq!(pages.len(), r.pages_per_copy * copies + r.receipt_pages);
    for (i, got) in printed(&pages).iter().enumerate() {
        assert_eq!(got.as_deref(), Some(EXAMPLE), "PDF page {}", i + 1);
    }

    // One file per copy: the same fingerprint in each.
    let per_copy = RenderOptions {
        per_copy: true,
        ..RenderOptions::default()
    };
    let r = print::render(&d, &p, &findings(&d, &p), &per_copy).expect("renders per copy");
    assert_eq!(r.pdfs.len(), copies);
    for (k, pdf) in r.pdfs.iter().enumerate() {
        let pages = pdf_pages_text(pdf);
        assert!(!pages.is_empty());
        for (i, got) in printed(&pages).iter().enumerate() {
            assert_eq!(
                got.as_deref(),
                Some(EXAMPLE),
                "copy {} page {}",
                k + 1,
                i + 1
            );
        }
    }
}

#[test]
fn a_one_character_edit_changes_the_printed_fingerprint_and_the_stamp_corner_does_not() {
    let p = profile();
    let one = |d: &Dossier| {
        let options = RenderOptions {
            copies: Some(1),
            ..RenderOptions::default()
        };
        let r = print::render(d, &p, &findings(d, &p), &options).expect("renders");
        let fps = printed(&pdf_pages_text(&r.pdfs[0]));
        assert!(fps.iter().all(|f| f == &fps[0] && f.is_some()));
        fps[0].clone().unwrap_or_default()
    };
    let d = example();
    let mut edited = d.clone();
    edited.identity.city.push('s');
    let mut cornered = d.clone();
    cornered.print.stamp_corner = StampCorner::TopRight;
    assert_eq!(one(&d), EXAMPLE);
    let changed = one(&edited);
    assert_ne!(changed, EXAMPLE);
    assert_eq!(changed, code(&edited));
    assert_eq!(one(&cornered), EXAMPLE);
}

#[test]
fn a_blank_form_prints_no_fingerprint() {
    let p = profile();
    let options = RenderOptions {
        copies: Some(1),
        mode: PrintMode::Blank,
        ..RenderOptions::default()
    };
    let r = print::render(&example(), &p, &[], &options).expect("the blank form renders");
    assert_eq!(r.fingerprint, None);
    let pages = pdf_pages_text(&r.pdfs[0]);
    let copy = &pages[..r.pages_per_copy];
    assert!(printed(copy).iter().all(Option::is_none));
}

// ------------------------------------------------------------ The command

/// `check` on a file: its standard output.
fn check_output(path: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-dossier"))
        .arg("check")
        .arg(path)
        .output()
        .expect("the program runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn check_prints_the_fingerprint_the_same_for_a_windows_written_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let unix = dir.path().join("dossier.ron");
    std::fs::write(&unix, example_text()).expect("writes");
    // As written on Windows: CRLF line ends, texts written raw included.
    let windows = dir.path().join("dossier windows é.ron");
    std::fs::write(&windows, example_text().replace('\n', "\r\n")).expect("writes");
    let want = format!("Empreinte du contenu : {EXAMPLE}");
    for path in [&unix, &windows] {
        let out = check_output(path);
        assert_eq!(out.lines().last(), Some(want.as_str()), "{out}");
    }
    // One character more: another fingerprint.
    let mut d = example();
    d.identity.acronym.push('X');
    let edited = dir.path().join("modifié.ron");
    std::fs::write(&edited, store::to_ron(&d, &edited).expect("writes")).expect("writes");
    let out = check_output(&edited);
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Empreinte du contenu : "), "{out}");
    assert_ne!(last, want);
    assert_eq!(last, format!("Empreinte du contenu : {}", code(&d)));
}

#[test]
fn a_large_dossier_is_fingerprinted_quickly_enough_for_the_wizard() {
    use cluster_dossier::model::synthetic;
    let d = synthetic::dossier(&profile(), 2000, 40);
    let started = std::time::Instant::now();
    let first = code(&d);
    let elapsed = started.elapsed();
    eprintln!("fingerprint of 2 000 members: {elapsed:?} (test build)");
    assert_eq!(first, code(&d.clone()));
    // Generous for a debug build on a loaded machine; the wizard hashes
    // once per change, not per frame.
    assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
}
