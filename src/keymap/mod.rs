//! Keymaps: JSON files that bind keys to named actions per context, with `extends` and
//! `null` to unbind. Loading checks everything and reports every problem at once, each
//! naming the file, context and binding with a suggestion, before the terminal is touched.
//! The help overlay is generated from the resolved keymap, so it is never out of date.

pub mod action;
mod file;
pub mod key;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use action::{Action, Context};
pub use key::{Key, display_sequence, parse_sequence};

use file::KeymapFile;

/// The keymaps shipped in `keymaps/`, embedded so the binary needs no files.
pub const BUNDLED: [(&str, &str); 3] = [
    ("default", include_str!("../../keymaps/default.json")),
    ("vim", include_str!("../../keymaps/vim.json")),
    ("emacs", include_str!("../../keymaps/emacs.json")),
];

/// One thing wrong in a keymap file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (a bundled keymap by its name, `default.json`).
    pub file: String,
    /// The context the problem is in, when it is in one.
    pub context: Option<String>,
    /// The key sequence at fault, as the file writes it.
    pub binding: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(c) = &self.context {
            write!(f, ": {c}")?;
        }
        if let Some(b) = &self.binding {
            write!(f, ": \"{b}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found while loading a keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapErrors(pub Vec<Problem>);

impl fmt::Display for KeymapErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "{n} problem{} in the keymap:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.0 {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for KeymapErrors {}

/// A bound action and the file that bound it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bound {
    action: Action,
    file: String,
}

/// A resolved keymap: for each context, key sequences to actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The files it was made of, base first (for the help overlay's title).
    pub sources: Vec<String>,
    bindings: BTreeMap<Context, BTreeMap<Vec<Key>, Bound>>,
    /// Keys many terminals cannot tell from another key (`ctrl-i` is `tab`).
    pub warnings: Vec<String>,
    /// The verdict scale whose keys are bound (`bind_scale`), to bind again only when a
    /// merge brings another.
    scale: Option<crate::workspace::Scale>,
}

/// What a key sequence does in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// The action bound to the sequence.
    Action(Action),
    /// The start of a longer binding: wait for the next key.
    Pending,
    /// Nothing: in a text field a printable key is typed.
    NotFound,
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Where a keymap comes from: a bundled name or a file.
fn read_source(
    name: &str,
    relative_to: Option<&Path>,
) -> Result<(String, String, Option<PathBuf>), Problem> {
    if let Some((_, text)) = BUNDLED.iter().find(|(n, _)| *n == name) {
        return Ok((format!("{name}.json"), text.to_string(), None));
    }
    let path = match relative_to {
        Some(dir) if Path::new(name).is_relative() => dir.join(name),
        _ => PathBuf::from(name),
    };
    let shown = path.display().to_string();
    // A FIFO would block the read until a writer came: known from metadata, never opened.
    if let Ok(Some(kind)) = crate::corpus::special_file(&path) {
        return Err(Problem {
            file: shown,
            context: None,
            binding: None,
            message: format!("cannot read it: a {kind}, not a regular file"),
        });
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((shown, text, Some(path))),
        Err(e) => {
            let bundled: Vec<&str> = BUNDLED.iter().map(|(n, _)| *n).collect();
            Err(Problem {
                file: shown,
                context: None,
                binding: None,
                message: format!(
                    "cannot read it ({e}); a keymap is a file or one of: {}",
                    bundled.join(", ")
                ),
            })
        }
    }
}

/// Reads one file of a chain, its bases first, into `layers` (base first).
fn read_chain(
    name: &str,
    relative_to: Option<&Path>,
    seen: &mut Vec<String>,
    layers: &mut Vec<(String, KeymapFile)>,
    problems: &mut Vec<Problem>,
) {
    let (shown, text, path) = match read_source(name, relative_to) {
        Ok(source) => source,
        Err(p) => return problems.push(p),
    };
    if seen.contains(&shown) {
        seen.push(shown.clone());
        return problems.push(Problem {
            file: shown,
            context: None,
            binding: None,
            message: format!("`extends` goes round in a circle: {}", seen.join(" → ")),
        });
    }
    seen.push(shown.clone());
    let file: KeymapFile = match serde_json::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            return problems.push(Problem {
                file: format!("{shown}:{}:{}", e.line(), e.column()),
                context: None,
                binding: None,
                message: e.to_string(),
            });
        }
    };
    if let Some(base) = &file.extends {
        let dir = path.as_deref().and_then(Path::parent);
        read_chain(base, dir, seen, layers, problems);
    }
    layers.push((shown, file));
}

/// Loads keymap `choice` (a bundled name or a file; `default` when `None`), then the user's
/// file on top when there is one (it extends `choice` unless it names its own base).
pub fn load(choice: Option<&str>, user: Option<&Path>) -> Result<Keymap, KeymapErrors> {
    let mut problems = Vec::new();
    let mut layers = Vec::new();
    read_chain(
        choice.unwrap_or("default"),
        None,
        &mut Vec::new(),
        &mut layers,
        &mut problems,
    );
    if let Some(user) = user.filter(|p| p.exists()) {
        let mut user_layers = Vec::new();
        let name = user.display().to_string();
        read_chain(
            &name,
            None,
            &mut Vec::new(),
            &mut user_layers,
            &mut problems,
        );
        // Its own `extends` replaces the chosen base.
        if user_layers.len() > 1 {
            layers.clear();
        }
        layers.extend(user_layers);
    }
    // A file that could not be read leaves its bindings unknown: whether quit is bound
    // cannot be told then.
    let all_read = problems.is_empty();
    let mut keymap = Keymap {
        sources: layers.iter().map(|(n, _)| n.clone()).collect(),
        bindings: BTreeMap::new(),
        warnings: Vec::new(),
        scale: None,
    };
    let mut quit_lost = None;
    for (file, layer) in &layers {
        apply(&mut keymap, file, layer, &mut problems, &mut quit_lost);
    }
    check_prefixes(&keymap, &mut problems);
    if all_read && let Some(top) = layers.last().map(|(file, _)| file) {
        check_quit(&keymap, top, quit_lost, &mut problems);
    }
    if problems.is_empty() {
        Ok(keymap)
    } else {
        Err(KeymapErrors(problems))
    }
}

/// The binding (file, key as written) that last took a global `quit` away, by `null` or by
/// binding its key to another action.
type QuitLost = Option<(String, String)>;

/// Checks one file's bindings and applies them over what its bases bound.
fn apply(
    keymap: &mut Keymap,
    file: &str,
    layer: &KeymapFile,
    problems: &mut Vec<Problem>,
    quit_lost: &mut QuitLost,
) {
    let problem = |context: &str, binding: &str, message: String| Problem {
        file: file.to_string(),
        context: Some(context.to_string()),
        binding: Some(binding.to_string()).filter(|b| !b.is_empty()),
        message,
    };
    let mut contexts_seen = Vec::new();
    for (context_name, bindings) in &layer.bindings.0 {
        let Some(context) = Context::from_name(context_name) else {
            let names = Context::ALL.iter().map(|c| c.name());
            let hint = nearest(context_name, names)
                .map_or(String::new(), |n| format!(" (did you mean \"{n}\"?)"));
            let all: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
            problems.push(problem(
                context_name,
                "",
                format!("unknown context{hint}; contexts are {}", all.join(", ")),
            ));
            continue;
        };
        if contexts_seen.contains(&context) {
            problems.push(problem(context_name, "", "context given twice".into()));
        }
        contexts_seen.push(context);
        // The keys bound so far in this context, as first written (a map: a list searched
        // for each binding made the check quadratic in the file's size).
        let mut keys_seen: BTreeMap<Vec<Key>, &str> = BTreeMap::new();
        for (key_text, value) in &bindings.0 {
            let keys = match parse_sequence(key_text) {
                Ok(k) => k,
                Err(e) => {
                    problems.push(problem(context_name, key_text, e.to_string()));
                    continue;
                }
            };
            if let Some(first) = keys_seen.get(&keys) {
                let message = if first == key_text {
                    "bound twice".to_string()
                } else {
                    format!("the same key as \"{first}\"")
                };
                problems.push(problem(context_name, key_text, message));
                continue;
            }
            keys_seen.insert(keys.clone(), key_text);
            if context.is_text_input() && keys[0].is_printable() {
                problems.push(problem(
                    context_name,
                    key_text,
                    format!(
                        "a printable key in a text field could not be typed; use a key with \
                         ctrl or alt (say \"ctrl-{}\")",
                        key_text
                    ),
                ));
                continue;
            }
            for k in &keys {
                let tricky = [
                    ("ctrl-i", "tab"),
                    ("ctrl-m", "enter"),
                    ("ctrl-h", "backspace"),
                    ("ctrl-[", "esc"),
                ];
                if let Some((_, same)) = tricky.iter().find(|(t, _)| *t == k.to_string()) {
                    keymap.warnings.push(format!(
                        "{file}: {context_name}: \"{key_text}\": many terminals send {k} as {same}"
                    ));
                }
            }
            let map = keymap.bindings.entry(context).or_default();
            let takes_quit = |action: Option<Action>| {
                context == Context::Global
                    && action != Some(Action::Quit)
                    && map.get(&keys).is_some_and(|b| b.action == Action::Quit)
            };
            let Some(name) = value else {
                if takes_quit(None) {
                    *quit_lost = Some((file.to_string(), key_text.clone()));
                }
                map.remove(&keys);
                continue;
            };
            let Some(action) = Action::from_name(name) else {
                let names = Action::ALL.iter().map(|a| a.name());
                let hint = nearest(name, names)
                    .map_or(String::new(), |n| format!(" (did you mean \"{n}\"?)"));
                problems.push(problem(
                    context_name,
                    key_text,
                    format!("unknown action \"{name}\"{hint}"),
                ));
                continue;
            };
            if !action.contexts().contains(&context) {
                let allowed: Vec<&str> = action.contexts().iter().map(|c| c.name()).collect();
                problems.push(problem(
                    context_name,
                    key_text,
                    format!(
                        "\"{name}\" does nothing in {context_name}; it belongs in {}",
                        allowed.join(", ")
                    ),
                ));
                continue;
            }
            if takes_quit(Some(action)) {
                *quit_lost = Some((file.to_string(), key_text.clone()));
            }
            map.insert(
                keys,
                Bound {
                    action,
                    file: file.to_string(),
                },
            );
        }
    }
}

/// A binding that is the start of another (`g` and `g g`) would make the longer one
/// unreachable: checked in each context together with the global bindings it falls back to.
///
/// The bindings of a context are sorted, so the ones that a sequence starts sit right after
/// it: each binding costs a lookup and a step per conflict it has, never a pass over all
/// the others.
fn check_prefixes(keymap: &Keymap, problems: &mut Vec<Problem>) {
    let empty = BTreeMap::new();
    let global = keymap.bindings.get(&Context::Global).unwrap_or(&empty);
    for context in Context::ALL {
        let own = keymap.bindings.get(&context).unwrap_or(&empty);
        let mut all: Vec<(&Vec<Key>, &Bound, Context)> =
            own.iter().map(|(k, b)| (k, b, context)).collect();
        if context != Context::Global {
            all.extend(
                global
                    .iter()
                    .filter(|(k, _)| !own.contains_key(*k))
                    .filter(|(k, _)| !(context.is_text_input() && k[0].is_printable()))
                    .map(|(k, b)| (k, b, Context::Global)),
            );
        }
        for (short, bound, in_context) in &all {
            // Each pair is reported once, in the context that holds the longer binding: the
            // longer ones are this context's own.
            let longer = own
                .range::<Vec<Key>, _>((*short).clone()..)
                .map(|(long, _)| long)
                .take_while(|long| long.starts_with(short))
                .filter(|long| long.len() > short.len());
            for long in longer {
                problems.push(Problem {
                    file: bound.file.clone(),
                    context: Some(context.name().into()),
                    binding: Some(display_sequence(short)),
                    message: format!(
                        "is the start of \"{}\"{}, which could never be typed",
                        display_sequence(long),
                        if *in_context == Context::Global && context != Context::Global {
                            " (a global binding)"
                        } else {
                            ""
                        }
                    ),
                });
            }
        }
    }
}

/// A keymap with no `quit` in the global context would leave nothing to end the program.
/// Checked on the resolved keymap, so `extends` and `null` count: the problem names the
/// binding that took the last quit away, else the top file.
fn check_quit(keymap: &Keymap, top: &str, quit_lost: QuitLost, problems: &mut Vec<Problem>) {
    let bound = keymap
        .bindings
        .get(&Context::Global)
        .is_some_and(|map| map.values().any(|b| b.action == Action::Quit));
    if bound {
        return;
    }
    let global = Some(Context::Global.name().to_string());
    problems.push(match quit_lost {
        Some((file, binding)) => Problem {
            file,
            context: global,
            binding: Some(binding),
            message: "takes away the last key bound to \"quit\", so nothing could end the \
                      program; bind another, say \"ctrl-c\": \"quit\""
                .into(),
        },
        None => Problem {
            file: top.to_string(),
            context: global,
            binding: None,
            message: "no key is bound to \"quit\", so nothing could end the program; bind \
                      one, say \"ctrl-c\": \"quit\""
                .into(),
        },
    });
}

impl Keymap {
    /// What `keys` do in `context`: its own bindings first, then the global ones (except
    /// printable keys in a text field, which are typed).
    pub fn lookup(&self, context: Context, keys: &[Key]) -> Lookup {
        let empty = BTreeMap::new();
        let find = |ctx: Context| {
            let map = self.bindings.get(&ctx).unwrap_or(&empty);
            if let Some(b) = map.get(keys) {
                return Lookup::Action(b.action);
            }
            let longer = map
                .range(keys.to_vec()..)
                .next()
                .is_some_and(|(k, _)| k.len() > keys.len() && k.starts_with(keys));
            if longer {
                Lookup::Pending
            } else {
                Lookup::NotFound
            }
        };
        match find(context) {
            Lookup::NotFound if context != Context::Global => {
                if context.is_text_input() && keys.first().is_some_and(Key::is_printable) {
                    Lookup::NotFound
                } else {
                    find(Context::Global)
                }
            }
            found => found,
        }
    }

    /// The keys bound to each action of a context (its own, then the global ones it
    /// inherits), for the help overlay: `(keys, action)`, keys joined by ", ".
    pub fn help(&self, context: Context) -> Vec<(String, Action)> {
        let mut by_action: BTreeMap<Action, Vec<String>> = BTreeMap::new();
        if let Some(map) = self.bindings.get(&context) {
            for (keys, b) in map {
                by_action
                    .entry(b.action)
                    .or_default()
                    .push(display_sequence(keys));
            }
        }
        let mut rows: Vec<(String, Action)> = by_action
            .into_iter()
            .map(|(a, k)| (k.join(", "), a))
            .collect();
        rows.sort_by_key(|(_, a)| Action::ALL.iter().position(|x| x == a));
        rows
    }

    /// The keys bound to `action` in `context`, as the help overlay shows them (joined by
    /// ", "), for the prompts, titles and legends that name a key: never out of date.
    pub fn keys_for(&self, context: Context, action: Action) -> Option<String> {
        self.help(context)
            .into_iter()
            .find(|(_, a)| *a == action)
            .map(|(keys, _)| keys)
    }

    /// The bindings of `context` (else the global ones) that go on from `keys`: the keys
    /// still to press and the action, for the prompt a sequence's first keys show.
    pub fn continuations(&self, context: Context, keys: &[Key]) -> Vec<(String, Action)> {
        let after = |ctx: Context| -> Vec<(String, Action)> {
            self.bindings.get(&ctx).map_or_else(Vec::new, |map| {
                map.iter()
                    .filter(|(k, _)| k.len() > keys.len() && k.starts_with(keys))
                    .map(|(k, b)| (display_sequence(&k[keys.len()..]), b.action))
                    .collect()
            })
        };
        match after(context) {
            found if found.is_empty() => after(Context::Global),
            found => found,
        }
    }

    /// Binds each verdict of `scale` to its key in the checklist, as slot `verdict_N`,
    /// replacing the bindings an earlier scale made. A slot a keymap file binds keeps the
    /// file's keys, and a key a file binds in the checklist keeps its action: the scale's
    /// key is then left out, with a warning.
    pub fn bind_scale(&mut self, scale: &crate::workspace::Scale) {
        const FROM_SCALE: &str = "(the scale)";
        if self.scale.as_ref() == Some(scale) {
            return;
        }
        self.scale = Some(scale.clone());
        let map = self.bindings.entry(Context::Checklist).or_default();
        map.retain(|_, b| b.file != FROM_SCALE);
        self.warnings.retain(|w| !w.starts_with("the scale "));
        for (step, slot) in scale.verdicts.iter().zip(action::VERDICT_SLOTS) {
            let keys = vec![Key::plain(key::Base::Char(step.key))];
            let slot_bound = map.values().any(|b| b.action == slot);
            if slot_bound {
                continue;
            }
            if let Some(taken) = map.get(&keys) {
                self.warnings.push(format!(
                    "the scale {}: key {} of {} is bound to {} by {}; use {} in a keymap file",
                    crate::safe_text::sanitize(&scale.name),
                    crate::safe_text::sanitize(&display_sequence(&keys)),
                    step.name,
                    taken.action,
                    taken.file,
                    slot,
                ));
                continue;
            }
            map.insert(
                keys,
                Bound {
                    action: slot,
                    file: FROM_SCALE.into(),
                },
            );
        }
    }

    /// Every (context, keys, action) bound, for tests that walk all bindings.
    pub fn all(&self) -> Vec<(Context, Vec<Key>, Action)> {
        self.bindings
            .iter()
            .flat_map(|(c, map)| map.iter().map(move |(k, b)| (*c, k.clone(), b.action)))
            .collect()
    }
}

/// The user's own keymap file, applied on top: `keymap.json` in the platform config folder
/// (`~/.config/cordiale/` on Linux).
pub fn user_file() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("cordiale").join("keymap.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<Key> {
        parse_sequence(s).unwrap()
    }

    /// A scale's keys are bound as its verdict slots, replaced by another scale's, and a
    /// key the keymap gives to something else keeps it, with a warning.
    #[test]
    fn a_scales_keys_bind_its_slots_and_yield_to_the_keymap() {
        use crate::workspace::Scale;
        let mut k = load(None, None).unwrap();
        let at = |k: &Keymap, key: &str| k.lookup(Context::Checklist, &keys(key));
        k.bind_scale(&Scale::standard());
        assert_eq!(at(&k, "K"), Lookup::Action(Action::Verdict5));
        assert_eq!(at(&k, "B"), Lookup::Action(Action::Verdict1));
        k.bind_scale(&Scale::g7());
        assert_eq!(at(&k, "F"), Lookup::Action(Action::Verdict3));
        assert_eq!(at(&k, "X"), Lookup::Action(Action::Verdict1));
        assert_ne!(
            at(&k, "K"),
            Lookup::Action(Action::Verdict5),
            "the old scale's key"
        );
        let mut odd = Scale::g7();
        odd.name = "odd".into();
        odd.verdicts[0].key = 'a';
        k.bind_scale(&odd);
        assert_eq!(at(&k, "a"), Lookup::Action(Action::ShowAll), "the keymap's");
        assert!(
            k.warnings
                .iter()
                .any(|w| w.contains("key a") && w.contains("verdict_1"))
        );
        k.bind_scale(&Scale::g7());
        assert!(k.warnings.is_empty(), "{:?}", k.warnings);
    }

    #[test]
    fn every_bundled_keymap_resolves_cleanly() {
        for (name, _) in BUNDLED {
            let k = load(Some(name), None).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(k.warnings.is_empty(), "{name}: {:?}", k.warnings);
            assert_eq!(
                k.lookup(Context::Reader, &keys("ctrl-c")),
                Lookup::Action(Action::Quit)
            );
        }
    }

    #[test]
    fn sequences_wait_and_text_fields_type() {
        let vim = load(Some("vim"), None).unwrap();
        assert_eq!(vim.lookup(Context::Reader, &keys("g")), Lookup::Pending);
        assert_eq!(
            vim.lookup(Context::Reader, &keys("g g")),
            Lookup::Action(Action::Top)
        );
        assert_eq!(vim.lookup(Context::Reader, &keys("g x")), Lookup::NotFound);
        // `q` quits from a pane, but is a letter in the finder.
        let default = load(None, None).unwrap();
        assert_eq!(
            default.lookup(Context::Reader, &keys("q")),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(
            default.lookup(Context::Finder, &keys("q")),
            Lookup::NotFound
        );
        assert_eq!(
            default.lookup(Context::Finder, &keys("ctrl-c")),
            Lookup::Action(Action::Quit)
        );
    }

    #[test]
    fn nearest_names_are_suggested() {
        assert_eq!(
            nearest("scrol_top", ["top", "scroll_top"]),
            Some("scroll_top")
        );
        assert_eq!(nearest("xyz", ["top", "bottom"]), None);
    }
}
