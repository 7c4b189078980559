//! The command line: the same library calls the workbench makes, printed for people and
//! scripts.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::corpus::{self, Corpus};
use crate::extract::{Extraction, FigureKind, FigureValue};
use crate::safe_text::quote;
use crate::safe_text::safe_lines;
pub use crate::safe_text::sanitize;

/// Read policy documents; find their figures, dates and commitments.
#[derive(Debug, Parser)]
#[command(name = "cordiale", version, about)]
pub struct Cli {
    /// The subcommand; none opens the workbench (or prints the summary when output is not
    /// a terminal).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Documents or folders (.txt, .md, .pdf, .html, .docx) (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    /// The workbench's keys: default, vim, emacs, or a keymap file. keymap.json in the
    /// config folder (~/.config/cordiale/ on Linux) applies on top.
    #[arg(long, value_name = "NAME|FILE")]
    pub keymap: Option<String>,
    /// Where the caches live (converted documents, the index, the workspace notes); empty
    /// turns them off. Default: CORDIALE_CACHE_DIR (empty: off), else ~/.cache/cordiale
    /// (the platform's cache folder).
    // Not `env =`: clap refuses an empty value from the environment, and an empty
    // CORDIALE_CACHE_DIR is how caching is turned off.
    #[arg(long, value_name = "DIR", global = true)]
    pub cache_dir: Option<PathBuf>,
    /// Capture the mouse in the workbench: the wheel scrolls, a click selects (a second
    /// click opens). Off by default, so the terminal can select text.
    #[arg(long)]
    pub mouse: bool,
    /// The review workspace the workbench shows (default: cordiale.json here when it is
    /// this corpus's, else cordiale.json inside the corpus folder; with no PATH, the
    /// corpus the workspace records).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// Who is reviewing in the workbench (default: CORDIALE_REVIEWER, else git config
    /// user.name).
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    /// Open the checklist in blind mode: the other reviewer's verdict and note stay hidden
    /// on each item until you have given yours.
    #[arg(long)]
    pub blind: bool,
    /// Assess the review as of DATE (YYYY-MM-DD): deadlines due before it and not kept are
    /// overdue (the checklist's overdue filter, the timeline). Default: the workspace's
    /// setting (`cordiale as-of`), else today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<crate::calendar::Day>,
    /// Append what the workbench does to FILE, for a bug report: a line per message with
    /// its timings (keys as `char`, never what was typed).
    #[arg(long, value_name = "FILE", env = "CORDIALE_LOG")]
    pub log: Option<PathBuf>,
    /// Colours in the workbench: auto follows NO_COLOR; never draws with bold, underline,
    /// italic, reverse and markers only.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t)]
    pub color: crate::ui::theme::ColorChoice,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each document's date, title and counts of figures, dates and commitments
    /// (what `cordiale` prints when its output is not a terminal).
    Summary {
        /// Documents or folders (.txt, .md, .pdf, .html, .docx) (default: the bundled seeds).
        paths: Vec<PathBuf>,
    },
    /// Rank the figures, dates, commitments, sentences and titles that match a query.
    ///
    /// The query is fuzzy text and, where it spells one, a value: `10m` finds "€10
    /// million", `aug 2015` finds "20 August 2015", `75%` finds "75 per cent". Prefixes
    /// narrow it: `#` figures, `@` dates, `!` commitments, `^` document titles
    /// (`#10m calais`: figures of 10 million in sentences about Calais).
    Find(find::FindArgs),
    /// Export the checklist with both reviewers' verdicts and their agreement.
    Checklist {
        /// The workspace to read.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
        /// The output format.
        #[arg(long, value_enum, default_value = "md")]
        format: review::Format,
        /// `mine` (not yet rated by me), `disagreements`, `overdue` (a deadline before the
        /// as-of date, not settled), or a verdict.
        #[arg(long, value_parser = review::FilterParser)]
        filter: Option<review::Filter>,
        /// The order: `file` (by document, then place), or `deadline` (soonest first,
        /// items without one last).
        #[arg(long, value_enum, default_value = "file")]
        sort: review::Sort,
        /// Assess as of DATE (YYYY-MM-DD): what is overdue (default: the workspace's
        /// setting, `cordiale as-of`, else today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<crate::calendar::Day>,
        /// Who you are, for `--filter mine` (default: CORDIALE_REVIEWER, else git config
        /// user.name).
        #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
        reviewer: Option<String>,
    },
    /// Show, set or clear the day the workspace is assessed as of (deadlines before it are
    /// overdue, evidence dated on or before it counts); with none set, today.
    ///
    /// `cordiale as-of 2016-12-31` writes it into the workspace (for everyone who shares
    /// the file); `cordiale as-of --clear` goes back to today; `cordiale as-of` says which
    /// day counts and why. `--as-of DATE` on the workbench or `checklist` overrides it for
    /// one run.
    AsOf {
        /// The day (YYYY-MM-DD).
        #[arg(value_name = "DATE", conflicts_with = "clear")]
        date: Option<crate::calendar::Day>,
        /// Remove the setting: today counts again.
        #[arg(long)]
        clear: bool,
        /// The workspace to set it in.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
    },
    /// Give your verdict on an item: one of the workspace's scale (by default pending,
    /// in-progress, stalled, partial, kept, broken, not-a-commitment); with --actor, for
    /// one actor of the commitment.
    Verdict(review::VerdictArgs),
    /// Record the verdict a pair agreed on; with --actor, for one actor of the commitment.
    Reconcile(review::ReconcileArgs),
    /// Suggest evidence for an item: passages of later documents that speak of its action.
    ///
    /// Ranked by the words they share with it, a figure of the same value however written
    /// (`€10 million`, `EUR 10m`), a date in its deadline's year and its actors, each with
    /// why. Documents of the same date or earlier are left out; undated ones are ranked and
    /// flagged.
    Suggest(suggest::SuggestArgs),
    /// Percent agreement, Cohen's kappa and the confusion matrix of the two reviewers.
    Agreement {
        /// The workspace to read.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
        /// One JSON object: the pair's figures and every reviewer's reliability, for the
        /// corpus and per document.
        #[arg(long)]
        json: bool,
        /// The same figures as CSV, one per row: scope, document, title, statistic,
        /// value, and the 95% interval's ends.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// The pair whose Cohen's kappa and confusion matrix are shown (default: the two
        /// reviewers with the most verdicts).
        #[arg(long, value_name = "A,B", value_delimiter = ',', num_args = 1)]
        pair: Option<Vec<String>>,
    },
    /// Compliance as the G7 Research Group reports it: mean score (-1 to +1) and
    /// percentage ((mean + 1) / 2 * 100) for the corpus, each catalyst (a numerical
    /// target, a timeline, and their absence), document, actor and commitment.
    ///
    /// A commitment scores the pair's reconciled verdict, else its reviewers' score where
    /// they agree (differing ones are counted as disagreed until reconciled); a review
    /// with per-actor verdicts (`verdict --actor`) scores the mean over its actors.
    /// Pending items and those rated not-a-commitment are left out and counted apart.
    Compliance {
        /// The workspace to read.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
        /// One JSON object: the corpus, catalysts, documents, actors, and every rated
        /// commitment with its actors.
        #[arg(long)]
        json: bool,
        /// The same figures as CSV rows: scope, name, id, document, title, scored, mean,
        /// percent, and the counts left out.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// One reviewer's verdicts alone (the reconciled verdict and the others set
        /// aside); by default, everyone's.
        #[arg(long, value_name = "NAME")]
        reviewer: Option<String>,
    },
    /// Validate a workspace and its anchors; non-zero exit on problems.
    Check {
        /// The workspace to check.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
    },
    /// The git merge driver: merges OURS with THEIRS item by item, into OURS.
    Merge {
        /// The common ancestor's version (git's %O).
        base: PathBuf,
        /// Our version (git's %A), where the merged workspace is written.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// How git names the file and the two sides, for messages.
        #[command(flatten)]
        names: review::MergeNames,
    },
    /// Print what makes git merge workspaces with `cordiale merge` and ignore its lock and
    /// temporary files (or, with --write, do it).
    GitSetup {
        /// Add the lines to ./.gitattributes and ./.gitignore and run the `git config`
        /// commands.
        #[arg(long)]
        write: bool,
    },
    /// Add a commitment the extraction missed, from its exact text.
    Add(review::AddArgs),
    /// Place an item again after its quote changed in the document (confirms the new text).
    Reattach(review::ReattachArgs),
    /// Print the JSON Schema of workspace files (or, with --write, put it beside the
    /// workspace, where its "$schema" points).
    Schema {
        /// The workspace the schema is written beside.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
        /// Write the schema beside the workspace instead of printing it.
        #[arg(long)]
        write: bool,
    },
    /// Create the review workspace of a corpus, to commit before the reviewers branch.
    ///
    /// Writes cordiale.json inside the corpus folder (a document's folder), or FILE, with
    /// every commitment extracted from the corpus as an item to review and the corpus's
    /// record (its place relative to the file, its documents' hashes); an existing file is
    /// never overwritten. Inside a git work tree it also runs `cordiale git-setup --write`.
    /// Then commit the file; each reviewer works on a branch of their own, and the
    /// branches merge item by item.
    Init {
        /// The corpus folder or document (default: the working folder).
        corpus: Option<PathBuf>,
        /// The workspace file to create (default: cordiale.json inside the corpus folder).
        #[arg(long, value_name = "FILE")]
        workspace: Option<PathBuf>,
        /// The verdict scale: standard (default), g7 (the G7 Research Group's −1/0/+1),
        /// meter (a PolitiFact-style meter), or a JSON file declaring one.
        #[arg(long, value_name = "NAME|FILE")]
        scale: Option<String>,
    },
    /// Print the workspace's verdict scale (keys, names, scores, lowest first), or change
    /// it: to a built-in scale (standard, g7, meter) or one a JSON file declares, when
    /// every verdict already given is on it.
    Scale {
        /// The scale to change to.
        #[arg(value_name = "NAME|FILE")]
        to: Option<String>,
        /// The workspace.
        #[command(flatten)]
        ws: review::WorkspaceArgs,
    },
    /// Cite evidence for your verdict on an item: a passage of a corpus document (--doc,
    /// --quote; dated by the document's date of issue) or an outside source (--source,
    /// --excerpt, --date); --remove N takes one away; with none of them, lists the
    /// item's evidence.
    Evidence(review::EvidenceArgs),
    /// Print the text cordiale reads in a document: a PDF, web page or Word file as
    /// converted, a text file as decoded. Every span `extract` reports indexes it.
    ///
    /// With --pages, each PDF page's start is marked on stderr as `── p. N ── @BYTE`, so
    /// stdout stays exactly the indexed text.
    Text {
        /// The document to print.
        file: PathBuf,
        /// Mark where each page starts (on stderr).
        #[arg(long)]
        pages: bool,
    },
    /// Print a completion script for a shell: `cordiale completions bash >
    /// ~/.local/share/bash-completion/completions/cordiale` (zsh: a file `_cordiale` in a
    /// folder of `$fpath`; fish: `~/.config/fish/completions/cordiale.fish`).
    Completions {
        /// The shell to write the script for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `cordiale man | man -l -`, or save it as
    /// `~/.local/share/man/man1/cordiale.1`.
    Man,
    /// Convert the bytes on stdin in this process and print the result as JSON: the
    /// isolated worker the other commands start for each PDF, web page or Word file.
    #[command(name = "__convert", hide = true)]
    Convert {
        /// The kind the file's name claims (pdf, html, docx).
        named: Option<String>,
    },
    /// Print the figures, dates and commitments of each document.
    Extract {
        /// One JSON object per document, one per line.
        #[arg(long)]
        json: bool,
        /// Documents or folders (.txt, .md, .pdf, .html, .docx).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Runs the command line; the exit code is 0 on success, 2 on bad input, 1 on I/O failure.
pub fn run(cli: Cli) -> ExitCode {
    if let Some(dir) = &cli.cache_dir {
        crate::cache_dir::choose_dir(dir);
    }
    if let Some(Command::Convert { named }) = &cli.command {
        return convert_worker(named.as_deref());
    }
    // Every conversion of a PDF, web page or Word file runs in a child process of this
    // binary, so a hostile file can neither crash nor hang the command.
    if let Ok(exe) = std::env::current_exe() {
        crate::corpus::convert::isolate::use_worker(exe);
    }
    let result = match cli.command {
        Some(Command::Convert { .. }) => Ok(()),
        Some(Command::Text { file, pages }) => text_command(&file, pages),
        Some(Command::Extract { json, paths }) => extract_command(&paths, json),
        Some(Command::Find(args)) => find::run(args),
        Some(Command::Checklist {
            ws,
            format,
            filter,
            sort,
            as_of,
            reviewer,
        }) => review::checklist(&ws, format, (filter, sort), as_of, reviewer.as_deref()),
        Some(Command::AsOf { date, clear, ws }) => review::as_of(&ws, date, clear),
        Some(Command::Verdict(change)) => review::verdict(&change),
        Some(Command::Reconcile(args)) => review::reconcile(&args),
        Some(Command::Suggest(args)) => suggest::run(args),
        Some(Command::Agreement {
            ws,
            json,
            csv,
            pair,
        }) => review::agreement(&ws, (json, csv), pair.as_deref()),
        Some(Command::Compliance {
            ws,
            json,
            csv,
            reviewer,
        }) => compliance::compliance(&ws, (json, csv), reviewer.as_deref()),
        Some(Command::Check { ws }) => review::check(&ws),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            names,
        }) => review::merge_driver(&base, &ours, &theirs, &names),
        Some(Command::GitSetup { write }) => review::git_setup(write),
        Some(Command::Add(args)) => review::add(&args),
        Some(Command::Reattach(args)) => review::reattach(&args),
        Some(Command::Schema { ws, write }) => review::schema(&ws, write),
        Some(Command::Init {
            corpus,
            workspace,
            scale,
        }) => review::init(corpus.as_deref(), workspace.as_deref(), scale.as_deref()),
        Some(Command::Scale { to, ws }) => review::scale(&ws, to.as_deref()),
        Some(Command::Evidence(args)) => review::evidence(&args),
        Some(Command::Summary { paths }) => summary_command(&paths),
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "cordiale", &mut io::stdout());
            Ok(())
        }
        Some(Command::Man) => {
            let page = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            page.render(&mut io::stdout()).map_err(Failure::Output)
        }
        None if io::stdin().is_terminal() && io::stdout().is_terminal() => workbench(&cli),
        None => summary_command(&cli.paths),
    };
    // Messages name files, documents and reviewers, which may hold anything: each of
    // their lines is sanitized here, for every command at once.
    let print = |msg: &str| eprintln!("cordiale: {}", safe_lines(msg).join("\n"));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            print(&msg);
            ExitCode::from(2)
        }
        Err(Failure::Problems(msg)) => {
            print(&msg);
            ExitCode::from(1)
        }
        Err(Failure::NothingFound) => ExitCode::from(1),
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            print(&format!("cannot write output: {e}"));
            ExitCode::from(1)
        }
    }
}

mod compliance;
mod find;
mod review;
mod suggest;

/// The conversion worker: stdin to JSON on stdout; exit 0 whenever the answer was written.
fn convert_worker(named: Option<&str>) -> ExitCode {
    use crate::corpus::convert::{SourceKind, isolate};
    let named = match named {
        Some("pdf") => Some(SourceKind::Pdf),
        Some("html") => Some(SourceKind::Html),
        Some("docx") => Some(SourceKind::Docx),
        _ => None,
    };
    match isolate::serve(named) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cordiale: converter: {e}");
            ExitCode::from(1)
        }
    }
}

/// Prints the text spans index: exactly, with nothing added on stdout.
fn text_command(file: &Path, pages: bool) -> Result<(), Failure> {
    if file.is_dir() {
        return Err(Failure::Input(format!(
            "{}: a folder; name one document",
            sanitize(&file.display().to_string())
        )));
    }
    let corpus = load_corpus(std::slice::from_ref(&file.to_path_buf()))?;
    let Some(doc) = corpus.documents.first() else {
        return Err(Failure::Input(format!(
            "{}: no text to print",
            sanitize(&file.display().to_string())
        )));
    };
    if pages {
        for (i, page) in doc.pages.iter().enumerate() {
            eprintln!("── p. {} ── @{}", i + 1, page.start);
        }
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // The text as it is indexed, byte for byte: a terminal gets it made safe.
    if io::stdout().is_terminal() {
        for line in doc.text.split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            write!(out, "{}{end}", sanitize(body))?;
        }
    } else {
        out.write_all(doc.text.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

enum Failure {
    /// Bad input: exit 2.
    Input(String),
    /// The command ran and found problems (conflicts, orphans): exit 1.
    Problems(String),
    /// `find` or `suggest` ran and found nothing: exit 1, as grep and ripgrep do (with
    /// nothing said on stderr).
    NothingFound,
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

/// A corpus that cannot be read is bad input, as [`load_corpus`] reports it.
impl From<corpus::CorpusError> for Failure {
    fn from(e: corpus::CorpusError) -> Self {
        Failure::Input(e.to_string())
    }
}

/// Opens the workbench. The keymap is checked first: a bad one is reported, every problem
/// of it, before the terminal is touched.
fn workbench(cli: &Cli) -> Result<(), Failure> {
    let user = crate::keymap::user_file();
    let keymap = crate::keymap::load(cli.keymap.as_deref(), user.as_deref())
        .map_err(|e| Failure::Input(e.to_string().trim_end().to_string()))?;
    for w in &keymap.warnings {
        eprintln!("cordiale: warning: {}", sanitize(&w.to_string()));
    }
    let workspace = review::workspace_for(cli.workspace.as_deref(), &cli.paths)?;
    let paths = workbench_corpus(&workspace, &cli.paths)?;
    // A mistyped path or an empty folder is said here, with exit 2, not on a workbench
    // that would wait for a corpus that never comes.
    corpus::check(&paths)?;
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let log = match &cli.log {
        Some(path) => crate::log::Log::open(path)
            .map_err(|e| Failure::Input(format!("--log {}: {e}", path.display())))?,
        None => crate::log::Log::default(),
    };
    let options = crate::runtime::Options {
        workspace,
        reviewer: crate::review::active_reviewer(cli.reviewer.as_deref()),
        paths,
        corpus_name: names.join(", "),
        keymap,
        cache_dir: crate::search::cache::default_dir(),
        mouse: cli.mouse,
        blind: cli.blind,
        as_of: cli.as_of,
        color: cli.color,
        log: std::sync::Arc::new(log),
    };
    crate::runtime::run(options).map_err(|e| Failure::Problems(format!("terminal: {e}")))
}

/// The workbench's corpus: the paths given, else the one the workspace records, else the
/// bundled seeds. A workspace that records another corpus is refused here, before the
/// terminal is touched, so that the whole message can be read; one that cannot be read is
/// left to the workbench, which says why.
fn workbench_corpus(workspace: &Path, given: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    use crate::workspace::{io::read_record, place};
    let Ok(record) = read_record(workspace) else {
        return Ok(match given {
            [] => vec![bundled_seeds()?],
            paths => paths.to_vec(),
        });
    };
    if given.is_empty() {
        return Ok(vec![place::recorded_corpus(workspace, &record.corpus)]);
    }
    let documents = || {
        corpus::load(given)
            .ok()
            .map(|c| crate::workspace::sync::documents(&c))
    };
    match place::belonging(workspace, &record, given, documents) {
        place::Belonging::Other => Err(Failure::Input(
            place::OtherCorpus::new(workspace, &record, given).to_string(),
        )),
        _ => Ok(given.to_vec()),
    }
}

/// The bundled demo corpus, unpacked from the binary into the data folder.
fn bundled_seeds() -> Result<PathBuf, Failure> {
    crate::seeds::folder().map_err(|e| Failure::Input(e.to_string()))
}

fn load_corpus(paths: &[PathBuf]) -> Result<Corpus, Failure> {
    let corpus = corpus::load(paths)?;
    for w in &corpus.warnings {
        eprintln!("cordiale: warning: {}", sanitize(&w.to_string()));
    }
    Ok(corpus)
}

/// The index of the corpus `paths`, as cheaply as it can be had: with the cache on and
/// the corpus's files unchanged since the last build, the mapped index file, which reads
/// no document; else the corpus loaded and indexed (from the per-document cache where a
/// document is unchanged), leaving a mapped index file for the next time.
fn index_of(paths: &[PathBuf], cached: bool) -> Result<crate::search::Index, Failure> {
    use crate::search::{Index, cache, mapped};
    let dir = cached.then(cache::default_dir).flatten();
    let Some(dir) = dir else {
        return Ok(Index::build(std::sync::Arc::new(load_corpus(paths)?)));
    };
    // Taken before the files are read (a change made while they are read shows next
    // time), and once: it both finds the mapped index and stamps a new one.
    let fingerprint = corpus::fingerprint(paths);
    if let Some((index, warnings)) = fingerprint.and_then(|f| mapped::open(&dir, paths, f)) {
        for w in warnings {
            eprintln!("cordiale: warning: {}", sanitize(&w));
        }
        return Ok(index);
    }
    let corpus = load_corpus(paths)?;
    let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
    let index = cache::build_cached(std::sync::Arc::new(corpus), Some(&dir));
    if let Some(fingerprint) = fingerprint {
        // A failure to write costs the next run time, nothing else.
        let _ = mapped::write(&dir, paths, fingerprint, &index, &warnings);
    }
    Ok(index)
}

pub use crate::extract::extract_all;

/// Files `extract` reads, extracts and prints at a time: enough to keep both cores busy,
/// few enough that memory does not grow with the corpus.
const EXTRACT_BATCH: usize = 64;

/// Transparent huge pages off for this process, for a command whose memory stays small
/// and churns. mimalloc asks for them, and each first touch of a 2 MiB page has the kernel
/// zero all of it: the streamed `extract` of 100k lines peaked at 92 MiB instead of 23 and
/// spent a quarter of its CPU zeroing (607 ms CPU against 443–450). Not for `find` or the
/// workbench, which build one large heap fast: without them a warm `find` of 1m lines
/// takes 0.72 s instead of 0.41.
#[allow(unsafe_code, reason = "prctl takes plain integers (see SAFETY)")]
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// `extract`: streams, a batch of documents at a time, in corpus order.
fn extract_command(paths: &[PathBuf], json: bool) -> Result<(), Failure> {
    use rayon::prelude::*;
    no_transparent_huge_pages();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    corpus::load_in_batches(paths, EXTRACT_BATCH, |batch| {
        for w in &batch.warnings {
            eprintln!("cordiale: warning: {}", sanitize(&w.to_string()));
        }
        // Each document is printed into its own buffer on the pool, beside its extraction:
        // printed here, one after another, it kept a core idle for a tenth of the run.
        let printed: Vec<io::Result<Vec<u8>>> = batch
            .documents
            .par_iter()
            .map(|doc| {
                let x = crate::extract::extract(doc);
                let mut buf = Vec::new();
                if json {
                    crate::safe_text::write_json_line(&mut buf, &x)?;
                    writeln!(buf)?;
                } else {
                    write_listing(&mut buf, &x)?;
                }
                Ok(buf)
            })
            .collect();
        for buf in printed {
            out.write_all(&buf?)?;
        }
        Ok::<(), Failure>(())
    })?;
    out.flush()?;
    Ok(())
}

fn summary_command(paths: &[PathBuf]) -> Result<(), Failure> {
    let paths = if paths.is_empty() {
        vec![bundled_seeds()?]
    } else {
        paths.to_vec()
    };
    // What it prints per document is what the index keeps of it: from the index cache, an
    // unchanged document is not extracted again.
    let index = index_of(&paths, true)?;
    let documents = index.corpus().documents.len();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    writeln!(
        out,
        "cordiale — corpus {} ({} documents)",
        sanitize(&names.join(", ")),
        documents
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<12} {:>7} {:>5} {:>11}  {:<28} title",
        "date", "figures", "dates", "commitments", "document"
    )?;
    let (mut f, mut d, mut c) = (0, 0, 0);
    for i in 0..documents as u32 {
        let info = index.doc_info(i);
        writeln!(
            out,
            "{:<12} {:>7} {:>5} {:>11}  {:<28} {}",
            info.date.as_deref().unwrap_or("—"),
            info.figures,
            info.dates,
            info.commitments,
            sanitize(&index.document(i).name),
            sanitize(&info.title)
        )?;
        f += info.figures;
        d += info.dates;
        c += info.commitments;
    }
    writeln!(out, "{:<12} {:>7} {:>5} {:>11}  total", "", f, d, c)?;
    writeln!(out)?;
    writeln!(
        out,
        "Details: cordiale extract PATH…  (add --json for scripts)"
    )?;
    out.flush()?;
    Ok(())
}

fn write_listing(out: &mut impl Write, x: &Extraction) -> io::Result<()> {
    writeln!(out, "== {} — {}", sanitize(&x.doc), sanitize(&x.title))?;
    if let Some(enc) = x.decoded_from {
        writeln!(
            out,
            "   decoded from {enc}; spans refer to the decoded text"
        )?;
    }
    if x.source != "text" {
        writeln!(
            out,
            "   converted from {}; spans refer to the text `cordiale text` prints",
            x.source.to_ascii_uppercase()
        )?;
    }
    match &x.doc_date {
        Some(d) if d.text.is_empty() => writeln!(
            out,
            "   date of issue: {} (from the file's metadata)",
            d.value.date.as_deref().unwrap_or("?"),
        )?,
        Some(d) => writeln!(
            out,
            "   date of issue: {} ({} @{}..{})",
            d.value.date.as_deref().unwrap_or("?"),
            quote(&d.text),
            d.start,
            d.end
        )?,
        None => writeln!(out, "   date of issue: none")?,
    }
    for f in &x.figures {
        writeln!(
            out,
            "figure      {:>6}..{:<6} {:<28} {}{}",
            f.start,
            f.end,
            quote(&f.text),
            describe_figure(&f.value),
            on_page(f.page)
        )?;
    }
    for d in &x.dates {
        let v = d
            .value
            .date
            .clone()
            .or_else(|| d.value.duration.clone())
            .unwrap_or_default();
        writeln!(
            out,
            "date        {:>6}..{:<6} {:<28} {}{}",
            d.start,
            d.end,
            quote(&d.text),
            v,
            on_page(d.page)
        )?;
    }
    for c in &x.commitments {
        let mut extra = Vec::new();
        if !c.actors.is_empty() {
            extra.push(format!("actors: {}", c.actors.join(", ")));
        }
        if let Some(d) = &c.deadline {
            extra.push(format!(
                "deadline: {} ({})",
                d.value
                    .date
                    .as_deref()
                    .or(d.value.duration.as_deref())
                    .unwrap_or("?"),
                d.text
            ));
        }
        if !c.figures.is_empty() {
            let texts: Vec<&str> = c
                .figures
                .iter()
                .map(|&i| x.figures[i].text.as_str())
                .collect();
            extra.push(format!("figures: {}", texts.join(", ")));
        }
        writeln!(
            out,
            "commitment  {:>6}..{:<6} {}{}",
            c.start,
            c.end,
            quote(&c.text),
            on_page(c.page)
        )?;
        if !extra.is_empty() {
            writeln!(
                out,
                "                           {}",
                sanitize(&extra.join("; "))
            )?;
        }
    }
    writeln!(out)
}

/// `  p. 3` after a listing line of a document with pages.
fn on_page(page: Option<usize>) -> String {
    page.map(|p| format!("  p. {p}")).unwrap_or_default()
}

fn describe_figure(v: &FigureValue) -> String {
    let mut s = match v.kind() {
        FigureKind::Money => format!("amount={} {}", v.number(), v.currency.unwrap_or("")),
        FigureKind::Count => format!("count={}", v.number()),
        FigureKind::Percent => format!("percent={}", v.number()),
        FigureKind::Multiplier => format!("multiplier={}", v.number()),
        FigureKind::Fraction => format!("fraction={:.4}", v.number()),
    };
    if let Some(m) = v.min {
        s.push_str(&format!(" min={}", m.0));
    }
    if let Some(m) = v.max {
        s.push_str(&format!(" max={}", m.0));
    }
    if v.approx == Some(true) {
        s.push_str(" approx");
    }
    if let Some(p) = v.per {
        s.push_str(&format!(" per {p}"));
    }
    s
}
