#!/usr/bin/env python3
"""Paired blind judging: two writers' posts on the same articles.

  pair.py sheet [--seed S] DIR A.jsonl B.jsonl OUT
      A.jsonl, B.jsonl: `hookline preview --format json` output of two
      builds for DIR/articles/*.txt (DIR made by the editorial kit's
      `kit.py sample`). Keeps the articles whose X posts differ, shuffles
      the two posts of each and writes OUT/sheet.md (what the judge reads,
      in the kit's format), OUT/key.json (which is which: never show it to
      the judge) and OUT/scores.template.jsonl. Judge with the kit's rubric.
  pair.py tally OUT SCORES.jsonl [FILES]
      prints each writer's mean scores, post as-is and misleading counts
      and the preferences; FILES, one article name per line, limits the
      tally to those articles.

Only the standard library; python3 3.9 or newer."""
import argparse, collections, json, os, random, sys

CRIT = ['hook', 'faith', 'fluency', 'tags']


def posts(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            r = json.loads(line)
            out[os.path.basename(r['file'])] = r['posts'][0]['text']
    return out


def sheet(a):
    rnd = random.Random(a.seed)
    A, B = posts(a.a), posts(a.b)
    arts = sorted(f for f in A if f in B and A[f] != B[f])
    os.makedirs(a.out, exist_ok=True)
    key, tmpl = {}, []
    with open(os.path.join(a.out, 'sheet.md'), 'w', encoding='utf-8') as out:
        out.write('# Judging sheet\n\nFor each article: read it whole, then score candidate 1 and candidate 2 '
                  'by the rubric. The two candidates come from different writers, in random order.\n\n')
        for n, f in enumerate(arts, 1):
            text = open(os.path.join(a.dir, 'articles', f), encoding='utf-8').read()
            pair = [('A', A[f]), ('B', B[f])]
            rnd.shuffle(pair)
            key[f] = [pair[0][0], pair[1][0]]
            out.write('## [%d] %s\n\n### Article\n\n%s\n\n### Candidate 1\n\n```\n%s\n```\n\n### Candidate 2\n\n```\n%s\n```\n\n---\n\n'
                      % (n, f, text.strip(), pair[0][1], pair[1][1]))
            blank = {c: 0 for c in CRIT}
            blank.update(post=None, defects=[])
            tmpl.append({'n': n, 'file': f, 'c1': dict(blank), 'c2': dict(blank), 'prefer': '1|2|tie', 'note': ''})
    json.dump(key, open(os.path.join(a.out, 'key.json'), 'w'), indent=1)
    with open(os.path.join(a.out, 'scores.template.jsonl'), 'w', encoding='utf-8') as t:
        for r in tmpl:
            t.write(json.dumps(r) + '\n')
    print('%d articles differ: %s/sheet.md' % (len(arts), a.out))


def tally(a):
    key = json.load(open(os.path.join(a.out, 'key.json')))
    only = set(open(a.files).read().split()) if a.files else None
    sums = {'A': collections.Counter(), 'B': collections.Counter()}
    prefer = collections.Counter()
    n = 0
    for line in open(a.scores, encoding='utf-8'):
        if not line.strip():
            continue
        r = json.loads(line)
        if only is not None and r['file'] not in only:
            continue
        n += 1
        for i, who in enumerate(key[r['file']], 1):
            c = r['c%d' % i]
            for k in CRIT:
                sums[who][k] += c[k]
            sums[who]['post'] += bool(c['post'])
            sums[who]['misleading'] += c['faith'] <= 2
        p = r['prefer']
        prefer[key[r['file']][int(p) - 1] if p in ('1', '2') else 'tie'] += 1
    if n == 0:
        sys.exit('no scores')
    print('| n=%d | A | B |\n|---|---|---|' % n)
    for k in CRIT:
        print('| %s | %.2f | %.2f |' % (k, sums['A'][k] / n, sums['B'][k] / n))
    for k in ('post', 'misleading'):
        print('| %s | %d | %d |' % (k, sums['A'][k], sums['B'][k]))
    print('| preferred | %d | %d | (ties %d)' % (prefer['A'], prefer['B'], prefer['tie']))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    s = sub.add_parser('sheet')
    s.add_argument('--seed', type=int, default=1)
    s.add_argument('dir')
    s.add_argument('a')
    s.add_argument('b')
    s.add_argument('out')
    t = sub.add_parser('tally')
    t.add_argument('out')
    t.add_argument('scores')
    t.add_argument('files', nargs='?')
    a = p.parse_args()
    {'sheet': sheet, 'tally': tally}[a.cmd](a)


if __name__ == '__main__':
    main()
