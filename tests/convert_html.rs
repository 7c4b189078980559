//! The HTML converter on the saved-page fixtures (tests/fixtures/formats/*.html, generated
//! from invented text) and on small pages built here.

mod declaration_units;

use cordiale::corpus::convert::ConvertError;
use cordiale::corpus::convert::html::convert;
use cordiale::corpus::convert::html::{decode, extract};
use cordiale::corpus::split::split_units;
use declaration_units::*;

/// A page of `body` inside `<main>`, with enough invented prose to pass the minimum length.
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body><main>{body}\
         <p>{}</p><p>{}</p></main></body></html>",
        PARAS[0], PARAS[1]
    )
}

fn text_of(head: &str, body: &str) -> String {
    convert(page(head, body).as_bytes()).expect("converts").text
}

fn paras_of(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

#[test]
fn declaration_units_are_verbatim_in_the_press_page_and_the_div_soup() {
    for name in ["gov_press.html", "div_soup.html"] {
        let c = convert(&fixture(name)).expect(name);
        assert_eq!(missing_units(&c.text), Vec::<&str>::new(), "{name}");
        assert!(c.pages.is_empty());
        assert_eq!(c.source, cordiale::corpus::convert::SourceKind::Html);
        assert!(!c.text.contains("\n\n\n") && !c.text.starts_with('\n'));
        for p in paras_of(&c.text) {
            assert!(!p.contains('\n'), "a hard line break in {p:?}");
        }
    }
}

#[test]
fn navigation_cookie_banner_breadcrumbs_share_related_and_footer_are_dropped() {
    let c = convert(&fixture("gov_press.html")).unwrap();
    for chrome in [
        "Skip to main content",
        "analytics cookies",
        "Topics",
        "Floods",
        "Consultations",
        "Search",
        "Home",
        "Joint declaration",
        "Related content",
        "Ministerial meeting in Bruges",
        "Share this page",
        "Facebook",
        "Privacy",
        "Accessibility statement",
        "Open Coast Licence",
        "dataLayer",
    ] {
        assert!(!c.text.contains(chrome), "{chrome:?} left in the text");
    }
    let paras = paras_of(&c.text);
    assert_eq!(paras[0], TITLE, "the <h1> opens the text");
    assert_eq!(
        paras[1],
        "From: Council of the Coast Published 14 March 2024"
    );
    assert_eq!(paras[2], PLACE_LINE, "the dateline stays in the text");
}

#[test]
fn sidebar_tags_and_comments_are_dropped() {
    let soup = convert(&fixture("div_soup.html")).unwrap().text;
    assert!(
        !soup.contains("Press office") && !soup.contains("Tags:"),
        "{soup}"
    );
    let blog = convert(&fixture("blog_speech.html")).unwrap();
    assert!(!blog.text.contains("I agree with the minister"));
    assert!(!blog.text.contains("Leave a reply") && !blog.text.contains("7 comments"));
    // The article's own <header> holds its <h1> and stays.
    assert!(
        blog.text
            .starts_with("Speech by the Minister for Coastal Affairs at the Esbjerg meeting\n\n")
    );
    assert!(blog.text.ends_with("Check against delivery."));
}

#[test]
fn nested_lists_are_units_in_order_with_markers() {
    let text = convert(&fixture("gov_press.html")).unwrap().text;
    let paras = paras_of(&text);
    let at = paras
        .iter()
        .position(|p| p.starts_with("1. "))
        .expect("a numbered item");
    assert_eq!(
        paras[at..at + 5],
        [
            format!("1. {}", LIST_ITEMS[0]).as_str(),
            &format!("2. {}", LIST_ITEMS[1]),
            "• Coastal towns first.",
            "• Islands from 2027.",
            &format!("3. {}", LIST_ITEMS[2]),
        ]
    );
    assert_eq!(
        paras[at - 1],
        "The ministers identified three priority actions:"
    );
}

#[test]
fn ordered_lists_follow_start_type_value_and_reversed() {
    let text = text_of(
        "",
        "<ol start='4'><li>Fourth.</li><li>Fifth.</li></ol>\
         <ol type='a'><li>First.</li><li value='5'>Fifth.</li></ol>\
         <ol type='I'><li>One.</li><li><p>Two in a paragraph.</p></li></ol>\
         <ol reversed><li>Two.</li><li>One.</li></ol>\
         <li>Stray item.</li>",
    );
    let paras = paras_of(&text);
    assert_eq!(
        paras[..9],
        [
            "4. Fourth.",
            "5. Fifth.",
            "a) First.",
            "e) Fifth.",
            "I) One.",
            "II) Two in a paragraph.",
            "2. Two.",
            "1. One.",
            "• Stray item."
        ]
    );
}

#[test]
fn published_time_is_the_date_and_the_dateline_stays() {
    let c = convert(&fixture("gov_press.html")).unwrap();
    assert_eq!(c.date.as_deref(), Some("2024-03-14"));
    // div_soup has neither <meta> nor <time>: its date comes from JSON-LD.
    let c = convert(&fixture("div_soup.html")).unwrap();
    assert_eq!(c.date.as_deref(), Some("2024-03-14"));
}

#[test]
fn a_time_element_in_the_main_content_gives_the_date() {
    let html = format!(
        "<html><body><header><time datetime='2020-01-01'>1 January 2020</time></header>\
         <main><p>Published <time datetime='2024-05-02T10:00'>2 May 2024</time></p>\
         <p>{}</p><time datetime='2023-01-01'>later</time></main></body></html>",
        PARAS[1]
    );
    assert_eq!(
        convert(html.as_bytes()).unwrap().date.as_deref(),
        Some("2024-05-02")
    );
    // A <time> whose datetime is no date is passed over.
    let html = html.replace("2024-05-02T10:00", "10:00");
    assert_eq!(
        convert(html.as_bytes()).unwrap().date.as_deref(),
        Some("2023-01-01")
    );
}

#[test]
fn dates_are_taken_in_order_meta_then_dc_then_json_ld_then_time() {
    let body = "<p><time datetime='2021-04-04'>4 April 2021</time></p>";
    let ld = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\
              \"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"Article\",\"datePublished\":\"2022-03-03T08:00:00Z\"}]}</script>";
    let dc = "<meta name='DC.date' content='2023-02-02'>";
    let og = "<meta property='article:published_time' content='2024-01-01T23:30:00-05:00'>";
    let date = |head: &str| convert(page(head, body).as_bytes()).unwrap().date;
    assert_eq!(date(""), Some("2021-04-04".into()));
    assert_eq!(date(ld), Some("2022-03-03".into()), "JSON-LD @graph");
    assert_eq!(date(&format!("{ld}{dc}")), Some("2023-02-02".into()));
    assert_eq!(date(&format!("{ld}{dc}{og}")), Some("2024-01-01".into()));
    for name in ["date", "dcterms.date", "citation_publication_date"] {
        let meta = format!("<meta name='{name}' content='2019/07/08'>");
        assert_eq!(date(&meta), Some("2019-07-08".into()), "{name}");
    }
    // An unreadable value is passed over, not reported.
    assert_eq!(
        date("<meta name='date' content='14/03/2024'>"),
        Some("2021-04-04".into())
    );
}

#[test]
fn title_is_og_title_else_title_without_site_suffix_else_h1() {
    let title = |head: &str, body: &str| convert(page(head, body).as_bytes()).unwrap().title;
    let h1 = "<h1>Coastal plan agreed</h1>";
    assert_eq!(
        title(
            "<meta property='og:title' content='The og title'><title>Other</title>",
            h1
        ),
        Some("The og title".into())
    );
    assert_eq!(
        title("<title>Coastal plan agreed - Coast.example</title>", h1),
        Some("Coastal plan agreed".into()),
        "cut where the <h1> shows the title ends"
    );
    assert_eq!(
        title(
            "<title>Dune belt: a plan | News | Coast.example</title>\
             <meta property='og:site_name' content='Coast.example'>",
            ""
        ),
        Some("Dune belt: a plan | News".into()),
        "cut where og:site_name shows the suffix"
    );
    assert_eq!(
        title("<title>Sea walls - the next ten years</title>", h1),
        Some("Sea walls - the next ten years".into()),
        "a dash of the title's own stays"
    );
    assert_eq!(
        title("<title>Untitled</title>", h1),
        Some("Coastal plan agreed".into())
    );
    assert_eq!(title("", ""), None);
    let c = convert(&fixture("blog_speech.html")).unwrap();
    assert_eq!(
        c.title.as_deref(),
        Some("Speech by the Minister for Coastal Affairs")
    );
}

#[test]
fn entities_are_decoded_and_spaces_collapsed() {
    let text = text_of(
        "",
        "<p>A budget of &euro;5&nbsp;million &mdash; the council&#8217;s &amp; the\n   \
         region&rsquo;s &lt;share&gt;, co&shy;ordinated at 3&#x202F;pm.</p>",
    );
    assert_eq!(
        paras_of(&text)[0],
        "A budget of €5 million — the council’s & the region’s <share>, coordinated at 3 pm."
    );
}

#[test]
fn a_line_break_inside_a_paragraph_is_a_space() {
    let text = text_of("", "<p>Ostend harbour,<br>quay 4<br/>8400 Ostend</p>");
    assert_eq!(paras_of(&text)[0], "Ostend harbour, quay 4 8400 Ostend");
}

#[test]
fn table_rows_are_one_paragraph_each_with_cells_separated() {
    let text = text_of(
        "",
        "<table><caption>Budget</caption><thead><tr><th>Measure</th><th>Budget</th></tr></thead>\
         <tbody><tr><td><p>Monitoring office</p></td><td>€45 million</td></tr>\
         <tr><td>Field officers</td><td></td><td><span class='tags'>2026</span></td></tr>\
         <tr><td> </td><td></td></tr></tbody></table>",
    );
    let paras = paras_of(&text);
    assert_eq!(
        paras[..4],
        [
            "Budget",
            "Measure | Budget",
            "Monitoring office | €45 million",
            "Field officers | | 2026"
        ]
    );
    // The splitter keeps each row one unit: the separator neither ends a sentence nor
    // starts a line of its own.
    let units = split_units(&text);
    let row = text.find("Monitoring office").unwrap();
    assert!(
        units
            .iter()
            .any(|u| u.start == row && &text[u.start..u.end] == "Monitoring office | €45 million"),
        "{:?}",
        units
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect::<Vec<_>>()
    );
}

#[test]
fn hidden_elements_are_dropped_even_inside_a_paragraph() {
    let text = text_of(
        "",
        "<div hidden><p>Hidden attribute.</p></div>\
         <div style='display: none'><p>Display none.</p></div>\
         <div aria-hidden='true'><p>Aria hidden.</p></div>\
         <div hidden='until-found'><p>Collapsed section.</p></div>\
         <p>Read the <a href='/r'>report<span class='govuk-visually-hidden'> (opens in a new tab)</span></a> now.</p>",
    );
    assert!(
        !text.contains("Hidden attribute")
            && !text.contains("Display none")
            && !text.contains("Aria hidden")
    );
    assert_eq!(
        paras_of(&text)[..2],
        ["Collapsed section.", "Read the report now."]
    );
}

#[test]
fn class_words_match_whole_parts_and_spare_prose() {
    let text = text_of(
        "",
        "<div class='gem-c-share-links'><p>Share on social media.</p></div>\
         <div id='cookie_notice'><p>We use cookies.</p></div>\
         <p>The <span class='share-price'>share price</span> of the port rose.</p>\
         <div class='shareholders'><p>Shareholders met.</p></div>",
    );
    assert!(!text.contains("Share on social media") && !text.contains("We use cookies"));
    let paras = paras_of(&text);
    assert_eq!(paras[0], "The share price of the port rose.");
    assert_eq!(
        paras[1], "Shareholders met.",
        "a word inside a longer part is no match"
    );
}

#[test]
fn a_form_wrapping_the_page_is_read_and_a_search_form_is_not() {
    let html = format!(
        "<html><body><form class='search'><input name='q'><p>Search tips.</p></form>\
         <form id='aspnetForm'><div class='page'><p>{}</p><p>{}</p><p>{}</p></div></form></body></html>",
        PARAS[0], PARAS[1], PARAS[2]
    );
    let text = convert(html.as_bytes()).unwrap().text;
    assert!(text.starts_with(PARAS[0]), "{text}");
    assert!(!text.contains("Search tips"));
}

#[test]
fn a_short_main_falls_back_to_the_body() {
    let html = format!(
        "<html><body><main><p>Hero banner.</p></main><div><p>{}</p><p>{}</p></div></body></html>",
        PARAS[0], PARAS[1]
    );
    let text = convert(html.as_bytes()).unwrap().text;
    assert!(text.contains(PARAS[1]) && text.contains("Hero banner."));
}

#[test]
fn pages_without_main_text_are_refused() {
    assert_eq!(
        convert(&fixture("nav_only.html")),
        Err(ConvertError::NoMainText)
    );
    assert_eq!(
        convert(&fixture("empty.html")),
        Err(ConvertError::NoMainText)
    );
    assert_eq!(
        convert(b"<html><body><main><h1>Page not found</h1><p>Check the address.</p></main></body></html>"),
        Err(ConvertError::NoMainText)
    );
}

#[test]
fn a_pdf_named_html_is_not_read_as_a_page() {
    assert!(matches!(
        convert(&fixture("pdf_named.html")),
        Err(ConvertError::WrongKind { found, .. }) if found == "a PDF file"
    ));
    assert!(matches!(
        convert(b"<p>\0\x01binary"),
        Err(ConvertError::WrongKind { found, .. }) if found == "binary data"
    ));
}

#[test]
fn windows_1252_declared_in_http_equiv_is_decoded() {
    let bytes = fixture("cp1252.html");
    let html = decode(&bytes);
    assert!(html.contains("<title>Café déclaration</title>"), "{html}");
    let page = extract(&html);
    assert_eq!(page.title.as_deref(), Some("Café déclaration"));
    assert_eq!(
        paras_of(&page.text),
        [
            "Déclaration de Lille",
            "Les ministres ont décidé d’allouer 5 millions d’euros — €5 million."
        ]
    );
    // A full-length page in the same encoding converts.
    let long = format!(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>\
         </head><body><p>Les ministres ont décidé d’allouer €5 millions.</p><p>{}</p><p>{}</p></body></html>",
        PARAS[0], PARAS[1]
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&long);
    assert!(std::str::from_utf8(&bytes).is_err());
    let c = convert(&bytes).unwrap();
    assert!(
        c.text
            .starts_with("Les ministres ont décidé d’allouer €5 millions.")
    );
}

#[test]
fn deep_inline_nesting_does_not_overflow_the_walk() {
    // 100 000 nested inline elements: html5ever builds them in linear time, and our walk
    // keeps its stack on the heap (runs on the test's default thread).
    let n = 100_000;
    let html = format!(
        "<html><body><main><p>{} {}Deep text.{}</p><p>{}</p></main></body></html>",
        PARAS[0],
        "<span>".repeat(n),
        "</span>".repeat(n),
        PARAS[1]
    );
    let c = convert(html.as_bytes()).unwrap();
    assert_eq!(
        paras_of(&c.text),
        [format!("{} Deep text.", PARAS[0]).as_str(), PARAS[1]]
    );
}

#[test]
fn deep_block_and_list_nesting_is_walked() {
    // Nested <div>s and lists cost html5ever quadratic time (servo/html5ever#788), so this
    // stays at 2 000 levels; the caller's time limit covers deeper pages.
    let n = 2_000;
    let html = format!(
        "<html><body><main>{}<p>{}</p>{}{}<li>Deepest item.</li>{}</main></body></html>",
        "<div>".repeat(n),
        PARAS[0],
        "</div>".repeat(n),
        "<ul><li>Item.".repeat(n),
        "</li></ul>".repeat(n)
    );
    let c = convert(html.as_bytes()).unwrap();
    let paras = paras_of(&c.text);
    assert_eq!(paras[0], PARAS[0]);
    assert_eq!(paras.len(), 2 + n);
    assert_eq!(paras[n + 1], "• Deepest item.");
}

#[test]
fn site_header_roles_and_asides_are_chrome_outside_the_article() {
    let html = format!(
        "<html><body><header><a href='/'>Coast logo</a></header>\
         <div role='navigation'><a>Menu link</a></div><aside><p>Aside text.</p></aside>\
         <div><p>{}</p><p>{}</p></div><style>p {{ color: red }}</style></body></html>",
        PARAS[0], PARAS[1]
    );
    let text = convert(html.as_bytes()).unwrap().text;
    assert_eq!(paras_of(&text), [PARAS[0], PARAS[1]]);
}

#[test]
fn the_longest_article_or_role_main_is_the_root() {
    let html = format!(
        "<html><body><article><p>Teaser of another story.</p></article>\
         <article><p>{}</p><p>{}</p></article></body></html>",
        PARAS[0], PARAS[1]
    );
    assert_eq!(
        paras_of(&convert(html.as_bytes()).unwrap().text),
        [PARAS[0], PARAS[1]]
    );
    let html = format!(
        "<html><body><div><p>Outside text.</p></div>\
         <div role='main'><header><h1>{TITLE}</h1></header><p>{}</p><p>{}</p></div></body></html>",
        PARAS[0], PARAS[1]
    );
    assert_eq!(
        paras_of(&convert(html.as_bytes()).unwrap().text),
        [TITLE, PARAS[0], PARAS[1]],
        "a <header> inside role=main belongs to the content"
    );
}

/// Release-build timing for the report (not a benchmark):
/// `cargo test --release --test convert_html timing -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_of_a_1mb_page_and_of_deep_nesting() {
    let press = String::from_utf8(fixture("gov_press.html")).unwrap();
    let (start, end) = (
        press.find("<article>").unwrap(),
        press.find("</article>").unwrap(),
    );
    let article = &press[start + "<article>".len()..end];
    let mut big = press[..start + "<article>".len()].to_string();
    while big.len() < 1 << 20 {
        big.push_str(article);
    }
    big.push_str(&press[end..]);
    for run in 0..3 {
        let t = std::time::Instant::now();
        let c = convert(big.as_bytes()).unwrap();
        println!(
            "1 MB page ({} bytes, {} bytes of text), run {run}: {:?}",
            big.len(),
            c.text.len(),
            t.elapsed()
        );
    }
    for n in [2_000, 10_000] {
        let html = format!(
            "<html><body><main>{}<p>{}</p>{}</main></body></html>",
            "<div>".repeat(n),
            PARAS[0].repeat(2),
            "</div>".repeat(n)
        );
        let t = std::time::Instant::now();
        let c = convert(html.as_bytes()).unwrap();
        println!(
            "{n} nested divs: {:?} ({} bytes)",
            t.elapsed(),
            c.text.len()
        );
    }
    let n = 100_000;
    let html = format!(
        "<html><body><main><p>{}{}x{}</p></main></body></html>",
        PARAS[0].repeat(2),
        "<span>".repeat(n),
        "</span>".repeat(n)
    );
    let t = std::time::Instant::now();
    convert(html.as_bytes()).unwrap();
    println!("{n} nested spans: {:?}", t.elapsed());
}
