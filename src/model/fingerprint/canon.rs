//! The canonical serialiser: every value becomes a tagged, length-prefixed
//! byte string; struct fields and map entries sorted, empty fields left
//! out, line ends made LF, the fields that are not content skipped.

use serde::Serialize;
use serde::ser;

use super::NOT_CONTENT;

/// Appends `tag`, then `bytes` length-prefixed (`12:…`).
fn prefixed(out: &mut Vec<u8>, tag: u8, bytes: &[u8]) {
    out.push(tag);
    out.extend_from_slice(bytes.len().to_string().as_bytes());
    out.push(b':');
    out.extend_from_slice(bytes);
}

/// A string with CRLF and lone CR made LF.
fn normalised(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn string(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    prefixed(&mut out, b's', normalised(s).as_bytes());
    out
}

/// An encoded value that says nothing: None, "", [], {}, false or 0. A
/// field at such a value is left out of its struct, so a field a later
/// format adds with such a default leaves the fingerprints unchanged
/// (and a field's type tells which of them it was).
fn is_empty(encoded: &[u8]) -> bool {
    matches!(encoded, b"N" | b"s0:" | b"[0:" | b"{0:" | b"F" | b"n0;")
}

/// A list of encoded items: `[count:` then the items.
fn list(items: Vec<Vec<u8>>) -> Vec<u8> {
    let mut out = vec![b'['];
    out.extend_from_slice(items.len().to_string().as_bytes());
    out.push(b':');
    for item in items {
        out.extend(item);
    }
    out
}

/// Key-value entries sorted by encoded key, empty values left out.
fn record(mut entries: Vec<(Vec<u8>, Vec<u8>)>) -> Vec<u8> {
    entries.retain(|(_, v)| !is_empty(v));
    entries.sort();
    let mut out = vec![b'{'];
    out.extend_from_slice(entries.len().to_string().as_bytes());
    out.push(b':');
    for (k, v) in entries {
        out.extend(k);
        out.extend(v);
    }
    out
}

fn variant(name: &str, payload: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::new();
    prefixed(&mut out, b'V', name.as_bytes());
    out.extend(payload);
    out
}

#[derive(Debug)]
pub struct CanonError(pub String);

impl std::fmt::Display for CanonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for CanonError {}
impl ser::Error for CanonError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        CanonError(msg.to_string())
    }
}

/// The canonical serialiser: every value becomes its encoding.
pub(super) struct Canon;

type Out = Result<Vec<u8>, CanonError>;

fn number(n: impl ToString) -> Out {
    let mut out = vec![b'n'];
    out.extend_from_slice(n.to_string().as_bytes());
    out.push(b';');
    Ok(out)
}

impl ser::Serializer for Canon {
    type Ok = Vec<u8>;
    type Error = CanonError;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Map;

    fn serialize_bool(self, v: bool) -> Out {
        Ok(if v { b"T".to_vec() } else { b"F".to_vec() })
    }
    fn serialize_i8(self, v: i8) -> Out {
        number(v)
    }
    fn serialize_i16(self, v: i16) -> Out {
        number(v)
    }
    fn serialize_i32(self, v: i32) -> Out {
        number(v)
    }
    fn serialize_i64(self, v: i64) -> Out {
        number(v)
    }
    fn serialize_i128(self, v: i128) -> Out {
        number(v)
    }
    fn serialize_u8(self, v: u8) -> Out {
        number(v)
    }
    fn serialize_u16(self, v: u16) -> Out {
        number(v)
    }
    fn serialize_u32(self, v: u32) -> Out {
        number(v)
    }
    fn serialize_u64(self, v: u64) -> Out {
        number(v)
    }
    fn serialize_u128(self, v: u128) -> Out {
        number(v)
    }
    fn serialize_f32(self, v: f32) -> Out {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out {
        let mut out = vec![b'f'];
        out.extend_from_slice(format!("{:016x}", v.to_bits()).as_bytes());
        Ok(out)
    }
    fn serialize_char(self, v: char) -> Out {
        Ok(string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Out {
        Ok(string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Out {
        let mut out = Vec::new();
        prefixed(&mut out, b'y', v);
        Ok(out)
    }
    fn serialize_none(self) -> Out {
        Ok(b"N".to_vec())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Out {
        let mut out = vec![b'S'];
        out.extend(value.serialize(Canon)?);
        Ok(out)
    }
    fn serialize_unit(self) -> Out {
        Ok(b"U".to_vec())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Out {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, name: &'static str) -> Out {
        Ok(variant(name, b"U".to_vec()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Out {
        value.serialize(Canon)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        value: &T,
    ) -> Out {
        Ok(variant(name, value.serialize(Canon)?))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq, CanonError> {
        Ok(Seq::default())
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq, CanonError> {
        Ok(Seq::default())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq, CanonError> {
        Ok(Seq::default())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Seq, CanonError> {
        Ok(Seq {
            variant: Some(name),
            ..Seq::default()
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map, CanonError> {
        Ok(Map::default())
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Map, CanonError> {
        Ok(Map {
            name,
            ..Map::default()
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Map, CanonError> {
        Ok(Map {
            variant: Some(name),
            ..Map::default()
        })
    }
}

#[derive(Default)]
pub(super) struct Seq {
    items: Vec<Vec<u8>>,
    variant: Option<&'static str>,
}

impl Seq {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        self.items.push(value.serialize(Canon)?);
        Ok(())
    }
    fn done(self) -> Out {
        let body = list(self.items);
        Ok(match self.variant {
            Some(name) => variant(name, body),
            None => body,
        })
    }
}

impl ser::SerializeSeq for Seq {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.done()
    }
}
impl ser::SerializeTuple for Seq {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.done()
    }
}
impl ser::SerializeTupleStruct for Seq {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.done()
    }
}
impl ser::SerializeTupleVariant for Seq {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        self.push(value)
    }
    fn end(self) -> Out {
        self.done()
    }
}

#[derive(Default)]
pub(super) struct Map {
    name: &'static str,
    variant: Option<&'static str>,
    entries: Vec<(Vec<u8>, Vec<u8>)>,
    key: Option<Vec<u8>>,
}

impl Map {
    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), CanonError> {
        if self.variant.is_none() && NOT_CONTENT.contains(&(self.name, key)) {
            return Ok(());
        }
        self.entries.push((string(key), value.serialize(Canon)?));
        Ok(())
    }
    fn done(self) -> Out {
        let body = record(self.entries);
        Ok(match self.variant {
            Some(name) => variant(name, body),
            None => body,
        })
    }
}

impl ser::SerializeMap for Map {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), CanonError> {
        self.key = Some(key.serialize(Canon)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CanonError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| CanonError("valeur sans clé".into()))?;
        self.entries.push((key, value.serialize(Canon)?));
        Ok(())
    }
    fn end(self) -> Out {
        self.done()
    }
}
impl ser::SerializeStruct for Map {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        self.field(key, value)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), CanonError> {
        Ok(())
    }
    fn end(self) -> Out {
        self.done()
    }
}
impl ser::SerializeStructVariant for Map {
    type Ok = Vec<u8>;
    type Error = CanonError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        self.field(key, value)
    }
    fn end(self) -> Out {
        self.done()
    }
}
