//! What `build.rs` embeds in the crate: the files of `knowledge/` and the general-language
//! lexicon tables. Only this module reads `OUT_DIR`. (The engine built from them is embedded by
//! the bot crate, whose build script runs this crate's code.)

/// Files of `knowledge/` as `(relative path, text)`.
pub fn knowledge_files() -> &'static [(&'static str, &'static str)] {
    mod files {
        include!(concat!(env!("OUT_DIR"), "/embedded_knowledge.rs"));
    }
    files::EMBEDDED_FILES
}

/// The lexicon's words, sorted by their bytes and concatenated.
pub fn lexicon_words() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_words.bin"))
}

/// Start of each lexicon word (u32 little-endian), plus the end of the last one.
pub fn lexicon_offsets() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_offsets.bin"))
}

/// Each lexicon word's Zipf frequency in tenths.
pub fn lexicon_zipf() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_zipf.bin"))
}

/// The hash table of the lexicon words' numbers: u32 little-endian slots (see
/// `matching::lexicon_table`).
pub fn lexicon_slots() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/lexicon_slots.bin"))
}
