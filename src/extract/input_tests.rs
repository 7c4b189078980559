//! Input as it really arrives (issue 16, point 2): front matter, hard-wrapped paragraphs and
//! Markdown markup, each rule named by a test on invented text. Every span is checked to be
//! the exact bytes of the text.

use super::{Extraction, extract};
use crate::corpus::Document;

fn run(name: &str, text: &str) -> Extraction {
    let x = extract(&Document::from_text(name, text));
    for (s, e, t) in x
        .figures
        .iter()
        .map(|f| (f.start, f.end, &f.text))
        .chain(x.dates.iter().map(|d| (d.start, d.end, &d.text)))
        .chain(x.commitments.iter().map(|c| (c.start, c.end, &c.text)))
    {
        assert_eq!(&text[s..e], t, "a span is not the bytes of its text");
    }
    x
}

fn figure_texts(x: &Extraction) -> Vec<&str> {
    x.figures.iter().map(|f| f.text.as_str()).collect()
}

fn date_texts(x: &Extraction) -> Vec<(&str, &str)> {
    x.dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.date.as_deref().unwrap_or("")))
        .collect()
}

fn commitment_texts(x: &Extraction) -> Vec<&str> {
    x.commitments.iter().map(|c| c.text.as_str()).collect()
}

// --- 1. Front matter -------------------------------------------------------------------

const YAML: &str = "---\ntags: statements-releases\ndate: '2022-03-04'\nmodified_time: 2022-03-05 10:00:00-04:00\nsource_url: https://example.org/2021/05/06/ports-2030/\nsummary: We will spend €5 million by June 2020.\ntitle: \"Joint Statement on the Harbour\\_Renewal\\\n  \\ of 2019\"\n---\n\nThe ministers met on 1 May 2022. They will invest €2 million.\n";

#[test]
fn yaml_front_matter_gives_the_title_and_the_date_of_issue() {
    let x = run("fm.md", YAML);
    assert_eq!(x.title, "Joint Statement on the Harbour Renewal of 2019");
    let date = x.doc_date.expect("the date: field");
    assert_eq!(date.value.date.as_deref(), Some("2022-03-04"));
    assert_eq!(&YAML[date.start..date.end], "2022-03-04");
}

#[test]
fn the_front_matter_block_is_never_read_as_prose() {
    let x = run("fm.md", YAML);
    let body = YAML.find("The ministers").unwrap();
    assert_eq!(figure_texts(&x), ["€2 million"]);
    assert_eq!(date_texts(&x), [("1 May 2022", "2022-05-01")]);
    assert_eq!(
        commitment_texts(&x),
        ["They will invest €2 million."],
        "no commitment from the summary: field"
    );
    assert!(x.figures.iter().all(|f| f.start >= body));
}

#[test]
fn toml_front_matter_and_a_date_with_a_time() {
    let t = "+++\ntitle = \"Council conclusions on water\"\ndate = 2023-11-20T10:00:00Z\n+++\n\nThe Council will act by 2026.\n";
    let x = run("fm.md", t);
    assert_eq!(x.title, "Council conclusions on water");
    let date = x.doc_date.clone().unwrap();
    assert_eq!(&t[date.start..date.end], "2023-11-20");
    assert_eq!(date_texts(&x), [("by 2026", "2026")]);
}

#[test]
fn without_a_title_field_the_title_comes_from_the_prose() {
    let t = "---\ndate: 2024-01-02\n---\n\n# Statement on rivers\n\nWe met on Friday.\n";
    let x = run("fm.md", t);
    assert_eq!(x.title, "Statement on rivers");
    assert_eq!(
        x.doc_date.unwrap().value.date.as_deref(),
        Some("2024-01-02")
    );
}

#[test]
fn a_worded_front_matter_date_is_read_by_the_date_rules() {
    let t = "---\ntitle: Notes\ndate: \"June 13, 2021\"\n---\n\nText.\n";
    let date = run("fm.md", t).doc_date.unwrap();
    assert_eq!(date.text, "June 13, 2021");
    assert_eq!(date.value.date.as_deref(), Some("2021-06-13"));
}

// --- 2. Hard-wrapped paragraphs ----------------------------------------------------------

/// An invented statement wrapped at 72 columns, as conversion tools publish it: the next
/// word goes to the next line when it does not fit, even inside a figure or a date.
const WRAPPED: &str = "The ministers of the two port cities met on 16 September 2024 and agreed
that the partnership will invest in the harbour over the next decade €3
billion, with the first works to begin in the spring of the next year.

The port authority will publish a review of the whole programme in June
2025 with the Annual Accounts of the partnership, so that the councils
and the people of both cities can see the progress and where money goes.
";

#[test]
fn a_figure_wrapped_over_a_line_break_is_one_figure() {
    let x = run("w.md", WRAPPED);
    assert_eq!(figure_texts(&x), ["two", "€3\nbillion"]);
    assert_eq!(x.figures[1].value.amount.map(|n| n.0), Some(3e9));
}

#[test]
fn a_date_wrapped_over_a_line_break_is_one_date() {
    let x = run("w.txt", WRAPPED);
    assert!(
        date_texts(&x).contains(&("June\n2025", "2025-06")),
        "{:?}",
        date_texts(&x)
    );
}

#[test]
fn a_short_wrapped_document_is_read_as_wrapped() {
    // Three lines are enough to tell: two of them end where the next word did not fit.
    let t = WRAPPED.split("\n\n").nth(1).unwrap();
    assert_eq!(t.lines().count(), 3);
    let x = run("w.txt", t);
    assert_eq!(date_texts(&x), [("June\n2025", "2025-06")]);
}

#[test]
fn a_sentence_and_a_commitment_wrapped_over_lines_are_one_unit() {
    // The line after the break starts with a figure: without the wrap it would read as a
    // heading ("The port authority … in June") followed by a new unit.
    let x = run("w.txt", WRAPPED);
    let c = commitment_texts(&x);
    assert!(
        c.iter()
            .any(|c| c.starts_with("The port authority will publish")
                && c.ends_with("where money goes.")),
        "{c:?}"
    );
}

#[test]
fn a_blank_line_a_heading_or_a_list_item_still_ends_a_unit() {
    let t = format!(
        "{WRAPPED}\nThe partners will meet again in 2027.\n## Next steps for the partners and the port\n{WRAPPED}- The councils will vote in March.\n"
    );
    let units = crate::corpus::split_units(&t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert!(
        texts.contains(&"The partners will meet again in 2027."),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Next steps for the partners and the port"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"The councils will vote in March."),
        "{texts:?}"
    );
}

#[test]
fn text_with_a_paragraph_per_line_keeps_its_line_breaks() {
    // Not hard-wrapped: a title line above the text is no part of its first sentence.
    let t = "Joint Statement on Ports\nThe ministers will meet in June.\n\nThey agreed.\n";
    let units = crate::corpus::split_units(t);
    assert_eq!(&t[units[0].start..units[0].end], "Joint Statement on Ports");
}

#[test]
fn an_acronym_in_brackets_starting_a_wrapped_line_is_no_enumerator() {
    let t = WRAPPED.replace(
        "The port authority will publish a review of the whole programme in June
2025 with the Annual Accounts of the partnership, so that the councils
and the people of both cities can see the progress and where money goes.",
        "The port authority will publish a review of the Harbour Renewal Fund
(HRF) in June 2025 with the Annual Accounts of the partnership, so that
the councils and the people of both cities can see where money goes.",
    );
    assert!(t.lines().all(|l| l.chars().count() <= 72), "{t}");
    let units = crate::corpus::split_units(&t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert!(
        texts
            .iter()
            .any(|u| u.starts_with("The port authority") && u.contains("(HRF) in June")),
        "{texts:?}"
    );
    // Enumerators in brackets still start items.
    let t = "We agreed to:\n(a) open the quay;\n(iv) train apprentices;\n(12) vote.\n";
    let units = crate::corpus::split_units(t);
    assert_eq!(units.len(), 4);
}

#[test]
fn a_dash_starting_a_wrapped_line_of_prose_is_punctuation() {
    let t = WRAPPED.replace(
        "The port authority will publish a review of the whole programme in June
2025 with the Annual Accounts of the partnership, so that the councils
and the people of both cities can see the progress and where money goes.",
        "The port authority and the councils will work together on the review
– bilaterally and with the regional board – so that the people of both
cities can see the progress of the programme and where the money goes.",
    );
    assert!(t.lines().all(|l| l.chars().count() <= 72), "{t}");
    let x = run("w.md", &t);
    assert!(
        commitment_texts(&x)
            .iter()
            .any(|c| c.starts_with("The port authority") && c.ends_with("money goes.")),
        "{:?}",
        commitment_texts(&x)
    );
    // A dash list stays a list, wrapped items and all.
    let t = "The councils agreed the following measures for the harbour walls and the locks:
– a survey of every wall and every lock before the works begin next year, with
  the results published
– a fund for the repair of the quays, shared by both cities equally.
";
    let units = crate::corpus::split_units(t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[1].starts_with("a survey") && texts[2].starts_with("a fund"));
}

#[test]
fn upper_case_lettered_items_are_units_but_initials_are_not() {
    let t = "A.  We will open the quay.\nB)  We will train apprentices.\n\nJ. Smith will speak. He agreed.\n";
    let units = crate::corpus::split_units(t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert_eq!(
        texts,
        [
            "We will open the quay.",
            "We will train apprentices.",
            "J. Smith will speak.",
            "He agreed."
        ]
    );
}

#[test]
fn crlf_wrapped_text_with_front_matter() {
    let t = format!(
        "---\r\ntitle: Ports\r\n---\r\n\r\n{}",
        WRAPPED.replace('\n', "\r\n")
    );
    let x = run("crlf.md", &t);
    assert_eq!(x.title, "Ports");
    assert_eq!(figure_texts(&x), ["two", "€3\r\nbillion"]);
    assert!(date_texts(&x).contains(&("June\r\n2025", "2025-06")));
}

#[test]
fn an_indented_line_continues_its_list_item() {
    let t = "We agreed:\n\n-   to open the northern quay to ferries by March\n    2026 and keep it open all year;\n-   to train 400 apprentices.\n";
    let x = run("l.md", t);
    assert_eq!(
        date_texts(&x)[0],
        ("by March\n    2026", "2026-03"),
        "{:?}",
        date_texts(&x)
    );
}

// --- 3. Markdown -------------------------------------------------------------------------

#[test]
fn a_links_url_is_not_prose() {
    let t = "The partners published the [funding plan](https://example.org/2019/05/01/plan-30.pdf \"Plan 2020\") and <https://example.org/2018/3>; see https://example.org/2017/40 too.\n";
    let x = run("m.md", t);
    assert!(x.figures.is_empty(), "{:?}", figure_texts(&x));
    assert!(x.dates.is_empty(), "{:?}", date_texts(&x));
}

#[test]
fn a_character_reference_is_no_figure() {
    let x = run(
        "m.md",
        "The partners&#8217; plan&nbsp;will open 2 quays in 2026.\n",
    );
    assert_eq!(figure_texts(&x), ["2"]);
    assert_eq!(date_texts(&x), [("2026", "2026")]);
}

#[test]
fn emphasis_and_escapes_do_not_hide_figures() {
    let t =
        "The partners **will provide €240 million** and \\$12 billion, and _2 per cent_ of it.\n";
    let x = run("m.md", t);
    assert_eq!(
        figure_texts(&x),
        ["€240 million", "$12 billion", "2 per cent"]
    );
}

#[test]
fn comments_and_escaped_heading_marks_are_not_prose() {
    let t = "<!-- updated 12 May 2021: 300 words, we will revise -->\n\n\\###\n\nThe ministers met.\n**\n";
    let x = run("m.md", t);
    assert!(x.figures.is_empty() && x.dates.is_empty() && x.commitments.is_empty());
    let units = crate::corpus::split_units(t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert_eq!(texts, ["The ministers met."]);
}

#[test]
fn a_heading_unit_starts_at_its_words() {
    let t = "## Funding for **2030**\n\nText follows here.\n";
    let units = crate::corpus::split_units(t);
    assert_eq!(&t[units[0].start..units[0].end], "Funding for **2030");
    assert_eq!(date_texts(&run("m.md", t)), [("2030", "2030")]);
}

#[test]
fn a_sentence_ends_before_emphasis_or_a_link() {
    let t = "The fund opened. **The ministers will report.** [The council](https://x.org/a.b) will meet.\n";
    let units = crate::corpus::split_units(t);
    let texts: Vec<&str> = units.iter().map(|u| &t[u.start..u.end]).collect();
    assert_eq!(
        texts,
        [
            "The fund opened.",
            "The ministers will report.",
            "The council](https://x.org/a.b) will meet."
        ]
    );
}

#[test]
fn numbered_and_lettered_items_are_units_and_their_enumerators_no_counts() {
    let t = "1.  We will open the quay.\n2.  We will train apprentices.\n\na)  The councils will vote.\n\n17\\. The partners will meet again.\n";
    let x = run("m.md", t);
    assert!(x.figures.is_empty(), "{:?}", figure_texts(&x));
    assert_eq!(
        commitment_texts(&x),
        [
            "We will open the quay.",
            "We will train apprentices.",
            "The councils will vote.",
            "The partners will meet again."
        ]
    );
}
