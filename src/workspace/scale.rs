//! Verdict scales: the verdicts a workspace's reviewers give, each with its key, label,
//! order and score.
//!
//! Trackers rate differently: a promise tracker's seven states, the G7 Research Group's
//! −1/0/+1 compliance, a PolitiFact-style meter. A workspace declares its scale; two
//! verdicts are on every scale because the tool itself needs them: `pending` (not rated
//! yet) and `not-a-commitment` (the extraction was wrong), neither ordered nor scored.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

/// A verdict, by its name in the file and on the command line.
///
/// A name rather than an enum because a workspace may declare its own scale; names are
/// interned with a number each (a workspace holds hundreds of thousands of verdicts, of a
/// handful of names), so a verdict is copied and compared as cheaply as an enum: the
/// checklist compares 50,000 rows' verdicts after every key.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    /// The interned name's number: equal numbers, equal names.
    id: u16,
    name: &'static str,
}

impl PartialEq for Verdict {
    fn eq(&self, other: &Verdict) -> bool {
        self.id == other.id
    }
}

impl Eq for Verdict {}

impl std::hash::Hash for Verdict {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.id.hash(h);
    }
}

/// By name, as a sorted list of names reads (and as files ordered them before verdicts
/// had numbers).
impl Ord for Verdict {
    fn cmp(&self, other: &Verdict) -> std::cmp::Ordering {
        match self.id == other.id {
            true => std::cmp::Ordering::Equal,
            false => self.name.cmp(other.name),
        }
    }
}

impl PartialOrd for Verdict {
    fn partial_cmp(&self, other: &Verdict) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The built-in scales' verdicts, numbered from 0 in this order; names from files are
/// numbered after them.
const BUILT_IN: [Verdict; 12] = [
    Verdict::PENDING,
    Verdict::NOT_A_COMMITMENT,
    Verdict::IN_PROGRESS,
    Verdict::STALLED,
    Verdict::PARTIAL,
    Verdict::KEPT,
    Verdict::BROKEN,
    Verdict::NON_COMPLIANCE,
    Verdict::PARTIAL_COMPLIANCE,
    Verdict::FULL_COMPLIANCE,
    Verdict::IN_THE_WORKS,
    Verdict::COMPROMISE,
];

/// How many distinct verdict names one process takes from files: far more than any scale
/// needs, and a bound on the memory a hostile file can make it keep.
const MAX_NAMES: usize = 4096;

/// The longest verdict name accepted.
pub const MAX_NAME_LEN: usize = 40;

impl Verdict {
    /// Not yet rated (on every scale).
    pub const PENDING: Verdict = Verdict {
        id: 0,
        name: "pending",
    };
    /// The extraction was wrong: this is not a commitment (on every scale).
    pub const NOT_A_COMMITMENT: Verdict = Verdict {
        id: 1,
        name: "not-a-commitment",
    };
    /// The default scale's: work toward it is under way, not finished.
    pub const IN_PROGRESS: Verdict = Verdict {
        id: 2,
        name: "in-progress",
    };
    /// The default scale's: work toward it has stopped or not started.
    pub const STALLED: Verdict = Verdict {
        id: 3,
        name: "stalled",
    };
    /// The default scale's: kept in part.
    pub const PARTIAL: Verdict = Verdict {
        id: 4,
        name: "partial",
    };
    /// The default scale's: done as pledged.
    pub const KEPT: Verdict = Verdict {
        id: 5,
        name: "kept",
    };
    /// The default scale's: not kept.
    pub const BROKEN: Verdict = Verdict {
        id: 6,
        name: "broken",
    };

    /// The G7 scale's −1.
    pub const NON_COMPLIANCE: Verdict = Verdict {
        id: 7,
        name: "non-compliance",
    };
    /// The G7 scale's 0: partial compliance or work in progress.
    pub const PARTIAL_COMPLIANCE: Verdict = Verdict {
        id: 8,
        name: "partial-compliance",
    };
    /// The G7 scale's +1.
    pub const FULL_COMPLIANCE: Verdict = Verdict {
        id: 9,
        name: "full-compliance",
    };
    /// The meter's "in the works".
    pub const IN_THE_WORKS: Verdict = Verdict {
        id: 10,
        name: "in-the-works",
    };
    /// The meter's "compromise".
    pub const COMPROMISE: Verdict = Verdict {
        id: 11,
        name: "compromise",
    };

    /// The name written in the file and typed on the command line.
    pub fn name(self) -> &'static str {
        self.name
    }

    /// The verdict named `name`, if the name is well formed (lowercase ASCII letters, digits
    /// and inner hyphens, at most `MAX_NAME_LEN` bytes). Whether it is on a workspace's
    /// scale is the scale's question (`Scale::get`).
    pub fn from_name(name: &str) -> Option<Verdict> {
        well_formed(name).then(|| intern(name)).flatten()
    }

    /// Whether the verdict rates the commitment (it is neither pending nor a rejection of
    /// the extraction).
    pub fn is_rating(self) -> bool {
        self != Verdict::PENDING && self != Verdict::NOT_A_COMMITMENT
    }
}

/// Not rated yet: what an item's verdict is before anyone gives one.
impl Default for Verdict {
    fn default() -> Verdict {
        Verdict::PENDING
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Whether `name` may name a verdict.
fn well_formed(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_NAME_LEN
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// The one copy of `name` this process keeps; `None` once `MAX_NAMES` names are kept.
/// The built-in names need no lock: the parallel reading of a workspace's items asks for
/// one per review.
fn intern(name: &str) -> Option<Verdict> {
    if let Some(v) = BUILT_IN.iter().find(|v| v.name == name) {
        return Some(*v);
    }
    static NAMES: OnceLock<Mutex<HashMap<&'static str, Verdict>>> = OnceLock::new();
    let names = NAMES.get_or_init(|| Mutex::new(BUILT_IN.iter().map(|v| (v.name, *v)).collect()));
    let mut names = names.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = names.get(name) {
        return Some(*known);
    }
    if names.len() >= MAX_NAMES {
        return None;
    }
    // Leaked on purpose: a verdict's name is a `&'static str`, and the names are bounded
    // above.
    let kept: &'static str = Box::leak(name.to_owned().into_boxed_str());
    let verdict = Verdict {
        id: names.len() as u16,
        name: kept,
    };
    names.insert(kept, verdict);
    Some(verdict)
}

impl Serialize for Verdict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

impl<'de> Deserialize<'de> for Verdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Verdict::from_name(&name).ok_or_else(|| {
            serde::de::Error::custom(match well_formed(&name) {
                true => format!(
                    "more than {MAX_NAMES} distinct verdict names: {name:?} is one too many"
                ),
                false => format!(
                    "{name:?} is not a verdict name (lowercase letters, digits and hyphens, \
                     at most {MAX_NAME_LEN})"
                ),
            })
        })
    }
}

/// One verdict of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The verdict's name.
    pub name: Verdict,
    /// The workbench key that gives it in the checklist (one character).
    pub key: char,
    /// What the reviewer reads (help, detail, exports).
    pub label: String,
    /// Its score in compliance figures: −1 (not complied) to +1 (fully complied), as the
    /// G7 Research Group scores.
    pub score: f64,
}

/// A verdict scale: its rating verdicts, lowest first (the order ordinal agreement uses).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The scale's name: `standard`, `g7`, `meter` for the built-in ones.
    pub name: String,
    /// The rating verdicts, lowest first.
    pub verdicts: Vec<Step>,
}

// Scores come from JSON numbers, never NaN: equality is total.
impl Eq for Step {}
impl Eq for Scale {}

/// The most rating verdicts a scale may have (the workbench binds them to slots 1–9).
pub const MAX_STEPS: usize = 9;

/// Why a declared scale cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    /// No built-in scale has this name.
    #[error("no built-in scale is named {0:?} (there are standard, g7 and meter)")]
    Unknown(String),
    /// The scale is not usable as written.
    #[error("scale {scale:?}: {problem}")]
    Invalid {
        /// The scale's name.
        scale: String,
        /// What is wrong.
        problem: String,
    },
}

impl Default for Scale {
    fn default() -> Scale {
        Scale::standard()
    }
}

fn step(name: Verdict, key: char, label: &str, score: f64) -> Step {
    Step {
        name,
        key,
        label: label.into(),
        score,
    }
}

impl Scale {
    /// The names of the built-in scales, the default first.
    pub const BUILT_IN: [&'static str; 3] = ["standard", "g7", "meter"];

    /// The default: a promise tracker's five ratings (with pending and not-a-commitment).
    /// Scores follow the G7 method: done +1, partly done or under way 0, stopped or not
    /// done −1.
    pub fn standard() -> Scale {
        Scale {
            name: "standard".into(),
            verdicts: vec![
                step(Verdict::BROKEN, 'B', "broken", -1.0),
                step(Verdict::STALLED, 'S', "stalled", -1.0),
                step(Verdict::IN_PROGRESS, 'I', "in progress", 0.0),
                step(Verdict::PARTIAL, 'P', "partial", 0.0),
                step(Verdict::KEPT, 'K', "kept", 1.0),
            ],
        }
    }

    /// The G7 Research Group's compliance scale: −1 no compliance (or action opposite to
    /// the commitment), 0 partial compliance or work in progress, +1 full compliance.
    pub fn g7() -> Scale {
        Scale {
            name: "g7".into(),
            verdicts: vec![
                step(Verdict::NON_COMPLIANCE, 'X', "no compliance (−1)", -1.0),
                step(
                    Verdict::PARTIAL_COMPLIANCE,
                    'P',
                    "partial compliance or work in progress (0)",
                    0.0,
                ),
                step(Verdict::FULL_COMPLIANCE, 'F', "full compliance (+1)", 1.0),
            ],
        }
    }

    /// A PolitiFact-style meter: promise broken, stalled, in the works, compromise, kept.
    pub fn meter() -> Scale {
        Scale {
            name: "meter".into(),
            verdicts: vec![
                step(Verdict::BROKEN, 'B', "promise broken", -1.0),
                step(Verdict::STALLED, 'S', "stalled", -1.0),
                step(Verdict::IN_THE_WORKS, 'W', "in the works", 0.0),
                step(Verdict::COMPROMISE, 'C', "compromise", 0.0),
                step(Verdict::KEPT, 'K', "promise kept", 1.0),
            ],
        }
    }

    /// The built-in scale named `name`.
    pub fn built_in(name: &str) -> Result<Scale, ScaleError> {
        match name {
            "standard" => Ok(Scale::standard()),
            "g7" => Ok(Scale::g7()),
            "meter" => Ok(Scale::meter()),
            _ => Err(ScaleError::Unknown(name.into())),
        }
    }

    /// Whether it is the built-in scale of its name, unchanged (the file then names it
    /// only).
    pub fn is_built_in(&self) -> bool {
        Scale::built_in(&self.name).is_ok_and(|s| s == *self)
    }

    /// Checks a declared scale: one to `MAX_STEPS` verdicts, names and keys unique and not
    /// those of `pending` or `not-a-commitment`, keys printable, scores within −1..+1.
    pub fn validate(&self) -> Result<(), ScaleError> {
        let bad = |problem: String| {
            Err(ScaleError::Invalid {
                scale: self.name.clone(),
                problem,
            })
        };
        if self.name.trim().is_empty() || self.name.chars().any(char::is_control) {
            return bad("a scale needs a printable name".into());
        }
        if self.verdicts.is_empty() || self.verdicts.len() > MAX_STEPS {
            return bad(format!(
                "it has {} verdicts; 1 to {MAX_STEPS} are allowed",
                self.verdicts.len()
            ));
        }
        for (k, s) in self.verdicts.iter().enumerate() {
            if !s.name.is_rating() {
                return bad(format!("{} is on every scale already", s.name));
            }
            if self.verdicts[..k].iter().any(|t| t.name == s.name) {
                return bad(format!("{} appears twice", s.name));
            }
            if s.key.is_control()
                || s.key.is_whitespace()
                || crate::width::of(s.key.encode_utf8(&mut [0; 4])) != 1
            {
                return bad(format!("{}'s key must be a printable character", s.name));
            }
            if self.verdicts[..k].iter().any(|t| t.key == s.key) {
                return bad(format!("key {} is given to two verdicts", s.key));
            }
            if !(-1.0..=1.0).contains(&s.score) {
                return bad(format!("{}'s score {} is outside −1..+1", s.name, s.score));
            }
            if s.label.chars().any(char::is_control) {
                return bad(format!("{}'s label holds a control character", s.name));
            }
        }
        Ok(())
    }

    /// The step of verdict `v`, if it is one of the scale's ratings.
    pub fn step(&self, v: Verdict) -> Option<&Step> {
        self.verdicts.iter().find(|s| s.name == v)
    }

    /// Whether `v` may be given on this scale (its ratings, pending, not-a-commitment).
    pub fn has(&self, v: Verdict) -> bool {
        !v.is_rating() || self.step(v).is_some()
    }

    /// The verdict of this scale named `name`.
    pub fn get(&self, name: &str) -> Option<Verdict> {
        Verdict::from_name(name).filter(|v| self.has(*v))
    }

    /// Every verdict that may be given: pending, the ratings lowest first, then
    /// not-a-commitment.
    pub fn all(&self) -> impl Iterator<Item = Verdict> + '_ {
        std::iter::once(Verdict::PENDING)
            .chain(self.verdicts.iter().map(|s| s.name))
            .chain(std::iter::once(Verdict::NOT_A_COMMITMENT))
    }

    /// The rating categories agreement counts: the ratings lowest first, then
    /// not-a-commitment (pending is no rating).
    pub fn categories(&self) -> impl Iterator<Item = Verdict> + '_ {
        self.all().skip(1)
    }

    /// The position of `v` among `categories`.
    pub fn category(&self, v: Verdict) -> Option<usize> {
        if v == Verdict::NOT_A_COMMITMENT {
            return Some(self.verdicts.len());
        }
        self.verdicts.iter().position(|s| s.name == v)
    }

    /// The score of `v`: its step's, none for pending or not-a-commitment.
    pub fn score(&self, v: Verdict) -> Option<f64> {
        self.step(v).map(|s| s.score)
    }

    /// What a reviewer reads for `v`.
    pub fn label(&self, v: Verdict) -> &str {
        match self.step(v) {
            Some(s) => &s.label,
            None if v == Verdict::PENDING => "pending (not rated)",
            None if v == Verdict::NOT_A_COMMITMENT => "not a commitment",
            None => v.name(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_scales_are_valid_and_named_by_their_name() {
        for name in Scale::BUILT_IN {
            let s = Scale::built_in(name).unwrap();
            assert_eq!(s.name, name);
            s.validate().unwrap();
            assert!(s.is_built_in());
        }
        assert_eq!(Scale::default(), Scale::standard());
        assert!(matches!(
            Scale::built_in("nope"),
            Err(ScaleError::Unknown(_))
        ));
    }

    #[test]
    fn names_are_interned_once_and_checked() {
        let a = Verdict::from_name("done-at-last").unwrap();
        let b = Verdict::from_name("done-at-last").unwrap();
        assert!(std::ptr::eq(a.name(), b.name()));
        assert_eq!(a, b);
        assert_ne!(a, Verdict::KEPT);
        // The built-in names are the built-in verdicts, numbers and all.
        for v in BUILT_IN {
            assert_eq!(Verdict::from_name(v.name()).map(|x| x.id), Some(v.id));
        }
        assert!(Verdict::BROKEN < Verdict::KEPT, "ordered by name");
        assert_eq!(Verdict::from_name("kept"), Some(Verdict::KEPT));
        for bad in [
            "",
            "Kept",
            "-x",
            "x-",
            "a b",
            "é",
            &"x".repeat(MAX_NAME_LEN + 1),
        ] {
            assert_eq!(Verdict::from_name(bad), None, "{bad:?}");
        }
        let json: Result<Verdict, _> = serde_json::from_str("\"\\u001b[31m\"");
        assert!(json.is_err());
    }

    #[test]
    fn a_scale_knows_its_verdicts_order_and_scores() {
        let g7 = Scale::g7();
        let full = g7.get("full-compliance").unwrap();
        assert_eq!(g7.score(full), Some(1.0));
        assert_eq!(g7.get("kept"), None, "not on the g7 scale");
        assert_eq!(g7.get("pending"), Some(Verdict::PENDING));
        assert_eq!(g7.category(Verdict::NOT_A_COMMITMENT), Some(3));
        assert_eq!(g7.categories().count(), 4);
        assert_eq!(g7.all().count(), 5);
    }

    #[test]
    fn declared_scales_are_checked() {
        let mut s = Scale::g7();
        s.name = "mine".into();
        s.validate().unwrap();
        assert!(!s.is_built_in());
        let mut twice = s.clone();
        twice.verdicts[1].key = 'X';
        assert!(twice.validate().is_err());
        let mut reserved = s.clone();
        reserved.verdicts[0].name = Verdict::PENDING;
        assert!(reserved.validate().is_err());
        let mut far = s.clone();
        far.verdicts[0].score = -2.0;
        assert!(far.validate().is_err());
        let mut empty = s;
        empty.verdicts.clear();
        assert!(empty.validate().is_err());
    }
}
