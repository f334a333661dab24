//! How the lexicon's sorted words are bucketed by their first two bytes. `build.rs` writes the
//! bucket table with these same definitions (it includes this file), and `lexicon` reads it.

/// Number of two-byte prefixes the lexicon's words are bucketed by.
pub const BUCKETS: usize = 1 << 16;

/// A word's bucket: its first two bytes (a missing second byte counts as 0, so that the buckets
/// of the byte-sorted words never decrease).
pub fn bucket_of(word: &[u8]) -> usize {
    let byte = |i: usize| usize::from(word.get(i).copied().unwrap_or(0));
    (byte(0) << 8) | byte(1)
}
