//! Text wider or narrower than its characters — emoji with a variation selector (❤️ is two
//! code points, two columns), ZWJ sequences (👩‍👩‍👧), CJK, combining accents — in the
//! reader, the finder, the checklist and the timeline at several sizes, through ratatui's
//! TestBackend: no row runs past its pane (the right border stays whole), the reader loses
//! no word at the right edge, and columns padded after a wide name stay in line.

mod common;
use common::{press, render};
use std::path::Path;
use std::sync::Arc;

use cordiale::app::layout::{layout, pane_inner};
use cordiale::app::{Msg, State, update};
use cordiale::keymap::{self};
use cordiale::search::Index;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const HEART: &str = "\u{2764}\u{fe0f}";
const FAMILY: &str = "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}";

/// Two invented documents: one full of wide and joined characters (its file name too),
/// one plain, each with a commitment that has a deadline and a figure.
fn corpus_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wide = format!(
        "---\ntitle: \u{6771}\u{4eac} {HEART} report on families {FAMILY}\ndate: 2024-05-01\n---\n\n\
         # Families {FAMILY} and cafe\u{301}s\n\n\
         The ministry {HEART} will pay \u{20ac}10 million to families {FAMILY} in \u{6771}\u{4eac}\u{90fd} \
         and in Zu\u{308}rich by March 2025. \u{65e5}\u{672c}\u{8a9e}\u{306e}\u{30c6}\u{30ad}\u{30b9}\u{30c8}\
         \u{3092}\u{8aad}\u{3080}\u{4eba}\u{306f} {HEART}{HEART}{HEART} many cafe\u{301}s on the \
         Champs-E\u{301}lyse\u{301}es {FAMILY}{FAMILY} welcomed the news with {HEART} and \
         \u{1f1eb}\u{1f1f7} flags.\n\n\
         The city will open 12 new schools {FAMILY} by June 2026, said the mayor of \
         \u{6771}\u{4eac}\u{90fd} {HEART} in a long statement about \u{5b66}\u{6821}\u{3068}\
         \u{5bb6}\u{65cf} and what follows.\n\n{}\n",
        // Each word is one column wider than its characters: lines filled to the edge.
        (0..40)
            .map(|i| format!("word{i}{HEART}\u{2600}\u{fe0f}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    std::fs::write(
        dir.path()
            .join("\u{6771}\u{4eac}\u{306e}\u{5831}\u{544a}\u{66f8}.md"),
        wide,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plain.md"),
        "---\ntitle: A plain report\ndate: 2024-02-01\n---\n\n\
         The council will build 300 homes by June 2026 and spend 10 million on roads.\n",
    )
    .unwrap();
    dir
}

fn state(dir: &Path, (w, h): (u16, u16)) -> (State, Arc<Index>) {
    let corpus = Arc::new(cordiale::corpus::load(&[dir.to_path_buf()]).unwrap());
    let mut s = State::new(keymap::load(None, None).unwrap(), "wide".into(), (w, h));
    update(&mut s, Msg::CorpusLoaded(Arc::clone(&corpus)));
    let index = Arc::new(Index::build(Arc::clone(&corpus)));
    update(&mut s, Msg::IndexReady(Arc::clone(&index)));
    let missing = Path::new("/nonexistent/cordiale.json");
    update(
        &mut s,
        cordiale::app::review::open(
            missing,
            &corpus,
            &cordiale::search::digests::digests(&corpus, None),
            &[dir.to_path_buf()],
            Some("ann".into()),
        ),
    );
    (s, index)
}

/// What row `y` of `r` shows: each drawn grapheme once (the cells a wide one covers skipped).
fn row(buf: &Buffer, r: Rect, y: u16) -> String {
    let mut out = String::new();
    let mut x = r.x;
    while x < r.x + r.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += cordiale::width::of(symbol).max(1) as u16;
    }
    out
}

/// The right border of the framed `r` is whole on every row: nothing ran over it.
fn border_whole(buf: &Buffer, r: Rect, what: &str) {
    let x = r.x + r.width - 1;
    for y in r.y + 1..r.y + r.height - 1 {
        assert_eq!(
            buf[(x, y)].symbol(),
            "│",
            "{what}: row {y} runs over its border: {:?}",
            row(buf, r, y)
        );
    }
}

const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (200, 60)];

/// Every display line on screen is drawn whole: the reader loses no word at its edge.
fn reader_lines_whole(s: &State, buf: &Buffer) {
    let r = layout(s).reader.expect("the reader is shown");
    let inner = pane_inner(s, r);
    let rd = &s.reader;
    for (k, line) in rd
        .lines
        .iter()
        .skip(rd.top)
        .take(inner.height as usize)
        .enumerate()
    {
        let cells = &rd.display.cells[line.cells.0..line.cells.1];
        let expected: String = cells.iter().map(|c| c.c).collect();
        let shown = row(buf, inner, inner.y + k as u16);
        assert!(
            shown.contains(expected.trim_end()),
            "{:?}: line {k} lost its end:\nexpected {expected:?}\nshown    {shown:?}",
            s.size
        );
    }
    if s.size.0 >= cordiale::app::layout::SIDE_BY_SIDE {
        border_whole(buf, r, "reader");
    }
}

#[test]
fn the_reader_draws_every_line_whole_at_every_size() {
    let dir = corpus_dir();
    for size in SIZES {
        let (mut s, index) = state(dir.path(), size);
        // The wide document sorts first by date? Open each in turn.
        for doc in 0..2 {
            let (mut s2, _) = (s.clone(), ());
            if doc == 1 {
                press(&mut s2, &index, "down");
            }
            press(&mut s2, &index, "enter");
            assert!(s2.reader.doc.is_some());
            loop {
                let t = render(&s2);
                reader_lines_whole(&s2, t.backend().buffer());
                let top = s2.reader.top;
                press(&mut s2, &index, "pagedown");
                if s2.reader.top == top {
                    break;
                }
            }
        }
        press(&mut s, &index, "enter");
        if size == (80, 24) || size == (120, 40) {
            let t = render(&s);
            insta::assert_snapshot!(format!("reader_{}x{}", size.0, size.1), t.backend());
        }
    }
}

#[test]
fn finder_checklist_and_timeline_rows_stay_in_their_panes() {
    let dir = corpus_dir();
    for size in SIZES {
        let (s, index) = state(dir.path(), size);
        // The finder: hits in the wide document and the plain one.
        let mut f = s.clone();
        press(&mut f, &index, "ctrl-p m i l l i o n");
        assert!(!f.finder.hits.is_empty());
        let t = render(&f);
        border_whole(t.backend().buffer(), layout(&f).overlay.unwrap(), "finder");
        // The checklist: both documents' items, their quotes starting in one column.
        let mut c = s.clone();
        press(&mut c, &index, "3");
        let t = render(&c);
        let buf = t.backend().buffer();
        let r = layout(&c).checklist.expect("the checklist is shown");
        if size.0 >= cordiale::app::layout::SIDE_BY_SIDE {
            border_whole(buf, r, "checklist");
        }
        let inner = pane_inner(&c, r);
        let starts: Vec<usize> = (inner.y..inner.y + inner.height)
            .map(|y| row(buf, inner, y))
            .filter_map(|text| {
                let at = text.find(" The ")?;
                Some(cordiale::width::of(&text[..at]))
            })
            .collect();
        assert!(starts.len() >= 2, "{size:?}: {starts:?}");
        assert!(
            starts.iter().all(|&x| x == starts[0]),
            "{size:?}: the quotes start in different columns: {starts:?}"
        );
        // The timeline, its rows named by the wide title, and its event list.
        let mut tl = s.clone();
        press(&mut tl, &index, "T");
        assert!(tl.timeline.is_some());
        let t = render(&tl);
        border_whole(
            t.backend().buffer(),
            layout(&tl).timeline.unwrap(),
            "timeline",
        );
    }
}
