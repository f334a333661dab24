//! The per-record sums a ranking accumulates, and what scoring reads of a record through them.

use super::index::{Index, QueryTerm, RecordTerms, TermId};
use super::QueryFeatures;
use std::cell::RefCell;

thread_local! {
    /// The calling thread's sums between rankings (see [`Sums::take`]).
    static SPARE: RefCell<Option<Sums>> = const { RefCell::new(None) };
}

/// Zeroing one phrasing by walking the postings costs about as much as filling this many
/// entries of the array (measured with callgrind and `cargo bench --bench matching`).
const WALK_OR_FILL: usize = 8;

/// Per record: the weight of the question's terms among its phrasings and keywords (`strong`),
/// only in its answer text (`weak`), and the best share of one phrasing the question covers.
///
/// Also which records the question touches at all, and which of its known terms each of them
/// has: scoring then reads a bit instead of searching the record's term lists once per term
/// (that search was most of the time spent ranking).
pub(super) struct Sums {
    pub strong: Vec<f32>,
    pub weak: Vec<f32>,
    pub phrasing: Vec<f32>,
    /// Per record: the weight of the question's terms that name or describe a document it cites
    /// without being its own words (see [`Index::credit_postings`]).
    pub credit: Vec<f32>,
    /// The records with a strong or weak term of the question, each once, in no order.
    pub touched: Vec<u32>,
    /// Per record: the [`TermBit`]s of the question's terms among its strong terms.
    pub strong_bits: Vec<u64>,
    /// Per record: the [`TermBit`]s of the question's terms among its weak terms.
    pub weak_bits: Vec<u64>,
    /// Per record: listed in `touched`.
    seen: Vec<bool>,
    /// Per phrasing: the weight of the question's terms in it.
    shared: Vec<f32>,
    /// The terms whose phrasings `shared` holds weight for, for [`Sums::clear`]: their
    /// postings are the phrasings to zero again.
    shared_terms: Vec<u32>,
    /// The records with a credit, for [`Sums::clear`].
    credited: Vec<u32>,
}

impl Sums {
    /// All zero, for an index of `records` records and `phrasings` phrasings.
    pub fn new(records: usize, phrasings: usize) -> Self {
        Sums {
            strong: vec![0.0; records],
            weak: vec![0.0; records],
            phrasing: vec![0.0; records],
            credit: vec![0.0; records],
            // Sized for the longest postings at once: no regrowth while accumulating.
            touched: Vec::with_capacity(records),
            strong_bits: vec![0; records],
            weak_bits: vec![0; records],
            seen: vec![false; records],
            shared: vec![0.0; phrasings],
            shared_terms: Vec::new(),
            credited: Vec::new(),
        }
    }

    /// Sums for an index of this size, all zero: the calling thread's last ones when they fit
    /// (cleared after use: entry by entry, or the phrasing array in one fill), else new ones. Zeroing whole arrays for every
    /// ranking cost as much as the ranking itself on a knowledge base ten times larger.
    pub fn take(records: usize, phrasings: usize) -> Self {
        SPARE
            .with(|spare| spare.borrow_mut().take())
            .filter(|s| s.strong.len() == records && s.shared.len() == phrasings)
            .unwrap_or_else(|| Sums::new(records, phrasings))
    }

    /// Zeroes what a ranking touched and keeps the sums for the thread's next ranking.
    pub fn give_back(mut self, index: &Index) {
        self.clear(index);
        SPARE.with(|spare| *spare.borrow_mut() = Some(self));
    }

    /// The fields borrowed apart, the vectors indexed by record or phrasing as slices.
    fn parts(&mut self) -> Parts<'_> {
        Parts {
            strong: &mut self.strong,
            weak: &mut self.weak,
            phrasing: &mut self.phrasing,
            credit: &mut self.credit,
            strong_bits: &mut self.strong_bits,
            weak_bits: &mut self.weak_bits,
            seen: &mut self.seen,
            shared: &mut self.shared,
            touched: &mut self.touched,
            shared_terms: &mut self.shared_terms,
            credited: &mut self.credited,
        }
    }

    /// Back to all zero, touching only the entries a ranking wrote (or, when they are many, the
    /// whole phrasing array at once).
    fn clear(&mut self, index: &Index) {
        let p = self.parts();
        for &r in p.touched.iter() {
            let r = r as usize;
            p.strong[r] = 0.0;
            p.weak[r] = 0.0;
            p.strong_bits[r] = 0;
            p.weak_bits[r] = 0;
            p.seen[r] = false;
            // A phrasing's terms are among its record's strong terms: a record with a share of
            // a phrasing is touched.
            p.phrasing[r] = 0.0;
        }
        for &r in p.credited.iter() {
            p.credit[r as usize] = 0.0;
        }
        // The phrasings to zero again are those of the terms' postings; when they are many, a
        // fill of the whole array (a memset) is cheaper than walking the postings again. Either
        // way the cost is at most the accumulation's.
        let postings: usize = p
            .shared_terms
            .iter()
            .map(|&t| index.question_postings[t as usize].len())
            .sum();
        if postings * WALK_OR_FILL > p.shared.len() {
            p.shared.fill(0.0);
        } else {
            for &t in p.shared_terms.iter() {
                for &n in &index.question_postings[t as usize] {
                    p.shared[n as usize] = 0.0;
                }
            }
        }
        p.touched.clear();
        p.credited.clear();
        p.shared_terms.clear();
    }

    /// Term-at-a-time accumulation: each query term adds its weight to the records and
    /// phrasings that contain it, so the work is proportional to the postings touched.
    pub fn accumulate(&mut self, index: &Index, query: &[QueryTerm], features: &QueryFeatures) {
        let Parts {
            strong,
            weak,
            phrasing,
            credit,
            strong_bits,
            weak_bits,
            seen,
            shared,
            touched,
            shared_terms,
            credited,
        } = self.parts();
        for q in query {
            let Some(t) = q.term else { continue };
            let mask = features.bit(t).mask;
            let (t, weight) = (t as usize, q.weight);
            for &r in &index.strong_postings[t] {
                let r = r as usize;
                strong[r] += weight;
                strong_bits[r] |= mask;
                if !std::mem::replace(&mut seen[r], true) {
                    touched.push(r as u32);
                }
            }
            for &r in &index.weak_postings[t] {
                let r = r as usize;
                weak[r] += weight;
                weak_bits[r] |= mask;
                if !std::mem::replace(&mut seen[r], true) {
                    touched.push(r as u32);
                }
            }
            for &r in &index.credit_postings[t] {
                let r = r as usize;
                if credit[r] == 0.0 {
                    credited.push(r as u32);
                }
                credit[r] += weight;
            }
            // Without a weight the shares stay as they are.
            if weight <= 0.0 {
                continue;
            }
            shared_terms.push(t as u32);
            share_phrasings(
                &index.question_postings[t],
                &index.question_owner,
                shared,
                phrasing,
                weight,
            );
        }
    }
}

/// Adds `weight` to the phrasings `postings` lists (`shared`) and raises each owner's best share
/// (`best`, per record) to the phrasing's new share. Each record's best share is kept as the
/// shares grow: weights are positive, so a phrasing's last share is its largest, and the maximum
/// over every step is the maximum of the final shares (one pass, no list of the phrasings
/// touched). Its own function, with only the slices it reads as arguments, so that they stay in
/// registers (most of a ranking's time is this loop).
#[inline(never)]
fn share_phrasings(
    postings: &[u32],
    owner: &[(u32, f32)],
    shared: &mut [f32],
    best: &mut [f32],
    weight: f32,
) {
    // One length for both: a phrasing number checked against one is checked against the other.
    let shared = &mut shared[..owner.len()];
    for &n in postings {
        let n = n as usize;
        let (r, total) = owner[n];
        shared[n] += weight;
        if total > 0.0 {
            let ratio = shared[n] / total;
            let best = &mut best[r as usize];
            if ratio > *best {
                *best = ratio;
            }
        }
    }
}

/// [`Sums`]' fields borrowed apart, for its loops (most of a ranking's time): the compiler then
/// knows that no write to one moves another, and keeps the slices' addresses and lengths in
/// registers, where a vector's would be read back from memory after every push onto a list.
struct Parts<'a> {
    strong: &'a mut [f32],
    weak: &'a mut [f32],
    phrasing: &'a mut [f32],
    credit: &'a mut [f32],
    strong_bits: &'a mut [u64],
    weak_bits: &'a mut [u64],
    seen: &'a mut [bool],
    shared: &'a mut [f32],
    touched: &'a mut Vec<u32>,
    shared_terms: &'a mut Vec<u32>,
    credited: &'a mut Vec<u32>,
}

/// A known term of a question with its bit in [`Sums`]' per-record masks: the n-th distinct
/// known term has bit n; past the 64th the mask is 0 and the record's lists are searched.
#[derive(Debug, Clone, Copy)]
pub(super) struct TermBit {
    pub term: TermId,
    pub mask: u64,
}

/// `term` with its bit among the question's distinct known terms `known`.
pub(super) fn term_bit(known: &[TermId], term: TermId) -> TermBit {
    let n = known.iter().position(|&k| k == term);
    TermBit {
        term,
        mask: n.filter(|&n| n < 64).map_or(0, |n| 1u64 << n),
    }
}

/// One record as scoring reads it: its term lists and the masks of the question's terms it has.
pub(super) struct Holds<'a> {
    pub terms: &'a RecordTerms,
    pub strong: u64,
    pub weak: u64,
}

impl Holds<'_> {
    pub fn strong(&self, t: TermBit) -> bool {
        match t.mask {
            0 => self.terms.strong.binary_search(&t.term).is_ok(),
            mask => self.strong & mask != 0,
        }
    }

    pub fn weak(&self, t: TermBit) -> bool {
        match t.mask {
            0 => self.terms.weak.binary_search(&t.term).is_ok(),
            mask => self.weak & mask != 0,
        }
    }

    /// Among the terms naming the documents the record cites (few; searched).
    pub fn cited(&self, t: TermBit) -> bool {
        self.terms.cited.binary_search(&t.term).is_ok()
    }

    /// Anywhere in the record: strong, weak or cited.
    pub fn mentions(&self, t: TermBit) -> bool {
        self.strong(t) || self.weak(t) || self.cited(t)
    }
}
