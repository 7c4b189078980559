//! The workbench's engine, without a terminal: state, messages in, effects out, and the
//! layout both `update` and the drawing use. Tests drive it with keys parsed by the real
//! keymap parser.

pub mod checklist;
pub mod display;
pub mod draft;
pub mod finder;
pub mod help;
pub mod history;
pub mod layout;
pub mod marks;
pub mod memory;
pub mod msg;
pub mod review;
pub mod state;
pub mod timeline;
pub mod undo;
pub mod update;
pub mod wrap;

pub use msg::{Effect, Msg};
pub use state::State;
pub use update::update;
