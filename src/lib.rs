//! cordiale: read policy documents, find their figures, dates and commitments, and review
//! those commitments in pairs.
//!
//! Data flows one way: [`corpus`] (load, decode, split) → [`extract`] (figures, dates,
//! commitments). The command line in [`cli`] calls the same functions the workbench will.

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod safe_text;
pub mod search;
pub mod workspace;
