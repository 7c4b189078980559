//! The workbench's loop: block on one channel of messages (keys, loading, finder results,
//! signals), apply them all through `update`, carry out the effects, draw once. Nothing runs
//! at rest: no timer, no tick, so an idle workbench writes nothing and uses no CPU.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::msg::Mouse;
use crate::app::{Effect, Msg, State, update};
use crate::keymap::Keymap;
use crate::search::{Index, Searcher, cache};
use crate::term::backend::LeanBackend;
use crate::{corpus, term, ui};

/// What the workbench is started with, from the command line.
pub struct Options {
    /// The documents and folders to load.
    pub paths: Vec<PathBuf>,
    /// Shown in the status bar.
    pub corpus_name: String,
    /// The key bindings.
    pub keymap: Keymap,
    /// Where the index cache lives (`None`: no cache).
    pub cache_dir: Option<PathBuf>,
    /// Capture the mouse (wheel and clicks); off by default so text can be selected.
    pub mouse: bool,
    /// The review workspace file, and who is reviewing.
    pub workspace: PathBuf,
    /// Who is reviewing (`None`: nobody named, the checklist is read-only).
    pub reviewer: Option<String>,
    /// Open the checklist in blind mode (`--blind`).
    pub blind: bool,
    /// `--as-of DATE`: the day the review is assessed as of, over the workspace's setting.
    pub as_of: Option<crate::calendar::Day>,
    /// `--log FILE`: what the workbench did, for a bug report.
    pub log: Arc<crate::log::Log>,
    /// `--color`: `never` (or `NO_COLOR`) draws with modifiers and markers only.
    pub color: ui::theme::ColorChoice,
}

type Backend = LeanBackend<BufWriter<io::Stdout>>;

/// Runs the workbench until the user quits or a signal ends it; the terminal is restored on
/// every way out.
pub fn run(options: Options) -> io::Result<()> {
    term::install_panic_hook();
    term::enter(options.mouse)?;
    let result = run_entered(options);
    term::leave();
    result
}

/// A terminal of a fixed size. ratatui's own resizing and clearing ask the terminal for the
/// cursor position, and the answer would be read by the input thread instead (stalling
/// the loop): so the workbench follows resizes itself, with a new `Terminal` each time.
fn new_terminal((w, h): (u16, u16)) -> io::Result<Terminal<Backend>> {
    let out = BufWriter::with_capacity(1 << 16, io::stdout());
    let backend = LeanBackend::new(out, (w, h));
    let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
    Terminal::with_options(backend, TerminalOptions { viewport })
}

/// Clears the screen and starts from an empty frame, so the next draw paints every cell.
fn repaint_all(terminal: &mut Terminal<Backend>, size: (u16, u16)) -> io::Result<()> {
    let out = terminal.backend_mut().writer_mut();
    out.write_all(b"\x1b[r\x1b[0m\x1b[2J")?;
    out.flush()?;
    *terminal = new_terminal(size)?;
    Ok(())
}

fn run_entered(options: Options) -> io::Result<()> {
    let size = ratatui::crossterm::terminal::size()?;
    let mut terminal = new_terminal(size)?;
    let mut state = State::new(options.keymap, options.corpus_name, size);
    state.mono = !ui::theme::colour(options.color, true);
    state.blind_at_start = options.blind;
    state.today = crate::workspace::today();
    state.as_of_option = options.as_of;
    state.state_dir = crate::app::memory::state_dir();
    state.corpus_key = crate::app::memory::corpus_key(&options.paths);
    crate::app::memory::load(&mut state);
    // The first frame, before anything is loaded.
    draw(&mut terminal, &state)?;

    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    spawn_signals(tx.clone());
    let finder = spawn_finder(tx.clone());
    let watcher = watch(tx.clone(), &options.workspace);
    let review = (options.workspace, options.reviewer);
    let log = options.log;
    log.line(&format!("terminal {}x{}", size.0, size.1));
    spawn_loader(
        tx.clone(),
        options.paths,
        options.cache_dir,
        review,
        Arc::clone(&log),
    );
    let result = event_loop(
        &mut terminal,
        &mut state,
        (&tx, &rx),
        &finder,
        (options.mouse, &log),
    );
    log.line(&match &result {
        Ok(()) => "quit".to_string(),
        Err(e) => format!("ended: {e}"),
    });
    drop(watcher);
    result
}

fn event_loop(
    terminal: &mut Terminal<Backend>,
    state: &mut State,
    (tx, rx): (&Sender<Msg>, &Receiver<Msg>),
    finder: &Sender<(u64, String, Arc<Index>)>,
    (mouse, log): (bool, &crate::log::Log),
) -> io::Result<()> {
    let test_panic = std::env::var_os("CORDIALE_TEST_PANIC").is_some();
    // Whether a thread waits for the workspace's lock (one at a time).
    let mut waiting_for_lock = false;
    while let Ok(first) = rx.recv() {
        let mut repaint = false;
        let mut batch: std::collections::VecDeque<Msg> = std::iter::once(first).collect();
        batch.extend(rx.try_iter());
        while let Some(msg) = batch.pop_front() {
            if test_panic && matches!(msg, Msg::Key(_)) {
                panic!("CORDIALE_TEST_PANIC: a forced panic to test terminal restoration");
            }
            if matches!(msg, Msg::LockFree) {
                waiting_for_lock = false;
            }
            let described = log.is_on().then(|| msg.describe());
            let began = std::time::Instant::now();
            let effects = update(state, msg);
            if let Some(what) = described {
                let kinds: Vec<&str> = effects.iter().map(Effect::kind).collect();
                log.line(&format!(
                    "{what}: update {} µs{}{}",
                    began.elapsed().as_micros(),
                    if kinds.is_empty() { "" } else { ", then " },
                    kinds.join(", ")
                ));
            }
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => {
                        suspend(mouse);
                        repaint = true;
                    }
                    Effect::Redraw => repaint = true,
                    Effect::Copy(text) => {
                        let out = terminal.backend_mut().writer_mut();
                        out.write_all(term::osc52(&text).as_bytes())?;
                        out.flush()?;
                    }
                    Effect::Search { generation, query } => {
                        if let Some(index) = &state.index {
                            let _ = finder.send((generation, query, Arc::clone(index)));
                        }
                    }
                    // At once, and its outcome applied before the next key: a change is
                    // on disk when its key is handled (a kill right after loses nothing),
                    // and the next save merges from what this one wrote.
                    Effect::Write {
                        path,
                        contents,
                        what,
                    } => {
                        let written = crate::app::review::write_new(&path, &contents, what);
                        batch.push_front(written);
                    }
                    Effect::KeepDrafts { workspace, drafts } => {
                        if let Err(e) = crate::app::draft::store(&workspace, &drafts) {
                            batch.push_front(Msg::Written(Err(format!("note draft: {e}"))));
                        }
                    }
                    Effect::Remember { path, contents } => {
                        if let Err(e) = crate::app::memory::write(&path, &contents) {
                            batch.push_front(Msg::Written(Err(format!("not remembered: {e}"))));
                        }
                    }
                    Effect::Refresh => {
                        if let Some(outcome) = crate::app::review::refresh(state) {
                            batch.push_front(outcome);
                        }
                    }
                    Effect::Save => {
                        if let Some(outcome) = crate::app::review::save(state) {
                            batch.push_front(outcome);
                        }
                    }
                    Effect::WaitForLock(lock) if !waiting_for_lock => {
                        waiting_for_lock = true;
                        spawn_lock_waiter(tx.clone(), lock);
                    }
                    Effect::WaitForLock(_) => {}
                }
            }
            if state.quit {
                return Ok(());
            }
        }
        let area = terminal.get_frame().area();
        if repaint || (area.width, area.height) != state.size {
            repaint_all(terminal, state.size)?;
        }
        let began = std::time::Instant::now();
        draw(terminal, state)?;
        if log.is_on() {
            log.line(&format!("frame {} µs", began.elapsed().as_micros()));
        }
    }
    Ok(())
}

/// One frame (the backend wraps a large one in a synchronized update).
fn draw(terminal: &mut Terminal<Backend>, state: &State) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(state, frame))?;
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop until `fg`, take it again.
fn suspend(mouse: bool) {
    term::leave();
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    let _ = term::enter(mouse);
}

/// Watches the workspace's folder (a save replaces the file, so the file itself cannot be
/// watched) and reports changes to the file; for a symbolic link, its target's folder,
/// where saves write. The watcher blocks in the kernel: no CPU at rest.
fn watch(tx: Sender<Msg>, workspace: &std::path::Path) -> Option<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let target = crate::workspace::io::written_path(workspace).ok();
    let workspace = target.as_deref().unwrap_or(workspace);
    let name = workspace.file_name()?.to_os_string();
    let dir = match workspace.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name() == Some(name.as_os_str()));
        let change = matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        );
        if ours && change {
            let _ = tx.send(Msg::DiskChanged);
        }
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

/// Waits for the workspace's lock on a thread of its own (asleep in the kernel, no CPU),
/// so the workbench keeps answering keys meanwhile; says when it is free.
fn spawn_lock_waiter(tx: Sender<Msg>, lock: PathBuf) {
    thread::spawn(move || {
        // A lock that cannot even be waited for: the retry reports why.
        let _ = crate::workspace::lock::wait_until_free(&lock);
        let _ = tx.send(Msg::LockFree);
    });
}

fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Msg::Key(k),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::Mouse(m)) => match m.kind {
                    MouseEventKind::ScrollDown => Msg::Mouse(Mouse::WheelDown, m.column, m.row),
                    MouseEventKind::ScrollUp => Msg::Mouse(Mouse::WheelUp, m.column, m.row),
                    MouseEventKind::Down(MouseButton::Left) => {
                        Msg::Mouse(Mouse::Click, m.column, m.row)
                    }
                    _ => continue,
                },
                Ok(_) => continue,
                // The terminal is gone: leave rather than spin.
                Err(_) => Msg::Terminate,
            };
            let end = matches!(msg, Msg::Terminate);
            if tx.send(msg).is_err() || end {
                return;
            }
        }
    });
}

fn spawn_signals(tx: Sender<Msg>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGCONT])
        else {
            return;
        };
        thread::spawn(move || {
            for signal in signals.forever() {
                let msg = if signal == SIGCONT {
                    Msg::Resumed
                } else {
                    term::leave();
                    Msg::Terminate
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
    }
}

fn spawn_loader(
    tx: Sender<Msg>,
    paths: Vec<PathBuf>,
    cache_dir: Option<PathBuf>,
    (workspace, reviewer): (PathBuf, Option<String>),
    log: Arc<crate::log::Log>,
) {
    thread::spawn(move || {
        let began = std::time::Instant::now();
        let extracted = crate::extract::extracted_count();
        let corpus = match corpus::load(&paths) {
            Ok(c) => Arc::new(c),
            Err(e) => {
                let _ = tx.send(Msg::LoadFailed(e.to_string()));
                return;
            }
        };
        log.line(&format!(
            "loader: corpus read in {} ms",
            began.elapsed().as_millis()
        ));
        if tx.send(Msg::CorpusLoaded(Arc::clone(&corpus))).is_err() {
            return;
        }
        // One pass: the index and the workspace's digests come from the same extraction of
        // each changed document (none when the caches are warm).
        let (index, digests) = cache::build_with_digests(Arc::clone(&corpus), cache_dir.as_deref());
        log.line(&format!(
            "loader: index ready at {} ms, {} documents extracted",
            began.elapsed().as_millis(),
            crate::extract::extracted_count() - extracted
        ));
        if tx.send(Msg::IndexReady(Arc::new(index))).is_err() {
            return;
        }
        let _ = tx.send(crate::app::review::open(
            &workspace, &corpus, &digests, &paths, reviewer,
        ));
        log.line(&format!(
            "loader: workspace open at {} ms",
            began.elapsed().as_millis()
        ));
    });
}

/// The finder's worker: runs the newest query only (older ones still queued are skipped),
/// and tags results with their generation so the UI drops any that arrive late.
fn spawn_finder(tx: Sender<Msg>) -> Sender<(u64, String, Arc<Index>)> {
    let (queries, rx) = mpsc::channel::<(u64, String, Arc<Index>)>();
    thread::spawn(move || {
        let mut searcher = Searcher::default();
        while let Ok(mut job) = rx.recv() {
            if let Some(newer) = rx.try_iter().last() {
                job = newer;
            }
            let (generation, text, index) = job;
            let msg = crate::app::finder::run(&index, &mut searcher, generation, &text);
            if tx.send(msg).is_err() {
                return;
            }
        }
    });
    queries
}
