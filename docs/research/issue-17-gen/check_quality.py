#!/usr/bin/env python3
"""Quality checks of the layout layer: fixtures (own text) and, optionally, real prose PDFs
made from ../shared/corpora with pandoc + LibreOffice in /tmp/realpdf (never copied here)."""
import glob, re, sys, os
sys.path.insert(0, '/work/scratch17/fixtures-gen'); import text_source as T
R = sys.argv[1] if len(sys.argv) > 1 else '/work/scratch17/res/p_oxide-final'
items = [T.PLACE_LINE] + T.PARAS + T.LIST_ITEMS
for f in ['declaration', 'lo_declaration', 'two_column_interleaved']:
    s = open(f'{R}/{f}.pdf.txt').read(); print(f, sum(i in s for i in items), '/', len(items))
V = set(re.findall(r'[a-z]+', open('/work/scratch17/fixtures-gen/text_source.py').read().lower())) | {'page'}
for f in ['long100', 'lo_long']:
    s = re.sub(r'\n==== page \d+ ====\n', '', open(f'{R}/{f}.pdf.txt').read())
    print(f, 'unknown words:', sorted(set(re.findall(r'[a-z]+', s.lower())) - V)[:10],
          'hyphen tokens:', sorted(set(re.findall(r'[a-z]+-[a-z]+', s))))
def norm(s):
    s = s.replace('\u00a0', ' ').replace('’', "'").replace('‘', "'").replace('“', '"').replace('”', '"')
    s = re.sub(r'(^|\n)\s*([-•]|\d+\.)\s+', r'\1', s)
    return re.sub(r'\s+', ' ', s)
tot = [0, 0]
for pdf in sorted(glob.glob('/tmp/realpdf/*.pdf')):
    b = pdf[:-4]
    plain = open(b + '.plain.txt').read()
    conv = norm(re.sub(r'\n?==== page \d+ ====\n', '', open('/tmp/realpdf/out/' + os.path.basename(pdf) + '.txt').read()))
    sents = [norm(x).strip() for x in re.split(r'(?<=[.;:])\s+|\n', plain) if len(x.strip()) > 40 and '[' not in x]
    sents = [x for x in sents if len(x) > 40]
    miss = [x for x in sents if x not in conv]
    tot[0] += len(sents) - len(miss); tot[1] += len(sents)
    print(f"{os.path.basename(b)[:45]:45s} {len(sents)-len(miss)}/{len(sents)}")
    for m in miss[:4]:
        i = conv.find(m[:25]); g = conv[i:i + len(m)] if i >= 0 else ''
        j = 0
        while j < min(len(m), len(g)) and m[j] == g[j]: j += 1
        print('   ', repr(m[max(0, j - 30):j + 20]), '->', repr(g[max(0, j - 30):j + 20]))
print('real-prose sentences verbatim', tot)
