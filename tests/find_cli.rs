//! `cordiale find` end to end: output shapes, the index cache, bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `cordiale` in the project folder with its index cache in `cache` (or off).
fn cordiale(args: &[&str], cache: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cordiale"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env(
            "CORDIALE_CACHE_DIR",
            cache.map_or("".into(), |c| c.to_path_buf()),
        )
        .env_remove("NO_COLOR")
        .env("XDG_DATA_HOME", data_home());
    cmd.output().expect("binary runs")
}

/// Where the bundled seeds are unpacked for this test binary: never the user's folder.
fn data_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn with_no_path_it_searches_the_bundled_seeds() {
    let o = cordiale(&["find", "10m"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = stdout(&o).lines().next().unwrap().to_string();
    assert!(first.starts_with("figure"), "{first}");
    assert!(first.contains("003_43befd11b848805d.txt:27:"), "{first}");
    // Not a terminal: the match is marked with brackets, not escape sequences.
    assert!(first.contains("⟦€10 million⟧"), "{first}");
    assert!(!first.contains('\u{1b}'));
}

#[test]
fn json_hits_carry_kind_doc_span_text_score_value_and_matches() {
    let o = cordiale(&["find", "--json", "--limit", "3", "€10m"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty() && lines.len() <= 3);
    let top = &lines[0];
    for key in [
        "kind", "doc", "start", "end", "line", "column", "text", "match", "score", "value",
        "matches",
    ] {
        assert!(top.get(key).is_some(), "{key} missing from {top}");
    }
    assert_eq!(top["kind"], "figure");
    assert_eq!(top["text"], "€10 million");
    assert_eq!(top["match"], "value");
    assert_eq!(top["value"]["amount"], 10_000_000);
    assert_eq!(top["value"]["currency"], "EUR");
    let doc = top["doc"].as_str().unwrap();
    let bytes = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(doc),
    )
    .unwrap();
    let (s, e) = (
        top["start"].as_u64().unwrap() as usize,
        top["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], "€10 million".as_bytes());
    let m = &top["matches"][0];
    assert_eq!(
        (
            m[0].as_u64().unwrap() as usize,
            m[1].as_u64().unwrap() as usize
        ),
        (s, e)
    );
}

#[test]
fn kind_and_limit_narrow_the_list() {
    let o = cordiale(
        &[
            "find", "--kind", "date", "--limit", "2", "--json", "aug 2015",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["kind"] == "date"));
    let o = cordiale(&["find", "--limit", "0", "!"], None);
    let n = stdout(&o).lines().count();
    let o = cordiale(&["find", "--limit", "5", "!"], None);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 6, "five hits and the count line");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .contains(&format!("5 of {n} hits"))
    );
}

#[test]
fn control_characters_in_snippets_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("evil.txt");
    fs::write(
        &doc,
        "Brussels, 3 May 2016\n\nThe Council will pay \u{1b}]0;pwned\u{7}€10 million\u{1b}[2J by June.\n",
    )
    .unwrap();
    let o = cordiale(&["find", "10m", doc.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("\\u{1b}"), "{out}");
}

#[test]
fn the_index_cache_is_written_reused_and_optional() {
    let cache = tempfile::tempdir().unwrap();
    let first = cordiale(&["find", "--json", "calais"], Some(cache.path()));
    assert!(first.status.success(), "{}", stderr(&first));
    // The per-document cache, and the mapped index a warm `find` reads in place.
    // (Beside them, `pruned` says when the folder was last pruned.)
    let mut files: Vec<_> = fs::read_dir(cache.path())
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|f| !f.ends_with("pruned"))
        .collect();
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("index-") && names[1].starts_with("mapped-"));
    let second = cordiale(&["find", "--json", "calais"], Some(cache.path()));
    assert_eq!(stdout(&first), stdout(&second));
    // A garbled cache is ignored and replaced: the mapped index alone, then both.
    for garbled in [&files[1..], &files[..]] {
        for file in garbled {
            fs::write(file, b"not an index").unwrap();
        }
        let again = cordiale(&["find", "--json", "calais"], Some(cache.path()));
        assert_eq!(stdout(&first), stdout(&again));
        for file in garbled {
            assert_ne!(fs::read(file).unwrap(), b"not an index");
        }
    }
    // --no-cache neither reads nor writes.
    let other = tempfile::tempdir().unwrap();
    let o = cordiale(&["find", "--no-cache", "calais"], Some(other.path()));
    assert!(o.status.success());
    assert_eq!(fs::read_dir(other.path()).unwrap().count(), 0);
}

#[test]
fn bad_input_is_reported_plainly() {
    let o = cordiale(&["find", "10m", "no/such/folder"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/folder"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    // Nothing found is exit 1 with nothing printed on either stream, as grep does; a
    // query of any shape is only a query.
    let long = "x".repeat(10_000);
    for (query, path) in [
        ("10m", Some(empty.to_str().unwrap())),
        (long.as_str(), None),
        ("(a+b)*[c]", None),
    ] {
        let args: Vec<&str> = ["find", query].into_iter().chain(path).collect();
        let o = cordiale(&args, None);
        assert_eq!(o.status.code(), Some(1), "{query:.20}: {}", stderr(&o));
        assert_eq!((stdout(&o).as_str(), stderr(&o).as_str()), ("", ""));
    }
    let o = cordiale(&["find", "calais"], None);
    assert_eq!(o.status.code(), Some(0), "found: exit 0");
}

/// `@2016` lists only dates whose own value lies within 2016: no date of 2015 or 2017
/// matched through the year named elsewhere in its sentence.
#[test]
fn a_date_prefix_lists_only_dates_within_the_period() {
    let o = cordiale(&["find", "--json", "--limit", "0", "@2016"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 3, "{lines:?}");
    for l in &lines {
        assert_eq!(l["kind"], "date", "{l}");
        assert_eq!(l["match"], "value", "{l}");
        let date = l["value"]["date"].as_str().unwrap_or_default();
        assert!(date.starts_with("2016"), "{l}");
    }
}

/// `--color` wins over the environment; with `auto`, NO_COLOR wins over CLICOLOR_FORCE,
/// which colours a pipe; a pipe is otherwise plain.
#[test]
fn colour_follows_the_option_then_the_environment() {
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cordiale"));
        cmd.args(["find", "calais"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CORDIALE_CACHE_DIR", "")
            .env("XDG_DATA_HOME", data_home())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let o = cmd.output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout.contains(&0x1b)
    };
    assert!(!coloured(&[], &[]), "a pipe is plain");
    assert!(coloured(&["--color", "always"], &[]));
    assert!(
        coloured(&["--color", "always"], &[("NO_COLOR", "1")]),
        "the option wins"
    );
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!coloured(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(
        coloured(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]),
        "empty is unset"
    );
}

/// `--cache-dir` (also `CORDIALE_CACHE_DIR`) names where the caches go; the option wins.
#[test]
fn the_cache_folder_is_an_option_too() {
    let chosen = tempfile::tempdir().unwrap();
    let by_env = tempfile::tempdir().unwrap();
    let dir = chosen.path().to_str().unwrap();
    let o = cordiale(&["find", "calais", "--cache-dir", dir], Some(by_env.path()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::read_dir(chosen.path()).unwrap().count() >= 2);
    assert_eq!(fs::read_dir(by_env.path()).unwrap().count(), 0);
    let help = stdout(&cordiale(&["find", "--help"], None));
    assert!(help.contains("CORDIALE_CACHE_DIR"), "{help}");
    let help = stdout(&cordiale(&["verdict", "--help"], None));
    assert!(help.contains("env: CORDIALE_REVIEWER"), "{help}");
}
