//! The real binary in a pseudo-terminal (portable-pty), its screen read back with vt100:
//! opening, help, the finder, quitting, idle silence, NO_COLOR, resizing, hostile text and
//! a panic. Waits are for text on the screen, not fixed sleeps.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: CI machines are slow, and waits end as soon as the text shows.
const TIMEOUT: Duration = Duration::from_secs(20);

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

struct Session {
    parser: vt100::Parser,
    bytes: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The state folder of this run (finder history, drafts): never the user's.
    _state: tempfile::TempDir,
}

impl Session {
    fn start(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cordiale"));
        cmd.args(args);
        Session::spawn(cmd, cols, rows, env)
    }

    fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("CORDIALE_CACHE_DIR", "");
        cmd.env_remove("NO_COLOR");
        // No user keymap from the machine running the tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-cordiale-test");
        let state = tempfile::tempdir().expect("a state folder");
        cmd.env("XDG_STATE_HOME", state.path());
        // The bundled seeds are unpacked there too, with their workspace.
        cmd.env("XDG_DATA_HOME", state.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("cordiale starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (tx, bytes) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        Session {
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            bytes,
            raw: Vec::new(),
            writer,
            master: pair.master,
            child,
            _state: state,
        }
    }

    fn pump(&mut self, wait: Duration) -> usize {
        match self.bytes.recv_timeout(wait) {
            Ok(b) => {
                self.parser.process(&b);
                self.raw.extend_from_slice(&b);
                b.len()
            }
            Err(_) => 0,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn wait_for(&mut self, text: &str) {
        let end = Instant::now() + TIMEOUT;
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < end,
                "timed out waiting for {text:?}; the screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn wait_gone(&mut self, text: &str) {
        let end = Instant::now() + TIMEOUT;
        while self.screen().contains(text) {
            assert!(
                Instant::now() < end,
                "timed out waiting for {text:?} to go; the screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Bytes the program writes in `span` with no input.
    fn idle_bytes(&mut self, span: Duration) -> usize {
        let end = Instant::now() + span;
        let mut n = 0;
        while Instant::now() < end {
            n += self.pump(end.saturating_duration_since(Instant::now()));
        }
        n
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Waits for the process to end; whether it succeeded and everything it wrote.
    fn finish(self) -> (bool, Vec<u8>) {
        let (code, raw) = self.finish_code();
        (code == 0, raw)
    }

    /// Waits for the process to end; its exit code and everything it wrote.
    fn finish_code(mut self) -> (u32, Vec<u8>) {
        let end = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                while self.pump(Duration::from_millis(100)) > 0 {}
                return (status.exit_code(), std::mem::take(&mut self.raw));
            }
            assert!(
                Instant::now() < end,
                "cordiale did not exit:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Waits until the index is ready (the status bar shows the corpus and its size).
fn ready(s: &mut Session) {
    s.wait_for("documents · ? help");
}

/// A temporary folder holding `corpus/`, a copy of the seeds.
fn seeds_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for f in std::fs::read_dir(seeds).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), corpus.join(f.file_name())).unwrap();
    }
    (dir, corpus)
}

/// The workspace opens after the index: asks for the checklist until it is there (the
/// status bar names the focused pane; a narrow checklist title leaves its name out).
fn focus_checklist(s: &mut Session) {
    let end = Instant::now() + TIMEOUT;
    let focused = |s: &Session| {
        let screen = s.screen();
        let status = screen.lines().last().unwrap_or_default().to_string();
        status.starts_with(" checklist") && screen.contains("commitment")
    };
    while !focused(s) {
        assert!(Instant::now() < end, "{}", s.screen());
        s.send("3");
        s.pump(Duration::from_millis(200));
    }
}

fn left_alternate_screen(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw);
    let leave = text.rfind("\x1b[?1049l");
    let enter = text.rfind("\x1b[?1049h");
    leave.is_some() && leave > enter && text.rfind("\x1b[?25h") > enter
}

#[test]
fn opens_the_seeds_shows_help_and_quits_cleanly() {
    let mut s = Session::start(80, 24, &[], &[]);
    s.wait_for("Documents");
    ready(&mut s);
    assert!(
        s.screen().contains("1 Documents"),
        "tabs at 80×24:\n{}",
        s.screen()
    );
    s.send("?");
    s.wait_for("Keys · default.json");
    // The first page: the focused pane's keys (the global ones follow, further down).
    s.wait_for("filter documents by typing");
    // Esc alone (a key sent right after it would read as alt-key).
    s.send("\x1b");
    s.wait_gone("Keys · default.json");
    s.send("q");
    let (ok, raw) = s.finish();
    assert!(ok, "exit status");
    assert!(left_alternate_screen(&raw), "the terminal is restored");
}

#[test]
fn the_finder_finds_10m_and_opens_the_reader_there() {
    let mut s = Session::start(120, 40, &[], &[]);
    ready(&mut s);
    // The first screen: the list, and the reader previewing its selected (newest)
    // document.
    s.wait_for("visited Calais on Thursday 20 August");
    assert!(s.screen().contains("Documents"), "{}", s.screen());
    s.send("\x10"); // ctrl-p
    s.wait_for("Find in the corpus");
    s.send("10m");
    s.wait_for("matches");
    s.wait_for("€10 million");
    s.send("\r");
    s.wait_gone("Find in the corpus");
    // The status bar comes last in a frame.
    s.wait_for("\n reader · ");
    let screen = s.screen();
    assert!(
        screen.contains("€10 million"),
        "the reader shows the hit:\n{screen}"
    );
    s.send("q");
    assert!(s.finish().0);
}

/// The finder at 80×24: `10m` shows `€10 million` in its selected row and in the preview
/// below the list; `@2016` lists only dates of 2016.
#[test]
fn the_finder_shows_its_match_in_the_row_and_the_preview() {
    let mut s = Session::start(80, 24, &[], &[]);
    ready(&mut s);
    s.send("\x10"); // ctrl-p
    s.wait_for("Find in the corpus");
    s.send("10m");
    s.wait_for("of 2 matches");
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let selected = lines
        .iter()
        .find(|l| l.contains("▶# "))
        .unwrap_or_else(|| panic!("a selected figure row:\n{screen}"));
    assert!(selected.contains("€10 million"), "{screen}");
    let rule = lines
        .iter()
        .position(|l| l.contains("│─ "))
        .unwrap_or_else(|| panic!("the preview's rule:\n{screen}"));
    assert!(
        lines[rule + 1..].iter().any(|l| l.contains("€10 million")),
        "the preview shows the hit:\n{screen}"
    );
    // The rows name documents by title, not file name.
    assert!(!screen.contains(".txt"), "{screen}");
    s.send("\x15@2016"); // ctrl-u, then the query
    s.wait_for("> @2016");
    s.wait_for(" matches");
    let screen = s.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let count = lines.iter().position(|l| l.contains(" matches")).unwrap();
    let rule = lines.iter().position(|l| l.contains("│─ ")).unwrap();
    let rows: Vec<&str> = lines[count + 1..rule]
        .iter()
        .copied()
        .filter(|l| l.contains("@ "))
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    for row in rows {
        assert!(
            row.contains("2016") || row.contains("/16"),
            "{row}\n{screen}"
        );
    }
    s.send("\x1b");
    s.wait_gone("Find in the corpus");
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn idle_means_silent() {
    let mut s = Session::start(80, 24, &[], &[]);
    ready(&mut s);
    // Let the last frame out, then listen.
    s.idle_bytes(Duration::from_millis(300));
    let n = s.idle_bytes(Duration::from_secs(2));
    assert_eq!(n, 0, "bytes written while idle");
    s.send("q");
    assert!(s.finish().0);
}

/// Every SGR sequence in `raw` that sets a colour (foreground, background, 16, 256 or RGB).
fn colour_sgr(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        let params = &part[..end];
        let colour = params.split(';').any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        });
        if colour {
            found.push(params.to_string());
        }
    }
    found
}

#[test]
fn no_color_writes_no_colour() {
    let mut s = Session::start(120, 40, &[], &[("NO_COLOR", "1")]);
    ready(&mut s);
    s.send("\r"); // open the first document: highlights, markers
    s.wait_for("▶ ");
    s.send("f");
    s.send("q");
    let (ok, raw) = s.finish();
    assert!(ok);
    assert_eq!(colour_sgr(&raw), Vec::<String>::new());
    // Colour is on by default: the check can fail.
    let mut s = Session::start(120, 40, &[], &[]);
    ready(&mut s);
    s.send("q");
    let (_, raw) = s.finish();
    assert!(!colour_sgr(&raw).is_empty());
    // --color never does what NO_COLOR does; --color always overrides NO_COLOR.
    for (args, env, coloured) in [
        (&["--color", "never"][..], &[][..], false),
        (&["--color", "always"][..], &[("NO_COLOR", "1")][..], true),
    ] {
        let mut s = Session::start(120, 40, args, env);
        ready(&mut s);
        s.send("q");
        let (ok, raw) = s.finish();
        assert!(ok);
        assert_eq!(!colour_sgr(&raw).is_empty(), coloured, "{args:?}");
    }
}

#[test]
fn a_resize_reflows_and_a_tiny_terminal_says_so() {
    let mut s = Session::start(120, 40, &[], &[]);
    ready(&mut s);
    assert!(!s.screen().contains("1 Documents"));
    s.resize(80, 24);
    s.wait_for("1 Documents");
    s.resize(20, 5);
    s.wait_for("terminal too small");
    s.resize(120, 40);
    s.wait_for("documents · ? help");
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn escape_sequences_in_a_document_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hostile.txt"),
        "Hostile note\n\nThe text says \x1b[31mRED\x1b[0m and \x1b]0;pwned\x07 here.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap().to_string();
    let mut s = Session::start(120, 30, &[&path], &[]);
    ready(&mut s);
    s.send("\r");
    s.wait_for("RED");
    let screen = s.screen();
    assert!(
        screen.contains("\\u{1b}[31mRED"),
        "shown escaped:\n{screen}"
    );
    s.send("q");
    let (ok, raw) = s.finish();
    assert!(ok);
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.contains("\x1b[31mRED"),
        "the document's escape reached the terminal"
    );
    assert!(!text.contains("\x1b]0;pwned"));
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start(80, 24, &[], &[("CORDIALE_TEST_PANIC", "1")]);
    s.wait_for("Documents");
    s.send("j");
    let (ok, raw) = s.finish();
    assert!(!ok, "a panic is a failure");
    assert!(left_alternate_screen(&raw), "the terminal is restored");
    let text = String::from_utf8_lossy(&raw);
    let restored = text.rfind("\x1b[?1049l").unwrap();
    let message = text
        .find("CORDIALE_TEST_PANIC")
        .expect("the panic message is shown");
    assert!(
        message > restored,
        "the message comes after the restore, on the normal screen"
    );
}

#[test]
fn a_bad_keymap_is_reported_before_the_terminal_is_touched() {
    let bad =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keymaps/invalid/many_problems.json");
    let mut s = Session::start(80, 24, &["--keymap", bad.to_str().unwrap()], &[]);
    let end = Instant::now() + TIMEOUT;
    while !s.screen().contains("problems in the keymap") {
        assert!(Instant::now() < end, "{}", s.screen());
        s.pump(Duration::from_millis(50));
    }
    let (ok, raw) = s.finish();
    assert!(!ok);
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
    assert!(text.contains("unknown action \"botom\""), "{text}");
}

/// Help scrolled to its end and closed leaves the screen as it was: no border, no row of
/// help left behind; `q` in the help closes it and does not quit.
#[test]
fn help_scrolled_to_its_end_and_closed_leaves_no_residue() {
    let mut s = Session::start(80, 24, &[], &[]);
    ready(&mut s);
    // Settled: nothing more to draw.
    s.idle_bytes(Duration::from_millis(300));
    // What shows: a cell written blank and one never written look the same.
    let shown = |s: &Session| -> Vec<String> {
        s.screen()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    };
    let before = shown(&s);
    s.send("?");
    s.wait_for("Keys · default.json");
    // End (xterm's), then Esc alone.
    s.send("\x1b[F");
    s.wait_for("Timeline");
    s.idle_bytes(Duration::from_millis(200));
    s.send("\x1b");
    s.wait_gone("Keys · default.json");
    s.idle_bytes(Duration::from_millis(300));
    assert_eq!(shown(&s), before, "the screen after `? End esc`");
    s.send("?");
    s.wait_for("Keys · default.json");
    s.send("q");
    s.wait_gone("Keys · default.json");
    s.idle_bytes(Duration::from_millis(300));
    assert_eq!(shown(&s), before, "the screen after `? q`");
    s.send("q");
    let (ok, raw) = s.finish();
    assert!(ok);
    assert!(left_alternate_screen(&raw));
}

/// A mistyped corpus path or a folder without documents: said on the terminal's normal
/// screen with exit 2, not a workbench waiting for a corpus that never comes.
#[test]
fn a_missing_path_or_an_empty_folder_is_reported_before_the_terminal_is_touched() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("notes.xyz"), "not a document").unwrap();
    let missing = empty.path().join("no-such-corpus");
    let cases = [
        (missing.clone(), "no-such-corpus"),
        (empty.path().to_path_buf(), "no documents found"),
    ];
    for (path, said) in cases {
        let mut s = Session::start(80, 24, &[path.to_str().unwrap()], &[]);
        let end = Instant::now() + TIMEOUT;
        while !s.screen().contains(said) {
            assert!(Instant::now() < end, "{}", s.screen());
            s.pump(Duration::from_millis(50));
        }
        let (code, raw) = s.finish_code();
        let text = String::from_utf8_lossy(&raw);
        assert_eq!(code, 2, "{text}");
        assert!(
            !text.contains("\x1b[?1049h"),
            "the alternate screen was never entered: {text:?}"
        );
        assert!(text.contains("cordiale: "), "{text}");
    }
}

/// Ctrl-Z under a shell with job control, as people use it: the shell gets its screen
/// back, and `fg` brings the workbench back whole.
#[test]
fn ctrl_z_suspends_and_fg_repaints() {
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "shell$ ");
    let mut s = Session::spawn(cmd, 80, 24, &[]);
    s.wait_for("shell$");
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_cordiale")));
    ready(&mut s);
    s.send("\x1a"); // ctrl-z
    s.wait_for("Stopped");
    assert!(
        left_alternate_screen(&s.raw),
        "the shell gets its screen back"
    );
    let before = s.raw.len();
    s.send("fg\r");
    s.wait_for("documents · ? help");
    let after = String::from_utf8_lossy(&s.raw[before..]).to_string();
    assert!(
        after.contains("\x1b[?1049h"),
        "back on the alternate screen"
    );
    assert!(after.contains("\x1b[2J"), "a full repaint");
    let quit_at = s.raw.len();
    s.send("q");
    let end = Instant::now() + TIMEOUT;
    // Bash prints its prompt once the workbench has exited (before, typed keys are its).
    while !String::from_utf8_lossy(&s.raw[quit_at..]).contains("shell$ ") {
        assert!(Instant::now() < end, "the workbench did not leave");
        s.pump(Duration::from_millis(50));
    }
    // The shell reads again once the workbench is gone (its arithmetic proves it ran).
    s.send("echo back-$((40+2))\r");
    s.wait_for("back-42");
    s.send("exit\r");
    assert!(s.finish().0);
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let mut s = Session::start(80, 24, &[], &[]);
        ready(&mut s);
        let pid = s.child.process_id().expect("a pid").to_string();
        let killed = std::process::Command::new("kill")
            .args([signal, &pid])
            .status();
        assert!(killed.unwrap().success());
        let (_, raw) = s.finish();
        assert!(left_alternate_screen(&raw), "{signal}");
    }
}

#[test]
fn a_paste_goes_into_the_finder_and_y_copies_by_osc52() {
    let mut s = Session::start(120, 40, &[], &[]);
    ready(&mut s);
    s.send("\x10");
    s.wait_for("Find in the corpus");
    // A bracketed paste holding a `q` and a newline: text, not keys.
    s.send("\x1b[200~10m q\x1b[201~");
    s.wait_for("> 10m q");
    s.send("\x15"); // ctrl-u clears the line
    s.send("10m");
    s.wait_for("€10 million");
    s.send("\r");
    s.wait_for("\n reader · ");
    s.send("y");
    s.wait_for("copied the sentence");
    let text = String::from_utf8_lossy(&s.raw).to_string();
    let start = text.find("\x1b]52;c;").expect("an OSC 52 sequence");
    assert!(text[start..].contains('\x07'));
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn the_mouse_is_captured_only_when_asked() {
    let mut s = Session::start(120, 40, &[], &[]);
    ready(&mut s);
    s.send("q");
    let (_, raw) = s.finish();
    assert!(
        !String::from_utf8_lossy(&raw).contains("\x1b[?1000h"),
        "no capture by default"
    );

    let mut s = Session::start(120, 40, &["--mouse"], &[]);
    ready(&mut s);
    assert!(String::from_utf8_lossy(&s.raw).contains("\x1b[?1000h"));
    // Two SGR clicks on the first document's row open it in the reader.
    s.send("\x1b[<0;6;3M\x1b[<0;6;3m");
    s.send("\x1b[<0;6;3M\x1b[<0;6;3m");
    s.wait_for("\n reader · ");
    s.send("q");
    let (ok, raw) = s.finish();
    assert!(ok);
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.rfind("\x1b[?1000l") > text.rfind("\x1b[?1000h"),
        "capture released"
    );
}

/// A verdict key in the checklist is on disk once handled: killing the workbench right
/// after (SIGKILL, no chance to save) loses nothing.
#[test]
fn a_verdict_key_survives_sigkill() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let args = [
        corpus.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--reviewer",
        "ann",
    ];
    let mut s = Session::start(120, 40, &args, &[]);
    ready(&mut s);
    focus_checklist(&mut s);
    s.send("K");
    s.wait_for("saved to");
    let pid = s.child.process_id().expect("a pid").to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status()
            .unwrap()
            .success()
    );
    let _ = s.finish();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let verdicts: Vec<&serde_json::Value> = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|i| i["reviews"].get("ann"))
        .collect();
    assert_eq!(verdicts.len(), 1);
    assert_eq!(verdicts[0]["verdict"], "kept");
}

/// Two workbenches on one workspace at once, as two reviewers: each verdict is saved, each
/// session sees the other's through the file watcher, and none is lost.
#[test]
fn two_workbenches_on_one_workspace_lose_nothing() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let start = |who: &str| {
        let args = [
            corpus.to_str().unwrap(),
            "--workspace",
            ws.to_str().unwrap(),
            "--reviewer",
            who,
        ];
        let mut s = Session::start(120, 40, &args, &[]);
        ready(&mut s);
        focus_checklist(&mut s);
        s
    };
    let mut ann = start("ann");
    let mut bob = start("bob");
    ann.send("K");
    ann.wait_for("saved to");
    bob.send("\x1b[B"); // down: the second item
    bob.send("B");
    bob.wait_for("saved to");
    // ann's session merges bob's save when the file changes.
    ann.wait_for("merged changes made elsewhere");
    ann.send("\x1b[B\x1b[B");
    ann.send("P");
    ann.wait_for("saved to");
    ann.send("q");
    bob.send("q");
    assert!(ann.finish().0);
    assert!(bob.finish().0);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let mut given: Vec<(String, String)> = Vec::new();
    for item in saved["items"].as_object().unwrap().values() {
        for (who, r) in item["reviews"].as_object().unwrap() {
            given.push((who.clone(), r["verdict"].as_str().unwrap().to_string()));
        }
    }
    given.sort();
    assert_eq!(
        given,
        [
            ("ann".to_string(), "kept".to_string()),
            ("ann".to_string(), "partial".to_string()),
            ("bob".to_string(), "broken".to_string()),
        ]
    );
}

/// A workspace lock held by another process (here, this test) never freezes the
/// workbench: the verdict waits, the status bar names the holder, keys still work, and the
/// verdict is saved as soon as the lock is let go.
#[test]
fn a_held_lock_is_reported_and_the_workbench_stays_responsive() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let mut lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.path().join("cordiale.json.lock"))
        .unwrap();
    lock.lock().unwrap();
    writeln!(lock, "pid 4242, zoe on tests, since 2026-01-01T00:00:00Z").unwrap();
    let args = [
        corpus.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--reviewer",
        "ann",
    ];
    let mut s = Session::start(200, 40, &args, &[]);
    ready(&mut s);
    focus_checklist(&mut s);
    s.send("K");
    s.wait_for("held by pid 4242, zoe on tests");
    assert!(!ws.exists(), "saved through a held lock");
    // Still answering keys while the lock is held.
    s.send("?");
    s.wait_for("Keys · default.json");
    s.send("?");
    s.wait_gone("Keys · default.json");
    lock.unlock().unwrap();
    s.wait_for("saved to");
    s.send("q");
    assert!(s.finish().0);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let given = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .filter(|i| i["reviews"]["ann"]["verdict"] == "kept")
        .count();
    assert_eq!(given, 1);
}

/// Two Unix users of one group take turns on one workspace in a setgid, group-writable
/// folder, through the CLI and the workbench (run as each uid with `setpriv`): every save
/// keeps the file's group and mode, nobody meets "Permission denied", nothing is lost.
#[test]
fn two_unix_users_take_turns_through_the_cli_and_the_workbench() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    const TEAM: u32 = 4400;
    let skip = |why: &str| println!("SKIPPED two_unix_users_take_turns…: {why}");
    if std::fs::metadata("/proc/self").map_or(true, |m| m.uid() != 0) {
        return skip("needs root to run cordiale as two other uids");
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let Some(setpriv) = setpriv else {
        return skip("setpriv (util-linux) is not installed");
    };
    let (dir, corpus) = seeds_copy();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::os::unix::fs::chown(&team, Some(4401), Some(TEAM)).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o2775)).unwrap();
    let ws = team.join("cordiale.json");
    // As `uid`, group TEAM and no other, with a team's usual umask 002.
    let as_user = |uid: u32| {
        let mut cmd = CommandBuilder::new(setpriv);
        cmd.args([
            format!("--reuid={uid}"),
            format!("--regid={TEAM}"),
            "--clear-groups".into(),
            "--".into(),
            "sh".into(),
            "-c".into(),
            "umask 002 && exec \"$0\" \"$@\"".into(),
            env!("CARGO_BIN_EXE_cordiale").into(),
        ]);
        cmd.env("HOME", &team);
        cmd
    };
    let cli = |uid: u32, args: &[&str]| {
        let o = std::process::Command::new(setpriv)
            .args([
                &format!("--reuid={uid}"),
                &format!("--regid={TEAM}"),
                "--clear-groups",
                "--",
                "sh",
                "-c",
                "umask 002 && exec \"$0\" \"$@\"",
                env!("CARGO_BIN_EXE_cordiale"),
            ])
            .args(args)
            .args(["--corpus", corpus.to_str().unwrap()])
            .args(["--workspace", ws.to_str().unwrap()])
            .env("CORDIALE_CACHE_DIR", "")
            .env_remove("CORDIALE_REVIEWER")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            o.status.success() && !err.contains("ermission denied"),
            "{args:?}: {err}"
        );
        o
    };
    let workbench = |uid: u32, who: &str| {
        let mut cmd = as_user(uid);
        cmd.args([
            corpus.to_str().unwrap(),
            "--workspace",
            ws.to_str().unwrap(),
            "--reviewer",
            who,
        ]);
        let mut s = Session::spawn(cmd, 160, 40, &[]);
        ready(&mut s);
        focus_checklist(&mut s);
        s
    };
    let shared = |after: &str| {
        let m = std::fs::metadata(&ws).unwrap();
        assert_eq!((m.gid(), m.mode() & 0o777), (TEAM, 0o664), "after {after}");
    };
    let listed = cli(4401, &["checklist", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let ids: Vec<String> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    // ann (4401) by the CLI makes the file; bob (4402) rates in the workbench, while ann's
    // next CLI verdict lands; then ann in the workbench, bob by the CLI.
    cli(4401, &["verdict", &ids[5], "stalled", "--reviewer", "ann"]);
    shared("ann's first save");
    let mut bob = workbench(4402, "bob");
    bob.send("B");
    bob.wait_for("saved to");
    shared("bob's save in the workbench");
    cli(4401, &["verdict", &ids[6], "kept", "--reviewer", "ann"]);
    bob.wait_for("merged changes made elsewhere");
    bob.send("\x1b[B");
    bob.send("P");
    bob.wait_for("saved to");
    bob.send("q");
    assert!(bob.finish().0);
    let mut ann = workbench(4401, "ann");
    ann.send("I");
    ann.wait_for("saved to");
    ann.send("q");
    assert!(ann.finish().0);
    shared("ann's save in the workbench");
    cli(
        4402,
        &["verdict", &ids[7], "not-a-commitment", "--reviewer", "bob"],
    );
    shared("bob's CLI save");
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let mut given: Vec<(String, String)> = Vec::new();
    for item in saved["items"].as_object().unwrap().values() {
        for (who, r) in item["reviews"].as_object().unwrap() {
            given.push((who.clone(), r["verdict"].as_str().unwrap().to_string()));
        }
    }
    given.sort();
    let pairs = [
        ("ann", "in-progress"),
        ("ann", "kept"),
        ("ann", "stalled"),
        ("bob", "broken"),
        ("bob", "not-a-commitment"),
        ("bob", "partial"),
    ];
    let expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(w, v)| (w.to_string(), v.to_string()))
        .collect();
    assert_eq!(given, expected);
    let temps = std::fs::read_dir(&team)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().starts_with(".cordiale-save-")
        })
        .count();
    assert_eq!(temps, 0, "a save left its temporary file");
}

/// The pair review of DESIGN §4 end to end: ann rates three items and quits; bob opens the
/// same workspace blind, sees none of ann's verdicts until he gives his own, disagrees on
/// one; the disagreements filter shows exactly that one; the pair reconciles it; and
/// `cordiale agreement` prints the figures of those verdicts.
#[test]
fn a_blind_pair_review_reconciles_its_one_disagreement() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let args = |who: &'static str, blind: bool| {
        let mut a = vec![
            corpus.to_str().unwrap().to_string(),
            "--workspace".into(),
            ws.to_str().unwrap().to_string(),
            "--reviewer".into(),
            who.into(),
        ];
        if blind {
            a.push("--blind".into());
        }
        a
    };
    let start = |a: &[String]| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let mut s = Session::start(120, 40, &a, &[]);
        ready(&mut s);
        focus_checklist(&mut s);
        s
    };
    // ann: kept, kept, kept on the first three items.
    let mut ann = start(&args("ann", false));
    for k in 0..3 {
        if k > 0 {
            ann.send("\x1b[B");
        }
        ann.send("K");
        ann.wait_for(&format!("ann rated {}", k + 1));
        ann.wait_for("saved to");
    }
    ann.send("q");
    assert!(ann.finish().0);

    let mut bob = start(&args("bob", true));
    bob.wait_for("blind · bob rated 0");
    bob.wait_for("ann      ◌ hidden until you give your verdict");
    let screen = bob.screen();
    assert!(
        !screen.contains("K kept"),
        "ann's verdict shows in blind mode:\n{screen}"
    );
    let rows = |s: &Session| -> Vec<String> {
        s.screen()
            .lines()
            // The first items' rows, which name their document by its short title.
            .filter(|l| l.contains("So long as…"))
            .take(3)
            .map(String::from)
            .collect()
    };
    assert!(
        rows(&bob).iter().all(|r| r.contains("·◌")),
        "{:?}",
        rows(&bob)
    );
    // bob agrees on the first two and says broken on the third.
    for (k, key) in ["K", "K", "B"].into_iter().enumerate() {
        if k > 0 {
            bob.send("\x1b[B");
        }
        bob.send(key);
        bob.wait_for(&format!("bob rated {}", k + 1));
        bob.wait_for("saved to");
    }
    bob.wait_for("ann      K kept");
    bob.wait_for("BK ≠");
    let rows = rows(&bob);
    assert!(rows[0].contains("KK ="), "{rows:?}");
    assert!(rows[1].contains("KK ="), "{rows:?}");
    assert!(rows[2].contains("BK ≠"), "{rows:?}");
    // The disagreements filter: exactly the third item.
    bob.send("x");
    bob.wait_for("checklist: disagreements (1)");
    // The title keeps the filter and the agreement (its counts give way at 120 columns).
    assert!(
        bob.screen().contains("▶ disagreements · blind · agree"),
        "{}",
        bob.screen()
    );
    assert!(
        bob.screen().contains("bob      B broken"),
        "{}",
        bob.screen()
    );
    bob.send("R");
    bob.wait_for("RECONCILING");
    bob.send("K");
    bob.wait_for("bob reconciled as kept; 0 disagreements left · saved to");
    bob.send("q");
    assert!(bob.finish().0);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(["agreement", "--workspace", ws.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("rated by both 3, agreed 2, reconciled 1"),
        "{text}"
    );
    // ann said kept three times, so chance agreement is 2/3 and kappa is 0.
    assert!(
        text.contains("percent agreement 66.7%, Cohen's kappa 0.000"),
        "{text}"
    );
}

/// A note being typed when the connection drops (SIGHUP) is kept as a draft and offered
/// back at the next start; once saved, the draft is gone.
#[test]
fn a_note_being_typed_survives_sighup() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let state_home = dir.path().join("state");
    let args = [
        corpus.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--reviewer",
        "ann",
    ];
    let env = [("XDG_STATE_HOME", state_home.to_str().unwrap())];
    let mut s = Session::start(120, 40, &args, &env);
    ready(&mut s);
    focus_checklist(&mut s);
    s.send("\x1b[B\x1b[Be");
    s.wait_for("ann's note on");
    s.send("Asked the ministry");
    s.wait_for("Asked the ministry");
    let pid = s.child.process_id().expect("a pid").to_string();
    let hup = std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status();
    assert!(hup.unwrap().success());
    let _ = s.finish();
    assert!(!ws.exists(), "nothing was saved: the note was not finished");

    let mut s = Session::start(120, 40, &args, &env);
    // The draft's message takes the status bar (the static hints give way to it), so it
    // is what to wait for rather than the ready hint.
    s.wait_for("draft of ann's note on");
    focus_checklist(&mut s);
    s.send("e");
    s.wait_for("Asked the ministry");
    s.send(" in May\x13"); // ctrl-s saves
    s.wait_for("ann's note · saved to");
    s.send("q");
    assert!(s.finish().0);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let notes: Vec<&str> = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|i| i["reviews"]["ann"]["note"].as_str())
        .collect();
    assert_eq!(notes, ["Asked the ministry in May"]);
    let left: Vec<_> = walk(&state_home);
    assert!(left.is_empty(), "the draft is gone once saved: {left:?}");
}

/// Every file under `dir` (none when it does not exist).
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() { walk(&p) } else { vec![p] }
        })
        .collect()
}

/// The workbench on a second corpus of the same folder opens a workspace of its own,
/// inside that corpus, and shows it; pointed at the first corpus's workspace, it refuses
/// before the terminal is touched, naming both corpora and the workspace to use.
#[test]
fn the_workbench_keeps_two_corpora_apart_and_names_its_workspace() {
    let (dir, corpus) = seeds_copy();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(
        other.join("pledge.txt"),
        "Brussels, 4 May 2016\n\nThe Council will fund forty new schools by 2020.\n",
    )
    .unwrap();
    let first = corpus.join("cordiale.json");
    let mut s = Session::start(
        120,
        40,
        &[corpus.to_str().unwrap(), "--reviewer", "ann"],
        &[],
    );
    ready(&mut s);
    focus_checklist(&mut s);
    s.wait_for("corpus/cordiale.json ○ new");
    s.send("K");
    s.wait_for("saved to ");
    s.wait_for("corpus/cordiale.json");
    s.wait_for("cordiale.json ✓ saved");
    s.send("q");
    assert!(s.finish().0);
    let before = std::fs::read(&first).unwrap();
    let mut s = Session::start(
        120,
        40,
        &[other.to_str().unwrap(), "--reviewer", "ann"],
        &[],
    );
    ready(&mut s);
    focus_checklist(&mut s);
    s.wait_for("other/cordiale.json ○ new");
    s.send("K");
    s.wait_for("saved to ");
    s.wait_for("other/cordiale.json");
    s.wait_for("cordiale.json ✓ saved");
    s.send("q");
    assert!(s.finish().0);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        before,
        "the first corpus's file untouched"
    );
    assert!(!dir.path().join("cordiale.json").exists());
    let args = [
        other.to_str().unwrap(),
        "--workspace",
        first.to_str().unwrap(),
    ];
    let s = Session::start(120, 40, &args, &[]);
    let (ok, out) = s.finish();
    let out = String::from_utf8_lossy(&out)
        .replace("\r\n", " ")
        .replace('\n', " ");
    assert!(!ok);
    assert!(out.contains("records the corpus"), "{out}");
    assert!(out.contains("--workspace"), "{out}");
    assert!(
        !out.contains("\x1b[?1049h"),
        "the terminal was not touched: {out}"
    );
    assert_eq!(std::fs::read(&first).unwrap(), before);
}

#[test]
fn a_folder_of_every_format_opens_and_a_pdf_reads_with_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let formats = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    for name in ["same.md", "same.txt", "same.pdf", "same.html", "same.docx"] {
        std::fs::copy(formats.join(name), dir.path().join(name)).unwrap();
    }
    // A scanned PDF among them: skipped, and the status bar says why.
    std::fs::copy(formats.join("scanned.pdf"), dir.path().join("scan.pdf")).unwrap();
    let mut s = Session::start(120, 40, &[dir.path().to_str().unwrap()], &[]);
    s.wait_for("scan.pdf skipped: scanned: no text layer");
    s.wait_for("Documents 5/5");
    // The finder finds the figure in every format, the PDF's hit with its page.
    s.send("\x10"); // ctrl-p
    s.wait_for("Find in the corpus");
    s.send("#120");
    s.wait_for("p. 2");
    s.wait_for("5 matches");
    s.send("\x1b");
    s.wait_gone("Find in the corpus");
    s.send("q");
    assert!(s.finish().0);

    // The PDF alone: the reader draws its page markers and goes to a page.
    let pdf = dir.path().join("same.pdf");
    let mut s = Session::start(120, 40, &[pdf.to_str().unwrap()], &[]);
    ready(&mut s);
    s.send("\r");
    s.wait_for("── p. 1 ──");
    s.wait_for("p. 1/2");
    s.send("p");
    s.wait_for("page:");
    s.send("2\r");
    s.wait_for("p. 2/2");
    s.wait_for("── p. 2 ──");
    s.send("q");
    assert!(s.finish().0);
}

/// The screen's rows but the status bar (which says what the last key did).
fn panes(s: &Session) -> String {
    let screen = s.screen();
    let mut rows: Vec<&str> = screen.lines().collect();
    rows.pop();
    rows.join("\n")
}

/// Waits until the program has written nothing for a while (a loaded machine may take
/// longer than a fixed pause to draw).
fn settle(s: &mut Session) {
    while s.idle_bytes(Duration::from_millis(400)) > 0 {}
}

/// Waits until the panes show `want`.
fn wait_for_panes(s: &mut Session, want: &str) {
    let end = Instant::now() + TIMEOUT;
    while panes(s) != want {
        assert!(
            Instant::now() < end,
            "timed out waiting for the place; want:\n{want}\nthe screen:\n{}",
            s.screen()
        );
        s.pump(Duration::from_millis(50));
    }
}

#[test]
fn enter_on_a_finder_hit_then_ctrl_o_returns_to_the_exact_place() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let mut s = Session::start(120, 40, &[], &env);
    ready(&mut s);
    // A document opened, scrolled two pages, the cursor two sentences on.
    s.send("\r");
    s.wait_for("\n reader · ");
    s.send("\x1b[6~\x1b[6~))");
    s.wait_for("\n reader · ");
    settle(&mut s);
    let before = panes(&s);
    assert!(before.contains('▶'), "a cursor sentence:\n{before}");
    s.send("\x10"); // ctrl-p
    s.wait_for("Find in the corpus");
    s.send("10m");
    s.wait_for("€10 million");
    s.send("\r");
    s.wait_gone("Find in the corpus");
    settle(&mut s);
    let at_hit = panes(&s);
    assert!(at_hit.contains("€10 million"), "{at_hit}");
    assert_ne!(at_hit, before);
    // ctrl-o: the same document, top line, cursor and focus; alt-right forward again.
    s.send("\x0f");
    wait_for_panes(&mut s, &before);
    s.send("\x1b[1;3C");
    wait_for_panes(&mut s, &at_hit);
    s.send("\x0f");
    wait_for_panes(&mut s, &before);
    s.send("q");
    assert!(s.finish().0);
}

/// `--log FILE` keeps what the workbench did, with timings, and never what was typed.
#[test]
fn the_log_tells_what_happened_but_not_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("cordiale.log");
    let mut s = Session::start(120, 40, &["--log", log.to_str().unwrap()], &[]);
    ready(&mut s);
    s.send("\x10"); // ctrl-p
    s.wait_for("Find in the corpus");
    s.send("calais");
    s.wait_for("matches");
    s.send("\x1b");
    s.wait_gone("Find in the corpus");
    s.send("q");
    assert!(s.finish().0);
    let text = std::fs::read_to_string(&log).unwrap();
    for said in [
        "started",
        "loader: index ready",
        "workspace opened",
        "key char",
        "then search",
        "finder results",
        "frame ",
        "quit",
    ] {
        assert!(text.contains(said), "{said:?} in:\n{text}");
    }
    assert!(
        !text.to_lowercase().contains("calais"),
        "typed text in the log:\n{text}"
    );
}

/// A workspace on the G7 scale in a real terminal: its keys give its verdicts, the help
/// names them, and `e` in the reader cites the cursor sentence as evidence for the selected
/// item, saved at once.
#[test]
fn a_g7_workspace_rates_with_its_keys_and_cites_evidence_from_the_reader() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let init = std::process::Command::new(env!("CARGO_BIN_EXE_cordiale"))
        .args(["init", corpus.to_str().unwrap(), "--workspace"])
        .arg(&ws)
        .args(["--scale", "g7"])
        .env("CORDIALE_CACHE_DIR", "")
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let args = [
        corpus.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--reviewer",
        "ann",
    ];
    let mut s = Session::start(120, 40, &args, &[]);
    ready(&mut s);
    focus_checklist(&mut s);
    s.send("?");
    s.wait_for("my verdict: full compliance (+1)");
    s.send("q");
    s.send("F");
    s.wait_for("saved to");
    // The item's source in the reader, the next sentence cited.
    s.send("\r");
    s.pump(Duration::from_millis(300));
    s.send(")");
    s.send("e");
    s.wait_for("cited evidence for item");
    s.wait_for("saved to");
    s.send("q");
    let _ = s.finish();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    assert_eq!(saved["scale"], "g7");
    let ann: Vec<&serde_json::Value> = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|i| i["reviews"].get("ann"))
        .collect();
    assert_eq!(ann.len(), 1, "{saved}");
    assert_eq!(ann[0]["verdict"], "full-compliance");
    let cited = &ann[0]["evidence"][0];
    assert!(
        cited["anchor"]["exact"]
            .as_str()
            .is_some_and(|q| q.len() > 10),
        "{cited}"
    );
}

/// A reviewer added through the real terminal: `A` opens the prompt on the checklist, the
/// name is typed (its `q` is a letter, not quit), `enter` adds them without writing the
/// file, ctrl-r reaches them, and their first verdict is saved under their name beside
/// ann's in the others' column.
#[test]
fn a_reviewer_added_in_the_workbench_gives_a_verdict_saved_under_their_name() {
    let (dir, corpus) = seeds_copy();
    let ws = dir.path().join("cordiale.json");
    let args = [
        corpus.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--reviewer",
        "ann",
    ];
    let mut s = Session::start(120, 40, &args, &[]);
    ready(&mut s);
    focus_checklist(&mut s);
    // ann and bob rate the first item (bob by taking the keys from the workbench too).
    s.send("K");
    s.wait_for("ann says kept");
    s.send("A");
    s.wait_for("reviewer: ");
    s.send("bob\r");
    s.wait_for("reviewing as bob (added)");
    s.send("B");
    s.wait_for("bob says broken");
    s.wait_for("saved to");
    s.send("A");
    s.wait_for("reviewer: ");
    s.send("quinn\r");
    s.wait_for("reviewing as quinn (added): nothing is written until quinn gives a verdict");
    // ann, bob, quinn in turn by name: from quinn, ann.
    s.send("\x12");
    s.wait_for("reviewing as ann");
    s.send("\x12\x12");
    s.wait_for("reviewing as quinn");
    s.send("P");
    s.wait_for("quinn says partial");
    s.wait_for("saved to");
    // quinn's pair is bob now; ann's letter stands in the others' column.
    s.wait_for("qb   a document");
    s.wait_for("▶PB ≠ K ");
    s.send("q");
    assert!(s.finish().0);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&ws).unwrap()).unwrap();
    let rated: Vec<(String, String)> = saved["items"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|i| i["reviews"].as_object().unwrap().iter())
        .map(|(who, r)| (who.clone(), r["verdict"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        rated,
        [
            ("ann".to_string(), "kept".to_string()),
            ("bob".to_string(), "broken".to_string()),
            ("quinn".to_string(), "partial".to_string()),
        ]
    );
}
