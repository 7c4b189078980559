//! The keymap files: every bundled one resolves and validates against the shipped JSON
//! Schema, and each kind of mistake in a user's file gets its own clear message (one
//! fixture per kind under tests/keymaps/invalid/).

use std::path::{Path, PathBuf};

use cordiale::keymap::{self, Action};
use serde_json::Value;

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
    assert_eq!(found.len(), 4, "{found:#?}");
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
