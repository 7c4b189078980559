//! `cordiale suggest` end to end, on a small corpus the test writes: a pledge, an earlier
//! note that says the same, a later report that restates the pledge's figure in another
//! form, and later texts that share only common words with it.

use std::fs;
use std::process::Output;

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;
use cli::{cordiale, text};

const DOCUMENTS: [(&str, &str); 5] = [
    (
        "2014-note.txt",
        "Earlier note\n\nCalais, 1 May 2014\n\n\
         The United Kingdom will provide 10 million euros to secure the port of Calais.\n",
    ),
    (
        "2015-declaration.txt",
        "Joint declaration on the Channel\n\nLondon, 20 August 2015\n\n\
         The United Kingdom will provide €10 million over two years to secure the port of \
         Calais and the tunnel entrance by the end of 2016.\n\n\
         Both governments welcome the cooperation of their police forces.\n",
    ),
    (
        "2016-report.txt",
        "Progress report on the Channel\n\nParis, 3 March 2016\n\n\
         The governments will provide support and secure the entrance of the new museum.\n\n\
         Paris confirmed that EUR 10m went on fencing and cameras in Calais.\n\n\
         Fishing quotas for the fleets were set for the season.\n",
    ),
    (
        "2016-newsletter.txt",
        "Newsletter\n\nRome, 4 April 2016\n\n\
         Schools provide meals and secure buildings with a new entrance.\n\n\
         Hospitals provide care and secure wards with a guarded entrance.\n\n\
         Libraries provide books and secure archives near the entrance.\n",
    ),
    (
        "2017-review.txt",
        "Annual review\n\nBerlin, 9 January 2017\n\n\
         The ministers will review the budget of the museum in spring.\n",
    ),
];

/// The corpus in `corpus/` and its workspace beside it; the id of the 2015 pledge and of
/// the 2017 one.
fn project() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for (name, body) in DOCUMENTS {
        fs::write(corpus.join(name), body).unwrap();
    }
    let o = cordiale(
        dir.path(),
        &["init", "corpus", "--workspace", "cordiale.json"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = cordiale(dir.path(), &["checklist", "--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let id_in = |doc: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["doc"] == doc)
            .unwrap_or_else(|| panic!("an item in {doc}: {v}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (pledge, last) = (id_in("2015-declaration.txt"), id_in("2017-review.txt"));
    (dir, pledge, last)
}

fn lines(o: &Output) -> Vec<Value> {
    text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_restated_figure_ranks_first_and_earlier_documents_never_appear() {
    let (dir, pledge, _) = project();
    let o = cordiale(dir.path(), &["suggest", &pledge[..6], "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let found = lines(&o);
    let texts: Vec<&str> = found.iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts[0], "Paris confirmed that EUR 10m went on fencing and cameras in Calais.",
        "{texts:#?}"
    );
    let first = &found[0];
    assert_eq!(first["doc"], "2016-report.txt");
    assert_eq!(first["date"], "2016-03-03");
    assert_eq!(first["timing"], "later");
    assert_eq!(first["reasons"]["figures"], serde_json::json!(["EUR 10m"]));
    assert_eq!(first["reasons"]["terms"], serde_json::json!(["calais"]));
    let body = DOCUMENTS[2].1;
    let (start, end) = (
        first["start"].as_u64().unwrap(),
        first["end"].as_u64().unwrap(),
    );
    assert_eq!(
        &body[start as usize..end as usize],
        texts[0],
        "spans are bytes"
    );
    // Shares `provide`, `secure`, `entrance`: more words, common ones.
    let common = texts
        .iter()
        .position(|t| t.starts_with("The governments will provide"))
        .expect("the passage of common words is suggested");
    assert!(common > 0);
    assert!(
        first["score"].as_f64().unwrap() > found[common]["score"].as_f64().unwrap(),
        "{found:#?}"
    );
    assert!(
        !texts.iter().any(|t| t.starts_with("Fishing")),
        "an unrelated passage shares no word: {texts:#?}"
    );
    for s in &found {
        assert_ne!(s["doc"], "2014-note.txt", "earlier: {s}");
        assert_ne!(s["doc"], "2015-declaration.txt", "its own document: {s}");
        assert!(s["reasons"].is_object() && s["score"].is_number(), "{s}");
    }
    let limited = lines(&cordiale(
        dir.path(),
        &["suggest", &pledge, "--json", "--limit", "1"],
    ));
    assert_eq!(limited.len(), 1);
    assert_eq!(limited[0], found[0]);
}

#[test]
fn the_listing_says_why_each_passage_ranked() {
    let (dir, pledge, _) = project();
    let o = cordiale(dir.path(), &["suggest", &pledge, "--limit", "2"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with(&pledge), "{out}");
    assert!(out.contains("2015-declaration.txt (2015-08-20)"), "{out}");
    assert!(out.contains(" 1. "), "{out}");
    assert!(out.contains("2016-report.txt (2016-03-03)"), "{out}");
    assert!(
        out.contains("Paris confirmed that ⟦EUR 10m⟧ went on fencing and cameras in ⟦Calais⟧."),
        "{out}"
    );
    assert!(
        out.contains("why: words calais; same figure EUR 10m"),
        "{out}"
    );
    assert!(!out.contains(" 3. "), "{out}");
}

#[test]
fn exit_codes_follow_find() {
    let (dir, _, last) = project();
    // The newest document's commitment has no later document.
    let o = cordiale(dir.path(), &["suggest", &last, "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let o = cordiale(dir.path(), &["suggest", "cfffffff"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("no item cfffffff"),
        "{}",
        text(&o.stderr)
    );
    let o = cordiale(dir.path(), &["suggest", "c"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("give more of the id"),
        "{}",
        text(&o.stderr)
    );
}

/// `--cite N` takes suggestion N as evidence for the reviewer's verdict: the passage
/// anchored in its document, dated by that document's date of issue.
#[test]
fn the_first_suggestion_is_cited_as_evidence() {
    let (dir, pledge, _) = project();
    let d = dir.path();
    let o = cordiale(d, &["suggest", &pledge, "--cite", "9", "--reviewer", "ann"]);
    assert_eq!(o.status.code(), Some(2), "no ninth suggestion");
    let o = cordiale(d, &["suggest", &pledge, "--cite", "1", "--reviewer", "ann"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let ws: Value = serde_json::from_slice(&fs::read(d.join("cordiale.json")).unwrap()).unwrap();
    let cited = &ws["items"][&pledge]["reviews"]["ann"]["evidence"][0];
    assert_eq!(cited["doc"], "2016-report.txt", "{cited}");
    assert_eq!(cited["date"], "2016-03-03");
    assert_eq!(
        cited["anchor"]["exact"],
        "Paris confirmed that EUR 10m went on fencing and cameras in Calais."
    );
    assert_eq!(ws["items"][&pledge]["reviews"]["ann"]["verdict"], "pending");
}
