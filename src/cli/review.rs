//! The review subcommands: scripted verdicts, the checklist, agreement, checks and the git
//! merge driver, on the same library calls the checklist pane will make.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};

use super::{Failure, bundled_seeds, load_corpus, sanitize};
use crate::calendar::Day;
use crate::corpus::Corpus;
use crate::review::AsOf;
use crate::review::window;
use crate::review::{self, export};
use crate::search::cache::default_dir;
use crate::search::digests::digests;
use crate::workspace::edit;
use crate::workspace::id::item_id;
use crate::workspace::in_place::{self, InPlace};
use crate::workspace::in_step::{self, InStep};
use crate::workspace::lock;
use crate::workspace::merge::{AS_OF, merge_into};
use crate::workspace::place;
use crate::workspace::store::Stored;
use crate::workspace::sync::{self, SyncReport};
use crate::workspace::{self, Short, Verdict, Workspace, WorkspaceError, now};

/// Where the workspace is and which corpus it covers.
#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// The workspace file (default: cordiale.json here when it is this corpus's, else
    /// cordiale.json inside the corpus folder).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// The corpus folder or document (default: the one the workspace records, else the
    /// bundled seeds). A workspace that records another corpus is refused.
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// How long a change waits for the workspace's lock while another cordiale saves it
    /// (0: not at all); then it gives up and changes nothing.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub wait: u64,
}

/// One item's verdict, as `verdict` and `reconcile` take it.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The item id (or a unique start of it).
    pub id: String,
    /// A verdict of the workspace's scale (`cordiale scale` lists them).
    #[arg(value_parser = VerdictParser)]
    pub verdict: Verdict,
    #[arg(long)]
    pub note: Option<String>,
    /// Who you are (default: CORDIALE_REVIEWER, else git config user.name).
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    #[command(flatten)]
    pub ws: WorkspaceArgs,
}

/// `verdict`'s arguments: those of any change, and the actor the verdict is for.
#[derive(Debug, Args)]
pub struct VerdictArgs {
    #[command(flatten)]
    pub change: ChangeArgs,
    /// The verdict is for this actor of the commitment alone (the G7 method scores each
    /// member): any name, not only the actors the extraction found, since a text says
    /// "we" or "leaders" where the members are meant. Your overall verdict stays as it
    /// is (pending if you had none); `compliance` scores a commitment with per-actor
    /// verdicts by their mean.
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
}

/// `reconcile`'s arguments: those of any change, and the actor the pair settles.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    #[command(flatten)]
    pub change: ChangeArgs,
    /// The pair settles this actor of the commitment alone, where the reviewers' verdicts
    /// for it differ (the G7 method scores each member); `pending` takes that back.
    /// `compliance` then reads the actor as settled, and scores the commitment once no
    /// actor is left in dispute.
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
}

/// The longest actor name `verdict --actor` and `reconcile --actor` take.
const MAX_ACTOR_LEN: usize = 100;

/// An actor's name as given to `--actor`: trimmed, not empty, printable, not too long.
fn actor_name(given: &str) -> Result<Short, Failure> {
    let name = given.trim();
    if name.is_empty() {
        return Err(input("--actor needs a name"));
    }
    if name.chars().any(crate::safe_text::is_unsafe) {
        return Err(input(format!(
            "--actor {}: an actor's name is printable text on one line",
            sanitize(name)
        )));
    }
    if name.chars().count() > MAX_ACTOR_LEN {
        return Err(input(format!(
            "--actor: a name of at most {MAX_ACTOR_LEN} characters"
        )));
    }
    Ok(name.into())
}

/// A commitment added by hand.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The document's name, as `checklist` shows it.
    pub doc: String,
    /// The commitment's exact text in the document.
    pub quote: String,
    /// Where the quote stands, in bytes, when it stands more than once.
    #[arg(long, value_name = "BYTE")]
    pub at: Option<usize>,
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    #[command(flatten)]
    pub ws: WorkspaceArgs,
}

/// An item to place again by hand.
#[derive(Debug, Args)]
pub struct ReattachArgs {
    /// The item id (or a unique start of it).
    pub id: String,
    /// Which place to take, in bytes, when the quote stands in several.
    #[arg(long, value_name = "BYTE")]
    pub at: Option<usize>,
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    #[command(flatten)]
    pub ws: WorkspaceArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

/// A workspace opened for a command: the file, the state, and where its corpus is.
pub(super) struct Open {
    path: PathBuf,
    pub(super) corpus: Corpus,
    /// The state as loaded: the base for merging what others saved meanwhile.
    stored: Stored,
    pub(super) ws: Workspace,
    report: SyncReport,
    /// Each document's title, by file name, as the extraction found it.
    pub(super) titles: HashMap<String, String>,
    /// Each document's date of issue (ISO 8601 day), by file name, when one was found.
    dates: HashMap<String, String>,
    /// How long a save waits for the lock (`--wait`).
    wait: Duration,
    /// The corpus paths the workspace was synced with, and their fingerprint taken before
    /// they were read (`None` when it proves nothing): what a note of being in step holds.
    roots: Vec<PathBuf>,
    fingerprint: Option<u128>,
}

pub(super) fn input(e: impl std::fmt::Display) -> Failure {
    Failure::Input(e.to_string())
}

/// Opens (or starts) the workspace and brings it up to date with its corpus, refusing a
/// workspace that records another corpus than `--corpus`.
pub(super) fn open(args: &WorkspaceArgs) -> Result<Open, Failure> {
    let given: Vec<PathBuf> = args.corpus.iter().cloned().collect();
    let path = workspace_for(args.workspace.as_deref(), &given)?;
    let (stored, mut ws) = Stored::open(&path, Workspace::default).map_err(input)?;
    let roots = match (given.is_empty(), stored.exists()) {
        (false, _) => given,
        (true, true) => vec![place::recorded_corpus(&path, &ws.corpus)],
        (true, false) => vec![bundled_seeds()?],
    };
    let fingerprint = crate::corpus::fingerprint(&roots);
    let corpus = load_corpus(&roots)?;
    place::adopt(&path, stored.exists(), &mut ws, &roots, || {
        Some(sync::documents(&corpus))
    })
    .map_err(input)?;
    let digests = digests(&corpus, default_dir().as_deref());
    let report = sync::sync(&mut ws, &corpus, &digests);
    let dates = corpus
        .documents
        .iter()
        .zip(&digests)
        .filter_map(|(d, x)| Some((d.name.clone(), x.date.clone()?)))
        .collect();
    let titles = corpus
        .documents
        .iter()
        .zip(digests)
        .map(|(d, x)| (d.name.clone(), x.title))
        .collect();
    Ok(Open {
        path,
        corpus,
        stored,
        ws,
        report,
        titles,
        dates,
        wait: Duration::from_secs(args.wait),
        roots,
        fingerprint,
    })
}

/// `init [CORPUS] [--workspace FILE]`: creates the workspace of a corpus, with every
/// commitment extracted from it as an item to review, so that the pair's branches start
/// from one item set; sets git up when the file is in a git work tree.
pub fn init(
    corpus: Option<&Path>,
    workspace: Option<&Path>,
    scale: Option<&str>,
) -> Result<(), Failure> {
    let scale = scale.map(scale_named).transpose()?;
    let roots = vec![corpus.map_or_else(|| PathBuf::from("."), Path::to_path_buf)];
    let path = workspace_for(workspace, &roots)?;
    let shown = sanitize(&path.display().to_string());
    let exists = || path.symlink_metadata().is_ok();
    if exists() {
        return Err(input(format!(
            "{shown} already exists; nothing written (open it with the review commands or \
             the workbench, or name another file with --workspace FILE)"
        )));
    }
    let corpus = load_corpus(&roots)?;
    let mut ws = Workspace::default();
    if let Some(scale) = scale {
        ws.scale = scale;
    }
    place::adopt(&path, false, &mut ws, &roots, || None).map_err(input)?;
    sync::sync(
        &mut ws,
        &corpus,
        &digests(&corpus, default_dir().as_deref()),
    );
    if exists() {
        return Err(input(format!(
            "{shown} appeared meanwhile; nothing written"
        )));
    }
    workspace::save(&path, &ws).map_err(input)?;
    println!(
        "created {shown}: corpus {}, {} documents, {} items to review, scale {}",
        sanitize(&ws.corpus),
        ws.documents.len(),
        ws.items.len(),
        sanitize(&ws.scale.name)
    );
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let top = std::process::Command::new("git")
        .arg("-C")
        .arg(&folder)
        .args(["rev-parse", "--show-toplevel"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim_end()));
    println!("next:");
    println!("  1. commit it before anyone reviews: git add {shown} && git commit");
    println!("  2. each reviewer works on a branch of their own (git switch -c review-NAME),");
    println!("     gives verdicts (cordiale, cordiale verdict) and commits;");
    println!("  3. merge the branches: verdicts are merged item by item.");
    let Some(top) = top else {
        println!(
            "not in a git work tree: after `git init`, run `cordiale git-setup --write` at \
             its top level so that git merges workspaces with cordiale"
        );
        return Ok(());
    };
    // .gitattributes at the top of the work tree covers the workspace wherever it is.
    println!(
        "setting git up in {}:",
        sanitize(&top.display().to_string())
    );
    let back = std::env::current_dir()?;
    std::env::set_current_dir(&top).map_err(|e| input(format!("{}: {e}", top.display())))?;
    let result = git_setup(true);
    std::env::set_current_dir(back)?;
    result
}

/// The workspace file: `--workspace`; else, for a corpus named, its default
/// (`store::default_path`); else `cordiale.json` here, whatever corpus it records; else
/// the bundled seeds' default. The workbench chooses with this too.
pub(super) fn workspace_for(given: Option<&Path>, corpus: &[PathBuf]) -> Result<PathBuf, Failure> {
    Ok(match (given, corpus) {
        (Some(p), _) => p.to_path_buf(),
        (None, []) if Path::new(place::FILE_NAME).exists() => PathBuf::from(place::FILE_NAME),
        (None, []) => crate::workspace::store::default_path(&[bundled_seeds()?]),
        (None, paths) => crate::workspace::store::default_path(paths),
    })
}

/// The active reviewer: `--reviewer`, else `CORDIALE_REVIEWER`, else `git config user.name`.
pub fn reviewer(given: Option<&str>) -> Result<String, Failure> {
    review::active_reviewer(given).ok_or_else(|| {
        Failure::Input(
            "no reviewer: pass --reviewer NAME, set CORDIALE_REVIEWER or git config user.name"
                .into(),
        )
    })
}

/// Verdicts as the command line takes them: any well-formed name (whether the
/// workspace's scale has it is known once the workspace is read); completions offer the
/// built-in scales' verdicts.
#[derive(Debug, Clone, Copy)]
pub struct VerdictParser;

/// Every built-in scale's verdicts, once each, for completions and help.
fn built_in_verdicts() -> Vec<Verdict> {
    let mut all: Vec<Verdict> = Vec::new();
    for name in workspace::Scale::BUILT_IN {
        let scale = workspace::Scale::built_in(name).unwrap_or_default();
        for v in scale.all() {
            if !all.contains(&v) {
                all.push(v);
            }
        }
    }
    all
}

impl clap::builder::TypedValueParser for VerdictParser {
    type Value = Verdict;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Verdict, clap::Error> {
        value.to_str().and_then(Verdict::from_name).ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!(
                    "{} is not a verdict name (lowercase letters, digits and hyphens)\n",
                    sanitize(&value.to_string_lossy())
                ),
            )
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            built_in_verdicts()
                .into_iter()
                .map(|v| clap::builder::PossibleValue::new(v.name())),
        ))
    }
}

/// The error for a verdict the workspace's scale does not have.
fn not_on_scale(scale: &workspace::Scale, v: Verdict) -> Failure {
    let known: Vec<&str> = scale.all().map(Verdict::name).collect();
    Failure::Input(format!(
        "the workspace's scale {} has no verdict {} (it has {})",
        sanitize(&scale.name),
        v.name(),
        known.join(", ")
    ))
}

/// Which items `checklist --filter` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Those the active reviewer has not rated yet.
    Mine,
    /// Those the pair rated differently.
    Disagreements,
    /// Those whose deadline is before the as-of day and that no verdict settles.
    Overdue,
    /// Those any reviewer, or the pair's reconciliation, gave this verdict.
    Verdict(Verdict),
}

/// `checklist --filter`'s values: `mine`, `disagreements`, or a verdict's name.
#[derive(Debug, Clone, Copy)]
pub struct FilterParser;

impl clap::builder::TypedValueParser for FilterParser {
    type Value = Filter;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Filter, clap::Error> {
        match value.to_str() {
            Some("mine") => Ok(Filter::Mine),
            Some("disagreements") => Ok(Filter::Disagreements),
            Some("overdue") => Ok(Filter::Overdue),
            _ => VerdictParser
                .parse_ref(cmd, arg, value)
                .map(Filter::Verdict),
        }
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let verdicts = built_in_verdicts().into_iter().map(Verdict::name);
        Some(Box::new(
            ["mine", "disagreements", "overdue"]
                .into_iter()
                .chain(verdicts)
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// The order `checklist --sort` prints items in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sort {
    /// As in the file: by document, then place in it.
    File,
    /// By deadline, soonest first; items without one last, in file order.
    Deadline,
}

/// The item an id or unique id prefix names.
fn resolve(ws: &Workspace, id: &str) -> Result<Short, Failure> {
    if ws.items.contains_key(id) {
        return Ok(id.into());
    }
    let found: Vec<&Short> = ws.items.keys().filter(|k| k.starts_with(id)).collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Failure::Input(format!("no item {id}"))),
        _ => Err(Failure::Input(format!(
            "{id} names {} items; give more of the id",
            found.len()
        ))),
    }
}

/// The item an id or unique id prefix names, placed in its corpus as it stands now (the
/// workspace synced, not saved), and the opened workspace with that corpus: what a command
/// that reads one item against the documents needs (and may change it after). An orphaned
/// item is refused: it has no place to read.
pub(super) fn placed_item(
    args: &WorkspaceArgs,
    id: &str,
) -> Result<(Short, workspace::Item, Open), Failure> {
    let open = open(args)?;
    let id = resolve(&open.ws, id)?;
    let item = open
        .ws
        .items
        .get(&id)
        .cloned()
        .ok_or_else(|| input("no item"))?;
    if open.report.orphaned.contains(&id) {
        return Err(input(format!(
            "{id}: its quote fits nowhere in {} any more; place it again first (cordiale \
             reattach {id})",
            sanitize(&item.doc)
        )));
    }
    Ok((id, item, open))
}

/// Adds `evidence` to `who`'s verdict on item `id` of the opened workspace and saves:
/// what `suggest --cite` does with the passage chosen.
pub(super) fn cite(
    open: &mut Open,
    id: &Short,
    who: &str,
    evidence: workspace::Evidence,
) -> Result<(), Failure> {
    let item = open.ws.items.get_mut(id).ok_or_else(|| input("no item"))?;
    item.add_evidence(who, evidence);
    save(open)?;
    println!("{id}: evidence added by {}", sanitize(who));
    Ok(())
}

/// Saves under the lock, merging in what another process saved since we loaded. While
/// another process holds the lock, waits, up to `--wait`, and says so on stderr once the
/// wait lasts (a save holds the lock for milliseconds: a brief one goes unsaid). True when
/// what another process saved meanwhile was merged in.
fn save(open: &mut Open) -> Result<bool, Failure> {
    const UNSAID: Duration = Duration::from_millis(300);
    let give_up = Instant::now() + open.wait;
    let (mut first, mut said) = (None, false);
    let saved = loop {
        match open.stored.save_state(&open.ws) {
            Err(WorkspaceError::Locked { path, holder }) => {
                let lock = path.display();
                let now = Instant::now();
                let left = give_up.saturating_duration_since(now);
                if left.is_zero() {
                    return Err(Failure::Problems(format!(
                        "gave up after {} s: {lock} is held by {holder}; nothing was saved \
                         (try again, or wait longer with --wait SECONDS)",
                        open.wait.as_secs()
                    )));
                }
                let unsaid = UNSAID.saturating_sub(now - *first.get_or_insert(now));
                if unsaid.is_zero() && !said {
                    eprintln!(
                        "cordiale: waiting for {lock}, held by {holder} (up to {} s; --wait SECONDS)",
                        open.wait.as_secs()
                    );
                    said = true;
                }
                let span = if said { left } else { left.min(unsaid) };
                // Free or not, the save is tried again (and says why it gives up).
                lock::wait_until_free_for(&path, span)
                    .map_err(|e| input(format!("{lock}: {e}")))?;
            }
            saved => break saved.map_err(input)?,
        }
    };
    let merged = saved.merged.is_some();
    if let Some(state) = saved.merged {
        open.ws = state;
    }
    open.stored = saved.stored;
    for c in saved.conflicts {
        eprintln!(
            "cordiale: {}: {}; another session changed it too, ours kept",
            sanitize(&open.path.display().to_string()),
            sanitize(&c.to_string())
        );
    }
    Ok(merged)
}

/// Opens the workspace, lets `apply` change one item at the current time, and saves.
/// Returns the item id.
///
/// When a note says the file is as this build saved it in step with a corpus whose files
/// have not changed since, the item is changed in place: neither the corpus nor the other
/// items are read, and the cost is that of writing the file. Otherwise (and whenever the
/// change in place declines) the workspace is opened, synced and saved whole, which
/// leaves such a note for the next change.
fn change_item(
    args: &WorkspaceArgs,
    id: &str,
    verdict: Verdict,
    mut apply: impl FnMut(&mut workspace::Item, Short),
) -> Result<Short, Failure> {
    let given: Vec<PathBuf> = args.corpus.iter().cloned().collect();
    let path = workspace_for(args.workspace.as_deref(), &given)?;
    let dir = default_dir();
    if let Some(dir) = &dir
        && let Some(note) = in_step::read(dir, &path, &given)
        && let (Some(corpus), Some(hash)) = (note.corpus(), note.workspace())
        && crate::corpus::fingerprint(&note.roots) == Some(corpus)
    {
        // A verdict the file's scale lacks is refused from its head, the corpus unread.
        let permitted = |scale: &workspace::Scale| scale.has(verdict);
        let change = |_: &Short, item: &mut workspace::Item| apply(item, now());
        match in_place::change_in_place(&path, hash, id, permitted, change).map_err(input)? {
            InPlace::Changed { id, hash } => {
                in_step::write(dir, &path, &given, &InStep::new(note.roots, corpus, hash));
                return Ok(id);
            }
            InPlace::Refused(scale) => return Err(not_on_scale(&scale, verdict)),
            // Not the file expected: the ordinary way reads it, and says what it finds.
            InPlace::Declined => {}
        }
    }
    let mut open = open(args)?;
    if !open.ws.scale.has(verdict) {
        return Err(not_on_scale(&open.ws.scale, verdict));
    }
    let id = resolve(&open.ws, id)?;
    let item = open.ws.items.get_mut(&id).ok_or_else(|| input("no item"))?;
    apply(item, now());
    let merged = save(&mut open)?;
    // Another process's state merged in was synced with the corpus as it saw it: no note.
    if let (Some(dir), false, Some(corpus), Some(hash)) =
        (&dir, merged, open.fingerprint, open.stored.content_hash())
    {
        in_step::write(dir, &path, &given, &InStep::new(open.roots, corpus, hash));
    }
    Ok(id)
}

/// A change for one actor of an item (`--actor NAME`, checked): `set` makes it and gives
/// the actor as the item spells it (`france` is `France`). The item's id and that name.
fn change_actor(
    change: &ChangeArgs,
    actor: &str,
    set: impl Fn(&mut workspace::Item, &str, Short) -> Short,
) -> Result<(Short, Short), Failure> {
    let actor = actor_name(actor)?;
    if change.note.is_some() {
        return Err(input(
            "--note goes with a verdict on the whole commitment, not with --actor",
        ));
    }
    let mut spelled = actor.clone();
    let id = change_item(&change.ws, &change.id, change.verdict, |item, at| {
        spelled = set(item, &actor, at);
    })?;
    Ok((id, spelled))
}

/// `verdict ID VERDICT [--actor NAME]`: the reviewer's verdict on an item, or on one actor
/// of it; either way through `change_item`, so in place when the workspace is in step.
pub fn verdict(args: &VerdictArgs) -> Result<(), Failure> {
    let change = &args.change;
    let verdict = change.verdict;
    let who = reviewer(change.reviewer.as_deref())?;
    if let Some(actor) = &args.actor {
        let (id, actor) = change_actor(change, actor, |item, actor, at| {
            item.set_actor_verdict(&who, actor, verdict, at)
        })?;
        println!(
            "{id}: {} says {} for {}",
            sanitize(&who),
            verdict.name(),
            sanitize(&actor)
        );
        return Ok(());
    }
    let id = change_item(&change.ws, &change.id, verdict, |item, at| {
        // A verdict without --note keeps the note the reviewer wrote before.
        let note = change
            .note
            .clone()
            .or_else(|| item.reviews.get(&who).map(|r| r.note.clone()))
            .unwrap_or_default();
        item.set_review(&who, verdict, note, at);
    })?;
    println!("{id}: {} says {}", sanitize(&who), verdict.name());
    Ok(())
}

pub fn reconcile(args: &ReconcileArgs) -> Result<(), Failure> {
    let change = &args.change;
    let verdict = change.verdict;
    let who = reviewer(change.reviewer.as_deref())?;
    if let Some(actor) = &args.actor {
        let (id, actor) = change_actor(change, actor, |item, actor, at| {
            item.set_reconciled_actor(&who, actor, verdict, at)
        })?;
        println!(
            "{id}: {} reconciled as {} by {}",
            sanitize(&actor),
            verdict.name(),
            sanitize(&who)
        );
        return Ok(());
    }
    let id = change_item(&change.ws, &change.id, verdict, |item, at| {
        let note = change.note.clone().unwrap_or_default();
        item.set_reconciled(&who, verdict, note, at);
    })?;
    println!(
        "{id}: reconciled as {} by {}",
        verdict.name(),
        sanitize(&who)
    );
    Ok(())
}

pub fn checklist(
    args: &WorkspaceArgs,
    format: Format,
    (filter, sort): (Option<Filter>, Sort),
    as_of: Option<Day>,
    who: Option<&str>,
) -> Result<(), Failure> {
    let open = open(args)?;
    let ws = &open.ws;
    // A verdict the scale lacks would list nothing, as if none were given: say so.
    if let Some(Filter::Verdict(v)) = filter
        && !ws.scale.has(v)
    {
        return Err(not_on_scale(&ws.scale, v));
    }
    let as_of = AsOf::now(as_of, ws.as_of);
    // The pair's columns; with fewer than two reviewers, whoever there is.
    let (a, b) = review::pair(ws.items.values()).unwrap_or_else(|| {
        let only = ws.items.values().flat_map(|i| i.reviews.keys()).min();
        (
            only.map(Short::to_string).unwrap_or_default(),
            String::new(),
        )
    });
    let me = match filter {
        Some(Filter::Mine) => Some(reviewer(who)?),
        _ => None,
    };
    let mut rows = Vec::new();
    for (id, item) in ws.ordered() {
        let state = review::item_agreement(item, &a, &b);
        let keep = match filter {
            None => true,
            Some(Filter::Disagreements) => review::is_disagreement(
                state,
                &review::reliability::counts_of(item, &ws.scale),
                !review::actors_in_dispute(item).is_empty(),
            ),
            Some(Filter::Overdue) => as_of.overdue(item, &ws.scale),
            Some(Filter::Mine) => me.as_ref().is_some_and(|m| {
                item.reviews
                    .get(m.as_str())
                    .is_none_or(|r| r.verdict == Verdict::PENDING)
            }),
            Some(Filter::Verdict(wanted)) => {
                item.reviews.values().any(|r| r.verdict == wanted)
                    || item.reconciled.as_ref().map(|r| r.verdict) == Some(wanted)
            }
        };
        if keep {
            rows.push((id, item, state));
        }
    }
    if sort == Sort::Deadline {
        rows.sort_by_cached_key(|(_, item, _)| window::deadline_order(window::due_day(item)));
    }
    let format = match format {
        Format::Md => export::Format::Markdown,
        Format::Csv => export::Format::Csv,
        Format::Json => export::Format::Json,
    };
    let out = export::checklist(
        &rows,
        (&a, &b),
        &open.report.orphaned,
        Some(&open.corpus),
        &|name| open.titles.get(name).cloned(),
        (&as_of, &ws.scale),
        format,
    );
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// `as-of [DATE] [--clear]`: sets or clears the day the workspace is assessed as of,
/// saved under the lock as every change is; with neither, says which day counts.
pub fn as_of(args: &WorkspaceArgs, date: Option<Day>, clear: bool) -> Result<(), Failure> {
    let mut open = open(args)?;
    let path = sanitize(&open.path.display().to_string());
    if date.is_none() && !clear {
        let as_of = AsOf::now(None, open.ws.as_of);
        let how = match open.ws.as_of {
            Some(_) => "; `cordiale as-of --clear` goes back to today",
            None => ", as none is set; `cordiale as-of DATE` fixes one",
        };
        println!("{path}: {}{how}", as_of.describe());
        return Ok(());
    }
    if open.ws.as_of == date && open.stored.exists() {
        match date {
            Some(day) => println!("{path}: already assessed as of {day}"),
            None => println!("{path}: no as-of day set: today counts"),
        }
        return Ok(());
    }
    open.ws.as_of = date;
    save(&mut open)?;
    match open.ws.as_of {
        Some(day) => println!(
            "{path}: assessed as of {day}: deadlines before it are overdue unless kept \
             (`cordiale as-of --clear` goes back to today)"
        ),
        None => println!("{path}: no as-of day set: today counts"),
    }
    Ok(())
}

/// One reliability figure and its interval, as `agreement` prints it.
fn figure_text(f: Option<review::reliability::Figure>) -> String {
    match f {
        None => "undefined".into(),
        Some(f) => match f.interval {
            Some((lo, hi)) => format!("{:.3} [{lo:.3}, {hi:.3}]", f.value),
            None => format!("{:.3}", f.value),
        },
    }
}

/// `agreement --csv`: a row per figure of each section (the corpus first, then each
/// document), long rather than wide so every row has the same columns.
fn agreement_csv(sections: &[serde_json::Value]) -> String {
    use crate::review::export::csv_cell;
    let number = |v: &serde_json::Value| v.as_f64().map_or(String::new(), |x| format!("{x:.6}"));
    let mut out = String::from("scope,document,title,statistic,value,low,high\n");
    for s in sections {
        let doc = s["document"].as_str();
        let scope = if doc.is_some() { "document" } else { "corpus" };
        let (doc, title) = (doc.unwrap_or(""), s["title"].as_str().unwrap_or(""));
        let mut row = |statistic: &str, value: String, low: String, high: String| {
            let cells = [scope, doc, title, statistic].map(csv_cell);
            let _ = writeln!(out, "{},{value},{low},{high}", cells.join(","));
        };
        row(
            "pair percent agreement",
            number(&s["pair"]["percent"]),
            String::new(),
            String::new(),
        );
        row(
            "pair Cohen's kappa",
            number(&s["pair"]["cohen_kappa"]),
            number(&s["pair"]["cohen_kappa_interval"][0]),
            number(&s["pair"]["cohen_kappa_interval"][1]),
        );
        for (key, name) in [
            ("percent", "agreement"),
            ("fleiss_kappa", "Fleiss' kappa"),
            ("gwet_ac1", "Gwet's AC1"),
            ("alpha_nominal", "Krippendorff's alpha, nominal"),
            ("alpha_ordinal", "Krippendorff's alpha, ordinal"),
        ] {
            let f = &s["all"][key];
            row(
                name,
                number(&f["value"]),
                number(&f["interval"][0]),
                number(&f["interval"][1]),
            );
        }
        for pair in s["all"]["per_verdict"].as_array().into_iter().flatten() {
            let name = format!("specific agreement, {}", pair[0].as_str().unwrap_or(""));
            row(&name, number(&pair[1]), String::new(), String::new());
        }
    }
    out
}

/// The pair's figures as JSON.
fn pair_json(g: &review::Agreement, kappa_interval: Option<(f64, f64)>) -> serde_json::Value {
    serde_json::json!({
        "items": g.items,
        "rated_by_both": g.both,
        "agreed": g.agreed,
        "reconciled": g.reconciled,
        "percent": g.percent,
        "cohen_kappa": g.kappa,
        "cohen_kappa_interval": kappa_interval,
        "confusion": {
            "verdicts": g.verdicts,
            "counts": g.confusion,
        },
        "warnings": g.warnings,
    })
}

pub fn agreement(
    args: &WorkspaceArgs,
    (json, csv): (bool, bool),
    chosen: Option<&[String]>,
) -> Result<(), Failure> {
    let open = open(args)?;
    let ws = &open.ws;
    let found = match chosen {
        None => review::pair(ws.items.values()),
        Some([a, b]) if a != b => {
            let rated = |who: &str| ws.items.values().any(|i| i.reviews.get(who).is_some());
            for who in [a, b] {
                if !rated(who) {
                    return Err(input(format!("--pair: {who} has given no verdict here")));
                }
            }
            Some((a.clone(), b.clone()))
        }
        Some(_) => {
            return Err(input(
                "--pair takes two different reviewers: --pair ann,bob",
            ));
        }
    };
    let Some((a, b)) = found else {
        if json {
            println!("{{\"reviewers\": []}}");
        } else if csv {
            print!("{}", agreement_csv(&[]));
        } else {
            println!("Fewer than two reviewers have given verdicts: nothing to compare.");
        }
        return Ok(());
    };
    let mut out = String::new();
    let mut sections: Vec<serde_json::Value> = Vec::new();
    let mut section = |title: &str, doc: Option<&str>, items: Vec<&workspace::Item>| {
        let g = review::agreement(items.iter().copied(), &a, &b, &ws.scale);
        let kappa_interval = review::agreement::kappa_interval(
            items.iter().copied(),
            (&a, &b),
            &ws.scale,
            review::reliability::ROUNDS,
        );
        let all = review::reliability::reliability(items.iter().copied(), &ws.scale);
        let _ = writeln!(out, "== {title}");
        let _ = writeln!(
            out,
            "items {}, rated by both {}, agreed {}, reconciled {}",
            g.items, g.both, g.agreed, g.reconciled
        );
        let pct = g.percent.map_or("—".into(), |p| format!("{p:.1}%"));
        let kappa = match (g.kappa, kappa_interval) {
            (None, _) => "undefined".into(),
            (Some(k), None) => format!("{k:.3}"),
            (Some(k), Some((lo, hi))) => format!("{k:.3} [{lo:.3}, {hi:.3}]"),
        };
        let _ = writeln!(out, "percent agreement {pct}, Cohen's kappa {kappa}");
        for w in &g.warnings {
            let _ = writeln!(out, "warning: {w}");
        }
        let names: Vec<String> = all.reviewers.iter().map(|r| sanitize(r)).collect();
        let _ = writeln!(
            out,
            "all {} reviewers ({}), {} items rated twice or more [95% bootstrap interval]:",
            all.reviewers.len(),
            names.join(", "),
            all.rated_twice,
        );
        for (name, f) in [
            ("agreement", all.percent),
            ("Fleiss' kappa", all.fleiss_kappa),
            ("Gwet's AC1", all.gwet_ac1),
            ("Krippendorff's alpha, nominal", all.alpha_nominal),
            ("Krippendorff's alpha, ordinal", all.alpha_ordinal),
        ] {
            let _ = writeln!(out, "  {name:<30} {}", figure_text(f));
        }
        if !all.per_verdict.is_empty() {
            let each: Vec<String> = all
                .per_verdict
                .iter()
                .map(|(v, a)| format!("{v} {a:.3}"))
                .collect();
            let _ = writeln!(out, "  {:<30} {}", "specific agreement", each.join(", "));
        }
        out.push('\n');
        sections.push(serde_json::json!({
            "document": doc,
            "title": doc.and_then(|d| open.titles.get(d)),
            "pair": pair_json(&g, kappa_interval),
            "all": all,
        }));
        g
    };
    let all: Vec<&workspace::Item> = ws.items.values().collect();
    let total = section(
        &format!("corpus ({} vs {})", sanitize(&a), sanitize(&b)),
        None,
        all,
    );
    let mut docs: Vec<&str> = ws.items.values().map(|i| i.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    for doc in docs {
        let items: Vec<&workspace::Item> = ws.items.values().filter(|i| i.doc == doc).collect();
        section(&document_heading(&open.titles, doc), Some(doc), items);
    }
    if csv {
        io::stdout()
            .lock()
            .write_all(agreement_csv(&sections).as_bytes())?;
        return Ok(());
    }
    if json {
        let mut corpus = sections.remove(0);
        corpus["pair"]["reviewers"] = serde_json::json!([a, b]);
        let report = serde_json::json!({ "corpus": corpus, "documents": sections });
        let mut stdout = io::stdout().lock();
        crate::safe_text::write_json_line(&mut stdout, &report)?;
        writeln!(stdout)?;
        return Ok(());
    }
    let _ = writeln!(
        out,
        "confusion matrix (rows {}, columns {}):",
        sanitize(&a),
        sanitize(&b)
    );
    let names: Vec<&str> = total.verdicts.iter().map(|v| v.name()).collect();
    out.push_str(&matrix(&names, &total.confusion));
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// A document's section heading in `agreement`: its short title, then its file name
/// (`UK-France summit, 2 November 2010 (002_c9d99d6….txt)`); the file name alone when the
/// corpus no longer has the document.
pub(super) fn document_heading(titles: &HashMap<String, String>, doc: &str) -> String {
    let title = titles
        .get(doc)
        .map(|t| crate::extract::short_title(t, crate::extract::SHORT_TITLE_COLUMNS))
        .filter(|t| !t.is_empty());
    match title {
        Some(t) => format!("{t} ({})", sanitize(doc)),
        None => sanitize(doc),
    }
}

/// A confusion matrix as text: one column per name, each as wide as the widest name or
/// count, every column after a space, so no two headers ever run together.
fn matrix<R: AsRef<[usize]>>(names: &[&str], counts: &[R]) -> String {
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .chain(
            counts
                .iter()
                .flat_map(|r| r.as_ref().iter().map(|c| c.to_string().len())),
        )
        .max()
        .unwrap_or(0);
    let mut out = format!("{:>width$}", "");
    for n in names {
        let _ = write!(out, " {n:>width$}");
    }
    out.push('\n');
    for (name, row) in names.iter().zip(counts) {
        let _ = write!(out, "{name:>width$}");
        for c in row.as_ref() {
            let _ = write!(out, " {c:>width$}");
        }
        out.push('\n');
    }
    out
}

/// `check`: the file reads, every id matches its document and quote, and every anchor
/// still fits its text (the sync that opening runs has just placed them all).
pub fn check(args: &WorkspaceArgs) -> Result<(), Failure> {
    let opened = open(args)?;
    if !opened.stored.exists() {
        return Err(Failure::Input(format!(
            "{}: no workspace file to check",
            opened.path.display()
        )));
    }
    let loaded = &opened.ws;
    let mut problems = Vec::new();
    for (id, item) in &loaded.items {
        // An item keeps its id when a reviewer re-attaches it to a changed quote.
        let reattached = item.history.iter().any(|e| e.what == "reanchor");
        if !reattached && item_id(&item.doc, &item.anchor.exact) != *id {
            problems.push(format!(
                "item {id}: id does not match its document and quote"
            ));
        }
    }
    let quote = |id: &Short| {
        loaded
            .items
            .get(id)
            .map_or(String::new(), |i| crate::safe_text::quote(&i.anchor.exact))
    };
    let report = &opened.report;
    for id in &report.fuzzy {
        problems.push(format!(
            "item {id}: quote changed; confirm its new text with `cordiale reattach {id}`"
        ));
    }
    for id in &report.ambiguous {
        problems.push(format!(
            "item {id}: quote found in several places; choose one with `cordiale reattach {id} --at BYTE`"
        ));
    }
    for id in &report.orphaned {
        problems.push(format!(
            "item {id}: orphaned: \"{}\" is no longer in its document",
            quote(id)
        ));
    }
    // One line per item: its passages are listed together.
    for ids in report.evidence_unplaced.chunk_by(|a, b| a == b) {
        let (id, what) = match ids.len() {
            1 => (&ids[0], "a passage cited as evidence is".to_string()),
            n => (&ids[0], format!("{n} passages cited as evidence are")),
        };
        problems.push(format!(
            "item {id}: {what} no longer in its document (the quotes are kept; \
             `cordiale evidence {id}` lists them)"
        ));
    }
    let path = sanitize(&opened.path.display().to_string());
    if problems.is_empty() {
        println!("{path}: {} items, all anchored", loaded.items.len());
        return Ok(());
    }
    for p in &problems {
        println!("{p}");
    }
    Err(Failure::Problems(format!(
        "{path}: {} problems",
        problems.len()
    )))
}

/// How git names the file and the sides of a merge (`%P`, `%X`, `%Y`; git 2.44 and later),
/// for the driver's messages. An older git leaves the placeholders as they are.
#[derive(Debug, Default, Args)]
pub struct MergeNames {
    /// The workspace's path in the repository (git's %P).
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,
    /// What git calls our side (%X: the branch merged into; in a rebase, the branch
    /// rebased onto).
    #[arg(long, value_name = "LABEL")]
    pub ours_name: Option<String>,
    /// What git calls their side (%Y: the branch merged; in a rebase, the commit replayed).
    #[arg(long, value_name = "LABEL")]
    pub theirs_name: Option<String>,
}

impl MergeNames {
    /// A name git gave, or `fallback` when it gave none (or an old git left `%X` as is).
    fn or<'a>(given: &'a Option<String>, fallback: &'a str) -> String {
        match given.as_deref() {
            Some(name) if !name.is_empty() && !name.starts_with('%') => sanitize(name),
            _ => fallback.to_string(),
        }
    }
}

/// `merge BASE OURS THEIRS`: git's merge driver; the result goes to OURS. A missing or
/// empty BASE (both branches added the file) is an empty workspace, so both sides are kept.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    names: &MergeNames,
) -> Result<(), Failure> {
    let file = MergeNames::or(&names.path, "");
    let failed = |e: WorkspaceError| match file.as_str() {
        "" => input(e),
        file => input(format!("merging {file}: {e}")),
    };
    let load = |p: &Path| workspace::load(p).map_err(failed);
    let (mut merged, t) = (load(ours)?, load(theirs)?);
    let b = match std::fs::metadata(base) {
        Ok(m) if m.len() == 0 => None,
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        _ => Some(load(base)?),
    }
    .unwrap_or_else(|| Workspace {
        corpus: merged.corpus.clone(),
        ..Default::default()
    });
    let conflicts = merge_into(&b, &mut merged, &t);
    // A verdict the merged scale lacks (a branch rated on another scale) is refused before
    // anything is written: git keeps the conflict and both sides stay as they were.
    workspace::io::check_verdicts(ours, &merged).map_err(failed)?;
    workspace::save(ours, &merged).map_err(failed)?;
    if conflicts.is_empty() {
        return Ok(());
    }
    let ours_name = MergeNames::or(&names.ours_name, "ours");
    let theirs_name = MergeNames::or(&names.theirs_name, "theirs");
    let file = match file.as_str() {
        "" => String::new(),
        file => format!("{file}: "),
    };
    for c in &conflicts {
        eprintln!("cordiale merge: {file}conflict: {c}; kept {ours_name}, not {theirs_name}");
    }
    let as_of = match conflicts
        .iter()
        .any(|c| c.id.is_empty() && c.field == AS_OF)
    {
        true => ", the as-of day with `cordiale as-of DATE`",
        false => "",
    };
    Err(Failure::Problems(format!(
        "{} conflicts; resolve them with `cordiale verdict` or `cordiale reconcile`{as_of}",
        conflicts.len()
    )))
}

/// The lines that make git use the merge driver for workspace files.
pub const GITATTRIBUTES_LINE: &str = "cordiale.json merge=cordiale";

/// What git must not commit: the lock file, the temporary files of saves that were killed
/// (the next save removes them), and a note draft kept beside the workspace when the state
/// folder could not be written (`app::draft`).
pub const GITIGNORE_LINES: [&str; 3] = [
    "cordiale.json.lock",
    ".cordiale-save-*",
    ".cordiale.json.draft",
];

/// The merge driver's arguments: the three files, and how git names the file and sides.
const DRIVER_ARGS: &str = "merge %O %A %B --path %P --ours-name %X --theirs-name %Y";

/// `git-setup`: prints the `.gitattributes` and `.gitignore` lines and the `git config`
/// commands; with `write`, adds the lines to those files in the current folder (once) and
/// runs the commands, naming this very binary so the driver works without `cordiale` on
/// the PATH.
pub fn git_setup(write: bool) -> Result<(), Failure> {
    if !write {
        println!("# .gitattributes");
        println!("{GITATTRIBUTES_LINE}");
        println!();
        println!("# .gitignore");
        for line in GITIGNORE_LINES {
            println!("{line}");
        }
        println!();
        println!("# git config (once per clone)");
        println!("git config merge.cordiale.name \"cordiale workspace merge\"");
        println!("git config merge.cordiale.driver \"cordiale {DRIVER_ARGS}\"");
        return Ok(());
    }
    add_lines(Path::new(".gitattributes"), &[GITATTRIBUTES_LINE])?;
    add_lines(Path::new(".gitignore"), &GITIGNORE_LINES)?;
    let exe = std::env::current_exe().map_err(input)?;
    let driver = format!("\"{}\" {DRIVER_ARGS}", exe.display());
    for (key, value) in [
        ("merge.cordiale.name", "cordiale workspace merge"),
        ("merge.cordiale.driver", driver.as_str()),
    ] {
        let status = std::process::Command::new("git")
            .args(["config", key, value])
            .status()
            .map_err(|e| input(format!("cannot run git: {e}")))?;
        if !status.success() {
            return Err(input(format!(
                "git config {key} failed (is this a git repository?)"
            )));
        }
        println!("git config {key} {value}");
    }
    Ok(())
}

/// Adds to the file `path` each of `lines` it does not hold yet, and says so.
fn add_lines(path: &Path, lines: &[&str]) -> Result<(), Failure> {
    let name = path.display();
    let current = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(input(format!("{name}: {e}"))),
    };
    let mut text = current.clone();
    for line in lines {
        if !current.lines().any(|l| l.trim() == *line) {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(line);
            text.push('\n');
            println!("added to {name}: {line}");
        }
    }
    if text != current {
        workspace::io::write_atomically(path, text.as_bytes()).map_err(input)?;
    }
    Ok(())
}

/// The JSON Schema of workspace files, as shipped in `schema/workspace.schema.json`.
pub const WORKSPACE_SCHEMA: &str = include_str!("../../schema/workspace.schema.json");

/// `schema`: prints the workspace JSON Schema, or writes it beside the workspace under the
/// name its `"$schema"` gives, so editors validate the file.
pub fn schema(args: &WorkspaceArgs, write: bool) -> Result<(), Failure> {
    if !write {
        io::stdout().lock().write_all(WORKSPACE_SCHEMA.as_bytes())?;
        return Ok(());
    }
    let given: Vec<PathBuf> = args.corpus.iter().cloned().collect();
    let path = workspace_for(args.workspace.as_deref(), &given)?
        .with_file_name(workspace::model::SCHEMA_REF);
    workspace::io::write_atomically(&path, WORKSPACE_SCHEMA.as_bytes()).map_err(input)?;
    println!("wrote {}", sanitize(&path.display().to_string()));
    Ok(())
}

/// `add DOC QUOTE`: a commitment the extraction missed, added by hand from its quote.
pub fn add(args: &AddArgs) -> Result<(), Failure> {
    let who = reviewer(args.reviewer.as_deref())?;
    let mut open = open(&args.ws)?;
    let doc = open
        .corpus
        .documents
        .iter()
        .find(|d| d.name == args.doc)
        .ok_or_else(|| input(format!("no document {} in the corpus", args.doc)))?;
    let quote = args.quote.trim();
    let start = where_quoted(&doc.text, quote, args.at, &args.doc, "quote")?;
    let (name, text) = (doc.name.clone(), doc.text.clone());
    let span = (start, start + quote.len());
    let id = edit::add_span(&mut open.ws, &name, &text, span, &who, now()).map_err(input)?;
    save(&mut open)?;
    println!("{id}: added by {}", sanitize(&who));
    Ok(())
}

/// Where `quote` stands in `text` (document `doc`): its one place, else the place nearest
/// byte `at`; an error that names the places when there are several and no `at`, or says
/// it is not there. `what` names the quote in the messages (`quote`, `passage`).
fn where_quoted(
    text: &str,
    quote: &str,
    at: Option<usize>,
    doc: &str,
    what: &str,
) -> Result<usize, Failure> {
    let found: Vec<usize> = match quote.is_empty() {
        true => Vec::new(),
        false => text.match_indices(quote).map(|(i, _)| i).collect(),
    };
    match (found.as_slice(), at) {
        ([], _) => Err(input(format!(
            "\"{}\" is not in {}",
            sanitize(quote),
            sanitize(doc)
        ))),
        ([one], _) => Ok(*one),
        (many, Some(at)) => Ok(*many
            .iter()
            .min_by_key(|s| s.abs_diff(at))
            .unwrap_or(&many[0])),
        (many, None) => {
            let at: Vec<String> = many.iter().map(usize::to_string).collect();
            Err(input(format!(
                "the {what} stands {} times in {} (at bytes {}); choose one with --at BYTE",
                many.len(),
                sanitize(doc),
                at.join(", ")
            )))
        }
    }
}

/// `reattach ID`: confirms where an item whose quote changed now stands.
pub fn reattach(args: &ReattachArgs) -> Result<(), Failure> {
    let who = reviewer(args.reviewer.as_deref())?;
    let mut open = open(&args.ws)?;
    let id = resolve(&open.ws, &args.id)?;
    let doc = &open.ws.items[&id].doc;
    let text = open
        .corpus
        .documents
        .iter()
        .find(|d| d.name == doc.as_str())
        .map(|d| d.text.clone())
        .ok_or_else(|| {
            input(format!(
                "item {id}: its document {doc} is not in the corpus"
            ))
        })?;
    edit::reattach(&mut open.ws, &id, &text, args.at, &who, now())
        .map_err(|e| input(format!("item {id}: {e}")))?;
    save(&mut open)?;
    let quote = crate::safe_text::quote(&open.ws.items[&id].anchor.exact);
    println!("{id}: re-attached to \"{quote}\"");
    Ok(())
}

/// A scale named on the command line: a built-in one's name, or a JSON file declaring one
/// (`{"name": …, "verdicts": [{"name", "key", "label", "score"}…]}`, lowest first).
fn scale_named(given: &str) -> Result<workspace::Scale, Failure> {
    if let Ok(scale) = workspace::Scale::built_in(given) {
        return Ok(scale);
    }
    let path = Path::new(given);
    if !path.is_file() {
        return Err(input(format!(
            "{} is neither a built-in scale (standard, g7, meter) nor a file declaring one",
            sanitize(given)
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 1 << 20), &mut bytes))
        .map_err(|e| input(format!("{}: {e}", sanitize(given))))?;
    let scale: workspace::Scale = serde_json::from_slice(&bytes)
        .map_err(|e| input(format!("{}: not a scale: {e}", sanitize(given))))?;
    scale.validate().map_err(input)?;
    Ok(scale)
}

/// `scale [NAME|FILE]`: prints the workspace's scale, or changes it to another one when
/// every verdict already given is on the new scale (else nothing changes, and the verdicts
/// in the way are named).
pub fn scale(args: &WorkspaceArgs, to: Option<&str>) -> Result<(), Failure> {
    let mut open = open(args)?;
    if let Some(to) = to {
        let new = scale_named(to)?;
        let mut off: BTreeMap<Verdict, usize> = BTreeMap::new();
        for item in open.ws.items.values() {
            for (_, v) in item.given_verdicts().filter(|(_, v)| !new.has(*v)) {
                *off.entry(v).or_default() += 1;
            }
        }
        if !off.is_empty() {
            let listed: Vec<String> = off.iter().map(|(v, n)| format!("{v} ×{n}")).collect();
            return Err(input(format!(
                "the scale {} has no verdict {}: those verdicts would lose their meaning; \
                 nothing was changed",
                sanitize(&new.name),
                listed.join(", ")
            )));
        }
        open.ws.scale = new;
        save(&mut open)?;
    }
    let scale = &open.ws.scale;
    let mut out = format!("scale {}\n", sanitize(&scale.name));
    for step in &scale.verdicts {
        let _ = writeln!(
            out,
            "  {}  {:<20} {:+.1}  {}",
            sanitize(&step.key.to_string()),
            step.name.name(),
            step.score,
            sanitize(&step.label)
        );
    }
    out.push_str("  U  pending              (not rated)\n");
    out.push_str("  N  not-a-commitment     (the extraction was wrong; not scored)\n");
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// Evidence to cite, remove or list (`evidence`).
#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// The item id (or a unique start of it).
    pub id: String,
    /// Cite a passage of this corpus document (with --quote).
    #[arg(long, value_name = "DOC", requires = "quote", conflicts_with_all = ["source", "remove"])]
    pub doc: Option<String>,
    /// The passage's exact text in --doc.
    #[arg(long, value_name = "TEXT", requires = "doc")]
    pub quote: Option<String>,
    /// Where the passage stands, in bytes, when it stands more than once.
    #[arg(long, value_name = "BYTE", requires = "doc")]
    pub at: Option<usize>,
    /// Cite an outside source: its URL or citation (with --excerpt and --date).
    #[arg(long, value_name = "URL", requires_all = ["excerpt", "date"], conflicts_with = "remove")]
    pub source: Option<String>,
    /// The words quoted from --source.
    #[arg(long, value_name = "TEXT", requires = "source")]
    pub excerpt: Option<String>,
    /// The day the evidence speaks from (YYYY-MM-DD); for a passage, the document's date
    /// of issue by default.
    #[arg(long, value_name = "DATE")]
    pub date: Option<Day>,
    /// Take away your evidence number N (as listed, 1 first); the history keeps it.
    #[arg(long, value_name = "N")]
    pub remove: Option<usize>,
    /// The day the listing is assessed as of: evidence dated after it is marked as not
    /// counted (default: the workspace's setting, else today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<crate::calendar::Day>,
    /// Who you are (default: CORDIALE_REVIEWER, else git config user.name).
    #[arg(long, value_name = "NAME", env = "CORDIALE_REVIEWER")]
    pub reviewer: Option<String>,
    #[command(flatten)]
    pub ws: WorkspaceArgs,
}

/// `evidence ID …`: cites a passage of a corpus document or an outside source for your
/// verdict on an item, takes one away, or (with neither) lists every reviewer's.
pub fn evidence(args: &EvidenceArgs) -> Result<(), Failure> {
    let mut open = open(&args.ws)?;
    let id = resolve(&open.ws, &args.id)?;
    let date: Option<Short> = args.date.map(|d| d.to_string().into());
    if args.doc.is_some() || args.source.is_some() || args.remove.is_some() {
        let who = reviewer(args.reviewer.as_deref())?;
        let at = now();
        let cited = if let (Some(doc), Some(quote)) = (&args.doc, &args.quote) {
            let document = open
                .corpus
                .documents
                .iter()
                .find(|d| d.name == *doc)
                .ok_or_else(|| input(format!("no document {} in the corpus", sanitize(doc))))?;
            let quote = quote.trim();
            let start = where_quoted(&document.text, quote, args.at, doc, "passage")?;
            let date = date.or_else(|| open.dates.get(doc.as_str()).map(Short::from));
            let span = (start, start + quote.len());
            Some(workspace::Evidence::passage(
                (doc, &document.text),
                span,
                date,
            ))
        } else if let (Some(source), Some(excerpt)) = (&args.source, &args.excerpt) {
            Some(workspace::Evidence {
                date,
                doc: None,
                anchor: None,
                source: source.clone(),
                excerpt: excerpt.clone(),
                at: at.clone(),
            })
        } else {
            None
        };
        let item = open.ws.items.get_mut(&id).ok_or_else(|| input("no item"))?;
        match (cited, args.remove) {
            (Some(e), _) => cite(&mut open, &id, &who, e)?,
            (None, Some(n)) => {
                let gone = n
                    .checked_sub(1)
                    .and_then(|k| item.remove_evidence(&who, k, at))
                    .ok_or_else(|| {
                        input(format!("{} has no evidence {n} on {id}", sanitize(&who)))
                    })?;
                save(&mut open)?;
                println!(
                    "{id}: evidence {n} ({}) removed by {}",
                    sanitize(gone.origin()),
                    sanitize(&who)
                );
            }
            (None, None) => {}
        }
        return Ok(());
    }
    let item = &open.ws.items[&id];
    let as_of = crate::review::AsOf::now(args.as_of, open.ws.as_of);
    let mut out = String::new();
    for (who, review) in &item.reviews {
        for (k, e) in review.evidence.iter().enumerate() {
            let later = as_of.evidence_note(e);
            let _ = writeln!(
                out,
                "{} {}. {} ({}){later}: {}",
                sanitize(who),
                k + 1,
                sanitize(e.origin()),
                e.date.as_deref().map_or("undated".into(), sanitize),
                crate::safe_text::quote(e.quote())
            );
        }
    }
    if out.is_empty() {
        out = format!("{id}: no evidence yet\n");
    }
    io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}
