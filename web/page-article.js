// #/article/ID[/BEGIN-END] : one article (GET /api/articles/ID, `depeche show --json`): its
// metadata, and its text with boilerplate muted and entities, quotes, figures and temporal
// expressions marked; BEGIN-END (code points) marks the passage a story line came from.
import { h, link, append, externalLink, plural } from './dom.js';
import { api, enc } from './api.js';
import { highlight } from './highlight.js';

const KINDS = [
  ['ent', 'Entity'],
  ['quote', 'Quotation'],
  ['fig', 'Figure'],
  ['time', 'Date or time'],
  ['bp', 'Boilerplate (left out of the analysis)'],
];

export function factMarks(a) {
  const marks = [];
  for (const b of a.boilerplate || []) {
    marks.push({ begin: b.begin, end: b.end, cls: 'bp', label: `boilerplate: ${b.reason}` });
  }
  for (const e of a.entities || []) {
    for (const m of e.mentions || []) {
      if (m.in_title) continue;
      marks.push({ begin: m.begin, end: m.end, cls: `ent ent-${e.type}`, label: `${e.type}: ${e.name}` });
    }
  }
  for (const q of a.quotes || []) {
    const who = q.speaker && (q.speaker.entity_name || q.speaker.text);
    for (const c of q.content || []) {
      marks.push({ begin: c.begin, end: c.end, cls: 'quote', label: `${q.kind} quote${who ? ` of ${who}` : ''}` });
    }
  }
  for (const f of a.figures || []) {
    marks.push({ begin: f.begin, end: f.end, cls: 'fig', label: `figure: ${f.value}${f.unit ? ' ' + f.unit : ''}` });
  }
  for (const t of a.timexes || []) {
    marks.push({ begin: t.begin, end: t.end, cls: 'time', label: `${t.type} ${t.value}` });
  }
  return marks;
}

export async function articlePage(view, id, passage) {
  view.busy('Loading the article…');
  const { data: a } = await api(`/api/articles/${enc(id)}`);
  if (!view.current()) return;
  view.setTitle(a.title || 'Article');

  const marks = factMarks(a);
  const m = /^(\d+)-(\d+)$/.exec(passage || '');
  if (m) marks.push({ begin: Number(m[1]), end: Number(m[2]), cls: 'passage', label: 'the passage cited', id: 'passage' });

  const date = a.date || {};
  const rows = [
    ['Source', a.source || 'unknown'],
    ['Date', [date.iso || 'undated', date.provenance && date.provenance !== 'stated' ? `(${date.provenance})` : ''].join(' ')],
    ['Published', a.published || 'not stated'],
    ['Language', `${a.lang}${a.lang_confidence !== undefined ? ` (${Math.round(a.lang_confidence * 100)}%)` : ''}`],
    ['URL', a.url ? externalLink(a.url) : 'none'],
    ['File', a.path ? `${a.path}${a.line ? `:${a.line}` : ''}` : 'none'],
  ];
  const counts = {
    ent: (a.entities || []).reduce((n, e) => n + (e.mentions || []).filter((x) => !x.in_title).length, 0),
    quote: (a.quotes || []).length,
    fig: (a.figures || []).length,
    time: (a.timexes || []).length,
    bp: (a.boilerplate || []).length,
  };
  append(view.main,
    h('p', { class: 'crumbs' }, link([], 'Top stories'), ' / ', link(['story', a.id], 'its story'), ' / article'),
    h('h1', { lang: a.lang }, a.title || '(untitled article)'),
    h('dl', { class: 'facts-table' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    (a.warnings || []).length ? h('ul', { class: 'warnings' }, a.warnings.map((w) => h('li', null, w))) : '',
    h('section', { 'aria-labelledby': 'text-h', class: 'block' },
      h('h2', { id: 'text-h' }, 'Text'),
      h('ul', { class: 'legend', 'aria-label': 'What is marked' }, KINDS.map(([cls, name]) =>
        h('li', null, h('span', { class: cls }, name), ` ${counts[cls]}`))),
      h('div', { class: 'article-text', lang: a.lang }, highlight(a.text || '', marks))),
    entityList(a.entities || []),
    quoteList(a));
  const target = document.getElementById('passage');
  if (target) target.scrollIntoView({ block: 'center' });
  view.done();
}

function entityList(entities) {
  return h('section', { 'aria-labelledby': 'aents-h', class: 'block' },
    h('h2', { id: 'aents-h' }, 'Entities'),
    entities.length ? h('ul', { class: 'chips' }, entities.map((e) => h('li', null,
      link(['entity', e.id], e.name), h('span', { class: 'type' }, ` ${e.type} · ${plural(e.mentions.length, 'mention')}`))))
      : h('p', { class: 'empty' }, 'No entity.'));
}

function quoteList(a) {
  const qs = a.quotes || [];
  return h('section', { 'aria-labelledby': 'aquotes-h', class: 'block' },
    h('h2', { id: 'aquotes-h' }, 'Quotations'),
    qs.length ? qs.map((q) => h('figure', { class: `quote ${q.kind}` },
      h('blockquote', null, q.kind === 'direct' ? `“${q.text}”` : q.text),
      h('figcaption', null, speaker(q.speaker), ` · ${q.kind}`)))
      : h('p', { class: 'empty' }, 'No quotation.'));
}

function speaker(s) {
  if (!s || s.kind === 'none') return 'speaker not found';
  if (s.entity_id) return link(['entity', s.entity_id], s.entity_name || s.text || s.entity_id);
  return s.text || 'unnamed';
}
