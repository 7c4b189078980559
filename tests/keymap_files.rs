//! The keymap files: every bundled one resolves and validates against the shipped JSON
//! Schema, and each kind of mistake in a user's file gets its own clear message (one
//! fixture per kind under tests/keymaps/invalid/).

use std::path::{Path, PathBuf};

use cordiale::keymap::{self, Action};
use serde_json::Value;

#[path = "../benches/common/big_keymap.rs"]
mod big_keymap;
use big_keymap::big_keymap;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/keymaps/invalid")
        .join(name)
}

fn problems(name: &str) -> Vec<String> {
    let path = fixture(name);
    let e = keymap::load(Some(path.to_str().unwrap()), None).expect_err(name);
    e.0.iter().map(|p| p.to_string()).collect()
}

#[test]
fn each_mistake_gets_its_message() {
    let cases = [
        ("syntax.json", "syntax.json:3:30: trailing comma"),
        (
            "unknown_key.json",
            "reader: \"pagdown\": unknown key `pagdown` (did you mean `pagedown`?)",
        ),
        (
            "unknown_action.json",
            "reader: \"ctrl-x\": unknown action \"botom\" (did you mean \"bottom\"?)",
        ),
        (
            "unknown_context.json",
            "raeder: unknown context (did you mean \"reader\"?)",
        ),
        ("duplicate_key.json", "reader: \"j\": bound twice"),
        (
            "duplicate_after_normalizing.json",
            "reader: \"shift-g\": the same key as \"G\"",
        ),
        (
            "prefix_conflict.json",
            "reader: \"g\": is the start of \"g g\", which could never be typed",
        ),
        (
            "prefix_conflict_with_global.json",
            "reader: \"x\": is the start of \"x y\" (a global binding)",
        ),
        (
            "printable_in_text_field.json",
            "finder: \"x\": a printable key in a text field could not be typed",
        ),
        (
            "action_in_wrong_context.json",
            "reader: \"enter\": \"open\" does nothing in reader; it belongs in documents",
        ),
        ("cycle_a.json", "`extends` goes round in a circle"),
        ("missing_base.json", "no_such_keymap: cannot read it"),
        ("unknown_field.json", "unknown field `bindngs`"),
        (
            "bad_modifier.json",
            "reader: \"hyper-x\": unknown modifier `hyper`",
        ),
        (
            "ctrl_dash.json",
            "write `-` as `minus` after a modifier (`ctrl-minus`)",
        ),
        (
            "sequence_too_long.json",
            "reader: \"a b c d\": a sequence has at most 3 keys",
        ),
    ];
    for (file, expected) in cases {
        let found = problems(file);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{file}: expected a problem with {expected:?}, got {found:#?}"
        );
        // Every message names the file it is about.
        assert!(
            found
                .iter()
                .all(|p| p.contains(".json") || p.contains("no_such_keymap")),
            "{found:#?}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems("many_problems.json");
    // Four mistakes in its bindings, and no global quit.
    assert_eq!(found.len(), 5, "{found:#?}");
    assert!(
        found[4].contains("no key is bound to \"quit\""),
        "{found:#?}"
    );
}

#[test]
fn bundled_keymaps_validate_against_the_shipped_schema() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps");
    let schema: Value =
        serde_json::from_slice(&std::fs::read(dir.join("keymap.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for (name, text) in keymap::BUNDLED {
        let on_disk = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap();
        assert_eq!(on_disk, text, "the embedded {name} is the file");
        let v: Value = serde_json::from_str(text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // The schema's action names are exactly the actions.
    let mut names: Vec<&str> = schema["$defs"]["action"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut actual: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    names.sort_unstable();
    actual.sort_unstable();
    assert_eq!(names, actual);
}

#[test]
fn a_user_file_applies_on_top_and_null_unbinds() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("keymap.json");
    std::fs::write(
        &user,
        r#"{"bindings": {"reader": {"y": null, "ctrl-y": "copy_sentence"}}}"#,
    )
    .unwrap();
    let k = keymap::load(Some("vim"), Some(&user)).unwrap();
    let seq = |s: &str| keymap::parse_sequence(s).unwrap();
    use keymap::{Context, Lookup};
    assert_eq!(k.lookup(Context::Reader, &seq("y")), Lookup::NotFound);
    assert_eq!(
        k.lookup(Context::Reader, &seq("ctrl-y")),
        Lookup::Action(Action::CopySentence)
    );
    // The vim base is still under it.
    assert_eq!(
        k.lookup(Context::Reader, &seq("g g")),
        Lookup::Action(Action::Top)
    );
}

#[test]
fn a_keymap_without_a_global_quit_is_refused() {
    let found = problems("no_quit.json");
    assert_eq!(
        found,
        [format!(
            "{}: global: no key is bound to \"quit\", so nothing could end the program; \
             bind one, say \"ctrl-c\": \"quit\"",
            fixture("no_quit.json").display()
        )]
    );
}

#[test]
fn quit_is_checked_on_the_resolved_keymap_after_extends_and_null() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, json: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, json).unwrap();
        path
    };
    // Unbinding both of the default's quit keys leaves none: the file that took the last
    // one away is named, with the key.
    let user = write(
        "keymap.json",
        r#"{"bindings": {"global": {"q": null, "ctrl-c": null}}}"#,
    );
    let e = keymap::load(None, Some(&user)).expect_err("no quit left");
    let found: Vec<String> = e.0.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [format!(
            "{}: global: \"ctrl-c\": takes away the last key bound to \"quit\", so nothing \
             could end the program; bind another, say \"ctrl-c\": \"quit\"",
            user.display()
        )]
    );
    // Rebinding the last quit key to something else takes it away too.
    write(
        "base.json",
        r#"{"extends": "default", "bindings": {"global": {"q": null}}}"#,
    );
    let top = write(
        "top.json",
        r#"{"extends": "base.json", "bindings": {"global": {"ctrl-c": "redraw", "ctrl-l": null}}}"#,
    );
    let e = keymap::load(Some(top.to_str().unwrap()), None).expect_err("quit rebound");
    assert!(
        e.0.iter()
            .any(|p| p.file == top.display().to_string() && p.binding.as_deref() == Some("ctrl-c")),
        "{e}"
    );
    // One quit key left anywhere in the chain is enough, and the emacs keymap (whose quit
    // is a sequence) passes.
    let one_left = write(
        "one_left.json",
        r#"{"extends": "default", "bindings": {"global": {"q": null}}}"#,
    );
    let k = keymap::load(Some(one_left.to_str().unwrap()), None).unwrap();
    assert_eq!(
        k.lookup(
            keymap::Context::Reader,
            &keymap::parse_sequence("ctrl-c").unwrap()
        ),
        keymap::Lookup::Action(Action::Quit)
    );
    keymap::load(Some("emacs"), None).unwrap();
}

#[test]
fn a_keymap_that_is_a_fifo_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("keymap.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let (chosen, user) = (fifo.clone(), fifo.clone());
    std::thread::spawn(move || {
        let as_choice = keymap::load(Some(chosen.to_str().unwrap()), None).map(|_| ());
        let as_user = keymap::load(None, Some(&user)).map(|_| ());
        let _ = tx.send((as_choice, as_user));
    });
    let Ok((as_choice, as_user)) = rx.recv_timeout(std::time::Duration::from_secs(60)) else {
        // Let the stuck reader end before failing.
        let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
        let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
        panic!("reading a keymap that is a FIFO did not end");
    };
    for e in [as_choice.unwrap_err(), as_user.unwrap_err()] {
        let text = e.to_string();
        assert!(
            text.contains(&fifo.display().to_string())
                && text.contains("not a regular file")
                && text.contains("FIFO"),
            "{text}"
        );
    }
}

#[test]
fn a_keymap_of_fifty_thousand_bindings_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, big_keymap(50_000)).unwrap();
    let k = keymap::load(Some(path.to_str().unwrap()), None).unwrap();
    assert_eq!(k.all().len(), 50_000);
    assert_eq!(
        k.lookup(
            keymap::Context::Reader,
            &keymap::parse_sequence("ctrl-alt-a 5 f12").unwrap()
        ),
        keymap::Lookup::Action(Action::Down)
    );
    // A conflict hidden among them is still found, once for each longer binding.
    let conflicting = big_keymap(50_000).replacen(
        "\"alt-q a a\": \"down\"",
        "\"alt-q a\": \"down\", \"alt-q a a\": \"down\"",
        1,
    );
    std::fs::write(&path, conflicting).unwrap();
    let e = keymap::load(Some(path.to_str().unwrap()), None).unwrap_err();
    let found: Vec<String> = e.0.iter().map(|p| p.to_string()).collect();
    assert_eq!(found.len(), 38, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|p| p.contains("reader: \"alt-q a\": is the start of \"alt-q a ")),
        "{found:#?}"
    );
}
