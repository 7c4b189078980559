//! What each pane looks like, through ratatui's TestBackend: insta snapshots at 80×24,
//! 120×40, 200×60 and below the minimum, and the highlight styles checked cell by cell
//! (snapshots hold text, not styles).

mod common;
use common::{press, render, screen};
use std::path::Path;
use std::sync::Arc;

use cordiale::app::{Msg, State, update};
use cordiale::keymap::{self, Key};
use cordiale::search::Index;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn state(w: u16, h: u16) -> (State, Arc<Index>) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = Arc::new(cordiale::corpus::load(&[seeds]).unwrap());
    let mut s = State::new(keymap::load(None, None).unwrap(), "seeds".into(), (w, h));
    update(&mut s, Msg::CorpusLoaded(Arc::clone(&corpus)));
    let index = Arc::new(Index::build(corpus));
    update(&mut s, Msg::IndexReady(Arc::clone(&index)));
    (s, index)
}

/// Opens a workspace not yet written (nothing rated), with ann reviewing.
fn open_new_workspace(s: &mut State) {
    open_new_workspace_on(s, "seeds");
}

/// [`open_new_workspace`] on the documents in `dir` (relative to the crate).
fn open_new_workspace_on(s: &mut State, dir: &str) {
    let corpus = s.corpus.clone().unwrap();
    let missing = Path::new("/nonexistent/cordiale.json");
    update(
        s,
        cordiale::app::review::open(
            missing,
            &corpus,
            &cordiale::search::digests::digests(&corpus, None),
            &[Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)],
            Some("ann".into()),
        ),
    );
}

/// The panes in the states worth seeing.
fn scenes(w: u16, h: u16) -> Vec<(&'static str, State)> {
    let (base, index) = state(w, h);
    let mut reader = base.clone();
    press(&mut reader, &index, "enter f");
    // Reading mode: the reader alone, full width, its position in its title line.
    let mut reading = reader.clone();
    press(&mut reading, &index, "z");
    let mut finder = base.clone();
    press(&mut finder, &index, "ctrl-p 1 0 m");
    let mut help = base.clone();
    press(&mut help, &index, "?");
    // Its end: the legend of the panes' symbols, the last row at the bottom of the box.
    let mut help_end = help.clone();
    press(&mut help_end, &index, "end");
    let mut filter = base.clone();
    press(&mut filter, &index, "/ c a l");
    // A workspace where ann and bob rated the first items (ann first, as the active one).
    let mut checklist = base.clone();
    open_new_workspace(&mut checklist);
    {
        use cordiale::workspace::Verdict;
        let r = checklist.review.as_mut().unwrap();
        let ids: Vec<_> = r.order.iter().take(4).cloned().collect();
        for (k, id) in ids.iter().enumerate() {
            let item = r.ws.items.get_mut(id).unwrap();
            item.set_review(
                "ann",
                Verdict::KEPT,
                String::new(),
                "2026-11-25T08:00:00Z".into(),
            );
            let v = [
                Verdict::KEPT,
                Verdict::BROKEN,
                Verdict::PARTIAL,
                Verdict::KEPT,
            ][k];
            let note = match k {
                1 => "No trace of the second tranche.\nAsked the ministry on 3 May.",
                _ => "",
            };
            item.set_review("bob", v, note.into(), "2026-11-25T08:00:00Z".into());
        }
        let ann_note = "Paid in full: 2016 budget, line 14.";
        let item = r.ws.items.get_mut(&ids[1]).unwrap();
        item.set_review(
            "ann",
            Verdict::KEPT,
            ann_note.into(),
            "2026-11-25T08:00:00Z".into(),
        );
        // One bob rated and ann has not: blind mode hides his verdict and note.
        let fifth = r.order[4].clone();
        r.ws.items.get_mut(&fifth).unwrap().set_review(
            "bob",
            Verdict::STALLED,
            "Nothing since the summit.".into(),
            "2026-11-25T08:00:00Z".into(),
        );
        r.pair = ("ann".into(), "bob".into());
    }
    // `a` recomputes the list and its figures after the verdicts set by hand above.
    press(&mut checklist, &index, "3 a down");
    let mut note = checklist.clone();
    press(&mut note, &index, "e S e e n enter i n space 2 0 1 7");
    // esc on the changed note: save, discard or keep editing.
    let mut close_note = note.clone();
    press(&mut close_note, &index, "esc");
    // ctrl-c with the note being typed and a verdict whose save failed.
    let mut quit = note.clone();
    press(&mut quit, &index, "ctrl-s");
    update(
        &mut quit,
        Msg::SaveFailed("/srv/review/cordiale.json: No space left on device".into()),
    );
    press(&mut quit, &index, "e m o r e ctrl-c");
    let mut blind = checklist.clone();
    press(&mut blind, &index, "h down down down");
    let mut disagreements = checklist.clone();
    press(&mut disagreements, &index, "x");
    // A partner's note longer than the detail, scrolled two lines.
    let mut long_note = checklist.clone();
    {
        let r = long_note.review.as_mut().unwrap();
        let id = r.order[r.selected].clone();
        let note: Vec<String> = (1..=12)
            .map(|k| format!("{k}. Checked the 2016 budget, line {k}: nothing paid yet."))
            .collect();
        r.ws.items.get_mut(&id).unwrap().set_review(
            "bob",
            cordiale::workspace::Verdict::BROKEN,
            note.join("\n"),
            "2026-11-25T08:00:00Z".into(),
        );
    }
    press(&mut long_note, &index, "] ]");
    // A past assessment: the items overdue as of 1 January 2016, soonest deadline first.
    let mut overdue = checklist.clone();
    overdue.today = fixed_today();
    overdue.as_of_option = Some("2016-01-01".parse().unwrap());
    press(&mut overdue, &index, "O d");
    vec![
        ("question_close_note", close_note),
        ("question_quit", quit),
        ("note", note),
        ("documents", base),
        ("reader", reader),
        ("reading", reading),
        ("finder", finder),
        ("help", help),
        ("help_end", help_end),
        ("filter", filter),
        ("checklist", checklist),
        ("checklist_blind", blind),
        ("checklist_disagreements", disagreements),
        ("checklist_long_note", long_note),
        ("checklist_overdue_as_of", overdue),
    ]
}

#[test]
fn panes_at_each_size() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        for (name, s) in scenes(w, h) {
            let t = render(&s);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
}

/// Five reviewers at 80 columns: each row gives the pair's verdicts and mark, then cy's,
/// dee's and eve's letters (`·` where one has not rated the item); the detail lists all
/// five; blind mode hides every other verdict on the items ann has not rated.
#[test]
fn the_checklist_with_five_reviewers_at_80x24() {
    use cordiale::workspace::Verdict;
    let (w, h) = (80, 24);
    let (_, index) = state(w, h);
    let mut s = scenes(w, h)
        .into_iter()
        .find(|(name, _)| *name == "checklist")
        .map(|(_, s)| s)
        .unwrap();
    let others: [(usize, [Option<Verdict>; 3]); 5] = [
        (
            0,
            [
                Some(Verdict::KEPT),
                Some(Verdict::KEPT),
                Some(Verdict::PARTIAL),
            ],
        ),
        (1, [Some(Verdict::BROKEN), None, Some(Verdict::BROKEN)]),
        (2, [Some(Verdict::PARTIAL), Some(Verdict::STALLED), None]),
        (4, [None, Some(Verdict::STALLED), Some(Verdict::PENDING)]),
        (6, [Some(Verdict::IN_PROGRESS), None, None]),
    ];
    {
        let r = s.review.as_mut().unwrap();
        for (n, verdicts) in others {
            let id = r.order[n].clone();
            let item = r.ws.items.get_mut(&id).unwrap();
            for (who, v) in ["cy", "dee", "eve"].into_iter().zip(verdicts) {
                if let Some(v) = v {
                    let note = match (who, n) {
                        ("eve", 1) => "The 2017 report lists no payment.",
                        _ => "",
                    };
                    item.set_review(who, v, note.into(), "2026-12-07T10:00:00Z".into());
                }
            }
            // Set by hand, not by a key: the row is made again, nothing is to be saved.
            r.rows.touch(id);
        }
    }
    press(&mut s, &index, "a");
    insta::assert_snapshot!("checklist_five_reviewers_80x24", render(&s).backend());
    // The detail scrolled to the others' verdicts.
    let mut scrolled = s.clone();
    press(&mut scrolled, &index, "] ] ]");
    insta::assert_snapshot!(
        "checklist_five_reviewers_detail_80x24",
        render(&scrolled).backend()
    );
    press(&mut s, &index, "h down down down");
    insta::assert_snapshot!("checklist_five_reviewers_blind_80x24", render(&s).backend());
}

#[test]
fn below_the_minimum_it_says_so() {
    for (w, h) in [(30, 6), (1, 1)] {
        let (s, _) = state(w, h);
        let t = render(&s);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), t.backend());
    }
}

/// The cell showing the first character of `needle` on screen.
fn cell_of<'a>(buf: &'a Buffer, needle: &str) -> &'a ratatui::buffer::Cell {
    let area = buf.area;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count() as u16;
            return &buf[(x, y)];
        }
    }
    panic!("{needle:?} is not on screen");
}

#[test]
fn highlights_differ_by_more_than_colour() {
    for mono in [false, true] {
        let (mut s, index) = state(120, 40);
        s.mono = mono;
        // The 2015 Calais visit: "€10 million" (figure) and "20 August 2015"-like dates.
        press(&mut s, &index, "ctrl-p 1 0 m enter");
        let t = render(&s);
        let buf = t.backend().buffer();
        let figure = cell_of(buf, "€10 million");
        assert!(
            figure.modifier.contains(Modifier::BOLD),
            "mono {mono}: {figure:?}"
        );
        assert!(
            figure.modifier.contains(Modifier::REVERSED),
            "the jumped-to span is reversed"
        );
        s.reader.mark = None;
        let t = render(&s);
        let buf = t.backend().buffer();
        let doc = s.reader.doc.unwrap();
        let (ds, de) = s.marks[doc].dates[0];
        let date_text = &index.document(doc as u32).text[ds..de];
        press(&mut s, &index, "home");
        let t2 = render(&s);
        let date = cell_of(t2.backend().buffer(), date_text);
        assert!(
            date.modifier.contains(Modifier::UNDERLINED),
            "mono {mono}: {date:?}"
        );
        if mono {
            for cell in buf
                .content
                .iter()
                .chain(t2.backend().buffer().content.iter())
            {
                assert_eq!(
                    (cell.fg, cell.bg),
                    (Color::Reset, Color::Reset),
                    "no colour"
                );
            }
        }
    }
}

/// The day the timeline's snapshots are taken on: deadlines before it are overdue.
fn fixed_today() -> i32 {
    cordiale::search::value::day(2026, 11, 25).unwrap().first
}

#[test]
fn the_timeline_with_and_without_a_workspace() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let (mut bare, index) = state(w, h);
        bare.today = fixed_today();
        let mut reviewed = bare.clone();
        open_new_workspace(&mut reviewed);
        // ann says the first deadline was kept: it is no longer overdue.
        {
            use cordiale::workspace::Verdict;
            let r = reviewed.review.as_mut().unwrap();
            let id =
                r.ws.ordered()
                    .into_iter()
                    .find(|(_, i)| i.deadline.is_some())
                    .map(|(id, _)| id.clone())
                    .unwrap();
            let item = r.ws.items.get_mut(&id).unwrap();
            item.set_review(
                "ann",
                Verdict::KEPT,
                String::new(),
                "2026-11-25T08:00:00Z".into(),
            );
        }
        press(&mut bare, &index, "T");
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), render(&bare).backend());
        press(&mut reviewed, &index, "T");
        insta::assert_snapshot!(
            format!("timeline_workspace_{w}x{h}"),
            render(&reviewed).backend()
        );
        let mut zoomed = bare.clone();
        press(&mut zoomed, &index, "+ + right");
        insta::assert_snapshot!(
            format!("timeline_zoomed_{w}x{h}"),
            render(&zoomed).backend()
        );
    }
}

#[test]
fn the_timeline_keeps_its_distinctions_without_colour() {
    let (mut s, index) = state(120, 40);
    s.today = fixed_today();
    s.mono = true;
    press(&mut s, &index, "T");
    let t = render(&s);
    let buf = t.backend().buffer();
    assert!(
        buf.content
            .iter()
            .all(|c| (c.fg, c.bg) == (Color::Reset, Color::Reset)),
        "no colour"
    );
    // The selected event (the first overdue deadline) is its own glyph, reversed.
    let ts = s.timeline.as_ref().unwrap();
    assert!(ts.timeline.events[ts.selected].overdue);
    let plot = cordiale::app::layout::timeline_areas(&s).unwrap().plot;
    let selected = plot
        .positions()
        .map(|p| &buf[(p.x, p.y)])
        .filter(|c| c.symbol() == "✗" && c.modifier.contains(Modifier::REVERSED))
        .count();
    assert_eq!(selected, 1, "one selected overdue cell in the plot");
    // Other overdue cells are marked by more than a colour: bold and underlined.
    assert!(
        buf.content
            .iter()
            .any(|c| c.symbol() == "✗" && c.modifier.contains(Modifier::UNDERLINED))
    );
}

/// The status bar always names the workspace file, shortened to fit, and whether its
/// changes are saved, in symbols that read without colour.
#[test]
fn the_status_bar_names_the_workspace_and_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = String::new();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let file = dir.path().join(format!("{w}x{h}.json"));
        let (mut s, _) = state(w, h);
        s.mono = true;
        let corpus = s.corpus.clone().unwrap();
        let seeds = [Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")];
        let opened = cordiale::app::review::open(
            &file,
            &corpus,
            &cordiale::search::digests::digests(&corpus, None),
            &seeds,
            Some("ann".into()),
        );
        update(&mut s, opened);
        let review = s.review.as_mut().unwrap();
        // Shown as given; a long one, so that it must be shortened at 80 columns.
        review.path = "/home/ann/policy-review/corpus/cordiale.json".into();
        let id = review.order[0].clone();
        for scene in ["new", "saving", "unsaved", "saved"] {
            let r = s.review.as_mut().unwrap();
            match scene {
                "saving" => {
                    r.saving = Some("ann says kept".into());
                    r.unsaved = vec![id.clone()];
                }
                "unsaved" => r.saving = None,
                "saved" => {
                    r.unsaved.clear();
                    let saved = r.stored.save_state(&r.ws).unwrap();
                    r.stored = saved.stored;
                }
                _ => {}
            }
            let t = render(&s);
            let buf = t.backend().buffer();
            let row: String = (0..w)
                .map(|x| buf[(x, h - 1)].symbol().to_string())
                .collect();
            assert!(row.contains("cordiale.json"), "{row}");
            rows.push_str(&format!("{w}x{h} {scene:8}|{row}|\n"));
        }
    }
    insta::assert_snapshot!("status_bar_workspace", rows);
}

/// The workbench on tests/fixtures/reader: one hard-wrapped Markdown document with front
/// matter, opened in the reader.
fn markdown_reader(w: u16, h: u16) -> (State, Arc<Index>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    let corpus = Arc::new(cordiale::corpus::load(&[dir]).unwrap());
    let mut s = State::new(keymap::load(None, None).unwrap(), "reader".into(), (w, h));
    update(&mut s, Msg::CorpusLoaded(Arc::clone(&corpus)));
    let index = Arc::new(Index::build(corpus));
    update(&mut s, Msg::IndexReady(Arc::clone(&index)));
    press(&mut s, &index, "enter");
    (s, index)
}

#[test]
fn a_markdown_document_reads_like_a_document() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let (s, _) = markdown_reader(w, h);
        let t = render(&s);
        // The reader's inside: from the header's column and row (the title over the date;
        // the border's title is the document's title as indexed).
        let full = screen(&t);
        let rows: Vec<&str> = full.lines().collect();
        let (row, x) = (0..rows.len() - 1)
            .find_map(|y| {
                let i = rows[y].find("Joint Statement on the Harbour Renewal")?;
                let x = rows[y][..i].chars().count();
                let below: String = rows[y + 1].chars().skip(x).collect();
                below.starts_with("2024-09-17").then_some((y, x))
            })
            .expect("the header's title over its date");
        let shown: String = full
            .lines()
            .skip(row)
            .map(|l| l.chars().skip(x).collect::<String>() + "\n")
            .collect();
        // The header, not the YAML block; no raw markup.
        assert!(
            shown.contains("Joint Statement on the Harbour Renewal Partnership"),
            "{shown}"
        );
        assert!(shown.contains("2024-09-17 · example.org/…"), "{shown}");
        for raw in ["---", "title:", "**", "\\_", "\\#", "](", "<!--", "-   "] {
            assert!(!shown.contains(raw), "{raw:?} on screen:\n{shown}");
        }
        insta::assert_snapshot!(format!("reader_markdown_{w}x{h}"), t.backend());
    }
}

#[test]
fn the_cursor_sentence_and_highlights_land_on_their_bytes_after_reflow() {
    let (mut s, index) = markdown_reader(80, 24);
    let doc = s.reader.doc.unwrap();
    let text = index.document(doc as u32).text.clone();
    // The cursor opens on the text, not in the front matter.
    let (start, _) = cordiale::app::update::cursor_sentence(&s).unwrap();
    assert!(text[start..].starts_with("The ministers of the two port cities"));
    // A list item the file wrapped over two lines: the gutter marks the rows that show
    // it, from the row of its first words to the row of its last, and no other.
    press(&mut s, &index, "/ p a r t n e r s enter esc");
    let (start, end) = cordiale::app::update::cursor_sentence(&s).unwrap();
    let sentence = &text[start..end];
    assert!(
        sentence.contains("€240 million between 2025\n    and 2029"),
        "{sentence:?}"
    );
    assert!(sentence.ends_with("accounts each year."), "{sentence:?}");
    let shown = screen(&render(&s));
    let rows: Vec<&str> = shown.lines().skip(2).collect();
    let marked: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].starts_with('▶'))
        .collect();
    let first = rows
        .iter()
        .position(|r| r.contains("The partners will provide"))
        .unwrap();
    let last = rows
        .iter()
        .position(|r| r.contains("accounts each year."))
        .unwrap();
    assert_eq!(marked, (first..=last).collect::<Vec<_>>(), "{shown}");
    assert!(
        last > first,
        "the item is reflowed over rows of the pane: {shown}"
    );
    // A figure wrapped across a line break of the file is highlighted on its cells.
    let (fs, fe) = *s.marks[doc]
        .figures
        .iter()
        .find(|(a, _)| text[*a..].starts_with("€240"))
        .expect("the €240 million figure is extracted");
    assert_eq!(&text[fs..fe], "€240 million");
    let t = render(&s);
    let cell = cell_of(t.backend().buffer(), "€240 million");
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    // Emphasis markers are gone but the bold words keep their bytes: the cell of "F" in
    // "Funding." is byte "F" of `**Funding.**`, so a search for it lands on screen.
    press(&mut s, &index, "/ F u n d i n g enter");
    let (ms, me) = s.reader.mark.unwrap();
    assert_eq!(&text[ms..me], "Funding");
    let t = render(&s);
    let cell = cell_of(t.backend().buffer(), "Funding.");
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    // Search reads what is shown: across the file's line break, and never in a URL (the
    // plan's `.pdf` is only in its link target).
    press(&mut s, &index, "esc / 2 0 2 5 space a n d enter");
    let (ms, me) = s.reader.mark.unwrap();
    assert_eq!(&text[ms..me], "2025\n    and");
    press(&mut s, &index, "esc / p d f enter");
    let shown = screen(&render(&s));
    assert!(shown.contains("\"pdf\" is not in t"), "{shown}");
}

/// A commitment the file wraps over two lines (a line break and four spaces inside
/// it) is quoted with single spaces and without its markup: in its checklist row, in its
/// detail (with its figure), and in the citation the reader copies.
#[test]
fn a_hard_wrapped_quote_reads_with_single_spaces_in_the_checklist_and_the_citation() {
    let (mut s, index) = markdown_reader(200, 60);
    let text = index.document(s.reader.doc.unwrap() as u32).text.clone();
    assert!(
        text.contains("between 2025\n    and 2029"),
        "the fixture wraps the item"
    );
    press(&mut s, &index, "/ p a r t n e r s enter esc");
    let copied: Vec<String> = update(&mut s, Msg::Key("y".parse::<Key>().unwrap().to_event()))
        .into_iter()
        .filter_map(|e| match e {
            cordiale::app::Effect::Copy(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(
        copied[0].contains("€240 million between 2025 and 2029, split equally,"),
        "{copied:?}"
    );
    assert!(
        !copied[0].contains("  ") && !copied[0].contains('\n'),
        "{copied:?}"
    );
    open_new_workspace_on(&mut s, "tests/fixtures/reader");
    press(&mut s, &index, "3");
    let r = s.review.as_mut().unwrap();
    r.selected = r
        .order
        .iter()
        .position(|id| r.ws.items[id].anchor.exact.contains("€240 million"))
        .expect("the item is in the checklist");
    // The detail quotes the whole item and its figure, each on single spaces.
    let id = r.order[r.selected].clone();
    let detail: Vec<String> = cordiale::app::checklist::detail_body(
        &s,
        &s.review.as_ref().unwrap().ws.items[&id],
        false,
        300,
    )
    .iter()
    .map(|line| line.iter().map(|(t, _)| t.as_str()).collect())
    .collect();
    assert!(
        detail[0].contains("€240 million between 2025 and 2029, split equally, and will"),
        "{detail:?}"
    );
    assert!(!detail[0].contains("  "), "{detail:?}");
    assert_eq!(detail[1], "figures €240 million");
    // Its row: a quote whose words the file spaced, wrapped and marked up reads on single
    // spaces, without its markup.
    let r = s.review.as_mut().unwrap();
    r.ws.items.get_mut(&id).unwrap().anchor.exact =
        "**We**     carry\n    [responsibility](https://example.org/a_b).".into();
    let shown = screen(&render(&s));
    let row = shown
        .lines()
        .find(|l| l.contains("▶··"))
        .expect("the selected row");
    assert!(row.contains("We carry responsibility."), "{shown}");
    assert!(
        shown.contains("“We carry responsibility.”"),
        "the detail:\n{shown}"
    );
}

/// A Markdown document whose front matter and text carry terminal escapes and a bidi
/// override (as raw bytes, and as YAML's `\e` escape in a quoted title): every cell of
/// the documents list, the reader's border, header and text shows them as visible text.
#[test]
fn nothing_from_a_markdown_document_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hostile.md"),
        "---\ntitle: \"Harbour \\e[31mplan\x1b]0;pwned\x07\"\ndate: '2024-09-17'\n\
         source_url: https://example.org/\x1b[2J/a\n---\n\n\
         The **partners \x1b[31mwill** pay [\u{202e}€3\nmillion](https://x.org/\x1b[0m) by\n\
         June 2026.\n",
    )
    .unwrap();
    let corpus = Arc::new(cordiale::corpus::load(&[dir.path().to_path_buf()]).unwrap());
    let mut s = State::new(
        keymap::load(None, None).unwrap(),
        "hostile".into(),
        (120, 40),
    );
    update(&mut s, Msg::CorpusLoaded(Arc::clone(&corpus)));
    let index = Arc::new(Index::build(corpus));
    update(&mut s, Msg::IndexReady(Arc::clone(&index)));
    press(&mut s, &index, "enter");
    let t = render(&s);
    let shown = screen(&t);
    for c in shown.chars() {
        assert!(
            c == '\n' || !cordiale::safe_text::is_unsafe(c),
            "{c:?} on screen:\n{shown}"
        );
    }
    assert!(shown.contains("\\u{1b}[31m"), "shown escaped:\n{shown}");
    assert!(shown.contains("\\u{202e}€3 million"), "{shown}");
    assert!(
        shown.contains("\\u{1b}]0;pwned\\u{7}"),
        "the header:\n{shown}"
    );
}

/// The status bar's last row, as text.
fn status_row(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// A message matters more than the static text: at 80 columns a load warning shows whole,
/// with and without a workspace, the right-hand text and the context giving way.
#[test]
fn a_long_message_shows_whole_at_80_columns() {
    let message = "scanned.pdf skipped: scanned: no text layer — run OCR first, e.g. ocrmypdf";
    let mut rows = String::new();
    for workspace in [false, true] {
        let (mut s, _) = state(80, 24);
        if workspace {
            open_new_workspace(&mut s);
        }
        s.status = Some(cordiale::app::state::Status {
            text: message.into(),
            error: true,
        });
        let row = status_row(&render(&s));
        assert!(row.contains(message), "{row}");
        rows.push_str(&format!("|{row}|\n"));
        // A short one leaves the context and the workspace's name and state in place.
        s.status = Some(cordiale::app::state::Status {
            text: "documents by title".into(),
            error: false,
        });
        let row = status_row(&render(&s));
        assert!(row.starts_with(" documents documents by title"), "{row}");
        if workspace {
            assert!(row.contains("cordiale.json ○ new"), "{row}");
        }
        rows.push_str(&format!("|{row}|\n"));
    }
    insta::assert_snapshot!("status_long_message_80", rows);
}

/// From 100 columns up to three panes, the checklist's title keeps the agreement and κ,
/// leaving out the decorations first.
#[test]
fn the_checklist_title_keeps_agreement_and_kappa() {
    let mut rows = String::new();
    for w in [100, 120, 140, 159] {
        let (mut s, index) = state(w, 30);
        open_new_workspace(&mut s);
        {
            use cordiale::workspace::Verdict;
            let r = s.review.as_mut().unwrap();
            let ids: Vec<_> = r.order.iter().take(4).cloned().collect();
            for (id, theirs) in ids.iter().zip([
                Verdict::KEPT,
                Verdict::BROKEN,
                Verdict::KEPT,
                Verdict::BROKEN,
            ]) {
                let item = r.ws.items.get_mut(id).unwrap();
                let at = "2026-11-25T08:00:00Z";
                item.set_review("ann", Verdict::KEPT, String::new(), at.into());
                item.set_review("bob", theirs, String::new(), at.into());
            }
            r.pair = ("ann".into(), "bob".into());
        }
        // `a` works the figures out again after the verdicts set by hand.
        press(&mut s, &index, "3 a");
        let shown = screen(&render(&s));
        let top = shown.lines().next().unwrap().to_string();
        assert!(
            top.contains("agree 50%") && top.contains("κ 0.00"),
            "{w}: {top}"
        );
        rows.push_str(&format!("{w:>3} {top}\n"));
    }
    insta::assert_snapshot!("checklist_title_100_to_159", rows);
}

/// The documents list names every document by its title at every width, with a
/// workspace open (three panes from 160 columns) and without: never a bare date and counts.
#[test]
fn the_documents_list_shows_titles_at_every_width() {
    for (w, h) in [
        (80, 24),
        (100, 30),
        (120, 40),
        (159, 40),
        (160, 40),
        (200, 60),
    ] {
        for workspace in [false, true] {
            let (mut s, index) = state(w, h);
            if workspace {
                open_new_workspace(&mut s);
            }
            press(&mut s, &index, "1");
            let t = render(&s);
            let buf = t.backend().buffer();
            let pane = cordiale::app::layout::layout(&s).documents.unwrap();
            let inside: Vec<String> = (pane.y..pane.y + pane.height)
                .map(|y| {
                    (pane.x..pane.x + pane.width)
                        .map(|x| buf[(x, y)].symbol().to_string())
                        .collect()
                })
                .collect();
            let text = inside.join("\n");
            for title in [
                "UK-FRANCE SUMMIT, 2",
                "Joint statement by",
                "Bernard Cazeneuve",
            ] {
                assert!(
                    text.contains(title),
                    "{w}×{h} workspace {workspace}: {title:?} not in\n{text}"
                );
            }
        }
    }
}

/// The finder at 80×24, in colour and without: the selected row shows `€10 million` cut
/// around the match, its characters marked by more than colour (bold and underlined), the
/// row names the document by its title and year, and the preview below shows the match in
/// its paragraph, marked the same way.
#[test]
fn the_finder_marks_its_matches_in_the_row_and_the_preview() {
    for mono in [false, true] {
        let (mut s, index) = state(80, 24);
        s.mono = mono;
        press(&mut s, &index, "ctrl-p 1 0 m");
        let t = render(&s);
        let buf = t.backend().buffer();
        let rows: Vec<String> = (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        let row = rows
            .iter()
            .position(|r| r.contains("▶# "))
            .expect("the selected row");
        let rule = rows
            .iter()
            .position(|r| r.contains("│─ "))
            .expect("the rule");
        assert!(rule > row, "the preview is below the list at 80 columns");
        let title = index.doc_info(s.finder.hits[0].doc as u32).title.clone();
        assert!(rows[row].contains(&title[..8]), "{}", rows[row]);
        assert!(rows[rule].contains(&title[..8]), "{}", rows[rule]);
        for y in [
            row,
            rule + 1
                + rows[rule + 1..]
                    .iter()
                    .position(|r| r.contains("€10 million"))
                    .unwrap(),
        ] {
            let x = rows[y][..rows[y].find("€10 million").unwrap()]
                .chars()
                .count() as u16;
            for dx in 0..11 {
                let cell = &buf[(x + dx, y as u16)];
                assert!(
                    cell.modifier.contains(Modifier::BOLD),
                    "mono {mono}, row {y}: {cell:?}"
                );
                if mono {
                    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
                }
            }
            // The character after the match is plain.
            let after = &buf[(x + 11, y as u16)];
            assert!(
                !after.modifier.contains(Modifier::BOLD),
                "mono {mono}, row {y}: {after:?}"
            );
        }
    }
}

/// A document previewed beside the list is wrapped again when a workspace opens a third
/// pane and narrows the reader: no line of it runs past the pane's border.
#[test]
fn the_previewed_document_fits_its_pane_once_the_checklist_opens() {
    let (mut s, _) = state(200, 60);
    assert!(
        s.reader.doc.is_some(),
        "the first screen previews a document"
    );
    let before = s.reader.width;
    open_new_workspace(&mut s);
    let pane = cordiale::app::layout::layout(&s).reader.unwrap();
    assert!(
        s.reader.width < before,
        "{} then {}",
        before,
        s.reader.width
    );
    let t = render(&s);
    let buf = t.backend().buffer();
    let right = pane.x + pane.width - 1;
    for y in pane.y + 1..pane.y + pane.height - 1 {
        assert_eq!(
            buf[(right, y)].symbol(),
            "│",
            "row {y} runs over the border"
        );
        let last = buf[(right - 1, y)].symbol();
        assert_eq!(last, " ", "row {y}: text reaches the border cell");
    }
}
