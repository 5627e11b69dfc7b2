#!/usr/bin/env python3
"""Builds data/samples/globalvoices/<lang>.jsonl from the Global Voices (gv_*) files of
ML-Crisis (../shared/data/ml-crisis-timelines), which are CC BY 3.0.

Usage: scripts/make-sample-corpus.py [SHARED_DATA_DIR]
Each line: id, source, title (first line of the file), published (the folder's date), lang,
text, topic, licence and attribution. Only gv_* files are read: the ext_* files are not openly
licensed and must not enter the repository.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
shared = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared" / "data")
crisis = shared / "ml-crisis-timelines"
out_dir = root / "data" / "samples" / "globalvoices"
out_dir.mkdir(parents=True, exist_ok=True)

for lang in ("fr", "es", "it"):
    rows = []
    for path in sorted((crisis / lang).glob("*/*/gv_*.txt")):
        topic, date = path.parent.parent.name, path.parent.name
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines()]
        lines = [l for l in lines if l]
        if len(lines) < 2:
            continue
        rows.append({
            "id": f"gv-{lang}-{topic}-{date}-{path.stem.split('_')[1]}",
            "source": "Global Voices",
            "title": lines[0],
            "published": date,
            "lang": lang,
            "text": "\n\n".join(lines[1:]),
            "topic": topic,
            "license": "CC BY 3.0",
            "attribution": "Global Voices (globalvoices.org), via the ML-Crisis collection (CL-TLS)",
        })
    rows.sort(key=lambda r: (r["published"], r["id"]))
    with open(out_dir / f"{lang}.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{lang}: {len(rows)} articles")
