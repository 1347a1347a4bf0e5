//! Excel 97-2003 workbooks built byte by byte: a BIFF8 stream in a
//! compound file (used by the hostile-input tests and the fuzz seeds).
#![allow(dead_code)]

pub fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend(typ.to_le_bytes());
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
}

pub fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(row.to_le_bytes());
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend((text.len() as u16).to_le_bytes());
    d.push(0);
    d.extend(text.bytes());
    d
}

/// A BIFF8 workbook stream: one sheet with `dimensions` and `cells`
/// (row, column, text), padded past the mini-stream cutoff.
pub fn workbook(dimensions: [u32; 4], cells: &[(u16, u16, &str)]) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = vec![0u8; 16];
        d[..2].copy_from_slice(&0x0600u16.to_le_bytes());
        d[2..4].copy_from_slice(&dt.to_le_bytes());
        d
    };
    let mut globals = Vec::new();
    record(&mut globals, 0x0809, &bof(0x0005));
    let bound_len = 4 + 8 + 7;
    let eof_len = 4;
    let sheet_pos = (globals.len() + bound_len + eof_len) as u32;
    let mut bound = sheet_pos.to_le_bytes().to_vec();
    bound.extend([0, 0, 7, 0]);
    bound.extend(b"Membres");
    record(&mut globals, 0x0085, &bound);
    record(&mut globals, 0x000A, &[]);
    assert_eq!(globals.len() as u32, sheet_pos);
    record(&mut globals, 0x0809, &bof(0x0010));
    let mut dim = Vec::new();
    dim.extend(dimensions[0].to_le_bytes());
    dim.extend(dimensions[1].to_le_bytes());
    dim.extend((dimensions[2] as u16).to_le_bytes());
    dim.extend((dimensions[3] as u16).to_le_bytes());
    dim.extend(0u16.to_le_bytes());
    record(&mut globals, 0x0200, &dim);
    for (r, c, t) in cells {
        record(&mut globals, 0x0204, &label(*r, *c, t));
    }
    record(&mut globals, 0x000A, &[]);
    globals.resize(globals.len().max(4096), 0);
    globals
}

/// A compound file (version 3, 512-byte sectors) holding `stream` as
/// « Workbook »; `fat_patch` overwrites FAT entries to break the chains.
pub fn compound(stream: &[u8], fat_patch: &[(usize, u32)]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let n = stream.len().div_ceil(512);
    let mut h = vec![0u8; 512];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 =
        |b: &mut Vec<u8>, at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |b: &mut Vec<u8>, at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut h, 24, 0x3E);
    put16(&mut h, 26, 3);
    put16(&mut h, 28, 0xFFFE);
    put16(&mut h, 30, 9);
    put16(&mut h, 32, 6);
    put32(&mut h, 44, 1);
    put32(&mut h, 48, 1);
    put32(&mut h, 56, 4096);
    put32(&mut h, 60, END);
    put32(&mut h, 68, END);
    put32(&mut h, 76, 0);
    for i in 1..109 {
        put32(&mut h, 76 + 4 * i, FREE);
    }
    let mut fat = vec![FREE; 128];
    fat[0] = 0xFFFF_FFFD;
    fat[1] = END;
    for i in 0..n {
        fat[2 + i] = if i + 1 == n { END } else { (3 + i) as u32 };
    }
    for (i, v) in fat_patch {
        fat[*i] = *v;
    }
    let mut dir = vec![0u8; 512];
    for (k, (name, typ, start, size)) in [
        ("Root Entry", 5u8, END, 0u32),
        ("Workbook", 2, 2, stream.len() as u32),
    ]
    .into_iter()
    .enumerate()
    {
        let e = &mut dir[k * 128..(k + 1) * 128];
        for (i, u) in name.encode_utf16().enumerate() {
            e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&(((name.len() + 1) * 2) as u16).to_le_bytes());
        e[66] = typ;
        e[67] = 1;
        e[68..80].copy_from_slice(&[0xFF; 12]);
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
    }
    for k in 2..4 {
        dir[k * 128 + 68..k * 128 + 80].copy_from_slice(&[0xFF; 12]);
    }
    let mut out = h;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    out.extend(dir);
    let mut body = stream.to_vec();
    body.resize(n * 512, 0);
    out.extend(body);
    out
}

/// A compound file (version 3) holding `stream` as « Workbook », with as
/// many FAT sectors as it needs (up to the header's 109: about 7 MB).
pub fn compound_large(stream: &[u8]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    const FATSECT: u32 = 0xFFFF_FFFD;
    let n = stream.len().div_ceil(512);
    let mut k = 1;
    while k * 128 < k + 1 + n {
        k += 1;
    }
    assert!(k <= 109, "stream too large for a header-only DIFAT");
    let dir = k as u32;
    let mut h = vec![0u8; 512];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut h, 24, 0x3E);
    put16(&mut h, 26, 3);
    put16(&mut h, 28, 0xFFFE);
    put16(&mut h, 30, 9);
    put16(&mut h, 32, 6);
    put32(&mut h, 44, k as u32);
    put32(&mut h, 48, dir);
    put32(&mut h, 56, 4096);
    put32(&mut h, 60, END);
    put32(&mut h, 68, END);
    for i in 0..109 {
        put32(&mut h, 76 + 4 * i, if i < k { i as u32 } else { FREE });
    }
    let mut fat = vec![FREE; k * 128];
    for f in fat.iter_mut().take(k) {
        *f = FATSECT;
    }
    fat[k] = END;
    for i in 0..n {
        fat[k + 1 + i] = if i + 1 == n { END } else { (k + 2 + i) as u32 };
    }
    let mut d = vec![0u8; 512];
    for (e, (name, typ, start, size)) in [
        ("Root Entry", 5u8, END, 0u32),
        ("Workbook", 2, dir + 1, stream.len() as u32),
    ]
    .into_iter()
    .enumerate()
    {
        let x = &mut d[e * 128..(e + 1) * 128];
        for (i, u) in name.encode_utf16().enumerate() {
            x[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
        }
        x[64..66].copy_from_slice(&(((name.len() + 1) * 2) as u16).to_le_bytes());
        x[66] = typ;
        x[67] = 1;
        x[68..80].copy_from_slice(&[0xFF; 12]);
        x[116..120].copy_from_slice(&start.to_le_bytes());
        x[120..124].copy_from_slice(&size.to_le_bytes());
    }
    for e in 2..4 {
        d[e * 128 + 68..e * 128 + 80].copy_from_slice(&[0xFF; 12]);
    }
    let mut out = h;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    out.extend(d);
    let mut body = stream.to_vec();
    body.resize(n * 512, 0);
    out.extend(body);
    out
}
