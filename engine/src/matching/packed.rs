//! Number vectors serialised as one byte string (little-endian, four bytes a number) instead of
//! a sequence of varints: `#[serde(with = "packed::u32s")]` / `packed::f32s`.
//!
//! Why: the embedded engine is deserialised at every start, and its index is mostly numbers
//! (string-table offsets and hash slots, posting lists). Read as a sequence, every number goes
//! through serde's visitor and postcard's varint decoder; read as bytes, a vector is one
//! borrowed slice converted in a tight loop. The engine is about a quarter larger on disk.

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;
use std::fmt;
use std::marker::PhantomData;

/// A number of four bytes.
pub trait Word: Copy {
    fn to_bytes(self) -> [u8; 4];
    fn from_bytes(bytes: [u8; 4]) -> Self;
}

impl Word for u32 {
    fn to_bytes(self) -> [u8; 4] {
        self.to_le_bytes()
    }
    fn from_bytes(bytes: [u8; 4]) -> Self {
        u32::from_le_bytes(bytes)
    }
}

impl Word for f32 {
    fn to_bytes(self) -> [u8; 4] {
        self.to_le_bytes()
    }
    fn from_bytes(bytes: [u8; 4]) -> Self {
        f32::from_le_bytes(bytes)
    }
}

fn serialize<T: Word, S: Serializer>(numbers: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    let bytes: Vec<u8> = numbers.iter().flat_map(|n| n.to_bytes()).collect();
    serializer.serialize_bytes(&bytes)
}

fn deserialize<'de, T: Word, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    deserializer.deserialize_bytes(Numbers(PhantomData))
}

/// Reads a byte string back into numbers.
struct Numbers<T>(PhantomData<T>);

impl<T: Word> Visitor<'_> for Numbers<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a byte string of four-byte numbers")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if !bytes.len().is_multiple_of(4) {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        Ok(bytes
            .chunks_exact(4)
            .map(|b| T::from_bytes(b.try_into().expect("four bytes")))
            .collect())
    }
}

/// `#[serde(with = "packed::u32s")]` for a `Vec<u32>`.
pub mod u32s {
    pub fn serialize<S: serde::Serializer>(v: &[u32], s: S) -> Result<S::Ok, S::Error> {
        super::serialize(v, s)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        super::deserialize(d)
    }
}

/// `#[serde(with = "packed::f32s")]` for a `Vec<f32>`.
pub mod f32s {
    pub fn serialize<S: serde::Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
        super::serialize(v, s)
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
        super::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Both {
        #[serde(with = "super::u32s")]
        ids: Vec<u32>,
        #[serde(with = "super::f32s")]
        weights: Vec<f32>,
        after: String,
    }

    #[test]
    fn packed_numbers_read_back_exactly_and_take_four_bytes_each() {
        let both = Both {
            ids: vec![0, 1, 300, u32::MAX],
            weights: vec![0.25, -1.5, f32::MIN_POSITIVE],
            after: "после".to_owned(),
        };
        let bytes = postcard::to_stdvec(&both).unwrap();
        // A length byte, 16 bytes of ids, a length byte, 12 bytes of weights, then the string.
        assert_eq!(bytes.len(), 1 + 16 + 1 + 12 + 1 + "после".len());
        let read: Both = crate::matching::fast_utf8::from_bytes(&bytes).unwrap();
        assert_eq!(read, both);
    }

    #[test]
    fn a_byte_string_not_made_of_whole_numbers_is_an_error() {
        let bytes = postcard::to_stdvec(&(&b"abcde"[..], 0.5f32, 0.5f32, "")).unwrap();
        assert!(postcard::from_bytes::<Both>(&bytes).is_err());
    }
}
