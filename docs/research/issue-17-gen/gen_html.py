#!/usr/bin/env python3
"""Saved-web-page fixtures for cordiale (own text, real-shaped chrome). Output: ./out/*.html"""
import html
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import text_source as T  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
os.makedirs(OUT, exist_ok=True)

NAV = """<a class="skip" href="#main">Skip to main content</a>
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on Coast.example">
  <p>We use some essential cookies to make this service work. We&rsquo;d also like to use analytics cookies.</p>
  <button>Accept analytics cookies</button> <button>Reject analytics cookies</button> <a href="/cookies">View cookies</a>
</div>
<header class="site-header"><a class="logo" href="/">Council of the Coast</a>
<nav aria-label="Menu"><ul>
  <li><a href="/topics">Topics</a><ul><li><a href="/topics/floods">Floods</a></li><li><a href="/topics/dunes">Dunes</a></li></ul></li>
  <li><a href="/news">News and communications</a></li>
  <li><a href="/consultations">Consultations</a></li>
  <li><a href="/statistics">Statistics</a></li>
</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search Coast.example"><button>Search</button></form>
</header>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Joint declaration</li></ol></div>
"""

FOOTER = """<aside class="related"><h2>Related content</h2><ul>
<li><a href="/a">Coastal monitoring office: consultation outcome</a></li>
<li><a href="/b">Ministerial meeting in Bruges, 2023</a></li></ul></aside>
<div class="share">Share this page: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
<footer class="site-footer"><ul><li><a href="/help">Help</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/cookies">Cookies</a></li><li><a href="/accessibility">Accessibility statement</a></li></ul>
<p>&copy; Council of the Coast 2024. All content is available under the Open Coast Licence v3.0, except where otherwise stated.</p></footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
"""


def esc(s):
    # entities as a CMS writes them: € as &euro;, apostrophes as &#8217;, nbsp inside figures
    s = html.escape(s, quote=False)
    return (s.replace("€", "&euro;").replace("'", "&#8217;").replace("—", "&mdash;")
            .replace("14 March 2024", "14&nbsp;March&nbsp;2024"))


def article_body(paras, lists=True):
    out = [f"<p class=\"dateline\">{esc(T.PLACE_LINE)}</p>"]
    for i, p in enumerate(paras):
        out.append(f"<p>{esc(p)}</p>")
        if lists and i == 4:
            out.append("<p>The ministers identified three priority actions:</p>\n<ol>")
            for j, it in enumerate(T.LIST_ITEMS):
                if j == 1:
                    out.append(f"<li>{esc(it)}\n<ul><li>Coastal towns first.</li><li>Islands from 2027.</li></ul></li>")
                else:
                    out.append(f"<li>{esc(it)}</li>")
            out.append("</ol>")
    return "\n".join(out)


def head(title, published=True, extra=""):
    meta = ""
    if published:
        meta = ('<meta property="article:published_time" content="2024-03-14T09:30:00+01:00">\n'
                '<meta property="og:type" content="article">\n')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(title)} - Coast.example</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{esc(title)}">
{meta}<meta name="description" content="Ministers agree a joint coastal monitoring office.">
<link rel="stylesheet" href="/assets/app.css"><style>.cookie-banner{{background:#eee}}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2024-03-14T09:30:00+01:00"}}</script>
{extra}</head>"""


def gov_press(path):
    """GOV.UK-like: main/article, <time>, cookie banner, nav, breadcrumbs, related, footer."""
    body = f"""<body>{NAV}
<main id="main" role="main"><article>
<h1>{esc(T.TITLE)}</h1>
<p class="meta">From: <a href="/org">Council of the Coast</a> Published <time datetime="2024-03-14">14 March 2024</time></p>
{article_body(T.PARAS)}
</article></main>
{FOOTER}</body></html>"""
    open(path, "w", encoding="utf-8").write(head(T.TITLE) + "\n" + body)


def div_soup(path):
    """No main/article; date only in a span; a sidebar with more words than some paragraphs."""
    body = f"""<body>{NAV}
<div id="wrapper"><div class="col-left">
<div class="sidebar-box"><h3>Press office</h3><p>Contact the press office of the Council of the Coast for interviews, pictures and accreditation to ministerial meetings. Office hours Monday to Friday.</p></div>
</div>
<div class="col-main"><div class="content-block">
<div class="page-title">{esc(T.TITLE)}</div>
<span class="date">Press release &middot; 14/03/2024</span>
{article_body(T.PARAS)}
<div class="tags">Tags: <a>floods</a>, <a>dunes</a>, <a>North Sea</a></div>
</div></div></div>
{FOOTER}</body></html>"""
    open(path, "w", encoding="utf-8").write(head(T.TITLE, published=False) + "\n" + body)


def blog_speech(path):
    """WordPress-like speech page with comments below the article."""
    paras = ["Thank you, Chair. Ministers, colleagues, friends of the coast."] + T.PARAS[1:6]
    comments = "\n".join(
        f'<li class="comment"><div class="comment-author">Reader {i}</div><div class="comment-content"><p>'
        f'I agree with the minister, but we will need more than €{i} million to protect our village; '
        f'the dunes at our end of the beach were lost in {2010 + i}.</p></div></li>'
        for i in range(1, 8))
    body = f"""<body class="single-post">{NAV}
<div class="site-content"><article class="post hentry">
<header class="entry-header"><h1 class="entry-title">Speech by the Minister for Coastal Affairs at the Esbjerg meeting</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2024-03-14T18:00:00+01:00">March 14, 2024</time> by press office</div></header>
<div class="entry-content">
{"".join(f"<p>{esc(p)}</p>" for p in paras)}
<p><em>Check against delivery.</em></p>
</div></article>
<section id="comments"><h2>7 comments</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>Leave a reply</h3><form><textarea></textarea><button>Post comment</button></form></div></section>
</div>
{FOOTER}</body></html>"""
    open(path, "w", encoding="utf-8").write(head("Speech by the Minister for Coastal Affairs") + "\n" + body)


def big(path, target=1_000_000):
    """~1 MB saved page: heavy chrome (mega menu) plus a very long article."""
    mega = "<nav class='mega'><ul>" + "".join(
        f"<li><a href='/t/{i}'>Topic {i}: coastal services and grants</a></li>" for i in range(600)) + "</ul></nav>"
    paras = []
    size = 0
    seed = 1
    while size < target:
        for p in T.long_paragraphs(20, seed=seed):
            paras.append(f"<p>{esc(p)}</p>")
            size += len(p) + 8
        paras.append(f"<h2>Section {seed}</h2>")
        seed += 1
    body = f"""<body>{NAV}{mega}
<main id="main"><article><h1>Coastal Resilience Programme 2024-2031: Full Report</h1>
<p>Published <time datetime="2024-03-14">14 March 2024</time></p>
{chr(10).join(paras)}
</article></main>{FOOTER}</body></html>"""
    open(path, "w", encoding="utf-8").write(head("Coastal Resilience Programme: Full Report") + "\n" + body)


def bad():
    # Windows-1252 bytes declared as such (a real old saved page)
    cp = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
          f"<title>Caf\u00e9 d\u00e9claration</title></head><body><main><h1>D\u00e9claration de Lille</h1>"
          f"<p>Les ministres ont d\u00e9cid\u00e9 d\u2019allouer 5 millions d\u2019euros \u2014 \u20ac5 million.</p>"
          f"</main></body></html>").encode("cp1252")
    open(os.path.join(OUT, "cp1252.html"), "wb").write(cp)
    open(os.path.join(OUT, "empty.html"), "wb").write(b"")
    open(os.path.join(OUT, "pdf_named.html"), "wb").write(open(os.path.join(OUT, "declaration.pdf"), "rb").read()
                                                          if os.path.exists(os.path.join(OUT, "declaration.pdf")) else b"%PDF-1.4\n")
    open(os.path.join(OUT, "nav_only.html"), "w").write(
        "<html><head><title>Page not found</title></head><body>" + NAV + FOOTER + "</body></html>")


def deep(path, n):
    """n nested <div>s: html5ever's tree builder is quadratic in depth (servo/html5ever#788)."""
    open(path, "w").write("<html><head><title>Deep</title></head><body><main>" + "<div>" * n
                          + "<p>Deep text.</p>" + "</div>" * n + "</main></body></html>")


if __name__ == "__main__":
    deep(os.path.join(OUT, "deep_nesting.html"), 100000)
    for n in (2000, 5000, 10000):
        deep(os.path.join(OUT, f"deep_{n}.html"), n)
    gov_press(os.path.join(OUT, "gov_press.html"))
    div_soup(os.path.join(OUT, "div_soup.html"))
    blog_speech(os.path.join(OUT, "blog_speech.html"))
    big(os.path.join(OUT, "big1mb.html"))
    bad()
    for f in sorted(os.listdir(OUT)):
        if f.endswith(".html"):
            print(f"{os.path.getsize(os.path.join(OUT, f)):>9}  {f}")
