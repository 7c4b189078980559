#!/usr/bin/env python3
"""DOCX fixtures for cordiale (own text). Needs python-docx. Output: ./out/*.docx

declaration.docx exercises: heading, paragraphs, a numbered list (direct numPr, two levels),
a bulleted list (style-level numbering), a table, a hyperlink, a tab, a line break, a soft
hyphen, a tracked deletion (must not appear), a field (instrText must not appear), a header
and footer (not body text), core properties title/created.
"""
import copy
import os
import sys
import zipfile
from datetime import datetime

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

sys.path.insert(0, os.path.dirname(__file__))
import text_source as T  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
os.makedirs(OUT, exist_ok=True)


def add_numpr(par, num_id, ilvl):
    pPr = par._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    a = OxmlElement("w:ilvl"); a.set(qn("w:val"), str(ilvl)); numPr.append(a)
    b = OxmlElement("w:numId"); b.set(qn("w:val"), str(num_id)); numPr.append(b)
    pPr.append(numPr)


def run_el(text, tag="w:t"):
    r = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def declaration(path):
    d = Document()
    cp = d.core_properties
    cp.title = T.TITLE
    cp.author = "Council of the Coast (invented)"
    cp.created = datetime(2024, 3, 14, 9, 30)
    cp.modified = datetime(2024, 3, 15, 12, 0)
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Council of the Coast — draft for ministers"
    sec.footer.paragraphs[0].text = "Page 1"

    d.add_heading(T.TITLE, level=1)
    d.add_paragraph(T.PLACE_LINE)
    for p in T.PARAS[:2]:
        d.add_paragraph(p)
    # paragraph with a hyperlink, a tab and a line break
    p = d.add_paragraph("We will establish a joint coastal monitoring office in ")
    hl = OxmlElement("w:hyperlink"); hl.set(qn("r:id"), "rIdX")  # dangling id is fine for text
    hl.append(run_el("Ostend"))
    p._p.append(hl)
    p._p.append(run_el(" by the end of 2025, with a budget of €45 million over five years."))
    p2 = d.add_paragraph("Contact:")
    r = OxmlElement("w:r"); r.append(OxmlElement("w:tab")); p2._p.append(r)
    p2._p.append(run_el("coastal office"))
    r = OxmlElement("w:r"); r.append(OxmlElement("w:br")); p2._p.append(r)
    p2._p.append(run_el("Ostend harbour, quay 4"))
    # soft hyphen and a non-breaking hyphen inside words
    p3 = d.add_paragraph()
    p3._p.append(run_el("The partners shall publish a common sediment manage"))
    r = OxmlElement("w:r"); r.append(OxmlElement("w:softHyphen")); p3._p.append(r)
    p3._p.append(run_el("ment plan by June 2026 and will review its effects every two years"))
    # tracked deletion: must not appear in text; tracked insertion: must
    de = OxmlElement("w:del"); de.set(qn("w:id"), "1"); de.set(qn("w:author"), "x")
    de.append(run_el(" and every five years", tag="w:delText")); p3._p.append(de)
    ins = OxmlElement("w:ins"); ins.set(qn("w:id"), "2"); ins.set(qn("w:author"), "x")
    ins.append(run_el(".")); p3._p.append(ins)
    # a field: instruction text must not appear, the result must
    p4 = d.add_paragraph("Each government will fund at least 30 field officers (see page ")
    for kind, txt in (("begin", None), (None, " PAGEREF _Ref123 \\h "), ("separate", None), (None, "2"), ("end", None)):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar"); fc.set(qn("w:fldCharType"), kind); r.append(fc)
        elif txt.startswith(" PAGEREF"):
            it = OxmlElement("w:instrText"); it.text = txt; r.append(it)
        else:
            t = OxmlElement("w:t"); t.text = txt; r.append(t)
        p4._p.append(r)
    p4._p.append(run_el(")."))

    d.add_paragraph("The ministers identified three priority actions:")
    # numbered list: direct numbering with a nested level (numId 1 comes from the template's
    # "List Number" definition in python-docx's default template)
    for i, it in enumerate(T.LIST_ITEMS):
        par = d.add_paragraph(it, style="List Number")
        if i == 1:
            for sub in ("Coastal towns first.", "Islands from 2027."):
                sp = d.add_paragraph(sub, style="List Number 2")
    d.add_paragraph("Other points:")
    for s in ("Data will be open from 1 January 2027.", "Review in Middelburg in spring 2027."):
        d.add_paragraph(s, style="List Bullet")

    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    hdr = t.rows[0].cells
    hdr[0].text, hdr[1].text, hdr[2].text = "Measure", "Budget", "Deadline"
    for row in (("Monitoring office", "€45 million", "end of 2025"),
                ("Satellite component", "€12.5 million", "June 2026"),
                ("Field officers", "30 per government", "2026")):
        c = t.add_row().cells
        for k in range(3):
            c[k].text = row[k]
    for p in T.PARAS[5:]:
        d.add_paragraph(p)
    d.save(path)


def long_docx(path, paras=800):
    d = Document()
    d.core_properties.title = "Coastal Resilience Programme: Full Report"
    d.core_properties.created = datetime(2024, 3, 14)
    for p in T.long_paragraphs(paras, seed=9):
        d.add_paragraph(p)
    d.save(path)


def bombs():
    # 1 GiB of spaces in document.xml: ~1 MB compressed (ratio ~1000:1)
    src = os.path.join(OUT, "declaration.docx")
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(os.path.join(OUT, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            if item.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as w:
                    w.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
                    chunk = b" " * (1 << 20)
                    for _ in range(1024):
                        w.write(chunk)
                    w.write(b"</w:t></w:r></w:p></w:body></w:document>")
            else:
                z.writestr(item, zin.read(item.filename))
    # the same, 256 MiB, whose headers LIE: they declare 1000 bytes uncompressed
    lying = os.path.join(OUT, "bomb_lying_size.docx")
    with zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as w:
            w.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            for _ in range(256):
                w.write(b" " * (1 << 20))
            w.write(b"</w:t></w:r></w:p></w:body></w:document>")
    data = bytearray(open(lying, "rb").read())
    import struct
    # local file header: signature PK\3\4, uncompressed size at offset 22
    # central directory: signature PK\1\2, uncompressed size at offset 24
    i = data.find(b"PK\x03\x04")
    real = struct.unpack_from("<I", data, i + 22)[0]
    struct.pack_into("<I", data, i + 22, 1000)
    j = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, j + 24, 1000)
    open(lying, "wb").write(bytes(data))
    # Word Online names the main part word/document2.xml (or document22.xml) and points to it
    # from _rels/.rels with a leading "/": readers that hard-code word/document.xml fail
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(os.path.join(OUT, "word_online.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            name = item.filename
            if name == "word/document.xml":
                name = "word/document2.xml"
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/document2.xml.rels"
            elif name == "_rels/.rels":
                data = data.replace(b'Target="word/document.xml"', b'Target="/word/document2.xml"')
            elif name == "[Content_Types].xml":
                data = data.replace(b'/word/document.xml', b'/word/document2.xml')
            z.writestr(name, data)
    good = open(src, "rb").read()
    open(os.path.join(OUT, "truncated.docx"), "wb").write(good[: len(good) // 2])
    # a zip that is not a Word document
    with zipfile.ZipFile(os.path.join(OUT, "plain_zip.docx"), "w") as z:
        z.writestr("readme.txt", "not a word file")
    # legacy .doc / encrypted .docx are OLE compound files: magic D0 CF 11 E0
    open(os.path.join(OUT, "ole_legacy.docx"), "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)


if __name__ == "__main__":
    declaration(os.path.join(OUT, "declaration.docx"))
    long_docx(os.path.join(OUT, "long.docx"))
    bombs()
    for f in sorted(os.listdir(OUT)):
        if f.endswith(".docx"):
            print(f"{os.path.getsize(os.path.join(OUT, f)):>9}  {f}")
