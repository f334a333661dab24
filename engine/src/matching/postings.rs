//! Posting lists of every term in one flat array (compressed sparse rows): one allocation per
//! kind of list instead of one per term. Loading the embedded engine is mostly allocating, and
//! an index has four kinds of lists over thousands of terms.

/// For each term id, a list of numbers (records or phrasings), in the order they were added.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Postings {
    /// `offsets[t]..offsets[t + 1]` is term `t`'s slice of `items`.
    #[serde(with = "super::packed::u32s")]
    offsets: Vec<u32>,
    #[serde(with = "super::packed::u32s")]
    items: Vec<u32>,
}

impl Postings {
    /// The lists, one per term id, flattened.
    pub fn from_lists(lists: &[Vec<u32>]) -> Self {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut items = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        offsets.push(0);
        for list in lists {
            items.extend_from_slice(list);
            offsets.push(u32::try_from(items.len()).expect("fewer than 2^32 postings"));
        }
        Postings { offsets, items }
    }

    /// How many terms have a list.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
}

impl std::ops::Index<usize> for Postings {
    type Output = [u32];

    /// Term `t`'s list; empty for a term past the end.
    fn index(&self, t: usize) -> &[u32] {
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Postings;

    #[test]
    fn flattened_lists_read_back_per_term() {
        let lists = vec![vec![3, 1], vec![], vec![7]];
        let postings = Postings::from_lists(&lists);
        assert_eq!(postings.len(), 3);
        for (t, list) in lists.iter().enumerate() {
            assert_eq!(&postings[t], list.as_slice());
        }
        assert!(
            postings[3].is_empty(),
            "a term past the end has no postings"
        );
        assert!(Postings::default()[0].is_empty());
    }
}
