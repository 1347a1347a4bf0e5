//! Mutations of seed files: bytes flipped, inserted, deleted and
//! duplicated; numbers replaced by the counts a liar would write (four
//! billion, 2^64-1, -1); huge runs of text; nesting opened a million times;
//! groups repeated. Zipped workbooks are mutated inside: an XML part is
//! changed and the archive written again (deflated, so a huge cell stays a
//! small file), or the archive's own bytes and declared sizes are changed.
//!
//! The harness is built without optimisation (a test of the debug
//! profile), where a loop over every byte of a 20 MB part costs a large
//! fraction of a second: runs are built by doubling copies (`repeat`,
//! `extend_from_slice`) and positions are looked for in a window of at most
//! [`WINDOW`] bytes (at the start, the end or a random place of a part), so
//! one mutant costs milliseconds however large the cell it carries.

use std::io::{Cursor, Read, Write};

use super::zipgen::{Packed, SeedZip, Segment, write_zip};

/// A small, reproducible generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Counts a file may lie with.
pub const LIES: &[&str] = &[
    "4294967295",
    "4294967296",
    "4000000000",
    "18446744073709551615",
    "99999999999999999999999",
    "2147483648",
    "1048576",
    "1048577",
    "16384",
    "65536",
    "100000000",
    "-1",
    "0",
    "1e300",
];

/// Sizes of the runs of text inserted: just past a cell, a few megabytes,
/// past the parts' limit (only where it compresses).
const RUNS: &[usize] = &[32_768, 40_000, 1 << 20, 4 << 20];
/// Past a cell (32 767), a megabyte, past the text limit (32 MB) and a
/// part's (64 MB): the largest cost the program most to read, so they come
/// three times in seven.
const ZIPPED_RUNS: &[usize] = &[
    32_768,
    40_000,
    100_000,
    1 << 20,
    8 << 20,
    40 << 20,
    70 << 20,
];

/// Where positions are looked for in a large part: a window this long.
pub const WINDOW: usize = 64 * 1024;

/// `unit` repeated to `len` bytes (copies that double, not a loop per byte).
pub fn run_of(unit: &[u8], len: usize) -> Vec<u8> {
    if unit.is_empty() {
        return Vec::new();
    }
    let mut v = unit.repeat(len.div_ceil(unit.len()));
    v.truncate(len);
    v
}

/// `b` with `insert` placed at `at` (clamped to `b`'s length).
pub fn spliced(b: &[u8], at: usize, insert: &[u8]) -> Vec<u8> {
    let at = at.min(b.len());
    let mut out = Vec::with_capacity(b.len() + insert.len());
    out.extend_from_slice(&b[..at]);
    out.extend_from_slice(insert);
    out.extend_from_slice(&b[at..]);
    out
}

/// A range of `len` bytes at most [`WINDOW`] long: the whole when short,
/// else the start, the end or a random place, a third of the time each.
fn window(rng: &mut Rng, len: usize) -> std::ops::Range<usize> {
    if len <= WINDOW {
        return 0..len;
    }
    let start = match rng.below(3) {
        0 => 0,
        1 => len - WINDOW,
        _ => rng.below(len - WINDOW + 1),
    };
    start..start + WINDOW
}

/// Positions in `range` of `b` where `needle` starts.
fn find_all(b: &[u8], range: std::ops::Range<usize>, needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = needle.first() else {
        return out;
    };
    let end = range.end.min(b.len());
    let mut i = range.start;
    while i < end {
        if b[i] == *first && b[i..].starts_with(needle) {
            out.push(i);
        }
        i += 1;
    }
    out
}

/// The first position at or after `from` where `needle` starts, looking at
/// most `limit` bytes ahead.
fn find_from(b: &[u8], from: usize, needle: &[u8], limit: usize) -> Option<usize> {
    let first = *needle.first()?;
    let end = from.saturating_add(limit).min(b.len());
    let mut i = from;
    while i < end {
        if b[i] == first && b[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// One to four mutations of `seed` (a plain file: CSV, XLS, RON).
pub fn mutate_bytes(rng: &mut Rng, seed: &[u8], other: &[u8], runs: &[usize]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        out = mutate_once(rng, out, other, runs);
    }
    out
}

fn mutate_once(rng: &mut Rng, mut b: Vec<u8>, other: &[u8], runs: &[usize]) -> Vec<u8> {
    let len = b.len();
    match rng.below(12) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                if len > 0 {
                    let i = rng.below(len);
                    b[i] ^= 1 << rng.below(8);
                }
            }
        }
        1 => {
            let i = rng.below(len + 1);
            let n = 1 + rng.below(64);
            let bytes: Vec<u8> = (0..n)
                .map(|_| *rng.pick(&[0u8, 0xFF, 0x7F, 0x80, b'"', b';', b'\n', b'(', b'[']))
                .collect();
            b = spliced(&b, i, &bytes);
        }
        2 if len > 0 => {
            let i = rng.below(len);
            let n = (1 + rng.below(256)).min(len - i);
            b.copy_within(i + n.., i);
            b.truncate(len - n);
        }
        3 if len > 0 => {
            // A chunk repeated: more rows, more cells, more members.
            let i = rng.below(len);
            let n = (1 + rng.below(4096)).min(len - i);
            let times = *rng.pick(&[2usize, 10, 1000, 20_000]);
            let budget = (24 << 20) / n.max(1);
            let insert = run_of(&b[i..i + n], n * times.min(budget));
            b = spliced(&b, rng.below(len + 1), &insert);
        }
        4 | 5 => b = inflate_number(rng, &b),
        6 => {
            let i = rng.below(len + 1);
            let n = *rng.pick(runs);
            let c = *rng.pick(&[b'A', b' ', 0xE9, b'"']);
            b = spliced(&b, i, &run_of(&[c], n));
        }
        7 => {
            // Nesting a parser would follow down.
            let i = rng.below(len + 1);
            let n = *rng.pick(&[100usize, 10_000, 1_000_000]);
            let c = *rng.pick(b"([{");
            b = spliced(&b, i, &run_of(&[c], n));
        }
        8 if len >= 4 => {
            // A 16- or 32-bit field of a binary format set to a lie.
            let i = rng.below(len - 3);
            let v: u32 = *rng.pick(&[u32::MAX, 0x7FFF_FFFF, 0xFFFF_FFFE, 0x1_0000, 0xFFFF, 0]);
            if rng.chance(2) {
                b[i..i + 4].copy_from_slice(&v.to_le_bytes());
            } else {
                b[i..i + 2].copy_from_slice(&(v as u16).to_le_bytes());
            }
        }
        9 if !other.is_empty() => {
            // The start of one seed, the end of another.
            let cut = rng.below(len + 1);
            let from = rng.below(other.len());
            b.truncate(cut);
            b.extend_from_slice(&other[from..]);
        }
        10 if rng.chance(2) => b = repeat_group(rng, &b),
        10 => {
            // Millions of empty elements in a list: each costs a whole
            // struct once parsed.
            let range = window(rng, len);
            let opens = find_all(&b, range, b"[");
            if !opens.is_empty() {
                let at = *rng.pick(&opens) + 1;
                let n = *rng.pick(&[1_000usize, 100_000, 5_000_000]);
                let units: [&[u8]; 3] = [b"(),", b"\"\",", b"None,"];
                let unit = units[rng.below(units.len())];
                b = spliced(&b, at, &run_of(unit, unit.len() * n));
            }
        }
        _ if len > 0 => {
            let i = rng.below(len);
            b[i] = *rng.pick(&[0u8, 0xFF, b'0', b'9', b'<', b'>', b'&']);
        }
        _ => {}
    }
    b
}

/// A run of digits replaced by a lie.
pub fn inflate_number(rng: &mut Rng, b: &[u8]) -> Vec<u8> {
    let range = window(rng, b.len());
    let runs: Vec<(usize, usize)> = digit_runs(b, range);
    if runs.is_empty() {
        return b.to_vec();
    }
    let (start, end) = *rng.pick(&runs);
    let mut out = b[..start].to_vec();
    out.extend_from_slice(rng.pick(LIES).as_bytes());
    out.extend_from_slice(&b[end..]);
    out
}

/// The runs of digits that start in `range` of `b`.
fn digit_runs(b: &[u8], range: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = range.start;
    while i < range.end.min(b.len()) {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// A bracketed group (`(…)`, `<row…</row>`, `[…]`) written again many
/// times after itself.
fn repeat_group(rng: &mut Rng, b: &[u8]) -> Vec<u8> {
    let range = window(rng, b.len());
    let mut opens = find_all(b, range.clone(), b"(");
    opens.extend(find_all(b, range, b"["));
    if opens.is_empty() {
        return b.to_vec();
    }
    let start = *rng.pick(&opens);
    let (open, close) = if b[start] == b'(' {
        (b'(', b')')
    } else {
        (b'[', b']')
    };
    // The group's end, looked for at most a few megabytes ahead.
    let mut depth = 0usize;
    let mut end = None;
    let mut i = start;
    while i < b.len().min(start + (4 << 20)) {
        if b[i] == open {
            depth += 1;
        } else if b[i] == close {
            depth -= 1;
            if depth == 0 {
                end = Some(i + 1);
                break;
            }
        }
        i += 1;
    }
    let Some(end) = end else { return b.to_vec() };
    let mut unit = b", ".to_vec();
    unit.extend_from_slice(&b[start..end]);
    let times = (*rng.pick(&[2usize, 100, 10_000, 1_000_000])).min((30 << 20) / unit.len());
    spliced(b, end, &run_of(&unit, unit.len() * times))
}

/// The entries of a zip: (name, content); `None` when it does not open.
pub fn unzip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).ok()?;
        let mut content = Vec::new();
        f.by_ref().take(80 << 20).read_to_end(&mut content).ok()?;
        let name = f.name().ok()?.to_string();
        out.push((name, content));
    }
    Some(out)
}

pub fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    for (name, content) in entries {
        zip.start_file(name.as_str(), opts).expect("entry");
        zip.write_all(content).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A zipped workbook mutated: most often inside one XML part, which is
/// changed one to three times; a huge run of text or a repeated element,
/// when there is one, is the last change (it stays a run: see `zipgen`).
pub fn mutate_zip(rng: &mut Rng, seed: &[u8], opened: Option<&SeedZip>, other: &[u8]) -> Vec<u8> {
    let Some(opened) = opened.filter(|_| !rng.chance(6)) else {
        // The archive's own bytes.
        let mut b = mutate_bytes(rng, seed, other, RUNS);
        if rng.chance(2) {
            lie_about_sizes(rng, &mut b);
        }
        return b;
    };
    let entries = &opened.entries;
    let xml: Vec<usize> = (0..entries.len())
        .filter(|i| entries[*i].0.ends_with(".xml") || entries[*i].0.ends_with(".rels"))
        .collect();
    let i = if xml.is_empty() || rng.chance(10) {
        rng.below(entries.len())
    } else {
        *rng.pick(&xml)
    };
    let mut content = entries[i].1.clone();
    let mut run = None;
    for _ in 0..1 + rng.below(3) {
        match rng.below(6) {
            0 | 1 => content = inflate_number(rng, &content),
            2 => run = Some(huge_text(rng, &content)),
            3 => run = repeat_element(rng, &content),
            _ => content = mutate_bytes(rng, &content, &[], RUNS),
        }
        if run.is_some() {
            break;
        }
    }
    let changed = match run {
        Some((at, unit, len)) => {
            let mut s = Segment::of(&content[..at]);
            s.push(&Segment::run(&unit, len));
            s.push(&Segment::of(&content[at..]));
            s.entry()
        }
        None => Segment::of(&content).entry(),
    };
    let removed = (rng.chance(8) && entries.len() > 1).then(|| rng.below(entries.len()));
    let parts: Vec<(&str, &Packed)> = entries
        .iter()
        .enumerate()
        .filter(|(j, _)| Some(*j) != removed)
        .map(|(j, (name, _, packed))| (name.as_str(), if j == i { &changed } else { packed }))
        .collect();
    let mut out = write_zip(&parts);
    if rng.chance(8) {
        lie_about_sizes(rng, &mut out);
    }
    out
}

/// A long run of text inside an element (a cell, a shared string): where,
/// what is repeated, how many bytes.
fn huge_text(rng: &mut Rng, b: &[u8]) -> (usize, Vec<u8>, usize) {
    let range = window(rng, b.len());
    let closes: Vec<usize> = find_all(b, range, b">")
        .into_iter()
        .filter(|i| b.get(i + 1) != Some(&b'<'))
        .map(|i| i + 1)
        .collect();
    let at = if closes.is_empty() {
        rng.below(b.len() + 1)
    } else {
        *rng.pick(&closes)
    };
    let n = *rng.pick(ZIPPED_RUNS);
    let choices: [&[u8]; 5] = [b"A", b"&amp;", b"&#x10FFFF;", "é".as_bytes(), b" "];
    (at, choices[rng.below(choices.len())].to_vec(), n)
}

/// An element (`<row…>…</row>`, `<c…>…</c>`, `<si>…</si>`,
/// `<table:table-cell…>…`) written again up to a million times after
/// itself: where, the element, how many bytes.
fn repeat_element(rng: &mut Rng, b: &[u8]) -> Option<(usize, Vec<u8>, usize)> {
    let tags: &[&[u8]] = &[
        b"<row",
        b"<c ",
        b"<si>",
        b"<table:table-row",
        b"<table:table-cell",
        b"<text:p>",
        b"<xf ",
    ];
    let tag = *rng.pick(tags);
    let range = window(rng, b.len());
    let starts = find_all(b, range, tag);
    if starts.is_empty() {
        return None;
    }
    let start = *rng.pick(&starts);
    let name = &tag[1..]
        .split(|c| *c == b' ' || *c == b'>')
        .next()
        .unwrap_or(&[])
        .to_vec();
    let mut close = b"</".to_vec();
    close.extend_from_slice(name);
    close.push(b'>');
    // The element's end, looked for at most a few megabytes ahead (a huge
    // cell is not walked through).
    let end = find_from(b, start, &close, 4 << 20)
        .map(|p| p + close.len())
        .or_else(|| find_from(b, start, b">", 4 << 20).map(|p| p + 1))?;
    let element = &b[start..end];
    let times = (*rng.pick(&[10usize, 100, 1000, 100_000, 1_000_000]))
        .min((60 << 20) / element.len().max(1));
    Some((end, element.to_vec(), element.len() * times))
}

/// Declared sizes and counts of the archive's records set to lies: the
/// uncompressed size of entries (local and central headers), the number of
/// entries and the directory's size and offset.
fn lie_about_sizes(rng: &mut Rng, b: &mut [u8]) {
    let lie = *rng.pick(&[u32::MAX, 0x7FFF_FFFF, 0x1000_0000, 0]);
    fn put(b: &mut [u8], at: usize, v: u32) {
        if at + 4 <= b.len() {
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
    }
    // The records' signatures, in the first and last megabyte (the central
    // directory is at the end).
    let n = b.len();
    let mut at: Vec<usize> = find_all(b, 0..n.min(1 << 20), b"PK");
    if n > 1 << 20 {
        at.extend(find_all(b, (n - (1 << 20)).max(1 << 20)..n, b"PK"));
    }
    let positions: Vec<(usize, [u8; 4])> = at
        .into_iter()
        .filter_map(|i| {
            let sig: [u8; 4] = b.get(i..i + 4)?.try_into().ok()?;
            matches!(sig, [b'P', b'K', 1 | 3 | 5, 2 | 4 | 6]).then_some((i, sig))
        })
        .collect();
    if positions.is_empty() {
        return;
    }
    let (at, sig) = *rng.pick(&positions);
    match sig[2] {
        3 => put(b, at + 22, lie),
        1 => put(b, at + 24, lie),
        _ => {
            if rng.chance(2) {
                put(b, at + 8, lie);
            } else {
                put(b, at + 12 + 4 * rng.below(2), lie);
            }
        }
    }
}
