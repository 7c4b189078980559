//! The workspace: all review state of a corpus in one JSON file that teams keep in git.
//!
//! Deterministic bytes, stable ids, anchors that carry their own quote, each reviewer's
//! verdict apart, atomic saves (DESIGN §3).

pub mod anchor;
#[cfg(test)]
mod arb;
pub mod edit;
pub mod id;
pub mod in_place;
pub mod in_step;
pub mod io;
pub mod lock;
pub mod merge;
pub mod model;
pub mod place;
pub mod scale;
pub mod store;
pub mod sync;
mod write;

pub use io::{Encoded, WorkspaceError, encode, from_bytes, load, save, to_bytes};
pub use model::{
    ActorVerdicts, Anchor, Event, Evidence, FileKey, Item, Origin, Reconciled, Review, Reviews,
    SCHEMA, Scale, Short, Verdict, Workspace, now, today,
};
