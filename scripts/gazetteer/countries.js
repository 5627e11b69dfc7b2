// Writes countries.tsv, country_names.tsv and organizations.tsv (see gen-gazetteers.sh).
//   node countries.js world-countries.json i18n-langs-dir iso_3166-1.json locale-dir out-dir
//        [freedict-dir]
'use strict';
const fs = require('fs');
const path = require('path');
const { readMo } = require('./mo.js');
const { readFreeDict } = require('./freedict.js');

const [wcPath, iicDir, isoJson, localeDir, outDir, freedictDir] = process.argv.slice(2);
const langs = ['fr', 'en', 'es', 'de', 'it'];
const wcLang = { fr: 'fra', es: 'spa', de: 'deu', it: 'ita' };
const countries = JSON.parse(fs.readFileSync(wcPath, 'utf8'));
const iso = JSON.parse(fs.readFileSync(isoJson, 'utf8'))['3166-1'];

const rows = new Set();
const unMember = new Map(countries.map((c) => [c.cca2, !!c.unMember]));
const add = (code, lang, kind, form) => {
  if (!form) return;
  form = form.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Codes ("RU"), one-letter forms and non-Latin scripts are not surface forms of news text.
  if (form.length < 3 || !/^[\p{Script=Latin}\p{M}\s.'’\-()&,]+$/u.test(form)) return;
  rows.add([code, lang, kind, form].join('\t'));
};
// French plural of a demonym: +s unless it already ends in s or x ("russe" -> "russes").
const plural = (lang, w) => (/[sx]$/.test(w) ? w : w + 's');

const codes = new Set(countries.map((c) => c.cca2));
const geo = [];
for (const c of countries) {
  geo.push([c.cca2, c.latlng[0], c.latlng[1], c.name.common].join('\t'));
  add(c.cca2, 'en', 'name', c.name.common);
  add(c.cca2, 'en', 'alt', c.name.official);
  for (const [lang, key] of Object.entries(wcLang)) {
    const t = c.translations && c.translations[key];
    if (t) { add(c.cca2, lang, 'name', t.common); add(c.cca2, lang, 'alt', t.official); }
  }
  for (const alt of c.altSpellings || []) add(c.cca2, '*', 'alt', alt);
  const dem = c.demonyms || {};
  for (const [lang, key] of [['en', 'eng'], ['fr', 'fra']]) {
    const d = dem[key];
    if (!d) continue;
    for (const g of ['m', 'f']) {
      if (!d[g]) continue;
      add(c.cca2, lang, 'demonym', d[g]);
      add(c.cca2, lang, 'demonym', plural(lang, d[g]));
      if (lang === 'fr' && g === 'm') {
        // world-countries gives one French form for both genders where they differ only by
        // the -e/-ne ending of the feminine; add the regular feminine forms of -ain/-ien/-ais.
        const m = d[g];
        let f = null;
        if (/ien$/.test(m)) f = m + 'ne';
        else if (/ec$/.test(m)) f = m + 'que';
        else if (/(ain|ais|ois|and|an)$/.test(m)) f = m + 'e';
        if (f) { add(c.cca2, lang, 'demonym', f); add(c.cca2, lang, 'demonym', f + 's'); }
      }
    }
  }
}
for (const lang of langs) {
  const long = new Intl.DisplayNames([lang], { type: 'region' });
  const short = new Intl.DisplayNames([lang], { type: 'region', style: 'short' });
  for (const code of codes) {
    try { add(code, lang, 'name', long.of(code)); add(code, lang, 'alt', short.of(code)); } catch (e) {}
  }
  const f = path.join(iicDir, lang + '.json');
  if (fs.existsSync(f)) {
    const names = JSON.parse(fs.readFileSync(f, 'utf8')).countries;
    for (const [code, v] of Object.entries(names)) {
      if (!codes.has(code)) continue;
      for (const n of Array.isArray(v) ? v : [v]) add(code, lang, 'alt', n);
    }
  }
  const mo = lang === 'en' ? null : readMo(path.join(localeDir, lang, 'LC_MESSAGES', 'iso_3166-1.mo'));
  for (const e of iso) {
    if (!codes.has(e.alpha_2)) continue;
    for (const key of ['name', 'common_name']) {
      if (!e[key]) continue;
      const n = mo ? mo.get(e[key]) : e[key];
      if (n && !n.includes(',')) add(e.alpha_2, lang, 'alt', n);
    }
  }
}
// English names of a country translated by the FreeDict English-X dictionaries, where the
// dictionary has the name as a headword with one sense ("Great Britain" -> "Grande-Bretagne",
// "Gran Bretaña", "Großbritannien", "Gran Bretagna"): the press's names no display-name source
// lists. A translation that is already another country's name is left out.
if (freedictDir) {
  const taken = new Map();  // folded form -> codes
  const fold = (f) => f.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const r of rows) {
    const [code, , kind, form] = r.split('\t');
    if (kind === 'demonym') continue;
    if (!taken.has(fold(form))) taken.set(fold(form), new Set());
    taken.get(fold(form)).add(code);
  }
  const english = new Map();  // code -> English forms
  for (const r of rows) {
    const [code, lang, kind, form] = r.split('\t');
    if ((lang === 'en' || lang === '*') && kind !== 'demonym') {
      if (!english.has(code)) english.set(code, new Set());
      english.get(code).add(form);
    }
  }
  for (const [lang, dict] of [['fr', 'fra'], ['es', 'spa'], ['de', 'deu'], ['it', 'ita']]) {
    const base = path.join(freedictDir, 'freedict-eng-' + dict);
    if (!fs.existsSync(base + '.index')) continue;
    const lookup = readFreeDict(base);
    const found = new Map();  // folded translation -> [code, form]
    for (const [code, forms] of english) {
      for (const form of forms) {
        // Names of two words or more: a one-word name is often a common word too ("Island",
        // Iceland's own name, is "île"; "Turkey" a bird).
        if (form.split(/[\s-]+/).length < 2) continue;
        for (const t of lookup(form) || []) {
          // A capitalised name, not another country's.
          if (!/^\p{Lu}/u.test(t)) continue;
          const owners = taken.get(fold(t));
          if (owners && !owners.has(code)) continue;
          if (!found.has(fold(t))) found.set(fold(t), []);
          found.get(fold(t)).push([code, t]);
        }
      }
    }
    // A translation two countries would share ("Congo") names neither.
    for (const list of found.values()) {
      if (new Set(list.map(([code]) => code)).size !== 1) continue;
      for (const [code, t] of list) add(code, lang, 'alt', t);
    }
  }
}
const orgRows = [];
for (const lang of langs) {
  const long = new Intl.DisplayNames([lang], { type: 'region' });
  for (const code of ['EU', 'UN']) orgRows.push([code, lang, long.of(code)].join('\t'));
}
// A demonym several countries share ("Américaine": US and MP; "Français": FR and TF) stays
// only with the UN member states among them, when there is one.
const demonymCodes = new Map();
for (const r of rows) {
  const [code, lang, kind, form] = r.split('\t');
  if (kind !== 'demonym') continue;
  // Compared folded (lowercase, no accents), as the engine looks them up, across languages:
  // French "Américans" (MP) is English "Americans" (US).
  const k = form.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (!demonymCodes.has(k)) demonymCodes.set(k, []);
  demonymCodes.get(k).push(r);
}
for (const [k, list] of demonymCodes) {
  const codes = list.map((r) => r.split('\t')[0]);
  if (new Set(codes).size < 2 || !codes.some((c) => unMember.get(c))) continue;
  for (const r of list) if (!unMember.get(r.split('\t')[0])) rows.delete(r);
}
// Continents and world regions (UN M.49 codes): ICU region display names.
const regionCodes = ['002', '009', '019', '142', '150', '419', '003', '005', '013', '029', '030',
                     '034', '035', '039', '143', '145', '151', '154', '155'];
const regionRows = [];
for (const lang of langs) {
  const long = new Intl.DisplayNames([lang], { type: 'region' });
  for (const code of regionCodes) regionRows.push([code, lang, long.of(code)].join('\t'));
}
const sortC = (a) => [...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
const head = '# Generated by scripts/gen-gazetteers.sh; see PROVENANCE.md. Do not edit.\n';
fs.writeFileSync(path.join(outDir, 'countries.tsv'),
                 head + '# code\tlatitude\tlongitude\tname_en\n' + sortC(geo).join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'country_names.tsv'),
                 head + '# code\tlang\tkind\tform\n' + sortC(rows).join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'regions.tsv'),
                 head + '# m49\tlang\tform\n' + sortC(new Set(regionRows)).join('\n') + '\n');
fs.writeFileSync(path.join(outDir, 'organizations.tsv'),
                 head + '# key\tlang\tform\n' + sortC(new Set(orgRows)).join('\n') + '\n');
