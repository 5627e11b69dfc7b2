#!/usr/bin/env python3
"""Checks `depeche eval timex` against the official TempEval-3 scorer (issue 11, point 4).

For each corpus (French TimeBank, TempEval-3 TBAQ-cleaned without its testpipeline/ copy of a
TimeBank file) this script:
  1. reads the gold TimeML with its own parser (xml.etree, independent of the C++ reader) and
     writes it again in the TempEval-3 layout the official tool accepts (TimeML 1.2.1 header,
     DCT as t0, <TEXT> holding only TIMEX3 tags with tid, type, value): gold/<corpus>/;
  2. writes predictions made by perturbing that gold with a fixed seed (drop, widen or shrink
     or shift by one word, change the type, change the value, add spurious one- and two-word
     TIMEX3s): pred/<corpus>/ (flat, for the official tool) and pred-tree/<corpus>/ (the
     corpus's own sub-folders, for scoring against the original files);
  3. runs the official TE3-evaluation.py (Python 2.7, Java) on gold/ vs pred/ and
     `depeche eval timex --json` on the same folders, and again on the original corpus files
     vs pred-tree/ (which must give the same counts: this checks the C++ TimeML reader on the
     original markup);
  4. prints every measure from both scorers and the largest absolute difference; exits 1 when
     a difference reaches 0.005 (the issue's bound) or the two depeche runs disagree.

Spans move by whole whitespace-separated words, as a word-level tagger's do, so that the PTB
tokenizer of the official normaliser and depeche's tokenizer cut the same boundaries.

Usage: scripts/check_timex_scorer.py --depeche build/apps/depeche/depeche [--seed N]
       [--shared ../shared] [--out DIR] [--python2 'env PYENV_VERSION=2.7.18 python2']
Output files stay in --out (default: a fresh temporary folder, removed at the end).
"""
import argparse
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

TYPES = ["DATE", "TIME", "DURATION", "SET"]
BOUND = 0.005


def read_gold(path):
    """(docid, dct_value, text, [(start, end, type, value)]) with offsets in characters."""
    root = ET.parse(path).getroot()
    docid = (root.findtext("DOCID") or os.path.basename(path)[:-4]).strip()
    dct = ""
    dct_el = root.find("DCT")
    if dct_el is not None:
        t = dct_el.find("TIMEX3")
        if t is not None:
            dct = t.get("value", "")
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(path + ": no TEXT")
    parts, timexes = [], []
    pos = [0]

    def walk(el):
        if el.text:
            parts.append(el.text)
            pos[0] += len(el.text)
        for child in el:
            start = pos[0]
            walk(child)
            if child.tag == "TIMEX3":
                timexes.append((start, pos[0], child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)
                pos[0] += len(child.tail)

    walk(text_el)
    text = "".join(parts)
    timexes = [t for t in timexes if text[t[0]:t[1]].strip()]
    timexes.sort()
    return docid, dct, text, timexes


def write_te3(path, docid, dct, text, timexes):
    """TempEval-3 layout; timexes must be sorted and disjoint."""
    out = ['<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           ' xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n',
           "<DOCID>%s</DOCID>\n\n" % escape(docid),
           '<DCT><TIMEX3 tid="t0" type="DATE" value=%s temporalFunction="false" '
           'functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>\n\n' % (quoteattr(dct),
                                                                        escape(dct or "DCT")),
           "<TEXT>"]
    last = 0
    for i, (b, e, typ, val) in enumerate(timexes):
        out.append(escape(text[last:b]))
        out.append('<TIMEX3 tid="t%d" type=%s value=%s>%s</TIMEX3>' % (
            i + 1, quoteattr(typ), quoteattr(val), escape(text[b:e])))
        last = e
    out.append(escape(text[last:]))
    out.append("</TEXT>\n\n</TimeML>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def cut_words(text, system, rng):
    """--cut-words: moves a third of the span ends by 1-3 characters, inside words too."""
    out = []
    for (b, e, typ, val) in system:
        if rng.random() < 0.33:
            b = min(max(0, b + rng.choice([-3, -2, -1, 1, 2])), len(text))
            e = min(max(0, e + rng.choice([-2, -1, 1, 2, 3])), len(text))
        out.append((b, e, typ, val))
    return out


def perturb(text, gold, rng, cut=False):
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    starts = [w[0] for w in words]

    def next_word_end(pos):  # end of the first word starting at or after pos
        for b, e in words:
            if b >= pos:
                return e
        return None

    def prev_word_start(pos):  # start of the last word ending at or before pos
        best = None
        for b, e in words:
            if e <= pos:
                best = b
        return best

    def next_word_start(pos):
        for b in starts:
            if b > pos:
                return b
        return None

    system = []
    for (b, e, typ, val) in gold:
        r = rng.random()
        if r < 0.12:
            continue  # missed
        elif r < 0.20:  # widen by one word to the right
            ne = next_word_end(e + 1) if e < len(text) and not text[e].isspace() else next_word_end(e)
            if ne is not None:
                e = ne
        elif r < 0.26:  # widen by one word to the left
            pb = prev_word_start(b - 1 if b > 0 and not text[b - 1].isspace() else b)
            if pb is not None:
                b = pb
        elif r < 0.32:  # shrink: drop the last word of a multi-word span
            space = text.rfind(" ", b, e)
            if space > b and text[b:space].strip():
                e = len(text[:space].rstrip())
        elif r < 0.36:  # shift by one word to the right
            nb = next_word_start(b)
            ne = next_word_end(e + 1)
            if nb is not None and ne is not None and nb < ne:
                b, e = nb, ne
        elif r < 0.44:
            typ = rng.choice([t for t in TYPES if t != typ])
        elif r < 0.54:
            val = rng.choice([val + "X", "PRESENT_REF", "P1D", re.sub(r"\d", "9", val, count=1)])
            if val == gold[0][3] and len(gold) > 1:
                val = "XXXX"
        elif r < 0.58:  # both attributes wrong
            typ = rng.choice([t for t in TYPES if t != typ])
            val = "XXXX-XX"
        system.append((b, e, typ, val))
    # Spurious TIMEX3s on one or two words.
    for i in range(len(words)):
        if rng.random() < 0.008:
            j = min(i + rng.randint(0, 1), len(words) - 1)
            system.append((words[i][0], words[j][1], rng.choice(TYPES), "2000-01-01"))
    if cut:
        system = cut_words(text, system, rng)
    # Inline markup cannot overlap: keep the earliest-starting of overlapping spans.
    system.sort(key=lambda t: (t[0], -t[1]))
    kept = []
    for t in system:
        if t[1] <= t[0] or not text[t[0]:t[1]].strip():
            continue
        if kept and t[0] < kept[-1][1]:
            continue
        kept.append(t)
    return kept


def official_scores(tools_dir, python2, gold_dir, pred_dir):
    cmd = shlex.split(python2) + ["TE3-evaluation.py", gold_dir, pred_dir, "0.5"]
    out = subprocess.run(cmd, cwd=tools_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, errors="replace").stdout
    sec = out[out.find("TIMEX EXTRACTION RECALL PERFORMANCE"):]
    if not sec or "INVALID" in out[:out.find("TIMEX EXTRACTION")]:
        raise RuntimeError("official scorer failed:\n" + out[-3000:])

    def num(pattern):
        m = re.search(pattern, sec)
        if not m:
            raise RuntimeError("no %r in the official output:\n%s" % (pattern, sec[:2000]))
        return float(m.group(1))

    s = {
        "strict_recall": num(r"Strict Recall: ([\d.e-]+)"),
        "relaxed_recall": num(r"Relaxed Recall: ([\d.e-]+)"),
        "strict_precision": num(r"Strict Precision: ([\d.e-]+)"),
        "relaxed_precision": num(r"Relaxed Precision: ([\d.e-]+)"),
        "type_accuracy": num(r"matching type: \d+ , accuracy: ([\d.e-]+)"),
        "value_accuracy": num(r"matching value: \d+ , accuracy: ([\d.e-]+)"),
    }
    f1 = lambda p, r: 0.0 if p + r == 0 else 2 * p * r / (p + r)
    s["strict_f1"] = f1(s["strict_precision"], s["strict_recall"])
    s["relaxed_f1"] = f1(s["relaxed_precision"], s["relaxed_recall"])
    s["type_f1"] = s["type_accuracy"] * s["relaxed_f1"]
    s["value_f1"] = s["value_accuracy"] * s["relaxed_f1"]
    # The figures the tool prints (x100, 2 decimals) must agree with the ones derived here.
    m = re.search(r"=== Timex Performance ===\s*Strict Match\tF1\tP\tR\s*([\d.]+)", out)
    if m and abs(float(m.group(1)) / 100 - s["strict_f1"]) > 0.0001:
        raise RuntimeError("strict F1 derived differs from the printed one")
    counts = {
        "gold": int(num(r"total gold timex or total features in gold data: (\d+)")),
        "system": int(num(r"total gold timex or total features in system data: (\d+)")),
        "relaxed": int(num(r"matching timex: (\d+)")),
    }
    return s, counts


def depeche_json(depeche, gold, pred):
    out = subprocess.run([depeche, "eval", "timex", "--format", "timeml", "--data", gold,
                          "--predictions", pred, "--json"], stdout=subprocess.PIPE, text=True,
                         check=True).stdout
    return json.loads(out)


def depeche_scores(j):
    j = j["overall"]
    return {
        "strict_precision": j["strict"]["precision"], "strict_recall": j["strict"]["recall"],
        "strict_f1": j["strict"]["f1"], "relaxed_precision": j["relaxed"]["precision"],
        "relaxed_recall": j["relaxed"]["recall"], "relaxed_f1": j["relaxed"]["f1"],
        "type_accuracy": j["type"]["accuracy"], "type_f1": j["type"]["f1"],
        "value_accuracy": j["value"]["accuracy"], "value_f1": j["value"]["f1"],
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--depeche", required=True)
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out")
    ap.add_argument("--cut-words", action="store_true",
                    help="also move span ends inside words (outside the bound: the two "
                         "tokenizers may differ there)")
    ap.add_argument("--python2", default="env PYENV_VERSION=2.7.18 python2")
    args = ap.parse_args()
    depeche = os.path.abspath(args.depeche)
    data = os.path.join(args.shared, "data")
    tools = os.path.join(data, "tempeval3/data/TempEval3/Tools/tools")
    tbaq = os.path.join(data, "tempeval3/data/TempEval3/Training/TBAQ-cleaned")
    corpora = {
        "fr-timebank": (os.path.join(data, "fr-timebank/Data"), [""]),
        "tbaq": (tbaq, ["TimeBank", "AQUAINT"]),
    }
    out = args.out or tempfile.mkdtemp(prefix="timex_check_")
    worst = 0.0
    failed = False
    for name, (root, subdirs) in corpora.items():
        rng = random.Random("%s-%d" % (name, args.seed))
        gdir, pdir = os.path.join(out, "gold", name), os.path.join(out, "pred", name)
        tdir = os.path.join(out, "pred-tree", name)
        for d in (gdir, pdir):
            os.makedirs(d, exist_ok=True)
        ndocs = 0
        for sub in subdirs:
            os.makedirs(os.path.join(tdir, sub), exist_ok=True)
            folder = os.path.join(root, sub)
            for fn in sorted(os.listdir(folder)):
                if not fn.endswith(".tml"):
                    continue
                docid, dct, text, gold = read_gold(os.path.join(folder, fn))
                system = perturb(text, gold, rng, args.cut_words)
                write_te3(os.path.join(gdir, fn), docid, dct, text, gold)
                write_te3(os.path.join(pdir, fn), docid, dct, text, system)
                shutil.copy(os.path.join(pdir, fn), os.path.join(tdir, sub, fn))
                ndocs += 1
        official, ocounts = official_scores(tools, args.python2, os.path.abspath(gdir),
                                            os.path.abspath(pdir))
        j = depeche_json(depeche, gdir, pdir)
        mine = depeche_scores(j)
        # The original files against the same predictions: same counts expected.
        orig = {"gold": 0, "system": 0, "strict": 0, "relaxed": 0, "type_match": 0,
                "value_match": 0}
        for sub in subdirs:
            jo = depeche_json(depeche, os.path.join(root, sub), os.path.join(tdir, sub))
            for k in orig:
                orig[k] += jo["overall"]["counts"][k]
        same_reader = orig == j["overall"]["counts"]
        failed |= not same_reader
        print("== %s: %d documents; gold %d / system %d TIMEX3 (official: %d / %d, %d relaxed "
              "matches; depeche: %d relaxed); depeche on the original files: %s" % (
                  name, ndocs, j["overall"]["counts"]["gold"], j["overall"]["counts"]["system"], ocounts["gold"],
                  ocounts["system"], ocounts["relaxed"], j["overall"]["counts"]["relaxed"],
                  "same counts" if same_reader else "DIFFERENT counts %s" % orig))
        print("%-18s %9s %9s %9s" % ("measure", "official", "depeche", "|diff|"))
        for k in mine:
            diff = abs(official[k] - mine[k])
            worst = max(worst, diff)
            failed |= diff >= BOUND
            print("%-18s %9.4f %9.4f %9.6f" % (k, official[k], mine[k], diff))
    print("largest difference: %.6f (bound %.3f)" % (worst, BOUND))
    if not args.out:
        shutil.rmtree(out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
