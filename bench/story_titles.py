#!/usr/bin/env python3
"""How representative story titles are, on the UCI News Aggregator sample (headlines with
Google News story ids; /work/shared/data/uci-news-aggregator-sample).

  bench/story_titles.py jsonl UCI_CSV OUT.jsonl     # headlines as a JSONL feed to ingest
  depeche --db X.db ingest OUT.jsonl
  bench/story_titles.py score UCI_CSV X.db [DEPECHE [old]]  # scores `depeche stories` titles
                                  # (old: a build without stories --sort)

For each depeche story of 3 or more articles: is its title a headline of the gold story most
of its articles belong to (majority), and how many words does it share with the story's other
headlines (mean Jaccard of lowercased word sets). Prints one JSON object scoring the story's
display title and, on the same stories, its first article's title (what the display title was
before).
"""
import csv, json, re, sqlite3, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if (r.get('TIMESTAMP') or '').isdigit() and r.get('STORY'):
                yield r

def words(s):
    return set(re.findall(r"\w+", s.lower()))

def to_jsonl(csv_path, out):
    with open(out, 'w', encoding='utf-8') as f:
        for r in rows(csv_path):
            ts = datetime.fromtimestamp(int(r['TIMESTAMP']) / 1000, tz=timezone.utc)
            f.write(json.dumps({'id': 'uci' + r['ID'], 'url': r['URL'], 'source': r['PUBLISHER'],
                                'title': r['TITLE'], 'text': r['TITLE'],
                                'published': ts.strftime('%Y-%m-%dT%H:%M:%SZ'), 'lang': 'en'}) + '\n')

def score(csv_path, db, binary, old):
    gold = {r['URL']: r['STORY'] for r in rows(csv_path)}
    con = sqlite3.connect(db)
    arts = {}
    for sid, url, title in con.execute(
            'SELECT s.story_id, a.url, a.title FROM article_story s JOIN articles a '
            'ON a.id = s.article_id ORDER BY s.seq'):
        arts.setdefault(sid, []).append((gold.get(url), title))
    # Builds before `--sort` listed by activity only: the order does not matter here.
    sort = [] if old else ['--sort', 'size']
    out = subprocess.run([binary, '--db', db, 'stories'] + sort + ['--min-articles', '3',
                          '-n', '100000', '--json'], capture_output=True, text=True, check=True)
    listed = json.loads(out.stdout)
    report = {}
    for name, pick in (('first_article_title', lambda s, members: members[0][1]),
                       ('display_title', lambda s, members: s['title'])):
        report[name] = rate(listed, arts, pick)
    print(json.dumps(report))

def rate(listed, arts, pick):
    n = majority_hits = 0
    jac = 0.0
    for s in listed:
        members = arts[s['id']]
        title = pick(s, members)
        major = Counter(g for g, _ in members).most_common(1)[0][0]
        title_gold = {g for g, t in members if t == title}
        n += 1
        majority_hits += major in title_gold
        others = [words(t) for _, t in members if t != title]
        tw = words(title)
        if others:
            jac += sum(len(tw & o) / max(1, len(tw | o)) for o in others) / len(others)
    return {'stories': n, 'title_in_majority_story': round(majority_hits / n, 3),
            'mean_jaccard_with_other_titles': round(jac / n, 3)}

if __name__ == '__main__':
    if sys.argv[1] == 'jsonl':
        to_jsonl(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else 'depeche',
              len(sys.argv) > 5 and sys.argv[5] == 'old')
