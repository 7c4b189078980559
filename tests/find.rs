//! The finder on the bundled seeds and on small made-up corpora: the examples rank
//! the expected hit first; prefixes, Unicode, odd queries and odd corpora behave.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use cordiale::corpus::{self, Corpus, Document};
use cordiale::search::{self, Hit, Index, Kind, Query, Results, Searcher, Tier};

fn seeds() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
        Index::build(Arc::new(corpus::load(&[root]).expect("seeds load")))
    })
}

/// The seeds forty times over (renamed): enough entries for a scan to run in several
/// blocks, so early stops and deferred entries happen.
fn many_seeds() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let base = seeds();
        let mut documents = Vec::new();
        for copy in 0..40 {
            for d in &base.corpus().documents {
                documents.push(Document::from_text(
                    format!("{copy:02}-{}", d.name),
                    d.text.to_string(),
                ));
            }
        }
        Index::build(Arc::new(Corpus {
            documents,
            warnings: Vec::new(),
        }))
    })
}

fn index_of(texts: &[(&str, &str)]) -> Index {
    Index::build(Arc::new(Corpus {
        documents: texts
            .iter()
            .map(|(n, t)| Document::from_text(*n, *t))
            .collect(),
        warnings: Vec::new(),
    }))
}

fn find(index: &Index, q: &str) -> Results {
    search::search(index, &Query::parse(q, None), 50)
}

/// Kind and text of each hit.
fn listed(index: &Index, results: &Results) -> Vec<(Kind, String)> {
    results
        .hits
        .iter()
        .map(|h| {
            let e = &index.entries()[h.entry as usize];
            (e.kind, index.text(e).to_string())
        })
        .collect()
}

/// Texts of the value hits (not the text hits).
fn value_texts(index: &Index, results: &Results) -> Vec<String> {
    listed(index, results)
        .into_iter()
        .zip(&results.hits)
        .filter(|(_, h)| h.tier == Tier::Value)
        .map(|((_, t), _)| t)
        .collect()
}

fn first(index: &Index, q: &str) -> (Kind, String) {
    let r = find(index, q);
    listed(index, &r)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {q:?}"))
}

#[test]
fn money_and_counts_find_their_figure_first() {
    let idx = seeds();
    for q in [
        "10m",
        "10 million",
        "€10m",
        "EUR 10m",
        "eur 10 million",
        "10,000,000",
        "#10m",
    ] {
        assert_eq!(first(idx, q), (Kind::Figure, "€10 million".into()), "{q}");
    }
    assert_eq!(first(idx, "1.4m"), (Kind::Figure, "£1.4 million".into()));
    assert_eq!(first(idx, "£1.4m"), (Kind::Figure, "£1.4 million".into()));
    for q in ["1300", "1.3k", "1,300"] {
        let (kind, text) = first(idx, q);
        assert_eq!(kind, Kind::Figure, "{q}");
        assert!(text.starts_with("1,300"), "{q}: {text}");
    }
    assert_eq!(first(idx, "2000 eur"), (Kind::Figure, "2000€".into()));
    assert_eq!(first(idx, "2000€"), (Kind::Figure, "2000€".into()));
}

#[test]
fn a_currency_narrows_and_its_absence_leaves_the_query_open() {
    let idx = seeds();
    // £1.4 million is pounds: a euro query must not rank it as a value hit.
    let r = find(idx, "€1.4m");
    assert!(
        r.hits.iter().all(|h| h.tier != Tier::Value
            || idx.text(&idx.entries()[h.entry as usize]) != "£1.4 million")
    );
    let gbp = find(idx, "GBP 1.4 million");
    assert_eq!(listed(idx, &gbp)[0], (Kind::Figure, "£1.4 million".into()));
}

#[test]
fn percentages() {
    let idx = seeds();
    for q in ["75%", "75 pc", "75 percent", "75 per cent"] {
        assert_eq!(first(idx, q), (Kind::Figure, "75%".into()), "{q}");
    }
    let idx = index_of(&[("a.txt", "Unemployment fell by 75 per cent in two years.")]);
    assert_eq!(first(&idx, "75%"), (Kind::Figure, "75 per cent".into()));
}

#[test]
fn months_find_days_months_and_yearless_days() {
    let idx = seeds();
    for q in ["aug 2015", "2015-08", "08/2015", "August 2015", "@aug 2015"] {
        let r = find(idx, q);
        assert_eq!(listed(idx, &r)[0].0, Kind::Date, "{q}");
        let texts = value_texts(idx, &r);
        for want in ["20 August 2015", "Thursday 20 August"] {
            assert!(
                texts.iter().any(|t| t == want),
                "{q}: {want} missing from {texts:?}"
            );
        }
    }
    // A month without a day in a document of another year.
    let idx = index_of(&[(
        "a.txt",
        "London, 2 March 2016\n\nThe plan was agreed in August 2015 and revised in May 2016.\n",
    )]);
    assert_eq!(first(&idx, "aug 2015"), (Kind::Date, "August 2015".into()));
}

#[test]
fn a_day_finds_the_day() {
    let idx = seeds();
    for q in ["2015-08-20", "20/8/15", "20/08/2015", "20 aug 2015"] {
        let r = find(idx, q);
        let values = value_texts(idx, &r);
        assert!(
            values.contains(&"20 August 2015".to_string()),
            "{q}: {values:?}"
        );
        assert!(
            values.contains(&"Thursday 20 August".to_string()),
            "{q}: {values:?}"
        );
        assert_eq!(first(idx, q).0, Kind::Date);
    }
}

#[test]
fn a_year_finds_what_falls_in_it() {
    let idx = seeds();
    let r = find(idx, "2011");
    let values = value_texts(idx, &r);
    assert!(
        values.iter().any(|t| t.contains("March 2011")),
        "{values:?}"
    );
    let idx = index_of(&[(
        "a.txt",
        "Brussels, 4 May 2010\n\nThe agency will be operational by the end of 2011. Talks resume in 2012.\n",
    )]);
    let r = find(&idx, "2011");
    assert_eq!(
        listed(&idx, &r)[0],
        (Kind::Date, "by the end of 2011".into())
    );
    assert!(!value_texts(&idx, &r).iter().any(|t| t == "2012"));
}

#[test]
fn a_range_finds_what_falls_inside_it() {
    let idx = index_of(&[(
        "a.txt",
        "Paris, 1 June 2014\n\nTalks ran from March 2012 to May 2013. A review followed in 2015.\n\
         Between 150 and 250 officers will be deployed; later 900.\n",
    )]);
    let r = find(&idx, "2012-2013");
    let values = value_texts(&idx, &r);
    assert!(!values.is_empty());
    assert!(
        values
            .iter()
            .all(|t| !t.contains("2015") && !t.contains("2014")),
        "{values:?}"
    );
    // A number inside a ranged figure is a (lower) value hit.
    let r = find(&idx, "#200");
    assert_eq!(r.hits[0].tier, Tier::InRange);
}

#[test]
fn plain_fuzzy_text() {
    let idx = seeds();
    let (kind, text) = first(idx, "frntx");
    assert_ne!(kind, Kind::Figure);
    assert!(text.contains("Frontex"), "{text}");
    let r = find(idx, "calais tunnel");
    let hits = listed(idx, &r);
    assert!(!hits.is_empty());
    for (_, text) in &hits {
        let lower = text.to_lowercase();
        assert!(
            lower.contains("calais") && lower.contains("tunnel"),
            "{text}"
        );
    }
    // Scattered letters in a long sentence are not a match.
    assert!(find(idx, "xqzv").hits.is_empty());
}

#[test]
fn matched_positions_cover_the_match() {
    let idx = seeds();
    let r = find(idx, "frntx");
    let hit = &r.hits[0];
    let e = &idx.entries()[hit.entry as usize];
    let text = &idx.document(e.doc).text;
    let marked: String = hit
        .matched
        .iter()
        .map(|&(s, e)| &text[s as usize..e as usize])
        .collect();
    assert_eq!(marked, "Frntx");
    let r = find(idx, "10m");
    let hit = &r.hits[0];
    let (s, e) = hit.matched[0];
    assert_eq!(
        &idx.document(idx.entries()[hit.entry as usize].doc).text[s as usize..e as usize],
        "€10 million"
    );
}

#[test]
fn prefixes_narrow_and_combine_with_text() {
    let idx = seeds();
    for (q, kind) in [
        ("#million", Kind::Figure),
        ("@august", Kind::Date),
        ("!calais", Kind::Commitment),
        ("^calais", Kind::Document),
    ] {
        let r = find(idx, q);
        assert!(!r.hits.is_empty(), "{q}");
        assert!(
            r.hits
                .iter()
                .all(|h| idx.entries()[h.entry as usize].kind == kind),
            "{q}"
        );
    }
    // `#1300 calais`: the figure 1,300 in a sentence about Calais.
    let r = find(idx, "#1300 calais");
    let hits = listed(idx, &r);
    assert!(hits[0].1.starts_with("1,300"));
    for h in &r.hits {
        let e = &idx.entries()[h.entry as usize];
        assert!(idx.context_text(e).to_lowercase().contains("calais"));
    }
    // `!10m`: commitments that carry the figure.
    let (kind, text) = first(idx, "!10m");
    assert_eq!(kind, Kind::Commitment);
    assert!(text.contains("€10 million"));
    // --kind narrows like a prefix.
    let r = search::search(idx, &Query::parse("calais", Some(Kind::Document)), 50);
    assert!(
        r.hits
            .iter()
            .all(|h| idx.entries()[h.entry as usize].kind == Kind::Document)
    );
}

/// A kind prefix keeps only items whose own value or text matches: `@2016` lists the dates
/// within 2016, not a date of 2015 in a sentence that names 2016; `500` finds no date of
/// 2005-2008; `#calais` no figure (their own words never say Calais).
#[test]
fn a_prefix_keeps_items_whose_own_value_or_text_matches() {
    let idx = index_of(&[(
        "a.txt",
        "In the 2016 report, the audit of 3 March 2015 and the plan of 2017 are cited.\n\n\
         On 4 May 2016 the board paid €500 for the programme (2005-2008).\n",
    )]);
    let dates = |q: &str| {
        let r = find(&idx, q);
        listed(&idx, &r)
            .into_iter()
            .filter(|(k, _)| *k == Kind::Date)
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    let in_2016 = dates("@2016");
    assert!(in_2016.iter().any(|t| t == "4 May 2016"), "{in_2016:?}");
    assert!(
        in_2016.iter().all(|t| t.contains("2016")),
        "only dates of 2016: {in_2016:?}"
    );
    assert!(
        find(&idx, "@2016")
            .hits
            .iter()
            .all(|h| h.tier != Tier::Fuzzy)
    );
    assert!(dates("500").is_empty(), "{:?}", dates("500"));
    assert!(listed(&idx, &find(&idx, "500")).contains(&(Kind::Figure, "€500".into())));
    assert!(find(&idx, "#calais").hits.is_empty());
    // The words beside a value still match the sentence around it.
    let r = find(&idx, "#500 board");
    assert_eq!(listed(&idx, &r), [(Kind::Figure, "€500".to_string())]);
    // On the seeds: every `@2016` hit is a date whose own value lies in 2016.
    let seeds = seeds();
    let r = find(seeds, "@2016");
    assert!(!r.hits.is_empty());
    let year = search::value::day(2016, 1, 1).unwrap().first
        ..=search::value::day(2016, 12, 31).unwrap().first;
    for (hit, (kind, text)) in r.hits.iter().zip(listed(seeds, &r)) {
        assert_eq!(kind, Kind::Date);
        let entry = &seeds.entries()[hit.entry as usize];
        let within = seeds.values(entry).iter().any(|v| {
            matches!(v, search::value::ItemValue::Date(d)
                if year.contains(&d.first) && year.contains(&d.last))
        });
        assert!(within, "{text}");
    }
    assert!(r.hits.iter().all(|h| h.tier == Tier::Value), "{r:?}");
}

/// Hits that read the same (kind, text, document and sentence) fold into one, counted;
/// the same words in another document or another sentence stay apart.
#[test]
fn identical_hits_fold_into_one() {
    let repeated = "The fund paid €5 million in 2016.";
    let idx = index_of(&[
        (
            "a.txt",
            &format!("{repeated}\n\n{repeated}\n\nThe board paid €5 million in 2016.\n"),
        ),
        ("b.txt", &format!("{repeated}\n")),
    ]);
    let r = find(&idx, "#5m");
    assert_eq!(r.hits.len(), 4, "{:?}", listed(&idx, &r));
    let folded = search::fold_identical(&idx, &r.hits);
    let mut counts: Vec<usize> = folded.iter().map(|&(_, n)| n).collect();
    counts.sort_unstable();
    assert_eq!(counts, [1, 1, 2]);
    // Each group is named by its best-ranked hit, in rank order.
    let firsts: Vec<usize> = folded.iter().map(|&(i, _)| i).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(firsts[0], 0);
}

#[test]
fn ranking_is_deterministic_whatever_the_thread_count() {
    let idx = seeds();
    let queries = ["calais", "10m", "aug 2015", "2016", "the", "e", "!", "#"];
    let reference: Vec<Results> = queries.iter().map(|q| find(idx, q)).collect();
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let again: Vec<Results> = pool.install(|| queries.iter().map(|q| find(idx, q)).collect());
        assert_eq!(reference, again, "{threads} threads");
    }
    // Equal scores keep index order: newest document first, then position.
    let r = find(idx, "e");
    for w in r.hits.windows(2) {
        if (w[0].tier, w[0].score) == (w[1].tier, w[1].score) {
            assert!(w[0].entry < w[1].entry);
        }
    }
}

#[test]
fn narrowing_as_you_type_gives_the_fresh_answer() {
    let idx = seeds();
    let mut searcher = Searcher::default();
    for q in [
        "calais tunnel",
        "frontex",
        "aug 2015",
        "10 million",
        "#10m calais",
        "@2016",
        "500ab",
        "calais 2016",
    ] {
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = Query::parse(&q[..end], None);
            let typed = searcher.search(idx, &query, 20);
            let fresh = search::search(idx, &query, 20);
            assert_eq!(typed.hits, fresh.hits, "{:?}", &q[..end]);
            assert!(typed.total <= fresh.total);
            if typed.complete {
                assert_eq!(typed.total, fresh.total);
            }
        }
    }
}

#[test]
fn finishing_scans_between_keystrokes_changes_nothing_but_the_count() {
    let idx = seeds();
    let mut searcher = Searcher::default();
    for q in ["calais tunnel", "xyzzy", "aug 2015", "!frontex", "e u"] {
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = Query::parse(&q[..end], None);
            let typed = searcher.search(idx, &query, 10);
            let fresh = search::search(idx, &query, 10);
            assert_eq!(typed.hits, fresh.hits, "{:?}", &q[..end]);
            let fuzzy = searcher.finish(idx, &|| false).expect("not stopped");
            if query.values.is_empty() {
                assert_eq!(fuzzy, fresh.total, "{:?}", &q[..end]);
            } else {
                assert!(fuzzy <= fresh.total, "{:?}", &q[..end]);
            }
        }
    }
}

#[test]
fn a_finish_asked_to_stop_leaves_the_rest_for_later() {
    let idx = many_seeds();
    assert!(idx.entries().len() > 10_000);
    let mut searcher = Searcher::default();
    let first = searcher.search(idx, &Query::parse("e", None), 5);
    assert!(!first.complete, "the lazy scan stopped early");
    assert_eq!(
        searcher.finish(idx, &|| true),
        None,
        "stopped after one block"
    );
    for q in ["ea", "eas", "east"] {
        let query = Query::parse(q, None);
        assert_eq!(
            searcher.search(idx, &query, 5).hits,
            search::search(idx, &query, 5).hits,
            "{q}"
        );
    }
    let exact = searcher.finish(idx, &|| false).unwrap();
    assert_eq!(
        exact,
        search::search(idx, &Query::parse("east", None), 5).total
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// The lazy scan (stopping early, deferring entries by their bound) gives the same top
    /// hits as the exhaustive one, for queries built from the corpus's own words.
    #[test]
    fn lazy_and_exhaustive_scans_agree(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "calais", "cal", "tun", "frontex", "x", "y", "e", "th", "uk", "10", "2015",
                "aug", "m", "migra", "polic", "fr", "#", "!", "@", "^", "coop", "€", "'s",
            ]),
            1..4,
        ),
        limit in 1usize..40,
        big in proptest::bool::ANY,
    ) {
        let idx = if big { many_seeds() } else { seeds() };
        let q = words.join(" ").replace("# ", "#").replace("! ", "!").replace("@ ", "@").replace("^ ", "^");
        let query = Query::parse(&q, None);
        let mut searcher = Searcher::default();
        let lazy = searcher.search(idx, &query, limit);
        let full = search::search(idx, &query, limit);
        proptest::prop_assert_eq!(&lazy.hits, &full.hits, "{}", q);
        proptest::prop_assert!(lazy.total <= full.total);
    }
}

#[test]
fn unicode_accents_nbsp_and_curly_quotes() {
    let idx = index_of(&[(
        "u.txt",
        "Brussels, 3 May 2016\n\nThe Visegrád countries met. The UK’s plan costs €5\u{a0}million.\n\
         Dates: 3\u{a0}June\u{a0}2016. The \u{201c}Joint Fund\u{201d} opens.\n",
    )]);
    assert!(first(&idx, "visegrad").1.contains("Visegrád"));
    assert!(first(&idx, "visegrád").1.contains("Visegrád"));
    assert!(first(&idx, "uk's").1.contains("UK’s"));
    assert_eq!(first(&idx, "5m"), (Kind::Figure, "€5\u{a0}million".into()));
    assert_eq!(
        first(&idx, "2016-06-03"),
        (Kind::Date, "3\u{a0}June\u{a0}2016".into())
    );
    assert!(first(&idx, "\"joint fund\"").1.contains("Joint Fund"));
}

#[test]
fn odd_queries_are_taken_literally_and_never_panic() {
    let idx = seeds();
    // Empty: nothing typed lists everything in index order.
    let r = find(idx, "");
    assert_eq!(r.total, idx.entries().len());
    assert!(r.hits.iter().all(|h: &Hit| h.score == 0));
    assert_eq!(find(idx, "   ").total, idx.entries().len());
    // Regex metacharacters are characters.
    for q in [".*", "(a+b)*[c]", "^$", "\\d+", "a|b", "?", "[", "%"] {
        let r = find(idx, q);
        for h in &r.hits {
            assert!(!h.matched.is_empty() || h.tier != Tier::Fuzzy, "{q}");
        }
    }
    assert!(find(idx, "\\d+").hits.is_empty());
    // A 10,000-character query.
    let long = "calais ".repeat(1430);
    assert!(long.len() >= 10_000);
    assert_eq!(
        find(idx, &long),
        find(idx, "calais"),
        "a repeated word is one term"
    );
    let long = "a".repeat(10_000);
    assert!(find(idx, &long).hits.is_empty());
    let long = "9".repeat(10_000);
    assert!(find(idx, &long).hits.is_empty());
}

#[test]
fn a_corpus_of_one_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.txt");
    std::fs::write(&file, "").unwrap();
    let idx = Index::build(Arc::new(corpus::load(&[file]).unwrap()));
    for q in ["", "10m", "calais", "#", "aug 2015"] {
        let r = find(&idx, q);
        assert!(
            r.hits
                .iter()
                .all(|h| idx.entries()[h.entry as usize].kind == Kind::Document)
        );
    }
}
