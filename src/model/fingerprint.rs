//! The content fingerprint: a short, stable hash of what the dossier says,
//! printed on every page of every copy, on the receipt, in the wizard and
//! by `check`, so that the copies handed in can be matched with the file.
//!
//! It hashes the dossier's content, not the file's bytes: the value is
//! serialised into a canonical byte string (struct fields and map entries
//! sorted by name, every string with its line ends as LF, each value
//! tagged and length-prefixed, fields left at an empty value, false or zero omitted) and
//! that string goes through SHA-256. What is not content is left out:
//! the file format's version, the profile file's path, the print choices
//! (stamp corner, number of copies) and the « à vérifier » marks of
//! guessed values; an attachment counts by its file name, not its folder.
//! So the same content gives the same fingerprint on every OS, whatever
//! the line ends, the order of the fields in the file or where it lives.
//!
//! The fingerprint shown is the digest's first 80 bits in Crockford's
//! base 32, four groups of four (`SNPJ-PAYG-1RS8-PEPX`): no I, L, O or U
//! to misread.

use serde::Serialize;

mod canon;
mod sha256;
pub use sha256::sha256;

use super::dossier::{Dossier, PieceStatus};

/// Fields that are not content: (struct name as serde sees it, field).
const NOT_CONTENT: [(&str, &str); 4] = [
    ("Dossier", "format_version"),
    ("Dossier", "call_profile"),
    ("Dossier", "print"),
    ("Member", "to_check"),
];

/// A dossier's content fingerprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// The fingerprint of `dossier`'s content.
    pub fn of(dossier: &Dossier) -> Self {
        Fingerprint(sha256(&canonical(dossier)))
    }

    /// The printed form: 16 Crockford base-32 characters in 4 groups.
    pub fn code(&self) -> String {
        const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut out = String::with_capacity(19);
        // 80 bits = 10 bytes = 16 groups of 5 bits; bit `b` of the stream
        // is bit 7 - b % 8 of byte b / 8.
        for i in 0..16usize {
            let mut v = 0usize;
            for k in 0..5usize {
                let bit = i.saturating_mul(5).saturating_add(k);
                let byte = self.0.get(bit.wrapping_div(8)).copied().unwrap_or(0);
                let shift = 7u32.saturating_sub(u32::try_from(bit.wrapping_rem(8)).unwrap_or(0));
                v = v.wrapping_shl(1) | usize::from(byte.wrapping_shr(shift) & 1);
            }
            if i > 0 && i.is_multiple_of(4) {
                out.push('-');
            }
            out.push(char::from(ALPHABET.get(v).copied().unwrap_or(b'0')));
        }
        out
    }

    /// The whole digest in hexadecimal.
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

/// The last component of an attachment's path, with either separator.
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}

/// The canonical byte string the fingerprint hashes.
pub fn canonical(dossier: &Dossier) -> Vec<u8> {
    let mut d = dossier.clone();
    for piece in &mut d.administrative {
        if let PieceStatus::Attached(path) = &mut piece.status {
            *path = file_name(path);
        }
    }
    for doc in &mut d.declaration.other_documents {
        if let Some(path) = &mut doc.attachment {
            *path = file_name(path);
        }
    }
    // The serialiser below cannot fail on the dossier's types; an error
    // would still give a stable (if less useful) value.
    d.serialize(canon::Canon)
        .unwrap_or_else(|e| e.0.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: [u8; 32]) -> String {
        Fingerprint(d).hex()
    }

    #[test]
    fn sha256_matches_the_standard_vectors() {
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        let million = vec![b'a'; 1_000_000];
        assert_eq!(
            hex(sha256(&million)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        // The lengths around the block boundaries pad correctly (digests
        // from Python's hashlib).
        for (n, want) in [
            (
                55,
                "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            ),
            (
                56,
                "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            ),
            (
                63,
                "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            ),
            (
                64,
                "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            ),
            (
                65,
                "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            ),
            (
                119,
                "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            ),
            (
                120,
                "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
            ),
        ] {
            assert_eq!(hex(sha256(&vec![b'a'; n])), want, "{n} bytes");
        }
    }

    #[test]
    fn the_code_is_crockford_base32_of_the_first_80_bits() {
        let mut d = [0u8; 32];
        assert_eq!(Fingerprint(d).code(), "0000-0000-0000-0000");
        d[..10].copy_from_slice(&[0xFF; 10]);
        assert_eq!(Fingerprint(d).code(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        // 0b00001_00010_00011_... : 1, 2, 3 in the first three places.
        d = [0u8; 32];
        d[0] = 0b0000_1000;
        d[1] = 0b1000_0110;
        assert_eq!(&Fingerprint(d).code()[..4], "1230");
    }

    #[test]
    fn fields_added_with_an_empty_default_leave_the_encoding_unchanged() {
        use serde::Serialize;
        #[derive(Serialize)]
        struct Before {
            name: String,
            count: u32,
        }
        #[derive(Serialize)]
        struct After {
            added_text: String,
            name: String,
            added_flag: bool,
            count: u32,
            added_list: Vec<u8>,
            added_option: Option<u32>,
        }
        let enc = |v: &dyn erased::Encode| v.encode();
        let before = Before {
            name: "a\r\nb".into(),
            count: 3,
        };
        let after = After {
            added_text: String::new(),
            name: "a\nb".into(),
            added_flag: false,
            count: 3,
            added_list: Vec::new(),
            added_option: None,
        };
        assert_eq!(enc(&before), enc(&after));
        // Given a value, an added field counts.
        let set = After {
            added_option: Some(0),
            ..after
        };
        assert_ne!(enc(&before), enc(&set));
    }

    mod erased {
        pub trait Encode {
            fn encode(&self) -> Vec<u8>;
        }
        impl<T: serde::Serialize> Encode for T {
            fn encode(&self) -> Vec<u8> {
                self.serialize(super::super::canon::Canon)
                    .unwrap_or_default()
            }
        }
    }
}
