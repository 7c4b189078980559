#[path = "../../common/harness.rs"]
mod harness;
use harness::Out;
use scraper::{ElementRef, Html, Selector};

const DROP_TAGS: &[&str] = &["script", "style", "noscript", "nav", "footer", "aside", "form",
    "button", "svg", "template", "iframe", "select", "input", "textarea"];
const DROP_WORDS: &[&str] = &["cookie", "banner", "breadcrumb", "share", "social", "related", "comment",
    "sidebar", "menu", "skip", "tags", "newsletter", "promo", "advert", "respond", "mega", "site-header", "masthead"];
const BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre",
    "dd", "dt", "figcaption", "caption", "div", "section", "article", "main", "td", "th", "ul", "ol", "table", "tbody", "thead", "dl"];

fn dropped(e: &ElementRef) -> bool {
    let v = e.value();
    if DROP_TAGS.contains(&v.name()) { return true; }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") { return true; }
    let cls = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_ascii_lowercase();
    DROP_WORDS.iter().any(|w| cls.contains(w))
}

/// Blocks of text in document order; nested blocks (a list inside an item) become their own units.
fn walk(e: ElementRef, out: &mut Vec<String>, cur: &mut String, depth: usize) {
    walk_inner(e, out, cur, depth);
    flush(out, cur);
}
fn flush(out: &mut Vec<String>, cur: &mut String) {
    if !cur.trim().is_empty() { out.push(norm(cur)); }
    cur.clear();
}
fn walk_inner(e: ElementRef, out: &mut Vec<String>, cur: &mut String, depth: usize) {
    for child in e.children() {
        if let Some(el) = ElementRef::wrap(child) {
            if dropped(&el) { continue; }
            let name = el.value().name();
            if name == "br" { cur.push('\n'); continue; }
            if BLOCKS.contains(&name) {
                flush(out, cur);
                let indent = if name == "li" { "  ".repeat(depth.saturating_sub(1)) + "• " } else { String::new() };
                let d = if name == "ul" || name == "ol" { depth + 1 } else { depth };
                if name == "li" {
                    // the item's own text is one unit; its nested lists follow as their own units
                    let mut own = String::new();
                    let mut sub = Vec::new();
                    for c in el.children() {
                        match ElementRef::wrap(c) {
                            Some(x) if matches!(x.value().name(), "ul" | "ol") && !dropped(&x) => walk(x, &mut sub, &mut String::new(), d + 1),
                            Some(x) if !dropped(&x) => { let mut tmp = Vec::new(); walk_inner(x, &mut tmp, &mut own, d); for t in tmp { own.push(' '); own.push_str(&t); } }
                            Some(_) => {}
                            None => if let Some(t) = c.value().as_text() { own.push_str(t) },
                        }
                    }
                    if !own.trim().is_empty() { out.push(format!("{indent}{}", norm(&own))); }
                    out.extend(sub);
                    continue;
                }
                if name == "tr" { // a table row: cells separated by tabs on one line
                    let cells: Vec<String> = el.children().filter_map(ElementRef::wrap)
                        .map(|c| norm(&c.text().collect::<String>())).collect();
                    out.push(cells.join("\t"));
                    continue;
                }
                // the block's own text comes first; nested blocks follow as their own units
                let mark = out.len();
                let mut inner = String::new();
                walk_inner(el, out, &mut inner, d);
                if !inner.trim().is_empty() { out.insert(mark, format!("{indent}{}", norm(&inner))); }
            } else {
                walk_inner(el, out, cur, depth);
            }
        } else if let Some(t) = child.value().as_text() {
            cur.push_str(t);
        }
    }
}

fn norm(s: &str) -> String {
    // collapse whitespace (nbsp kept as a space), as a browser renders it
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn extract(bytes: &[u8]) -> Result<Out, String> {
    let html = String::from_utf8_lossy(bytes);
    let doc = Html::parse_document(&html);
    if std::env::var("PARSE_ONLY").is_ok() {
        let n = doc.tree.nodes().count();
        std::mem::forget(doc); // dropping a deep tree may recurse
        return Ok(Out { pages: vec![String::new()], lines_dump: String::new(), meta: format!("nodes={n}") });
    }
    let sel = |s: &str| Selector::parse(s).unwrap();
    let meta = |p: &str| doc.select(&sel(&format!("meta[property='{p}'], meta[name='{p}']"))).next()
        .and_then(|m| m.value().attr("content")).map(str::to_string);
    // root: main > article > [role=main] > the element holding the most <p> text
    let root = ["main", "article", "[role=main]", "#content, .content"].iter()
        .find_map(|s| doc.select(&sel(s)).next())
        .or_else(|| {
            doc.select(&sel("div, section, td")).filter(|d| !dropped(d)).max_by_key(|d| {
                d.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "p")
                    .map(|p| p.text().map(str::len).sum::<usize>()).sum::<usize>()
            })
        })
        .unwrap_or_else(|| doc.root_element());
    let mut blocks = Vec::new();
    let mut cur = String::new();
    walk(root, &mut blocks, &mut cur, 0);
    let title = meta("og:title")
        .or_else(|| doc.select(&sel("title")).next().map(|t| norm(&t.text().collect::<String>())))
        .or_else(|| doc.select(&sel("h1")).next().map(|t| norm(&t.text().collect::<String>())));
    let date = meta("article:published_time").or_else(|| meta("dcterms.date"))
        .or_else(|| root.select(&sel("time[datetime]")).next().and_then(|t| t.value().attr("datetime").map(str::to_string)))
        .or_else(|| doc.select(&sel("time[datetime]")).next().and_then(|t| t.value().attr("datetime").map(str::to_string)));
    Ok(Out { pages: vec![blocks.join("\n\n")], lines_dump: String::new(), meta: format!("title={title:?} date={date:?}") })
}
fn main() { harness::run("scraper", extract); }
