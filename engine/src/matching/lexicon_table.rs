//! How the lexicon's words are found: an open-addressing hash table of slots, one u32 each
//! (a tag from the word's hash and the word's number plus one, or 0 for an empty slot), probed
//! linearly. `build.rs` writes the table with these same definitions (it includes this file),
//! and `lexicon` reads it. A look-up reads one or two slots, usually in one cache line, where
//! the binary search it replaced read a dozen words spread over 3 MB.

/// Bits of a slot holding the word's number plus one; the rest hold the tag.
pub const NUMBER_BITS: u32 = 18;

// The tag takes the bits above the number: there must be some.
const _: () = assert!(NUMBER_BITS < 32);

/// The mask of a slot's number bits.
pub const NUMBER_MASK: u32 = (1 << NUMBER_BITS) - 1;

/// FNV-1a over the word's bytes.
pub fn hash(word: &[u8]) -> u64 {
    word.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tag a slot holding a word with this hash carries (its top bits): a probe meeting another
/// word's slot mostly ends without reading that word. (A filled slot is never 0: it holds the
/// word's number plus one.)
pub fn tag_of(hash: u64) -> u32 {
    ((hash >> (64 - (32 - NUMBER_BITS))) as u32) << NUMBER_BITS
}

/// The first slot to probe for a hash, in a table of `slots` slots (a power of two).
pub fn first_slot(hash: u64, slots: usize) -> usize {
    hash as usize & (slots - 1)
}
