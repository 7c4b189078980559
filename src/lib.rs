//! cordiale: read policy documents, find their figures, dates and commitments, and review
//! those commitments in pairs.
//!
//! Data flows one way: [`corpus`] (load, decode, split) → [`extract`] (figures, dates,
//! commitments) → [`search`] (the finder's index and ranking); review state lives in a
//! [`workspace`] file and [`review`] compares two reviewers. The command line in [`cli`]
//! calls the same functions the workbench will.

// A panic is never an answer to bad input: no unwrap or expect outside tests.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod atomic;
pub mod cache_dir;
pub mod calendar;
pub mod cli;
pub mod corpus;
pub mod extract;
pub mod keymap;
pub mod log;
pub mod review;
pub mod runtime;
pub mod safe_text;
pub mod search;
pub mod seeds;
pub mod stamp;
pub mod term;
pub mod ui;
pub mod width;
pub mod workspace;
