//! PDF, web pages and Word files end to end, through the binary (so every conversion runs in
//! its isolated child process): the same declaration in five formats yields the same items,
//! PDF items know their pages, spans index the text `cordiale text` prints, metadata gives
//! titles and dates, and every kind of bad file is skipped with its own warning while the
//! rest of the folder loads. Fixtures: tests/fixtures/formats (generated from our own text,
//! see gen/README.md).

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn cordiale(args: &[&str]) -> Output {
    cordiale_with(args, &[])
}

/// The binary with no cache (each run converts) and extra environment.
fn cordiale_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cordiale"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CORDIALE_CACHE_DIR", "");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `extract --json` of `files`, one object per document, by file name.
fn extract(files: &[PathBuf]) -> Vec<Value> {
    let mut args = vec!["extract", "--json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let o = cordiale(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// An item's text as every format can agree on it: list markers gone, whitespace (a
/// hard-wrapped line break) one space.
fn agreed(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let words = match words.first() {
        Some(&("•" | "-" | "*" | "1." | "2." | "3.")) => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The figures, dates and commitments of a document as comparable sets.
fn items(x: &Value) -> [BTreeSet<String>; 3] {
    let set = |key: &str, with_value: bool| -> BTreeSet<String> {
        x[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| match with_value {
                true => format!("{} = {}", agreed(i["text"].as_str().unwrap()), i["value"]),
                false => agreed(i["text"].as_str().unwrap()),
            })
            .collect()
    };
    [
        set("figures", true),
        set("dates", true),
        set("commitments", false),
    ]
}

const FORMATS: [&str; 5] = ["same.md", "same.txt", "same.pdf", "same.html", "same.docx"];

#[test]
fn the_same_declaration_in_every_format_yields_the_same_items() {
    let files: Vec<PathBuf> = FORMATS.iter().map(|f| fixture(f)).collect();
    let xs = extract(&files);
    assert_eq!(xs.len(), 5);
    let reference = items(&xs[2]);
    assert_eq!(xs[2]["doc"], "same.md");
    assert!(
        reference[0].len() >= 9 && reference[1].len() >= 8 && reference[2].len() >= 5,
        "the declaration has figures, dates and commitments: {reference:#?}"
    );
    for x in &xs {
        let doc = x["doc"].as_str().unwrap();
        assert_eq!(
            x["title"], "Joint Declaration on North Sea Coastal Resilience",
            "{doc}"
        );
        assert_eq!(x["doc_date"]["value"]["date"], "2024-03-14", "{doc}");
        let found = items(x);
        for (kind, (want, got)) in ["figures", "dates", "commitments"]
            .iter()
            .zip(reference.iter().zip(found.iter()))
        {
            let missing: Vec<_> = want.difference(got).collect();
            let extra: Vec<_> = got.difference(want).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{doc} {kind}: missing {missing:#?}, extra {extra:#?}"
            );
        }
    }
    // Documents come in name order.
    let sources: Vec<(&str, &str)> = xs
        .iter()
        .map(|x| (x["doc"].as_str().unwrap(), x["source"].as_str().unwrap()))
        .collect();
    assert_eq!(
        sources,
        [
            ("same.docx", "docx"),
            ("same.html", "html"),
            ("same.md", "text"),
            ("same.pdf", "pdf"),
            ("same.txt", "text")
        ]
    );
}

#[test]
fn spans_index_the_text_that_cordiale_text_prints() {
    for name in FORMATS {
        let file = fixture(name);
        let o = cordiale(&["text", file.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let text = o.stdout;
        let x = &extract(&[file])[0];
        let mut checked = 0;
        for key in ["figures", "dates", "commitments"] {
            for item in x[key].as_array().unwrap() {
                let (s, e) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    std::str::from_utf8(&text[s..e]).unwrap(),
                    item["text"].as_str().unwrap(),
                    "{name} {key} @{s}..{e}"
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{name}: {checked} spans");
        assert_eq!(x["offsets"], "bytes");
    }
}

#[test]
fn every_pdf_item_carries_the_page_it_starts_on() {
    let file = fixture("same.pdf");
    let x = &extract(std::slice::from_ref(&file))[0];
    let page_of = |key: &str, text: &str| -> Vec<u64> {
        x[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["text"].as_str().unwrap().contains(text))
            .map(|i| i["page"].as_u64().expect("every PDF item has a page"))
            .collect()
    };
    // Page 1 ends inside the first list item, in the middle of "mil-lion".
    assert_eq!(page_of("figures", "€45 million"), [1]);
    assert_eq!(page_of("figures", "€12.5 million"), [1]);
    assert_eq!(page_of("figures", "€8 million"), [1]);
    assert_eq!(page_of("figures", "120"), [2]);
    assert_eq!(page_of("figures", "14"), [2]);
    assert_eq!(page_of("dates", "1 January 2027"), [2]);
    assert_eq!(page_of("commitments", "Ostend"), [1]);
    assert_eq!(page_of("commitments", "Middelburg"), [2]);
    for key in ["figures", "dates", "commitments"] {
        assert!(
            x[key]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["page"].is_u64()),
            "{key} without a page"
        );
    }
    // The word split by the page break is whole, and no running header, footer or page
    // number is left in the text.
    let text = stdout(&cordiale(&["text", file.to_str().unwrap()]));
    assert!(text.contains("(€8 million)"), "{text}");
    for furniture in [
        "Page 1 of 2",
        "Page 2 of 2",
        "CCR/2024/17",
        "Council of the Coast",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} left in: {text}");
    }
    assert!(!text.contains('\u{FB01}') && text.contains("field officers"));

    // --pages marks where each page starts, on stderr, so stdout stays the text.
    let o = cordiale(&["text", "--pages", file.to_str().unwrap()]);
    assert_eq!(stdout(&o), text);
    let err = stderr(&o);
    let marks: Vec<&str> = err.lines().collect();
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert_eq!(marks[0], "── p. 1 ── @0");
    let second: usize = marks[1].rsplit('@').next().unwrap().parse().unwrap();
    assert!(text[..second].contains("€8 mil") && text[second..].contains("120 volunteers"));
    // Text formats have no pages: no "page" key at all.
    let md = &extract(&[fixture("same.md")])[0];
    assert!(md["figures"][0].get("page").is_none());
}

#[test]
fn titles_and_dates_of_issue_come_from_the_format_s_metadata() {
    let dir = tempfile::tempdir().unwrap();
    // A page whose text has no date and whose first line is not its title.
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        "<!doctype html><html><head><title>Harbour pledge | Port Office</title>\
         <meta property=\"og:title\" content=\"Harbour pledge\">\
         <meta property=\"article:published_time\" content=\"2023-11-02T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><main><p>Port news</p>\
         <p>The port authority will dredge the eastern channel by May 2025 and will invest \
         €3 million in new quays for ferries and fishing boats of the whole region.</p>\
         <p>It will also publish water quality figures every month from January 2024 so \
         that residents can follow the works.</p></main></body></html>",
    )
    .unwrap();
    let x = &extract(&[page])[0];
    assert_eq!(x["source"], "html");
    assert_eq!(x["title"], "Harbour pledge");
    assert_eq!(x["doc_date"]["value"]["date"], "2023-11-02");
    // A date the text does not show has an empty span, so spans stay slices of the text.
    assert_eq!(
        (
            x["doc_date"]["start"].as_u64(),
            x["doc_date"]["text"].as_str()
        ),
        (Some(0), Some(""))
    );
    let listing = stdout(&cordiale(&[
        "extract",
        dir.path().join("page.html").to_str().unwrap(),
    ]));
    assert!(
        listing.contains("date of issue: 2023-11-02 (from the file's metadata)"),
        "{listing}"
    );

    // PDF and Word: the title from /Title and dc:title.
    for name in ["declaration.pdf", "declaration.docx"] {
        let x = &extract(&[fixture(name)])[0];
        assert_eq!(
            x["title"], "Joint Declaration on North Sea Coastal Resilience",
            "{name}"
        );
        assert_eq!(x["doc_date"]["value"]["date"], "2024-03-14", "{name}");
    }
}

/// A zip whose one part inflates past the limit.
fn zip_bomb(path: &Path) {
    let file = fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn bad_files_are_skipped_with_their_own_warning_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, from: &str| {
        fs::copy(fixture(from), dir.path().join(name)).unwrap();
    };
    put("good.md", "same.md");
    put("good.pdf", "same.pdf");
    put("password.pdf", "enc_aes256_userpw.pdf");
    put("scanned.pdf", "scanned.pdf");
    put("garbage.pdf", "garbage.pdf");
    put("broken.pdf", "header_only.pdf");
    put("empty.pdf", "empty.pdf");
    put("web-page.pdf", "same.html");
    put("notes.txt", "same.pdf");
    put("legacy.docx", "ole_legacy.docx");
    put("archive.docx", "plain_zip.docx");
    put("truncated.docx", "truncated.docx");
    put("menu.html", "nav_only.html");
    zip_bomb(&dir.path().join("bomb.docx"));
    let huge = fs::File::create(dir.path().join("huge.pdf")).unwrap();
    huge.set_len(257 << 20).unwrap(); // sparse: nothing is written
    drop(huge);
    let o = cordiale(&["summary", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let err = stderr(&o);
    for shown in ["good.md", "good.pdf", "web-page.pdf", "notes.txt"] {
        assert!(out.contains(shown), "{shown} not loaded:\n{out}\n{err}");
    }
    for (file, warning) in [
        (
            "password.pdf",
            "encrypted PDF: it needs a password to open; save an unprotected copy",
        ),
        (
            "scanned.pdf",
            "scanned: no text layer — run OCR first, e.g. ocrmypdf",
        ),
        (
            "garbage.pdf",
            "not a PDF (no %PDF- header): damaged or of another kind",
        ),
        ("broken.pdf", "damaged PDF: "),
        ("empty.pdf", "empty file"),
        (
            "legacy.docx",
            "a Word 97–2003 .doc or a password-protected .docx",
        ),
        ("archive.docx", "a zip archive, not a Word document"),
        ("truncated.docx", "damaged Word file: "),
        ("bomb.docx", "would expand to more than 64 MB (a zip bomb?)"),
        ("huge.pdf", "too large: 257 MB (the limit is 256 MB)"),
        ("menu.html", "no main text found"),
    ] {
        let head = format!(
            "cordiale: warning: skipped {}: ",
            dir.path().join(file).display()
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with(&head) && l.contains(warning)),
            "missing {head}…{warning} in:\n{err}"
        );
        assert!(!out.contains(file), "{file} should not be listed:\n{out}");
    }
    assert!(
        err.contains(
            "web-page.pdf: its content is a web page, not what its name says: read as HTML"
        ),
        "{err}"
    );
    assert!(
        err.contains("notes.txt: its content is a PDF, not what its name says: read as PDF"),
        "{err}"
    );
    assert_eq!(err.matches("cordiale: warning:").count(), 13, "{err}");
}

#[test]
fn a_conversion_past_the_time_limit_is_stopped_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("same.md"), dir.path().join("good.md")).unwrap();
    // Parsing nesting this deep takes far longer than a second (html5ever is quadratic in
    // depth): the child converting it is killed at the limit.
    let deep = format!(
        "<!doctype html><html><body>{}<p>deep</p></body></html>",
        "<div>".repeat(200_000)
    );
    fs::write(dir.path().join("deep.html"), deep).unwrap();
    let o = cordiale_with(
        &["summary", dir.path().to_str().unwrap()],
        &[("CORDIALE_CONVERT_TIMEOUT", "1")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("deep.html: gave up after 1 s: the file is too complex or malformed"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("good.md"));
}

#[test]
fn a_pdf_nested_deeper_than_a_thread_stack_is_read_in_the_worker() {
    // 50 000 nested arrays overflow an 8 MiB stack in the PDF parser (an abort no
    // catch_unwind sees); the worker's large stack reads it, and nothing else is affected.
    let o = cordiale(&["text", fixture("deep_nesting.pdf").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).trim(), "Cyclic page tree");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_pdf_is_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("same.md"), dir.path().join("good.md")).unwrap();
    let fifo = dir.path().join("pipe.pdf");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = cordiale(&["summary", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("pipe.pdf: a FIFO (named pipe), not a regular file"));
}

#[test]
fn converted_text_is_cached_and_reused() {
    let cache = tempfile::tempdir().unwrap();
    let file = fixture("same.pdf");
    let env = [("CORDIALE_CACHE_DIR", cache.path().to_str().unwrap())];
    let first = cordiale_with(&["text", file.to_str().unwrap()], &env);
    let entries: Vec<_> = fs::read_dir(cache.path().join("converted"))
        .unwrap()
        .collect();
    assert_eq!(entries.len(), 1);
    let second = cordiale_with(&["text", file.to_str().unwrap()], &env);
    assert_eq!(first.stdout, second.stdout);
    assert!(!first.stdout.is_empty());
}

#[test]
fn find_names_the_page_of_a_pdf_hit() {
    let file = fixture("same.pdf");
    let o = cordiale(&["find", "#120", file.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hit: Value = serde_json::from_str(stdout(&o).lines().next().expect("a hit")).unwrap();
    assert_eq!(
        (hit["text"].as_str(), hit["page"].as_u64()),
        (Some("120"), Some(2))
    );
    let o = cordiale(&["find", "#120", file.to_str().unwrap()]);
    assert!(stdout(&o).contains("same.pdf, p. 2"), "{}", stdout(&o));
    // A text file's hit keeps its line and column, and has no page.
    let o = cordiale(&[
        "find",
        "#120",
        fixture("same.md").to_str().unwrap(),
        "--json",
    ]);
    let hit: Value = serde_json::from_str(stdout(&o).lines().next().expect("a hit")).unwrap();
    assert!(hit.get("page").is_none() && hit["line"].is_u64());
}

#[test]
fn a_workspace_of_a_mixed_folder_records_each_converter_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    for name in FORMATS {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let o = cordiale_with(
        &["init", dir.path().to_str().unwrap()],
        &[("CORDIALE_REVIEWER", "ana")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let ws: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("cordiale.json")).unwrap())
            .unwrap();
    let record = |name: &str| ws["documents"][name].as_str().unwrap().to_string();
    assert!(
        record("same.pdf").ends_with(" pdf/1"),
        "{}",
        record("same.pdf")
    );
    assert!(record("same.html").ends_with(" html/1"));
    assert!(record("same.docx").ends_with(" docx/1"));
    assert_eq!(
        record("same.md").len(),
        16,
        "a text file's record is its hash alone"
    );
    // Items of every format are on the checklist, anchored in the converted text.
    let docs: BTreeSet<&str> = ws["items"]
        .as_object()
        .unwrap()
        .values()
        .map(|i| i["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs.len(), 5, "{docs:?}");
    let ws_path = dir.path().join("cordiale.json");
    let o = cordiale(&["check", "--workspace", ws_path.to_str().unwrap()]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    // A reviewer's verdict on a PDF item goes through like any other.
    let id = ws["items"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, i)| i["doc"] == "same.pdf")
        .map(|(id, _)| id.clone())
        .unwrap();
    let o = cordiale_with(
        &[
            "verdict",
            "--workspace",
            ws_path.to_str().unwrap(),
            &id,
            "kept",
        ],
        &[("CORDIALE_REVIEWER", "ana")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn text_names_one_document_and_says_why_it_cannot_print_one() {
    let dir = tempfile::tempdir().unwrap();
    let o = cordiale(&["text", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("a folder; name one document"),
        "{}",
        stderr(&o)
    );
    let scanned = fixture("scanned.pdf");
    let o = cordiale(&["text", scanned.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("run OCR first"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn items_anchored_by_an_older_converter_are_placed_again_as_after_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("same.pdf"), dir.path().join("same.pdf")).unwrap();
    let ws_path = dir.path().join("cordiale.json");
    let o = cordiale(&["init", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fresh = fs::read_to_string(&ws_path).unwrap();
    let ws: Value = serde_json::from_str(&fresh).unwrap();
    let record = ws["documents"]["same.pdf"].as_str().unwrap().to_string();
    let hash = record.split(' ').next().unwrap().to_string();
    // What an older converter would have left: another text (so another hash), in which
    // every item stood 7 bytes further on.
    let mut old: Value = ws.clone();
    old["documents"]["same.pdf"] = Value::from("0123456789abcdef pdf/0");
    for item in old["items"].as_object_mut().unwrap().values_mut() {
        let anchor = &mut item["anchor"];
        anchor["doc_hash"] = Value::from("0123456789abcdef");
        for key in ["start", "end"] {
            anchor[key] = Value::from(anchor[key].as_u64().unwrap() + 7);
        }
    }
    fs::write(&ws_path, serde_json::to_string_pretty(&old).unwrap()).unwrap();
    let id = old["items"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let o = cordiale_with(
        &[
            "verdict",
            "--workspace",
            ws_path.to_str().unwrap(),
            &id,
            "kept",
        ],
        &[("CORDIALE_REVIEWER", "ana")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let now: Value = serde_json::from_str(&fs::read_to_string(&ws_path).unwrap()).unwrap();
    assert_eq!(now["documents"]["same.pdf"], record.as_str());
    for (id, item) in now["items"].as_object().unwrap() {
        let (a, b) = (&item["anchor"], &ws["items"][id]["anchor"]);
        assert_eq!(a["doc_hash"], hash.as_str(), "{id}");
        assert_eq!((&a["start"], &a["end"]), (&b["start"], &b["end"]), "{id}");
    }
    // The checklist names each item's page.
    let o = cordiale(&[
        "checklist",
        "--workspace",
        ws_path.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let page = header
        .iter()
        .position(|h| *h == "page")
        .expect("a page column");
    let pages: BTreeSet<String> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(page).unwrap_or("").to_string())
        .collect();
    assert_eq!(
        pages,
        BTreeSet::from(["1".to_string(), "2".to_string()]),
        "{csv}"
    );
}
