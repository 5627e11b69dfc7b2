#!/usr/bin/env python3
"""Order- and format-independence of the seed story, measured through the product.

Ingests the five seed articles (../shared/seeds, read where they lie, never copied) in seeded
random orders, as .txt files, as HTML pages (each seed text wrapped in
tests/fixtures/seed_page.html: navigation, cookie banner, share bars, related links, comments)
and as a mix of both, each run into a fresh database with one `depeche ingest` per article, and
reports how often 000-003 form one story and 004 is in it or linked to it.

Usage: scripts/seed_orders.py DEPECHE_BINARY [SEEDS_DIR] [--orders 20] [--seed 1]
"""
import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SITES = ["Le Quotidien", "La Dépêche du Matin", "L'Observateur", "Le Journal du Soir", "Info Express"]


def page(text, site):
    # One paragraph per line (some seeds break paragraphs with one newline). A text file's
    # "date YYYY-MM" hint becomes the page's publication date, as a site would state it.
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    date = ""
    m = re.match(r"date (\d{4}-\d{2}(?:-\d{2})?)\s*(.*)", paragraphs[0], re.S)
    if m:
        date = m.group(1)
        paragraphs[0] = m.group(2)
        if not paragraphs[0]:
            paragraphs.pop(0)
    first = paragraphs[0]
    title = first if len(first) <= 90 else first[:first.rfind(" ", 0, 90)] + "…"
    body = "\n".join("    <p>%s</p>" % html.escape(p) for p in paragraphs)
    template = open(os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures",
                                 "seed_page.html"), encoding="utf-8").read()
    meta = ('<meta property="article:published_time" content="%s">' % date) if date else ""
    return (template.replace("{{TITLE}}", html.escape(title)).replace("{{SITE}}", html.escape(site))
            .replace("{{BODY}}", body).replace("{{DATE_META}}", meta))


def run(binary, db, files):
    for f in files:
        subprocess.run([binary, "--db", db, "ingest", "-q", f], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run([binary, "--db", db, "stories", "--sort", "activity", "-n", "100",
                          "--json"], capture_output=True, text=True, check=True).stdout
    linked = {s["id"]: s.get("linked_story_id") or "" for s in json.loads(out)}
    # One call gives every article with its story (articles --json, story_id).
    arts = json.loads(subprocess.run([binary, "--db", db, "articles", "-n", "100000", "--json"],
                                     capture_output=True, text=True, check=True).stdout)
    story_of = {a["id"]: a["story_id"] for a in arts if a.get("story_id")}
    return story_of, linked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("seeds", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                             "shared", "seeds"))
    ap.add_argument("--orders", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(args.seeds) if n.endswith(".txt"))
    texts = {n[:3]: open(os.path.join(args.seeds, n), encoding="utf-8").read() for n in names}
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="seed_orders_")
    for i, key in enumerate(sorted(texts)):
        open(os.path.join(work, key + ".txt"), "w", encoding="utf-8").write(texts[key])
        open(os.path.join(work, key + ".html"), "w", encoding="utf-8").write(page(texts[key], SITES[i]))
    results = {}
    for fmt in ("txt", "html", "mixed"):
        core_ok = with_004 = 0
        counts = []
        for k in range(args.orders):
            order = sorted(texts)
            rng.shuffle(order)
            exts = {key: (fmt if fmt != "mixed" else rng.choice(["txt", "html"])) for key in order}
            files = [os.path.join(work, key + "." + exts[key]) for key in order]
            db = os.path.join(work, "%s_%d.db" % (fmt, k))
            story_of, linked = run(args.binary, db, files)
            # Article ids by seed: ask the store which file each article came from.
            arts = json.loads(subprocess.run([args.binary, "--db", db, "articles", "-n", "100",
                                              "--json"], capture_output=True, text=True,
                                             check=True).stdout)
            seed_story = {os.path.basename(a["path"])[:3]: story_of.get(a["id"]) for a in arts}
            core = {seed_story.get(key) for key in ("000", "001", "002", "003")}
            ok = len(core) == 1 and None not in core
            core_ok += ok
            s4 = seed_story.get("004")
            main_story = next(iter(core)) if ok else None
            with_004 += ok and (s4 == main_story or linked.get(s4) == main_story)
            counts.append(len(set(v for v in seed_story.values() if v)))
        results[fmt] = (core_ok, with_004, counts)
        print("%-6s 000-003 one story: %2d/%d   and 004 in it or linked: %2d/%d   stories per run: %s"
              % (fmt, core_ok, args.orders, with_004, args.orders, counts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
