#!/usr/bin/env python3
"""Routine notices in the stories of a depeche database (issue 10, point 3).

Reuters-21578 carries hundreds of quarterly-results and dividend notices: one company each,
written from one template ("BROWN-FORMAN INC <BFD> 4TH QTR NET", "Shr one dlr vs 73 cts...").
Stories that know which company a notice is about keep notices of different companies apart.
This reads the stories of a database (after `depeche --db X.db ingest .../reuters21578`) and
reports, over the stories holding a results or dividend notice: how many there are, the
largest, and how many distinct companies each holds (a company is the headline's words before the
notice keywords, a ticker such as "<BFD>" left out).

Usage: scripts/routine_notices.py DB [--json]
"""
import collections
import json
import re
import sqlite3
import sys

RESULTS = re.compile(
    r"\b(1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|QTR|QUARTER|YEAR|YR|HALF|[0-9]+ MTHS?|NINE MTHS?|SIX MTHS?)\b"
    r".*\b(NET|LOSS|PROFIT|EARNINGS|OPER NET|SHR)\b")
DIVIDEND = re.compile(r"\b(DIVIDEND|DIV|PAYOUT|QTLY|QUARTERLY DIVIDEND|SETS PAYOUT|RAISES PAYOUT)\b")
TICKER = re.compile(r"<([^<>]{1,40})>")
KEYWORD = re.compile(r"\b(1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|QTR|QUARTER|YEAR|YR|HALF|"
                     r"[0-9]+|NINE|SIX|DIVIDEND|DIV|PAYOUT|QTLY|SETS|RAISES|LIFTS|CUTS|OMITS|"
                     r"REPORTS|HAS|SEES|PLANS|DECLARES|REG|REGULAR|INITIAL|SPECIAL)\b")


def company_of(title):
    # "<XYZ>" after a name is a ticker (dropped); "<CINRAM LTD>" is an unlisted company's name.
    def unwrap(m):
        inner = m.group(1).strip()
        return " " if re.fullmatch(r"[A-Z0-9.]{1,8}", inner) else " " + inner + " "
    name = TICKER.sub(unwrap, title)
    k = KEYWORD.search(name)
    if k:
        name = name[:k.start()]
    return re.sub(r"\s+", " ", name).strip().upper()


def kind_of(title):
    if title != title.upper():
        return None  # notices have all-caps headlines
    if RESULTS.search(title):
        return "results"
    if DIVIDEND.search(title):
        return "dividend"
    return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    db = sqlite3.connect(sys.argv[1])
    rows = db.execute(
        "SELECT s.story_id, a.title FROM article_story s JOIN articles a ON a.id = s.article_id")
    story_size = collections.Counter()
    notices = collections.defaultdict(list)  # story -> [(kind, company)]
    total = collections.Counter()
    for story, title in rows:
        story_size[story] += 1
        kind = kind_of(title)
        if kind:
            notices[story].append((kind, company_of(title)))
            total[kind] += 1
    out = {"articles": sum(story_size.values()), "stories": len(story_size)}
    largest, largest_size = story_size.most_common(1)[0]
    out["largest_story_articles"] = largest_size
    out["largest_story_notices"] = len(notices.get(largest, []))
    for kind in ("results", "dividend"):
        stories = {s: [c for k, c in v if k == kind] for s, v in notices.items()}
        stories = {s: v for s, v in stories.items() if v}
        companies = [len(set(v)) for v in stories.values()]
        mixed = [s for s, v in stories.items() if len(set(v)) > 1]
        biggest = max(stories.values(), key=len) if stories else []
        out[kind] = {
            "notices": total[kind],
            "stories": len(stories),
            "largest_story_notices": len(biggest),
            "largest_story_companies": len(set(biggest)),
            "mean_companies_per_story": round(sum(companies) / len(companies), 3) if companies else 0,
            "max_companies_per_story": max(companies) if companies else 0,
            "stories_with_several_companies": len(mixed),
            "notices_sharing_a_story_with_another_company": sum(len(stories[s]) for s in mixed),
        }
    if "--json" in sys.argv:
        print(json.dumps(out, indent=2))
        return
    print(f"{out['articles']} articles in {out['stories']} stories; largest story: "
          f"{out['largest_story_articles']} articles ({out['largest_story_notices']} notices)")
    for kind in ("results", "dividend"):
        k = out[kind]
        print(f"{kind}: {k['notices']} notices in {k['stories']} stories; largest: "
              f"{k['largest_story_notices']} notices of {k['largest_story_companies']} companies; "
              f"companies per story mean {k['mean_companies_per_story']} max "
              f"{k['max_companies_per_story']}; {k['stories_with_several_companies']} stories mix "
              f"companies ({k['notices_sharing_a_story_with_another_company']} notices)")


if __name__ == "__main__":
    main()
