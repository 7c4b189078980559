//! Pair review: how two reviewers' verdicts compare, item by item and over a corpus
//! (DESIGN §4).

pub mod agreement;

pub use agreement::{Agreement, ItemAgreement, agreement, item_agreement, pair};
