// Library-agnostic PDF layout: glyphs with positions -> reading-order text with pages.
// Prototype for cordiale issue 17 (throw-away; the shape is what matters).
#![allow(dead_code)]
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f32,     // left, points
    pub y: f32,     // baseline, top-down (0 = top of page)
    pub w: f32,     // advance width, points (0 if unknown)
    pub size: f32,  // font size, points
    pub text: String,
    pub upright: bool, // false for rotated or skewed text (margin notes, watermarks)
}

#[derive(Debug, Clone)]
pub struct Line {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

pub struct PageIn {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

pub struct Converted {
    pub text: String,
    pub pages: Vec<Range<usize>>,
    pub removed_furniture: Vec<String>,
    pub empty_pages: Vec<usize>, // 1-based pages with no glyph at all (scanned?), before furniture removal
    pub rotated_glyphs: usize,
}

/// Ligatures and invisible characters: only the presentation forms, never full NFKC
/// (NFKC would also rewrite ½, ², … which figures rely on).
pub fn normalize_chars(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            '\u{200B}' | '\u{FEFF}' => {}
            // Symbol/Wingdings bullets that Word and LibreOffice map into the Private Use Area
            '\u{F0B7}' | '\u{F0A7}' | '\u{F0D8}' | '\u{F076}' | '\u{F0FC}' | '\u{F02D}' => out.push('•'),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
}

/// Glyphs -> line fragments. Glyphs on one baseline but far apart (a column gutter) make
/// separate fragments, so interleaved two-column content streams come apart.
pub fn lines(page: &PageIn) -> Vec<Line> {
    // rotated text (vertical margin notes, diagonal "DRAFT" watermarks) is left out of the
    // flow; the caller reports how much was left out
    let mut g: Vec<&Glyph> = page.glyphs.iter().filter(|g| !g.text.is_empty() && g.upright).collect();
    g.sort_by(|a, b| a.y.partial_cmp(&b.y).unwrap().then(a.x.partial_cmp(&b.x).unwrap()));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for gl in g {
        match rows.last_mut() {
            Some(r) if (r[0].y - gl.y).abs() <= 0.3 * r[0].size.max(gl.size) => r.push(gl),
            _ => rows.push(vec![gl]),
        }
    }
    let mut out = Vec::new();
    for mut r in rows {
        r.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap());
        let mut cur: Option<Line> = None;
        for gl in r {
            let adv = if gl.w > 0.0 { gl.w } else { 0.5 * gl.size * gl.text.chars().count() as f32 };
            if let Some(l) = cur.as_mut() {
                let gap = gl.x - l.x1;
                if gap > 2.5 * l.size {
                    out.push(cur.take().unwrap());
                } else {
                    if gap > 0.2 * l.size && !l.text.ends_with(' ') && gl.text != " " {
                        l.text.push(' ');
                    }
                    l.text.push_str(&gl.text);
                    l.x1 = l.x1.max(gl.x + adv);
                    continue;
                }
            }
            cur = Some(Line { x0: gl.x, x1: gl.x + adv, y: gl.y, size: gl.size, text: gl.text.clone() });
        }
        out.extend(cur);
    }
    for l in &mut out {
        l.text = l.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|l| !l.text.is_empty());
    out
}

/// Reading order: lines that cross the page's gutter (full width) are read in place; the
/// lines between two of them are read left column first, then right column.
pub fn reading_order(mut ls: Vec<Line>, width: f32) -> Vec<Line> {
    ls.sort_by(|a, b| a.y.partial_cmp(&b.y).unwrap().then(a.x0.partial_cmp(&b.x0).unwrap()));
    // find a gutter: an x in the middle of the page no multi-word line crosses
    let body: Vec<&Line> = ls.iter().filter(|l| l.text.len() > 20).collect();
    let mut gutter = None;
    if body.len() >= 6 {
        let mut best = (0usize, 0.0f32);
        let mut x = width * 0.3;
        while x < width * 0.7 {
            let crossing = body.iter().filter(|l| l.x0 < x && l.x1 > x).count();
            let left = body.iter().filter(|l| l.x1 <= x).count();
            let right = body.iter().filter(|l| l.x0 >= x).count();
            if crossing * 10 <= body.len() && left >= 3 && right >= 3 && left + right > best.0 {
                best = (left + right, x);
            }
            x += 2.0;
        }
        if best.0 > 0 {
            gutter = Some(best.1);
        }
    }
    let Some(gx) = gutter else { return ls };
    let mut out = Vec::new();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for l in ls {
        if l.x0 < gx && l.x1 > gx {
            out.append(&mut left);
            out.append(&mut right);
            out.push(l);
        } else if l.x1 <= gx {
            left.push(l);
        } else {
            right.push(l);
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

fn furniture_key(l: &Line) -> String {
    // text with digits masked, plus its position: a title that repeats the running header
    // lower on page 1 is not furniture
    let s = &l.text;
    format!("{}@{}", (l.y / 6.0).round() as i32, s.chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }).collect::<String>()
        .split_whitespace().collect::<Vec<_>>().join(" "))
}

fn is_page_number(s: &str) -> bool {
    let t = s.trim().trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let t = t.to_ascii_lowercase();
    let t = t.strip_prefix("page ").unwrap_or(&t);
    let mut parts = t.split(" of ");
    let a = parts.next().unwrap_or("");
    let ok = |p: &str| !p.is_empty() && (p.chars().all(|c| c.is_ascii_digit())
        || p.chars().all(|c| "ivxlc".contains(c)));
    ok(a) && parts.all(|p| ok(p.trim()))
}

/// Header/footer lines: in the top or bottom 12% of the page, and either a page number or
/// repeated (digits ignored) on at least half the pages (at least 2).
pub fn furniture(pages: &[(f32, Vec<Line>)]) -> HashMap<String, usize> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for (h, ls) in pages {
        let mut seen = std::collections::HashSet::new();
        for l in ls.iter().filter(|l| l.y < h * 0.12 || l.y > h * 0.88) {
            if seen.insert(furniture_key(l)) {
                *count.entry(furniture_key(l)).or_default() += 1;
            }
        }
    }
    let need = (pages.len() / 2).max(2);
    count.retain(|_, n| *n >= need);
    count
}

fn starts_item(s: &str) -> bool {
    let mut c = s.chars();
    match c.next() {
        Some('•' | '▪' | '◦' | '●' | '–' | '—' | '*') => true,
        Some(d) if d.is_ascii_digit() => {
            // "1. ", "12) " — not a year running on from the previous line ("2028. The…")
            let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
            let rest: String = s.chars().skip(digits).take(2).collect();
            digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

/// Join a line to the paragraph text, undoing a line-end hyphenation.
fn append_line(par: &mut String, line: &str, known: &dyn Fn(&str) -> bool) {
    if par.is_empty() {
        par.push_str(line);
        return;
    }
    let next_lower = line.chars().next().is_some_and(|c| c.is_lowercase());
    if let Some(stem) = par.strip_suffix('\u{00AD}') {
        // soft hyphen: always a break inside a word
        let stem = stem.to_string();
        *par = stem;
        par.push_str(line);
        return;
    }
    // "COVID-" / "19", "non-" / "G20", "Kunming-" / "Montreal": a hyphen before a digit or a
    // capital is never a syllable break: keep it, no space
    let next_upper_or_digit = line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if (par.ends_with('-') || par.ends_with('\u{2010}')) && next_upper_or_digit
        && par.chars().rev().nth(1).is_some_and(|c| c.is_alphanumeric())
    {
        par.push_str(line);
        return;
    }
    if (par.ends_with('-') || par.ends_with('\u{2010}')) && next_lower {
        let prev_letter = par.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic());
        if prev_letter {
            let head_start = par.rfind(' ').map(|i| i + 1).unwrap_or(0);
            let head = &par[head_start..par.len() - par.chars().last().unwrap().len_utf8()];
            let tail = line.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let hyphenated = format!("{head}-{tail}");
            // keep the hyphen when the document writes the hyphenated form elsewhere, or
            // when the head is itself a compound ("one-in-a-hundred-" / "year"); `known`
            // also answers for "both halves are words of this document" (see convert)
            if !known(&hyphenated) && !head.contains('-') {
                par.truncate(par.len() - par.chars().last().unwrap().len_utf8());
                par.push_str(line);
                return;
            }
            par.push_str(line);
            return;
        }
    }
    par.push(' ');
    par.push_str(line);
}

pub fn convert(pages_in: &[PageIn]) -> Converted {
    let mut paged: Vec<(f32, Vec<Line>)> = pages_in.iter().map(|p| {
        let ls = lines(p).into_iter().map(|mut l| {
            let mut s = String::new();
            normalize_chars(&l.text, &mut s);
            l.text = s;
            l
        }).collect::<Vec<_>>();
        (p.height, reading_order(ls, p.width))
    }).collect();
    let empty_pages: Vec<usize> = pages_in.iter().enumerate()
        .filter(|(_, p)| p.glyphs.iter().all(|g| g.text.trim().is_empty())).map(|(i, _)| i + 1).collect();
    let rotated_glyphs = pages_in.iter().flat_map(|p| &p.glyphs).filter(|g| !g.upright).count();
    let furn = furniture(&paged);
    let mut removed = Vec::new();
    for (h, ls) in paged.iter_mut() {
        let h = *h;
        ls.retain(|l| {
            let edge = l.y < h * 0.12 || l.y > h * 0.88;
            let drop = edge && (is_page_number(&l.text) || furn.contains_key(&furniture_key(l)));
            if drop { removed.push(l.text.clone()); }
            !drop
        });
    }
    // words written with a hyphen inside a line anywhere in the document
    let mut hyphenated = std::collections::HashSet::new();
    for (_, ls) in &paged {
        for l in ls {
            for w in l.text.split(|c: char| c.is_whitespace() || ",.;:()".contains(c)) {
                if w.contains('-') && !w.ends_with('-') { hyphenated.insert(w.to_string()); }
            }
        }
    }
    // the document's vocabulary (lowercase words), to decide a line-end hyphen:
    // joined form seen → a syllable break; both halves seen as words → a real compound
    let mut vocab = std::collections::HashSet::new();
    let mut after_break = false;
    for (_, ls) in &paged {
        for l in ls {
            // leave out the two fragments around a line-end hyphen ("muni-" / "cipalities"):
            // they are what is being decided
            let breaks = l.text.ends_with(['-', '\u{00AD}', '\u{2010}']);
            let words: Vec<&str> = l.text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            let n = words.len();
            for (i, w) in words.iter().enumerate() {
                if (i == 0 && after_break) || (i + 1 == n && breaks) { continue; }
                vocab.insert(w.to_lowercase());
            }
            after_break = breaks;
        }
    }
    // Some(true) keep the hyphen, Some(false) drop it, None: no evidence in this document
    let decide = |w: &str| -> Option<bool> {
        if hyphenated.contains(w) { return Some(true); }
        let (a, b) = w.rsplit_once('-')?;
        let joined = format!("{a}{b}").to_lowercase();
        if vocab.contains(&joined) { return Some(false); }
        let a = a.rsplit('-').next().unwrap_or(a).to_lowercase();
        let b = b.to_lowercase();
        (a.chars().count() >= 3 && b.chars().count() >= 3 && vocab.contains(&a) && vocab.contains(&b)).then_some(true)
    };
    // Does this document hyphenate words at line ends (typeset: LaTeX, InDesign…) or only
    // break after real hyphens (Word and LibreOffice exports, hyphenation off by default)?
    // Count the decided cases; the undecided ones follow the majority (ties: join).
    let (mut syll, mut comp) = (0usize, 0usize);
    let all: Vec<&Line> = paged.iter().flat_map(|(_, ls)| ls.iter()).collect();
    for w in all.windows(2) {
        let t = &w[0].text;
        if !t.ends_with('-') || !w[1].text.chars().next().is_some_and(|c| c.is_lowercase()) { continue; }
        let head = t[t.rfind(' ').map(|i| i + 1).unwrap_or(0)..t.len() - 1].to_string();
        let tail = w[1].text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        match decide(&format!("{head}-{tail}")) { Some(true) => comp += 1, Some(false) => syll += 1, None => {} }
    }
    let default_keep = comp > syll; // no evidence: join, as pdftotext does
    let known = |w: &str| decide(w).unwrap_or(default_keep);

    let mut text = String::new();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (_, ls) in paged.iter() {
        // paragraph breaks from geometry
        let mut gaps: Vec<f32> = ls.windows(2).map(|w| w[1].y - w[0].y).filter(|g| *g > 0.0).collect();
        gaps.sort_by(|a, b| a.partial_cmp(b).unwrap());
        // lower quartile of the line gaps = in-paragraph spacing; with few lines, trust the
        // font size instead (a page with two lines has no "usual" gap)
        let mut sizes: Vec<f32> = ls.iter().map(|l| l.size).collect();
        sizes.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let body = sizes.get(sizes.len() / 2).copied().unwrap_or(11.0);
        let pitch = gaps.get(gaps.len() / 4).copied().unwrap_or(body * 1.3).min(body * 1.6);
        let mut paras: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut prev: Option<&Line> = None;
        for l in ls {
            let brk = match prev {
                None => true,
                Some(p) => {
                    let gap = l.y - p.y;
                    gap > pitch * 1.3 || gap < 0.0 || starts_item(&l.text) || (l.size - p.size).abs() > 1.0
                        || (l.x0 - p.x0).abs() > 40.0 && gap > pitch * 0.5 && !(l.x0 > p.x0 && l.x0 < p.x1)
                }
            };
            if brk && !cur.is_empty() { paras.push(std::mem::take(&mut cur)); }
            append_line(&mut cur, &l.text, &known);
            prev = Some(l);
        }
        if !cur.is_empty() { paras.push(cur); }
        // a paragraph running on from the previous page joins it (no break in the text)
        let mut start = text.len();
        for (k, p) in paras.iter().enumerate() {
            if text.is_empty() {
            } else if k == 0 && !text.ends_with(['.', ':', ';', '!', '?', '"', '”']) && !starts_item(p) {
                // a word hyphenated across the page break: the same rules as inside a page
                // (append_line), then the paragraph goes on with this page's text
                let mut last = text.rfind("\n\n").map(|i| text.split_off(i + 2)).unwrap_or_else(|| std::mem::take(&mut text));
                append_line(&mut last, p, &known);
                text.push_str(&last);
                // the page starts where its own text starts (a hyphen popped at the join
                // moves it back): the previous page ends there
                start = text.len() - p.len();
                if let Some(prev) = ranges.last_mut() { prev.end = start; }
                continue;
            } else {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        ranges.push(start..text.len());
    }
    // pages as contiguous ranges: each starts where the previous ended
    for i in 1..ranges.len() { ranges[i].start = ranges[i - 1].end; }
    Converted { text, pages: ranges, removed_furniture: removed, empty_pages, rotated_glyphs }
}
