//! Pair review: how two reviewers' verdicts compare, item by item and over a corpus
//! (DESIGN §4), and how far the commitments were complied with.

pub mod agreement;
pub mod compliance;
pub mod evidence;
pub mod export;
pub mod reliability;
pub mod window;

pub use agreement::{
    Agreement, ItemAgreement, actors_in_dispute, agreement, is_disagreement, item_agreement, pair,
    rated_agreement, rated_figures,
};
pub use window::AsOf;

/// The active reviewer: `given` (`--reviewer`), else `CORDIALE_REVIEWER`, else
/// `git config user.name`.
pub fn active_reviewer(given: Option<&str>) -> Option<String> {
    if let Some(r) = given.and_then(reviewer_name) {
        return Some(r.to_string());
    }
    if let Ok(r) = std::env::var("CORDIALE_REVIEWER")
        && let Some(r) = reviewer_name(&r)
    {
        return Some(r.to_string());
    }
    std::process::Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| reviewer_name(&String::from_utf8_lossy(&o.stdout)).map(str::to_string))
}

/// A reviewer's name as given (`--reviewer`, `CORDIALE_REVIEWER`, `git config user.name`,
/// or typed in the workbench): without the spaces around it, and `None` when nothing is
/// left.
pub fn reviewer_name(given: &str) -> Option<&str> {
    Some(given.trim()).filter(|n| !n.is_empty())
}
