//! PDF pages in the workbench and the exports: the reader's page markers, `goto_page`, the
//! page in the title, in citations, finder rows, checklist rows and exports. The PDF is
//! built in memory (invented text, three pages, the second starting inside a word), as the
//! converter would hand it over.

mod common;
use common::{press, render, screen};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use cordiale::app::display::Kind;
use cordiale::app::{Effect, Msg, State, update};
use cordiale::corpus::convert::Converted;
use cordiale::corpus::{Corpus, Document, SourceKind};
use cordiale::keymap::{self};
use cordiale::review::ItemAgreement;
use cordiale::review::export::{self, Format};
use cordiale::search::Index;
use cordiale::workspace::{Anchor, Item, Origin, Short};

const PDF: &str = "harbour-plan.pdf";
const TXT: &str = "notes.txt";

/// The text of the invented PDF, and its three pages: page 2 starts inside "urgent" (a word
/// the converter joined across the page break), page 3 at the blank line before the annex.
fn pdf_text() -> (String, Vec<std::ops::Range<usize>>) {
    let text = "Harbour Renewal Plan\n\n\
        The council of Westmere met on 4 March 2025 to agree the renewal of the old harbour. \
        Members heard that the quay walls had not been repaired since 1987.\n\n\
        The council will publish a full survey of the quay walls by 30 June 2025. \
        It also agreed to set aside €2.5 million for urgent repairs to the northern \
        breakwater, to be spent before the winter storms.\n\n\
        The mayor said the harbour employs 340 people and that the plan would protect their jobs.\n\n\
        We will reopen both berths by the end of 2026.\n\n\
        Annex: the council will pay the survey team from the harbour fund.";
    let second = text.find("urgent").unwrap() + 2;
    let third = text.find("\n\nAnnex").unwrap();
    (
        text.to_string(),
        vec![0..second, second..third, third..text.len()],
    )
}

fn corpus() -> Arc<Corpus> {
    let (text, pages) = pdf_text();
    let pdf = Document::from_converted(
        PDF.into(),
        PathBuf::from(PDF),
        Converted {
            text,
            pages,
            title: Some("Harbour Renewal Plan".into()),
            date: Some("2025-03-04".into()),
            source: SourceKind::Pdf,
            notes: Vec::new(),
        },
    );
    let txt = Document::from_text(TXT, "We will publish the harbour accounts by 1 May 2026.\n");
    Arc::new(Corpus {
        documents: vec![pdf, txt],
        warnings: Vec::new(),
    })
}

fn state(w: u16, h: u16) -> (State, Arc<Index>) {
    let corpus = corpus();
    let mut s = State::new(keymap::load(None, None).unwrap(), "test".into(), (w, h));
    update(&mut s, Msg::CorpusLoaded(Arc::clone(&corpus)));
    let index = Arc::new(Index::build(corpus));
    update(&mut s, Msg::IndexReady(Arc::clone(&index)));
    (s, index)
}

/// Presses the keys of `script` (space-separated key names), running finder queries as
/// the worker would; returns the effects.
/// Opens the document named `name` in the reader from the documents pane.
fn open(s: &mut State, index: &Index, name: &str) {
    let corpus = s.corpus.clone().unwrap();
    let doc = corpus
        .documents
        .iter()
        .position(|d| d.name == name)
        .unwrap();
    let row = s.documents.order.iter().position(|&d| d == doc).unwrap();
    press(s, index, "1 home");
    for _ in 0..row {
        press(s, index, "down");
    }
    press(s, index, "enter");
    assert_eq!(s.reader.doc, Some(doc));
}

fn status(s: &State) -> &str {
    s.status.as_ref().map_or("", |x| x.text.as_str())
}

fn copied(effects: &[Effect]) -> String {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Copy(t) => Some(t.clone()),
            _ => None,
        })
        .expect("a copy")
}

#[test]
fn the_reader_draws_page_markers_and_the_cursor_page() {
    let (mut s, index) = state(80, 24);
    open(&mut s, &index, PDF);
    // Page 2, then its first figure: the marker on top, the cursor and a highlight below.
    press(&mut s, &index, "p 2 enter f");
    let t = render(&s);
    insta::assert_snapshot!("reader_paged_80x24", t.backend());
    let shown = screen(&t);
    assert!(shown.contains("── p. 2 ──"), "{shown}");
    assert!(
        shown.contains("p. 2/3"),
        "the title names the page: {shown}"
    );
    // The marker is drawn dim, never with the highlight of text around it.
    let buf = t.backend().buffer();
    let y = (0..buf.area.height)
        .find(|&y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("── p. 2")
        })
        .unwrap();
    let dash = (0..buf.area.width)
        .find(|&x| buf[(x, y)].symbol() == "─" && buf[(x + 1, y)].symbol() == "─")
        .unwrap();
    let cell = &buf[(dash, y)];
    assert_eq!(cell.fg, ratatui::style::Color::DarkGray, "{cell:?}");
    assert!(
        !cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "{cell:?}"
    );
    // No cursor mark in the marker's gutter.
    let gutter: String = (0..dash).map(|x| buf[(x, y)].symbol()).collect();
    assert!(!gutter.contains('▶'), "{gutter:?}");
}

#[test]
fn a_text_document_shows_no_page_and_opens_no_page_prompt() {
    let (mut s, index) = state(80, 24);
    open(&mut s, &index, TXT);
    assert!(s.reader.display.page_starts.is_empty());
    press(&mut s, &index, "p");
    assert_eq!(status(&s), "this document has no pages (not a PDF)");
    assert!(s.reader.search_input.is_none(), "no prompt");
    let shown = screen(&render(&s));
    assert!(!shown.contains("── p."), "{shown}");
    assert!(!shown.contains("p. 1/"), "{shown}");
}

#[test]
fn goto_page_lands_on_the_page_and_says_what_is_wrong() {
    // Short enough that the document does not fit: the page's marker becomes the top line.
    let (mut s, index) = state(80, 14);
    open(&mut s, &index, PDF);
    press(&mut s, &index, "p");
    assert!(s.reader.page_prompt && s.reader.search_input.is_some());
    // The prompt says it asks for a page.
    let shown = screen(&render(&s));
    assert!(shown.contains("page: "), "{shown}");
    press(&mut s, &index, "3 enter");
    let (text, _) = pdf_text();
    let annex = text.find("Annex").unwrap();
    assert_eq!(s.reader.at, annex, "the cursor on the page's first word");
    // The last page cannot be the top line (the view stops at the end): it is in view.
    let marker = s
        .reader
        .lines
        .iter()
        .position(|l| l.kind == Kind::Page(3))
        .unwrap();
    assert!(
        s.reader.top > 0 && s.reader.top <= marker,
        "{}",
        s.reader.top
    );
    assert!(screen(&render(&s)).contains("── p. 3 ──"));
    assert!(s.reader.search_input.is_none() && !s.reader.page_prompt);
    // Page 2 starts inside "urgent": the marker and the jump are at the word's start.
    press(&mut s, &index, "p 2 enter");
    assert_eq!(s.reader.at, text.find("urgent").unwrap());
    assert_eq!(s.reader.lines[s.reader.top].kind, Kind::Page(2));
    press(&mut s, &index, "p 7 enter");
    assert_eq!(status(&s), "no page 7: this document has 3 pages");
    press(&mut s, &index, "p 0 enter");
    assert_eq!(status(&s), "no page 0: this document has 3 pages");
    press(&mut s, &index, "p x enter");
    assert_eq!(status(&s), "\"x\" is not a page number");
    // esc closes the page prompt; `/` after it is a search again.
    press(&mut s, &index, "p esc /");
    assert!(!s.reader.page_prompt);
    assert!(screen(&render(&s)).contains("/ "));
}

#[test]
fn reader_search_never_matches_a_page_marker() {
    let (mut s, index) = state(80, 24);
    open(&mut s, &index, PDF);
    press(&mut s, &index, "/ p . space 2 enter");
    assert_eq!(status(&s), "\"p. 2\" is not in this document");
    // A sentence the page break splits is found whole.
    press(
        &mut s,
        &index,
        "/ f o r space u r g e n t space r e p a i r s enter",
    );
    assert_eq!(status(&s), "match 1 of 1");
}

#[test]
fn the_citation_names_the_page() {
    let (mut s, index) = state(80, 24);
    open(&mut s, &index, PDF);
    // The mayor's sentence is on page 2.
    press(&mut s, &index, "/ m a y o r enter");
    let c = copied(&press(&mut s, &index, "y"));
    assert!(c.starts_with("“The mayor said"), "{c}");
    assert!(c.ends_with(", p. 2; harbour-plan.pdf)"), "{c}");
    assert!(c.contains("2025-03-04"), "{c}");
    // The sentence the page break runs through names both pages.
    press(&mut s, &index, "/ s e t space a s i d e enter");
    let c = copied(&press(&mut s, &index, "y"));
    assert!(c.ends_with(", pp. 1–2; harbour-plan.pdf)"), "{c}");
    // A text file has no page to name.
    open(&mut s, &index, TXT);
    let c = copied(&press(&mut s, &index, "y"));
    assert!(c.ends_with("; notes.txt)") && !c.contains("p. "), "{c}");
}

#[test]
fn finder_rows_show_the_page_of_a_pdf_hit() {
    let (mut s, index) = state(120, 40);
    press(&mut s, &index, "ctrl-p 3 4 0");
    let hit = s.finder.hits.first().expect("a hit").clone();
    let corpus = s.corpus.clone().unwrap();
    assert_eq!(corpus.documents[hit.doc].name, PDF);
    let page = corpus.documents[hit.doc].page_of(hit.start).unwrap();
    assert_eq!(page, 2);
    let shown = screen(&render(&s));
    // The selected row (its kind as the `#` prefix, the list being narrow beside the
    // preview) names the document by title, then its page.
    let row = shown.lines().find(|l| l.contains("▶# ")).expect("the row");
    assert!(row.contains(&format!(" p. {page}")), "{row}");
    assert!(row.contains("340"), "{row}");
    // A hit in a text file has no page.
    press(&mut s, &index, "ctrl-u a c c o u n t s");
    let hit = s.finder.hits.first().expect("a hit").clone();
    assert_eq!(corpus.documents[hit.doc].name, "notes.txt");
    let shown = screen(&render(&s));
    let row = shown
        .lines()
        .find(|l| l.contains(&format!("▶{} ", hit.kind.prefix().unwrap_or('·'))))
        .unwrap_or_else(|| panic!("the text hit: {shown}"));
    assert!(!row.contains(" p. "), "{row}");
}

#[test]
fn checklist_rows_and_detail_show_the_page() {
    let (mut s, index) = state(200, 60);
    let corpus = s.corpus.clone().unwrap();
    let dir = tempfile::tempdir().unwrap();
    update(
        &mut s,
        cordiale::app::review::open(
            &dir.path().join("cordiale.json"),
            &corpus,
            &cordiale::search::digests::digests(&corpus, None),
            &[dir.path().to_path_buf()],
            Some("ann".into()),
        ),
    );
    press(&mut s, &index, "3 a");
    let r = s.review.as_ref().unwrap();
    let pdf_items: Vec<(Short, usize)> = r
        .order
        .iter()
        .filter_map(|id| {
            let item = &r.ws.items[id];
            (item.doc.as_str() == PDF).then(|| {
                let page = corpus.named(PDF).unwrap().page_of(item.anchor.start);
                (id.clone(), page.unwrap())
            })
        })
        .collect();
    assert!(!pdf_items.is_empty(), "the PDF's commitments are items");
    let first = r.order.iter().position(|id| *id == pdf_items[0].0).unwrap();
    let page = pdf_items[0].1;
    for _ in 0..first {
        press(&mut s, &index, "down");
    }
    let shown = screen(&render(&s));
    let selected = shown
        .lines()
        .find(|l| l.contains("│▶"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(selected.contains(&format!(" p. {page} ")), "{selected}");
    let title = shown.lines().find(|l| l.contains("── deadline")).unwrap();
    assert!(
        title.contains(&format!("· {PDF} p. {page} ·")),
        "the detail's title: {title}"
    );
    // The text file's items name no page.
    for line in shown.lines().filter(|l| l.contains("notes.txt")) {
        assert!(!line.contains(" p. "), "{line}");
    }
    // The workbench's CSV export (`w c`) fills the page column from the corpus loaded.
    let effects = press(&mut s, &index, "w c");
    let csv = effects
        .iter()
        .find_map(|e| match e {
            Effect::Write { contents, .. } => Some(contents.clone()),
            _ => None,
        })
        .expect("an export");
    // …and its title column from the index, the same short title as the panes show.
    let short = |name: &str| {
        s.short_title(
            s.doc_named(name).unwrap(),
            cordiale::extract::SHORT_TITLE_COLUMNS,
        )
    };
    let pdf_title = short(PDF);
    assert_eq!(pdf_title, "Harbour Renewal Plan");
    let first = csv.lines().nth(1 + first).unwrap();
    assert!(
        first.starts_with(&format!("{},{PDF},{pdf_title},{page},", pdf_items[0].0)),
        "{csv}"
    );
    let text_row = csv.lines().find(|l| l.contains(",notes.txt,")).unwrap();
    assert!(
        text_row.contains(&format!(",notes.txt,{},,", short("notes.txt"))),
        "{text_row}"
    );
}

fn item(doc: &str, text: &str, quote: &str) -> Item {
    let start = text.find(quote).unwrap();
    Item::new(
        doc,
        Origin::Extracted,
        Anchor {
            exact: quote.into(),
            prefix: String::new(),
            suffix: String::new(),
            start,
            end: start + quote.len(),
            doc_hash: "0".into(),
        },
    )
}

#[test]
fn exports_have_a_page_column_filled_for_pdf_items() {
    let corpus = corpus();
    let (pdf, _) = pdf_text();
    let txt = corpus.named(TXT).unwrap().text.clone();
    let items = [
        item(PDF, &pdf, "We will reopen both berths by the end of 2026."),
        item(
            TXT,
            &txt,
            "We will publish the harbour accounts by 1 May 2026.",
        ),
        item(PDF, &pdf, "The council will publish a full survey"),
    ];
    let ids: Vec<Short> = ["c1", "c2", "c3"].into_iter().map(Short::from).collect();
    let rows: Vec<(&Short, &Item, ItemAgreement)> = ids
        .iter()
        .zip(&items)
        .map(|(id, item)| (id, item, ItemAgreement::None))
        .collect();
    // c3 is orphaned: its quote is nowhere, so it is on no page.
    let orphaned: BTreeSet<Short> = [Short::from("c3")].into_iter().collect();
    let title_of = |name: &str| (name == "harbour-plan.pdf").then(|| "Harbour plan".to_string());
    let as_of = cordiale::review::AsOf::now(None, None);
    let export = |f| {
        export::checklist(
            &rows,
            ("ann", "bob"),
            &orphaned,
            Some(&corpus),
            &title_of,
            (&as_of, &Default::default()),
            f,
        )
    };

    let csv = export(Format::Csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,doc,title,page,ann,bob,"), "{csv}");
    assert!(
        lines[1].starts_with("c1,harbour-plan.pdf,Harbour plan,2,"),
        "{csv}"
    );
    assert!(lines[2].starts_with("c2,notes.txt,,,"), "{csv}");
    assert!(
        lines[3].starts_with("c3,harbour-plan.pdf,Harbour plan,,"),
        "{csv}"
    );

    let md = export(Format::Markdown);
    assert!(
        md.contains("| id | document | title | page | ann | bob |"),
        "{md}"
    );
    assert!(
        md.contains("| c1 | harbour-plan.pdf | Harbour plan | 2 |"),
        "{md}"
    );
    assert!(md.contains("| c2 | notes.txt |  |  |"), "{md}");
    let rule = md.lines().find(|l| l.starts_with("|---")).unwrap();
    let header = md.lines().find(|l| l.starts_with("| id")).unwrap();
    assert_eq!(rule.matches('|').count(), header.matches('|').count());

    let json: serde_json::Value = serde_json::from_str(&export(Format::Json)).unwrap();
    let items = json["items"].as_array().unwrap();
    assert_eq!(items[0]["page"], 2);
    assert!(items[1].get("page").is_none(), "no page for a text file");
    assert!(items[2].get("page").is_none(), "no page for an orphan");
    // Without a corpus at hand, no page at all.
    assert_eq!(items[0]["title"], "Harbour plan");
    let none = export::checklist(
        &rows,
        ("ann", "bob"),
        &orphaned,
        None,
        &|_| None,
        (&as_of, &Default::default()),
        Format::Csv,
    );
    assert!(
        none.lines()
            .nth(1)
            .unwrap()
            .starts_with("c1,harbour-plan.pdf,,,")
    );
}

#[test]
fn corpus_named_finds_documents_sorted_or_not() {
    let corpus = corpus();
    assert_eq!(corpus.named(TXT).unwrap().name, TXT);
    assert!(corpus.named("missing.pdf").is_none());
    let reversed = Corpus {
        documents: corpus.documents.iter().rev().cloned().collect(),
        warnings: Vec::new(),
    };
    assert_eq!(reversed.named(PDF).unwrap().name, PDF);
}
