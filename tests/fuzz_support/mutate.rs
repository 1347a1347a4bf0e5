//! Mutations of seed files: bytes flipped, inserted, deleted and
//! duplicated; numbers replaced by the counts a liar would write (four
//! billion, 2^64-1, -1); huge runs of text; nesting opened a million times;
//! groups repeated. Zipped workbooks are mutated inside: an XML part is
//! changed and the archive written again (deflated, so a huge cell stays a
//! small file), or the archive's own bytes and declared sizes are changed.

use std::io::{Cursor, Read, Write};

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
const ZIPPED_RUNS: &[usize] = &[32_768, 100_000, 8 << 20, 40 << 20, 70 << 20];

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
            b.splice(i..i, bytes);
        }
        2 if len > 0 => {
            let i = rng.below(len);
            let n = (1 + rng.below(256)).min(len - i);
            b.drain(i..i + n);
        }
        3 if len > 0 => {
            // A chunk repeated: more rows, more cells, more members.
            let i = rng.below(len);
            let n = (1 + rng.below(4096)).min(len - i);
            let chunk = b[i..i + n].to_vec();
            let times = *rng.pick(&[2usize, 10, 1000, 20_000]);
            let at = rng.below(len + 1);
            let budget = (24 << 20) / n.max(1);
            let insert: Vec<u8> = chunk
                .iter()
                .copied()
                .cycle()
                .take(n * times.min(budget))
                .collect();
            b.splice(at..at, insert);
        }
        4 | 5 => b = inflate_number(rng, &b),
        6 => {
            let i = rng.below(len + 1);
            let n = *rng.pick(runs);
            let c = *rng.pick(&[b'A', b' ', 0xE9, b'"']);
            b.splice(i..i, std::iter::repeat_n(c, n));
        }
        7 => {
            // Nesting a parser would follow down.
            let i = rng.below(len + 1);
            let n = *rng.pick(&[100usize, 10_000, 1_000_000]);
            let c = *rng.pick(b"([{");
            b.splice(i..i, std::iter::repeat_n(c, n));
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
            let opens: Vec<usize> = (0..len).filter(|i| b[*i] == b'[').collect();
            if !opens.is_empty() {
                let at = *rng.pick(&opens) + 1;
                let n = *rng.pick(&[1_000usize, 100_000, 5_000_000]);
                let units: [&[u8]; 3] = [b"(),", b"\"\",", b"None,"];
                let unit = units[rng.below(units.len())];
                b.splice(at..at, unit.iter().copied().cycle().take(unit.len() * n));
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
    let runs: Vec<(usize, usize)> = digit_runs(b);
    if runs.is_empty() {
        return b.to_vec();
    }
    let (start, end) = *rng.pick(&runs);
    let mut out = b[..start].to_vec();
    out.extend_from_slice(rng.pick(LIES).as_bytes());
    out.extend_from_slice(&b[end..]);
    out
}

fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
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
    let opens: Vec<usize> = b
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, b'(' | b'['))
        .map(|(i, _)| i)
        .collect();
    if opens.is_empty() {
        return b.to_vec();
    }
    let start = *rng.pick(&opens);
    let (open, close) = if b[start] == b'(' {
        (b'(', b')')
    } else {
        (b'[', b']')
    };
    let mut depth = 0usize;
    let mut end = None;
    for (i, c) in b.iter().enumerate().skip(start) {
        if *c == open {
            depth += 1;
        } else if *c == close {
            depth -= 1;
            if depth == 0 {
                end = Some(i + 1);
                break;
            }
        }
    }
    let Some(end) = end else { return b.to_vec() };
    let group = &b[start..end];
    let times = (*rng.pick(&[2usize, 100, 10_000, 1_000_000])).min((30 << 20) / group.len().max(1));
    let mut out = b[..end].to_vec();
    for _ in 0..times {
        out.extend_from_slice(b", ");
        out.extend_from_slice(group);
    }
    out.extend_from_slice(&b[end..]);
    out
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

/// A zipped workbook mutated: most often inside one XML part.
pub fn mutate_zip(rng: &mut Rng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let Some(mut entries) = unzip(seed).filter(|_| !rng.chance(6)) else {
        // The archive's own bytes.
        let mut b = mutate_bytes(rng, seed, other, RUNS);
        if rng.chance(2) {
            lie_about_sizes(rng, &mut b);
        }
        return b;
    };
    let xml: Vec<usize> = (0..entries.len())
        .filter(|i| entries[*i].0.ends_with(".xml") || entries[*i].0.ends_with(".rels"))
        .collect();
    let i = if xml.is_empty() || rng.chance(10) {
        rng.below(entries.len())
    } else {
        *rng.pick(&xml)
    };
    for _ in 0..1 + rng.below(3) {
        let content = std::mem::take(&mut entries[i].1);
        entries[i].1 = match rng.below(6) {
            0 | 1 => inflate_number(rng, &content),
            2 => huge_text(rng, &content),
            3 => repeat_element(rng, &content),
            _ => mutate_bytes(rng, &content, &[], RUNS),
        };
    }
    if rng.chance(8) && entries.len() > 1 {
        entries.remove(rng.below(entries.len()));
    }
    let mut out = rezip(&entries);
    if rng.chance(8) {
        lie_about_sizes(rng, &mut out);
    }
    out
}

/// A long run of text inside an element (a cell, a shared string).
fn huge_text(rng: &mut Rng, b: &[u8]) -> Vec<u8> {
    let closes: Vec<usize> = b
        .iter()
        .enumerate()
        .filter(|(i, c)| **c == b'>' && b.get(i + 1) != Some(&b'<'))
        .map(|(i, _)| i + 1)
        .collect();
    let at = if closes.is_empty() {
        rng.below(b.len() + 1)
    } else {
        *rng.pick(&closes)
    };
    let n = *rng.pick(ZIPPED_RUNS);
    let choices: [&[u8]; 5] = [b"A", b"&amp;", b"&#x10FFFF;", "é".as_bytes(), b" "];
    let run: &[u8] = choices[rng.below(choices.len())];
    let mut out = b[..at].to_vec();
    out.extend(run.iter().copied().cycle().take(n));
    out.extend_from_slice(&b[at..]);
    out
}

/// An element (`<row…>…</row>`, `<c…>…</c>`, `<si>…</si>`,
/// `<table:table-cell…>…`) written again up to a million times.
fn repeat_element(rng: &mut Rng, b: &[u8]) -> Vec<u8> {
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
    let starts: Vec<usize> = b
        .windows(tag.len())
        .enumerate()
        .filter(|(_, w)| *w == tag)
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() {
        return b.to_vec();
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
    let end = b[start..]
        .windows(close.len())
        .position(|w| w == close.as_slice())
        .map(|p| start + p + close.len())
        .or_else(|| {
            b[start..]
                .iter()
                .position(|c| *c == b'>')
                .map(|p| start + p + 1)
        });
    let Some(end) = end else { return b.to_vec() };
    let element = &b[start..end];
    let times =
        (*rng.pick(&[10usize, 1000, 100_000, 1_000_000])).min((60 << 20) / element.len().max(1));
    let mut out = b[..end].to_vec();
    for _ in 0..times {
        out.extend_from_slice(element);
    }
    out.extend_from_slice(&b[end..]);
    out
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
    let positions: Vec<(usize, [u8; 4])> = (0..b.len().saturating_sub(4))
        .filter_map(|i| {
            let sig: [u8; 4] = b[i..i + 4].try_into().ok()?;
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
