//! Zipped workbooks written fast for the fuzz harness.
//!
//! A mutated workbook changes one part; the others keep the deflated bytes
//! the seed's parts got once ([`SeedZip`]). The changed part is deflated in
//! segments that end on a full flush, so that they can be put one after
//! the other in a single stream: a huge run (a cell of 70 MB, an element
//! repeated a million times) is one chunk of a few hundred kilobytes
//! deflated once and its deflated bytes repeated, with the CRC-32 of the
//! whole combined from the chunk's. A mutant that carries 70 MB thus costs
//! about a millisecond to write, where deflating it whole cost most of the
//! harness's time.

use flate2::{Compress, Compression, FlushCompress};

/// A piece of a deflate stream: deflated bytes that end on a full flush
/// (byte-aligned, no back-reference beyond them, not final), with the
/// length and CRC-32 of what they inflate to.
#[derive(Clone, Debug)]
pub struct Segment {
    pub deflated: Vec<u8>,
    pub len: u64,
    pub crc: crc32fast::Hasher,
}

/// The size of the chunk a run is deflated in (then repeated).
const CHUNK: usize = 256 * 1024;

impl Segment {
    /// `bytes` deflated (the default level: a huge cell stays a small
    /// file, as in the attacks the issue names).
    pub fn of(bytes: &[u8]) -> Segment {
        let mut c = Compress::new(Compression::default(), false);
        let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(out.capacity().max(4096));
            }
            let done = c.total_in() as usize;
            c.compress_vec(&bytes[done..], &mut out, FlushCompress::Full)
                .expect("deflate");
            // Done when all is read and the flush did not fill the buffer.
            if c.total_in() as usize == bytes.len() && out.len() < out.capacity() {
                break;
            }
        }
        let mut crc = crc32fast::Hasher::new();
        crc.update(bytes);
        Segment {
            deflated: out,
            len: bytes.len() as u64,
            crc,
        }
    }

    /// `len` bytes of `unit` repeated (the last copy cut short).
    pub fn run(unit: &[u8], len: usize) -> Segment {
        let mut whole = Segment::of(&[]);
        if unit.is_empty() || len == 0 {
            return whole;
        }
        let per_chunk = (CHUNK / unit.len()).max(1);
        let units = len / unit.len();
        let chunks = units / per_chunk;
        if chunks > 0 {
            let chunk = Segment::of(&unit.repeat(per_chunk));
            whole.deflated = chunk.deflated.repeat(chunks);
            for _ in 0..chunks {
                whole.crc.combine(&chunk.crc);
            }
            whole.len = chunk.len * chunks as u64;
        }
        let mut rest = unit.repeat(units % per_chunk);
        rest.extend_from_slice(&unit[..len % unit.len()]);
        whole.push(&Segment::of(&rest));
        whole
    }

    /// `next` appended.
    pub fn push(&mut self, next: &Segment) {
        self.deflated.extend_from_slice(&next.deflated);
        self.crc.combine(&next.crc);
        self.len += next.len;
    }

    /// The whole entry: these segments, then an empty final block.
    pub fn entry(mut self) -> Packed {
        let mut c = Compress::new(Compression::fast(), false);
        let mut end = Vec::with_capacity(64);
        c.compress_vec(&[], &mut end, FlushCompress::Finish)
            .expect("deflate");
        self.deflated.extend_from_slice(&end);
        Packed {
            deflated: self.deflated,
            len: self.len,
            crc: self.crc.finalize(),
        }
    }
}

/// An entry ready for the archive.
#[derive(Clone, Debug)]
pub struct Packed {
    pub deflated: Vec<u8>,
    pub len: u64,
    pub crc: u32,
}

/// A seed archive opened once: its parts, as they are and deflated.
pub struct SeedZip {
    pub entries: Vec<(String, Vec<u8>, Packed)>,
}

impl SeedZip {
    /// `None` when the seed does not open as a zip.
    pub fn open(bytes: &[u8]) -> Option<SeedZip> {
        let entries = super::mutate::unzip(bytes)?
            .into_iter()
            .map(|(name, content)| {
                let packed = Segment::of(&content).entry();
                (name, content, packed)
            })
            .collect();
        Some(SeedZip { entries })
    }
}

/// An archive of deflated entries (no zip64: each entry under 4 GB).
pub fn write_zip(entries: &[(&str, &Packed)]) -> Vec<u8> {
    let size: usize = entries
        .iter()
        .map(|(n, p)| p.deflated.len() + 2 * n.len() + 76)
        .sum();
    let mut out = Vec::with_capacity(size + 22);
    let mut central = Vec::new();
    for (name, p) in entries {
        let offset = out.len() as u32;
        let fixed = |b: &mut Vec<u8>| {
            b.extend_from_slice(&20u16.to_le_bytes()); // version needed
            b.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
            b.extend_from_slice(&8u16.to_le_bytes()); // deflated
            b.extend_from_slice(&0u16.to_le_bytes()); // time
            b.extend_from_slice(&0x21u16.to_le_bytes()); // 1980-01-01
            b.extend_from_slice(&p.crc.to_le_bytes());
            b.extend_from_slice(&(p.deflated.len() as u32).to_le_bytes());
            b.extend_from_slice(&(p.len as u32).to_le_bytes());
            b.extend_from_slice(&(name.len() as u16).to_le_bytes());
            b.extend_from_slice(&0u16.to_le_bytes()); // extra field
        };
        out.extend_from_slice(b"PK\x03\x04");
        fixed(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&p.deflated);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // made by
        fixed(&mut central);
        central.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
        central.extend_from_slice(&[0; 4]); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]); // disks
    let n = entries.len() as u16;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    out
}
