//! Each word's lowercase form as a small integer, shared by the rules that count or look up words.
//!
//! Built on first use in one pass over `Document::words`: one hash per word. Rules then index per-form
//! tables by id instead of hashing each word again (`Document::body_case`, `misspelled-word`,
//! `inconsistent-capitalization`), and look a form up once per distinct form rather than once per use.

use super::lexicon::with_lowercase;
use super::Word;
use crate::hash::HashMap;
use std::cell::OnceCell;

#[derive(Debug)]
pub struct Vocabulary {
    /// Per word (index into `Document::words`): the id of its lowercase form.
    ids: Vec<u32>,
    /// Lowercase form → id. Ids are dense, in order of first use. (`usize`: the same map type as
    /// `inconsistent-capitalization`'s run keys, so the wasm carries one copy of its code.)
    index: HashMap<Box<str>, usize>,
    /// Per id: how many words have the form.
    counts: Vec<u32>,
    /// Per id, built on first use: where its words start in `occurrences.1`, which lists word indexes
    /// grouped by form and in text order within a form.
    occurrences: OnceCell<(Vec<u32>, Vec<u32>)>,
}

impl Vocabulary {
    pub(super) fn build(text: &str, words: &[Word]) -> Self {
        let mut index: HashMap<Box<str>, usize> = HashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        let ids = words
            .iter()
            .map(|w| {
                let word = &text[w.range.clone()];
                with_lowercase(word, |lower| match index.get(lower) {
                    Some(&id) => {
                        counts[id] += 1;
                        id as u32
                    }
                    None => {
                        let id = counts.len();
                        index.insert(lower.into(), id);
                        counts.push(1);
                        id as u32
                    }
                })
            })
            .collect();
        Vocabulary { ids, index, counts, occurrences: OnceCell::new() }
    }

    /// The number of distinct forms; ids run from 0 to this.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether the document has no words.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Per word, in `Document::words` order: its form's id.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The id of a lowercase form, if some word has it.
    pub fn id_of(&self, lower: &str) -> Option<u32> {
        self.index.get(lower).map(|&id| id as u32)
    }

    /// The id of `word`'s lowercase form, if some word has it.
    pub fn id_of_word(&self, word: &str) -> Option<u32> {
        with_lowercase(word, |lower| self.id_of(lower))
    }

    /// How many words have form `id`.
    pub fn count(&self, id: u32) -> usize {
        self.counts[id as usize] as usize
    }

    /// Every form with its id, in no particular order.
    pub fn forms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.index.iter().map(|(form, &id)| (form.as_ref(), id as u32))
    }

    /// The indexes of the words of form `id`, in text order.
    pub fn occurrences(&self, id: u32) -> &[u32] {
        let (starts, words) = self.occurrences.get_or_init(|| {
            // A counting sort: each form's slots follow the previous form's.
            let mut starts = Vec::with_capacity(self.counts.len() + 1);
            let mut total = 0u32;
            for &count in &self.counts {
                starts.push(total);
                total += count;
            }
            starts.push(total);
            let mut next = starts.clone();
            let mut words = vec![0u32; self.ids.len()];
            for (w, &id) in self.ids.iter().enumerate() {
                words[next[id as usize] as usize] = w as u32;
                next[id as usize] += 1;
            }
            (starts, words)
        });
        &words[starts[id as usize] as usize..starts[id as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    #[test]
    fn one_id_per_lowercase_form_with_counts_and_occurrences() {
        let doc = Document::parse("The tariff. THE Tariff and the ÉTÉ été Été.");
        let v = doc.vocabulary();
        let words: Vec<&str> = doc.words.iter().map(|w| doc.slice(&w.range)).collect();
        assert_eq!(words, ["The", "tariff", "THE", "Tariff", "and", "the", "ÉTÉ", "été", "Été"]);
        assert_eq!(v.ids(), [0, 1, 0, 1, 2, 0, 3, 3, 3]);
        assert_eq!(v.len(), 4);
        assert_eq!(v.id_of("the"), Some(0));
        assert_eq!(v.id_of("The"), None, "id_of takes the lowercase form");
        assert_eq!(v.id_of_word("TARIFF"), Some(1));
        assert_eq!(v.id_of_word("Été"), Some(3));
        assert_eq!(v.id_of_word("absent"), None);
        assert_eq!((v.count(0), v.count(1), v.count(2), v.count(3)), (3, 2, 1, 3));
        assert_eq!(v.occurrences(0), [0, 2, 5]);
        assert_eq!(v.occurrences(1), [1, 3]);
        assert_eq!(v.occurrences(2), [4]);
        assert_eq!(v.occurrences(3), [6, 7, 8]);
        let mut forms: Vec<(&str, u32)> = v.forms().collect();
        forms.sort_by_key(|f| f.1);
        assert_eq!(forms, [("the", 0), ("tariff", 1), ("and", 2), ("été", 3)]);
    }

    #[test]
    fn empty_text_has_no_forms() {
        let doc = Document::parse("");
        assert!(doc.vocabulary().is_empty());
        assert_eq!(doc.body_case("anything").lower, 0);
    }
}
