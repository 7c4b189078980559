//! Evidence for a checklist item: the commitment the item names, as the evidence search
//! (`search::suggest`) reads it. The command line and the checklist both start here.

use crate::search::Index;
use crate::search::suggest::Promise;
use crate::workspace::Item;

/// The commitment `item` names: its document in the index's corpus, its span there, its
/// actors and deadline as the workspace records them, and the figures the index found in
/// that span. `None` when the document is not in the corpus or the item's anchor no longer
/// holds its quote (an orphan, or a workspace not yet synced with the corpus).
pub fn promise_of(index: &Index, item: &Item) -> Option<Promise> {
    let doc = index.corpus().position(&item.doc)?;
    let text = &index.corpus().documents[doc].text;
    let a = &item.anchor;
    if text.get(a.start..a.end) != Some(a.exact.as_str()) {
        return None;
    }
    Some(Promise::at(
        index,
        doc as u32,
        (u32::try_from(a.start).ok()?, u32::try_from(a.end).ok()?),
        item.actors.iter().map(|s| s.to_string()).collect(),
        item.deadline.as_deref(),
    ))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Corpus, Document};
    use crate::workspace::anchor::anchor;
    use crate::workspace::{Item, Origin};

    #[test]
    fn an_item_names_its_commitment_with_the_figures_in_its_span() {
        let text = "London, 20 August 2015\n\nThe port will get €10 million by 2016.\n";
        let index = Index::build(Arc::new(Corpus {
            documents: vec![Document::from_text("a.txt", text)],
            warnings: Vec::new(),
        }));
        let start = text.find("The port").unwrap();
        let end = text.len() - 1;
        let mut item = Item::new("a.txt", Origin::Extracted, anchor(text, start, end));
        item.deadline = Some("2016".into());
        item.actors = vec!["The port".into()];
        let p = promise_of(&index, &item).unwrap();
        assert_eq!((p.doc, p.start as usize, p.end as usize), (0, start, end));
        assert_eq!(p.figures.len(), 1);
        assert_eq!(p.actors, ["The port"]);
        assert!(p.deadline.is_some());
        item.anchor.exact = "The harbour will get €10 million by 2016.".into();
        assert_eq!(promise_of(&index, &item), None, "the quote is not there");
        item.doc = "gone.txt".into();
        assert_eq!(promise_of(&index, &item), None);
    }
}
