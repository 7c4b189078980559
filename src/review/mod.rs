//! Pair review: how two reviewers' verdicts compare, item by item and over a corpus
//! (DESIGN §4), and how far the commitments were complied with.

pub mod agreement;
pub mod compliance;
pub mod evidence;
pub mod export;
pub mod reliability;
pub mod window;

pub use agreement::{
    Agreement, ItemAgreement, agreement, item_agreement, pair, rated_agreement, rated_figures,
};
pub use window::AsOf;

/// The active reviewer: `given` (`--reviewer`), else `CORDIALE_REVIEWER`, else
/// `git config user.name`.
pub fn active_reviewer(given: Option<&str>) -> Option<String> {
    if let Some(r) = given.filter(|r| !r.trim().is_empty()) {
        return Some(r.trim().to_string());
    }
    if let Ok(r) = std::env::var("CORDIALE_REVIEWER")
        && !r.trim().is_empty()
    {
        return Some(r.trim().to_string());
    }
    std::process::Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|n| !n.is_empty())
}
