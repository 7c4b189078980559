#!/usr/bin/env python3
"""Compares the items cordiale extracts from each format of the same documents with the
items it extracts from the Markdown (see formats_real.sh). An item is its text with list
markers, Markdown emphasis and link targets gone and whitespace collapsed (each format shows
its own markers), plus its normalised value for figures and dates. Prints, per format and
kind, precision/recall/F1 against the Markdown's items, and the titles and dates of issue that
differ."""
import json
import os
import re
import sys

out = sys.argv[1]


def agreed(text):
    text = re.sub(r"\]\([^)]*\)", "", text)          # Markdown link targets
    text = re.sub(r"[*_\[\]\\]", "", text)            # emphasis, brackets, escapes
    text = text.replace("\u00a0", " ").replace("’", "'").replace("“", '"').replace("”", '"')
    words = text.split()
    if words and re.fullmatch(r"[•\-*]|\d+[.)]", words[0]):
        words = words[1:]
    return " ".join(words)


def load(kind):
    docs = {}
    for line in open(os.path.join(out, kind + ".jsonl"), encoding="utf-8"):
        x = json.loads(line)
        stem = os.path.splitext(x["doc"])[0]
        sets = {}
        for key in ("figures", "dates", "commitments"):
            sets[key] = {
                agreed(i["text"]) + ("" if key == "commitments" else " = " + json.dumps(i["value"], sort_keys=True))
                for i in x[key]
            }
        date = (x.get("doc_date") or {}).get("value", {}).get("date")
        docs[stem] = (sets, x["title"], date)
    return docs


ref = load("md")
print(f"{len(ref)} documents; items of each format vs the Markdown's (P / R / F1)")
for kind in ("html", "docx", "pdf"):
    got = load(kind)
    line = [f"{kind:5s}"]
    for key in ("figures", "dates", "commitments"):
        tp = fp = fn = 0
        for stem, (sets, _, _) in ref.items():
            mine = got.get(stem, ({"figures": set(), "dates": set(), "commitments": set()}, "", None))[0][key]
            tp += len(sets[key] & mine)
            fp += len(mine - sets[key])
            fn += len(sets[key] - mine)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        line.append(f"{key} {p:.3f}/{r:.3f}/{f:.3f}")
    missing = [s for s in ref if s not in got]
    titles = sum(1 for s in ref if s in got and got[s][1] == ref[s][1])
    dates = sum(1 for s in ref if s in got and got[s][2] == ref[s][2])
    line.append(f"titles {titles}/{len(ref)} dates {dates}/{len(ref)}")
    if missing:
        line.append(f"not loaded: {len(missing)}")
    print("  ".join(line))
    if "-v" in sys.argv:
        for stem, (sets, title, date) in sorted(ref.items()):
            if stem not in got:
                continue
            g = got[stem]
            for key in ("figures", "dates", "commitments"):
                for miss in sorted(sets[key] - g[0][key])[:3]:
                    print(f"    {kind} {stem[:30]} -{key}: {miss[:100]}")
                for extra in sorted(g[0][key] - sets[key])[:3]:
                    print(f"    {kind} {stem[:30]} +{key}: {extra[:100]}")
            if g[1] != title:
                print(f"    {kind} {stem[:30]} title {g[1][:60]!r} vs {title[:60]!r}")
            if g[2] != date:
                print(f"    {kind} {stem[:30]} date {g[2]} vs {date}")
