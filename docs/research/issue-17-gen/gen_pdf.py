#!/usr/bin/env python3
"""Generate real-shaped PDF fixtures for cordiale from our own text.

Needs: reportlab, pillow, pikepdf, fpdf2 + uharfbuzz (pip). Output: ./out/*.pdf
Every fixture is deterministic except encryption salts.
"""
import io
import os
import sys
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib.utils import ImageReader

sys.path.insert(0, os.path.dirname(__file__))
import text_source as T  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
os.makedirs(OUT, exist_ok=True)
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("Serif", f"{FONT_DIR}/DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("SerifB", f"{FONT_DIR}/DejaVuSerif-Bold.ttf"))
pdfmetrics.registerFont(TTFont("Sans", f"{FONT_DIR}/DejaVuSans.ttf"))

W, H = A4
MARGIN = 60

LIG = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}


def ligate(s):
    """Replace f-ligature sequences by their presentation forms (as a typesetter's glyphs)."""
    for k in ("ffi", "ffl", "ff", "fi", "fl"):
        s = s.replace(k, LIG[k])
    return s


def wrap(text, font, size, width, hyphen="-", hyphenate=True):
    """Greedy line breaking; a long word that does not fit is split with `hyphen`."""
    words = text.split()
    lines, cur = [], ""
    sw = lambda s: pdfmetrics.stringWidth(s, font, size)  # noqa: E731
    i = 0
    while i < len(words):
        w = words[i]
        cand = (cur + " " + w) if cur else w
        if sw(cand) <= width:
            cur = cand
            i += 1
            continue
        if hyphenate and len(w) >= 9 and cur:
            # longest prefix (>=3 letters, leaving >=3) that fits with the hyphen
            best = None
            for k in range(3, len(w) - 2):
                head = w[:k]
                if head.endswith("-") and head[:-1].isalpha():
                    piece = head  # break after a real hyphen: no hyphen added ("storm-" / "surge")
                elif head.isalpha():
                    piece = head + hyphen
                else:
                    continue
                if sw(cur + " " + piece) <= width:
                    best = (k, piece)
            if best:
                k, piece = best
                best = k
                lines.append(cur + " " + piece)
                words[i] = w[best:]
                cur = ""
                continue
        lines.append(cur)
        cur = ""
        if sw(w) > width:  # a single overlong word on its own line
            lines.append(w)
            i += 1
    if cur:
        lines.append(cur)
    return lines


class Flow:
    """Lays paragraphs into one or more column frames, starting new pages as needed."""

    def __init__(self, c, header, total_pages_hint=None, columns=1, font="Serif", size=11,
                 leading=14.5, hyphen="-", lig=False):
        self.c, self.header, self.columns = c, header, columns
        self.font, self.size, self.leading = font, size, leading
        self.hyphen, self.lig = hyphen, lig
        self.page = 1
        self.total = total_pages_hint
        self._frames()

    def _frames(self):
        gap = 24
        colw = (W - 2 * MARGIN - gap * (self.columns - 1)) / self.columns
        self.frames = [(MARGIN + k * (colw + gap), colw) for k in range(self.columns)]
        self.col = 0
        self.y = H - MARGIN - 30

    def decorate(self):
        c = self.c
        c.setFont("Sans", 8)
        c.drawString(MARGIN, H - MARGIN + 12, self.header)
        c.drawRightString(W - MARGIN, H - MARGIN + 12, "Council of the Coast")
        c.line(MARGIN, H - MARGIN + 8, W - MARGIN, H - MARGIN + 8)
        foot = f"Page {self.page} of {self.total}" if self.total else f"– {self.page} –"
        c.drawCentredString(W / 2, MARGIN - 30, foot)
        c.drawString(MARGIN, MARGIN - 42, "CCR/2024/17 — not for citation before release")

    def next_frame(self):
        self.col += 1
        if self.col >= len(self.frames):
            self.new_page()

    def new_page(self, columns=None):
        self.decorate()
        self.c.showPage()
        self.page += 1
        if columns:
            self.columns = columns
        self._frames()

    def heading(self, text, size=16):
        self.c.setFont("SerifB", size)
        x, w = self.frames[self.col]
        self.c.drawString(x, self.y, text)
        self.y -= size * 1.8

    def para(self, text, bullet=None):
        if self.lig:
            text = ligate(text)
        x, w = self.frames[self.col]
        indent = 14 if bullet else 0
        lines = wrap(text, self.font, self.size, w - indent, hyphen=self.hyphen)
        for n, line in enumerate(lines):
            if self.y < MARGIN + 10:
                self.next_frame()
            x, w = self.frames[self.col]
            self.c.setFont(self.font, self.size)
            if bullet and n == 0:
                self.c.drawString(x, self.y, bullet)
            self.c.drawString(x + indent, self.y, line)
            self.y -= self.leading
        self.y -= self.leading * 0.6  # paragraph gap

    def finish(self):
        self.decorate()
        self.c.save()


def meta(c, title):
    c.setTitle(title)
    c.setAuthor("Council of the Coast (invented)")
    c.setSubject("cordiale test fixture")
    c.setCreator("cordiale fixtures-gen")
    c.setProducer("reportlab")


def declaration(path, encrypt=None):
    """3 pages: title page (hyphenation + ligatures), two-column page, soft-hyphen page."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1, encrypt=encrypt,
                      initialFontName="Sans")
    meta(c, T.TITLE)
    f = Flow(c, T.TITLE, total_pages_hint=4, lig=True)
    f.heading(T.TITLE)
    f.para(T.PLACE_LINE)
    for p in T.PARAS[:5]:
        f.para(p)
    f.para("The ministers identified three priority actions:")
    for it in T.LIST_ITEMS:
        f.para(it, bullet="•")
    # page 2: two columns
    f.new_page(columns=2)
    f.heading("Annex I: Shared responsibilities", size=13)
    for p in T.PARAS[5:] + T.long_paragraphs(4, seed=2):
        f.para(p)
    # page 3: one column, soft hyphens at line ends (as some typesetters encode them)
    f.new_page(columns=1)
    f.hyphen = "\u00ad"
    f.heading("Annex II: Implementation", size=13)
    for p in T.long_paragraphs(5, seed=3):
        f.para(p)
    f.finish()


def long_doc(path, pages=100):
    c = canvas.Canvas(path, pagesize=A4, invariant=1, initialFontName="Sans")
    meta(c, "Coastal Resilience Programme 2024-2031: Full Report")
    f = Flow(c, "Coastal Resilience Programme — Full Report", total_pages_hint=pages, lig=True)
    f.heading("Coastal Resilience Programme 2024-2031")
    seed = 100
    while f.page < pages:
        for p in T.long_paragraphs(3, seed=seed):
            if f.page >= pages:
                break
            f.para(p)
        seed += 1
    # fill the last page a little and close it
    f.para("End of report.")
    f.finish()


def text_image(lines, size=(1240, 1754)):
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(f"{FONT_DIR}/DejaVuSerif.ttf", 28)
    y = 120
    for ln in lines:
        d.text((110, y), ln, fill=0, font=font)
        y += 44
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return ImageReader(buf)


def scanned(path, pages=2):
    """Image-only pages: no text layer at all."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    meta(c, "Scanned letter (image only)")
    for k in range(pages):
        lines = [T.TITLE, T.PLACE_LINE, ""] + [p[:60] for p in T.PARAS[k * 3:(k + 1) * 3]]
        c.drawImage(text_image(lines), 0, 0, W, H)
        c.showPage()
    c.save()


def mixed(path):
    """Page 1 and 3 have text; page 2 is an image only (a scanned insert)."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1, initialFontName="Sans")
    meta(c, "Mixed text and scanned pages")
    f = Flow(c, "Mixed document", total_pages_hint=3)
    f.heading("Mixed document")
    for p in T.PARAS[:3]:
        f.para(p)
    f.decorate()
    c.showPage()
    c.drawImage(text_image(["Signed annex (scanned)", T.PLACE_LINE]), 0, 0, W, H)
    c.showPage()
    f.page = 3
    f._frames()
    for p in T.PARAS[3:6]:
        f.para(p)
    f.finish()


def shaped_ligatures(path):
    """fpdf2 + HarfBuzz shaping: real ligature glyphs whose ToUnicode maps to 'fi', 'ffi'…"""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("Serif", "", f"{FONT_DIR}/DejaVuSerif.ttf")
    pdf.set_text_shaping(True)
    pdf.set_title("Shaped ligatures")
    pdf.set_creation_date(datetime(2024, 3, 14, 9, 30))
    pdf.add_page()
    pdf.set_font("Serif", size=12)
    pdf.multi_cell(0, 7, "The efficient officials filed the official figures of the fisheries "
                        "fund; financial flows were affirmed by the offices of the Council.")
    pdf.output(path)


def encrypted():
    import pikepdf
    src = os.path.join(OUT, "declaration.pdf")
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:  # a real date of creation
        pdf.docinfo["/CreationDate"] = "D:20240314093000+01'00'"
        pdf.docinfo["/ModDate"] = "D:20240315120000Z"
        pdf.save(src, deterministic_id=True)
    with pikepdf.open(src) as pdf:
        pdf.save(os.path.join(OUT, "enc_aes256_userpw.pdf"),
                 encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
        pdf.save(os.path.join(OUT, "enc_aes256_nopw.pdf"),  # opens without a password
                 encryption=pikepdf.Encryption(user="", owner="owner", R=6,
                                               allow=pikepdf.Permissions(extract=False)))
        pdf.save(os.path.join(OUT, "enc_rc4_nopw.pdf"),
                 encryption=pikepdf.Encryption(user="", owner="owner", R=3, aes=False, metadata=False))
        pdf.save(os.path.join(OUT, "enc_aes128_nopw.pdf"),
                 encryption=pikepdf.Encryption(user="", owner="owner", R=4))


def raw_pdf(objs, trailer_extra=""):
    """Assemble a PDF from object bodies (1-based) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    x = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{x}\n%%EOF\n".encode()
    return bytes(out)


def hostile():
    """Bad files: truncated, garbage, empty, wrong kind, cyclic page tree, huge stream claim."""
    good = open(os.path.join(OUT, "declaration.pdf"), "rb").read()
    open(os.path.join(OUT, "truncated_half.pdf"), "wb").write(good[: len(good) // 2])
    open(os.path.join(OUT, "truncated_tail.pdf"), "wb").write(good[:-200])  # xref/trailer gone
    import random
    r = random.Random(5)
    open(os.path.join(OUT, "garbage.pdf"), "wb").write(bytes(r.randrange(256) for _ in range(20000)))
    open(os.path.join(OUT, "empty.pdf"), "wb").write(b"")
    open(os.path.join(OUT, "html_named.pdf"), "wb").write(
        b"<!DOCTYPE html><html><head><title>Not a PDF</title></head><body><p>Hello.</p></body></html>")
    # header ok, then junk
    open(os.path.join(OUT, "header_only.pdf"), "wb").write(b"%PDF-1.7\n" + b"x" * 5000)
    # page tree whose Kids points back to itself (infinite recursion bait)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    content = b"BT /F1 12 Tf 72 720 Td (Cyclic page tree) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
    ]
    open(os.path.join(OUT, "cyclic_pages.pdf"), "wb").write(raw_pdf(objs))
    # a content stream that claims 2 GB and a Length that is an indirect self reference
    objs2 = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 4 0 R /Filter /FlateDecode >>\nstream\n" + b"\x78\x9c" + b"\x00" * 64 + b"\nendstream",
        font,
    ]
    open(os.path.join(OUT, "bad_stream.pdf"), "wb").write(raw_pdf(objs2))
    # standard-14 font, StandardEncoding fi/fl glyphs (0xAE/0xAF), as old TeX/Type1 output does
    content3 = b"BT /F1 12 Tf 72 720 Td (The e\xaecient o\xaecials \xafew to the \xaeeld.) Tj ET"
    objs3 = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content3) + content3 + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /StandardEncoding >>",
    ]
    open(os.path.join(OUT, "std14_ligatures.pdf"), "wb").write(raw_pdf(objs3))
    # 50,000 nested arrays inside the page dictionary: recursion bait (stack overflow aborts
    # the whole process: catch_unwind cannot stop it)
    deep = b"[" * 50000 + b"]" * 50000
    objs4 = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Foo " + deep + b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
    ]
    open(os.path.join(OUT, "deep_nesting.pdf"), "wb").write(raw_pdf(objs4))


def interleaved_columns(path):
    """Two columns drawn row by row (left line, right line, ...): content order != reading order."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1, initialFontName="Sans")
    meta(c, "Interleaved two-column page")
    gap = 24
    colw = (W - 2 * MARGIN - gap) / 2
    left = []
    for p in T.PARAS[:4]:
        left += wrap(p, "Serif", 10, colw) + [""]
    right = []
    for p in T.PARAS[4:]:
        right += wrap(p, "Serif", 10, colw) + [""]
    y = H - MARGIN - 20
    c.setFont("SerifB", 14)
    c.drawString(MARGIN, y, "Interleaved columns")
    y -= 30
    c.setFont("Serif", 10)
    for k in range(max(len(left), len(right))):
        if k < len(left):
            c.drawString(MARGIN, y, left[k])
        if k < len(right):
            c.drawString(MARGIN + colw + gap, y, right[k])
        y -= 13
    c.setFont("Sans", 8)
    c.drawCentredString(W / 2, MARGIN - 30, "1")
    c.showPage()
    c.save()


def xobject_and_rotation(path):
    """Header and one paragraph drawn through a Form XObject (as many producers do for running
    heads); page 2 has /Rotate 90 (a landscape annex); page 3 draws a line of text rotated 90°."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1, initialFontName="Sans")
    meta(c, "XObject and rotation")
    c.beginForm("head")
    c.setFont("Sans", 8)
    c.drawString(MARGIN, H - MARGIN + 12, "Running head drawn in a form XObject")
    c.endForm()
    c.beginForm("para")
    c.setFont("Serif", 11)
    c.drawString(MARGIN, H - MARGIN - 60, "This paragraph lives in a form XObject and must be read.")
    c.endForm()
    for k in range(3):
        c.doForm("head")
        if k == 0:
            c.doForm("para")
        c.setFont("Serif", 11)
        c.drawString(MARGIN, H - MARGIN - 140, ["We will report by June 2026.", "The office opens in 2025.",
                                                 "Funding ends in 2031."][k])
        if k == 2:
            c.saveState()
            c.translate(W - MARGIN, MARGIN + 100)
            c.rotate(90)
            c.drawString(0, 0, "Rotated margin note: funded with 3 million euros.")
            c.restoreState()
        c.showPage()
    c.save()
    import pikepdf
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[1].Rotate = 90
        pdf.save(path)


if __name__ == "__main__":
    xobject_and_rotation(os.path.join(OUT, "xobject_rotation.pdf"))
    interleaved_columns(os.path.join(OUT, "two_column_interleaved.pdf"))
    declaration(os.path.join(OUT, "declaration.pdf"))
    long_doc(os.path.join(OUT, "long100.pdf"))
    scanned(os.path.join(OUT, "scanned.pdf"))
    mixed(os.path.join(OUT, "mixed_scanned_page.pdf"))
    shaped_ligatures(os.path.join(OUT, "shaped_ligatures.pdf"))
    encrypted()
    hostile()
    for f in sorted(os.listdir(OUT)):
        if f.endswith(".pdf"):
            print(f"{os.path.getsize(os.path.join(OUT, f)):>9}  {f}")
