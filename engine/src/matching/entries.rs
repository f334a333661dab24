//! The entries of a built engine, each kept as the bytes it was serialised to and decoded the
//! first time something reads it.
//!
//! Why: most of the embedded engine's text is the entries' answers, quotes and translations
//! (about 700 KB and 6,000 strings), while a question reads a handful of entries (the answer and
//! its suggestions). Decoding them all at every start took about a fifth of start-up. Whether an
//! entry says the documents do not give something is read while ranking, so it is kept decoded.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::knowledge::Entry;

/// Serialised without the entries' bytes: [`crate::matching::Engine::to_bytes`] writes them
/// after the engine, so that an engine read from static bytes borrows them
/// ([`EntryTable::attach`]) instead of copying 700 KB to the heap.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct EntryTable {
    /// The entries' postcard bytes end to end.
    #[serde(skip)]
    bytes: Cow<'static, [u8]>,
    /// Where each entry ends in `bytes` (it starts where the previous one ends).
    #[serde(with = "super::packed::u32s")]
    ends: Vec<u32>,
    /// Per entry: whether it is `unanswerable`.
    unanswerable: Vec<bool>,
    #[serde(skip)]
    decoded: Vec<OnceLock<Entry>>,
}

impl EntryTable {
    pub fn new(entries: &[Entry]) -> Self {
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(entries.len());
        for entry in entries {
            bytes = postcard::to_extend(entry, bytes).expect("an entry serialises");
            ends.push(u32::try_from(bytes.len()).expect("under 4 GB of entries"));
        }
        EntryTable {
            bytes: Cow::Owned(bytes),
            ends,
            unanswerable: entries.iter().map(|e| e.unanswerable).collect(),
            decoded: entries.iter().cloned().map(OnceLock::from).collect(),
        }
    }

    /// The entries' bytes, written after the engine.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Gives a table read without its bytes the bytes written after it; false when they are
    /// not as long as the table says.
    pub fn attach(&mut self, bytes: &'static [u8]) -> bool {
        if self.ends.last().map_or(0, |&end| end as usize) != bytes.len() {
            return false;
        }
        self.bytes = Cow::Borrowed(bytes);
        self.decoded = self.ends.iter().map(|_| OnceLock::new()).collect();
        true
    }

    /// Entry `i`.
    pub fn get(&self, i: usize) -> &Entry {
        self.decoded[i].get_or_init(|| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            let bytes = &self.bytes[start as usize..self.ends[i] as usize];
            super::fast_utf8::from_bytes(bytes).expect("an entry serialised by this build")
        })
    }

    pub fn is_unanswerable(&self, i: usize) -> bool {
        self.unanswerable[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::KnowledgeBase;

    #[test]
    fn entries_read_back_from_bytes_are_the_entries_written() {
        let kb = KnowledgeBase::embedded().expect("embedded knowledge");
        let table = EntryTable::new(&kb.entries);
        let bytes = postcard::to_stdvec(&table).unwrap();
        let mut read: EntryTable = crate::matching::fast_utf8::from_bytes(&bytes).unwrap();
        let entries: &'static [u8] = table.bytes().to_vec().leak();
        assert!(
            !read.attach(&entries[1..]),
            "bytes of another length are refused"
        );
        assert!(read.attach(entries));
        for i in [kb.entries.len() - 1, 0, 7] {
            let (written, back) = (&kb.entries[i], read.get(i));
            assert_eq!((&back.id, &back.answer), (&written.id, &written.answer));
            assert_eq!(back.citations.len(), written.citations.len());
            assert_eq!(read.is_unanswerable(i), written.unanswerable);
        }
        assert!(kb.entries.iter().any(|e| e.unanswerable));
    }
}
