// #/story/ID : everything `depeche story --json` gives (GET /api/stories/ID): headlines, the
// summary with its sources, the timeline, figures, quotes by speaker, entities and the articles
// grouped by duplicate group.
import { h, link, append, dateText, plural } from './dom.js';
import { api, enc, withParams } from './api.js';

// A link to the passage a fact comes from: its article, the first span marked.
export function sourceLink(source, text) {
  const span = source.spans && source.spans[0];
  const parts = ['article', source.article_id];
  if (span) parts.push(`${span.begin}-${span.end}`);
  const label = text || [source.source, source.date].filter(Boolean).join(', ') || 'article';
  const a = link(parts, label, { class: 'source' });
  a.title = `Read it in article ${source.article_id}`;
  return a;
}

// "source, also: a, b" for a summary line or timeline entry.
function sources(line) {
  const out = [h('span', { class: 'via' }, 'Source: '), sourceLink(line.source)];
  if (line.also && line.also.length) {
    out.push(h('span', { class: 'via' }, ' · also: '));
    line.also.forEach((s, i) => out.push(i ? ', ' : '', sourceLink(s)));
  }
  return h('span', { class: 'sources' }, out);
}

// The first `n` items, the rest behind a <details> ("3 more figures"), so that a long story's
// page stays readable; details/summary opens with the keyboard too.
function firstOf(items, n, what) {
  if (items.length <= n) return items;
  return [items.slice(0, n), h('details', { class: 'more-items' },
    h('summary', null, `${items.length - n} more ${items.length - n === 1 ? what[0] : what[1]}`), items.slice(n))];
}

// The same for list items: a <ul class="figures"> of the first, the rest in a second list.
function listOf(items, n, what) {
  const first = h('ul', { class: 'figures' }, items.slice(0, n));
  if (items.length <= n) return first;
  return [first, h('details', { class: 'more-items' },
    h('summary', null, `${items.length - n} more ${items.length - n === 1 ? what[0] : what[1]}`), h('ul', { class: 'figures' }, items.slice(n)))];
}

function section(id, title, ...content) {
  return h('section', { 'aria-labelledby': id, class: 'block' }, h('h2', { id }, title), content);
}

export async function storyPage(view, id, params) {
  view.busy('Loading the story…');
  const since = params.get('since') || '';
  const { data: s } = await api(withParams(`/api/stories/${enc(id)}`, { since }));
  if (!view.current()) return;
  view.setTitle(s.title || 'Story');

  const headlines = (s.headlines && s.headlines.length) ? s.headlines
    : [{ lang: (s.languages || [])[0], title: s.title || '(untitled story)' }];
  const [first, ...others] = headlines;
  append(view.main,
    h('p', { class: 'crumbs' }, link([], 'Top stories'), ' / story'),
    h('h1', { lang: first.lang || null }, first.title),
    others.length ? h('ul', { class: 'headlines' }, others.map((x) =>
      h('li', { lang: x.lang }, h('span', { class: 'lang' }, x.lang), ' ', x.title))) : '',
    h('p', { class: 'meta' }, plural(s.article_count, 'article'), ' · ',
      s.sources ? `${plural(s.sources, 'source')} · ` : '', (s.languages || []).join(', '), ' · ',
      h('time', null, dateText(s.first_published)), ' – ', h('time', null, dateText(s.last_published)),
      s.since ? ` · what is new since ${s.since}` : ''));

  const summary = (s.summary || []).map((line) =>
    h('li', null, h('span', { class: 'line' }, line.text), ' ', sources(line)));
  append(view.main, section('summary-h', 'Summary',
    summary.length ? h('ul', { class: 'summary' }, summary) : h('p', { class: 'empty' }, 'No summary line.'),
    (s.language_summaries || []).map((ls) => h('div', { class: 'lang-summary', lang: ls.lang },
      h('h3', null, `In ${ls.lang}`),
      h('ul', { class: 'summary' }, ls.summary.map((line) =>
        h('li', null, h('span', { class: 'line' }, line.text), ' ', sources(line))))))));

  append(view.main, section('timeline-h', 'Timeline', timeline(s.timeline || [])));
  append(view.main, section('figures-h', 'Figures', figures(s.figures || [])));
  append(view.main, section('quotes-h', 'Quotes', quotes(s.quotes || [])));
  append(view.main, section('entities-h', 'Entities', entities(s.entities || [])));
  append(view.main, section('articles-h', 'Articles', articles(s.articles || [])));
  if (s.linked_story_id || (s.merged_from || []).length || s.split_from) {
    append(view.main, section('related-h', 'Related stories', h('ul', null,
      s.linked_story_id ? h('li', null, 'Continues: ', link(['story', s.linked_story_id], s.linked_story_id)) : '',
      s.split_from ? h('li', null, 'Split from: ', link(['story', s.split_from], s.split_from)) : '',
      (s.merged_from || []).map((m) => h('li', null, 'Merged from: ',
        typeof m === 'string' ? m : JSON.stringify(m))))));
  }
  view.done();
}

function timeline(entries) {
  if (!entries.length) return h('p', { class: 'empty' }, 'No dated event.');
  return h('ol', { class: 'timeline' }, entries.map((e) => h('li', { class: e.inferred ? 'inferred' : null },
    h('p', { class: 'when' },
      h('time', { datetime: /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : null }, e.date),
      e.expression ? h('span', { class: 'expr' }, ` “${e.expression}”`) : '',
      e.inferred ? h('span', { class: 'badge', title: 'The date is uncertain: read against an article date that was itself inferred' }, 'inferred') : '',
      e.article_count > 1 ? h('span', { class: 'count' }, ` ${plural(e.article_count, 'article')}`) : ''),
    h('p', null, h('span', { class: 'line' }, e.text), ' ', sources(e)))));
}

function figureValue(f) {
  const n = (x) => Number(x).toLocaleString('en', { maximumFractionDigits: 3 });
  const value = f.high !== null && f.high !== undefined ? `${n(f.value)}–${n(f.high)}` : n(f.value);
  const bound = { lower: 'at least ', upper: 'at most ', approximate: 'about ' }[f.bound] || '';
  return [bound, value, f.unit ? ` ${f.unit}` : ''].join('');
}

function figures(groups) {
  if (!groups.length) return h('p', { class: 'empty' }, 'No figure.');
  return firstOf(groups.map((g) => h('div', { class: 'group' },
    h('h3', null, g.object, g.entity_id ? [' (', link(['entity', g.entity_id], g.entity_name || g.entity_id), ')'] : '',
      h('span', { class: 'count' }, ` ${plural(g.article_count, 'article')}`)),
    listOf(g.figures.map((f) => h('li', null,
      h('strong', { class: 'figure' }, f.text), h('span', { class: 'value' }, ` (${figureValue(f)})`), ' — ',
      h('span', { class: 'line' }, f.sentence), ' ', sourceLink(f.source))), 2, ['figure', 'figures']))), 4, ['kind of figure', 'kinds of figures']);
}

function quotes(groups) {
  if (!groups.length) return h('p', { class: 'empty' }, 'No quotation.');
  return firstOf(groups.map((g) => h('div', { class: 'group' },
    h('h3', null, g.entity_id ? link(['entity', g.entity_id], g.speaker || 'unnamed')
      : (g.speaker || 'Speaker not found'),
    h('span', { class: 'count' }, ` ${plural(g.article_count, 'article')}`)),
    firstOf(g.quotes.map((q) => h('figure', { class: `quote ${q.kind}` },
      h('blockquote', null, q.kind === 'direct' ? `“${q.text}”` : q.text),
      h('figcaption', null, q.kind === 'direct' ? 'said' : 'reported', ' · ',
        (q.sources || []).map((src, i) => [i ? ', ' : '', sourceLink(src)])))), 2, ['quote', 'quotes']))), 5, ['speaker', 'speakers']);
}

function entities(list) {
  if (!list.length) return h('p', { class: 'empty' }, 'No entity.');
  const byType = new Map();
  for (const e of list) {
    if (!byType.has(e.type)) byType.set(e.type, []);
    byType.get(e.type).push(e);
  }
  const names = { person: 'People', org: 'Organisations', place: 'Places', misc: 'Other' };
  return h('div', { class: 'entity-types' }, [...byType].map(([type, es]) => h('div', null,
    h('h3', null, names[type] || type),
    h('ul', { class: 'chips' }, es.map((e) => h('li', null, link(['entity', e.id], e.name),
      h('span', { class: 'count', title: `${e.mention_count} mentions` }, ` ${e.article_count}`)))))));
}

function articles(list) {
  if (!list.length) return h('p', { class: 'empty' }, 'No article.');
  // Members of one duplicate group together, the group's original first.
  const groups = new Map();
  for (const a of list) {
    const key = a.group_id || a.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  return h('ol', { class: 'article-groups' }, [...groups.values()].map((members) => {
    members.sort((x, y) => (x.original_id ? 1 : 0) - (y.original_id ? 1 : 0));
    return h('li', { class: 'article-group' },
      members.length > 1 ? h('p', { class: 'group-label' }, `${members.length} versions of one text`) : '',
      h('ul', null, members.map((a) => h('li', { class: a.original_id ? 'copy' : null },
        link(['article', a.id], a.title || '(untitled)'),
        h('span', { class: 'meta' }, ' ', [a.source, a.lang, a.date || a.published,
          a.date_provenance === 'inferred' ? 'date inferred' : null,
          a.original_id ? (a.exact_copy ? 'exact copy' : `near copy (${Math.round((a.copy_similarity || 0) * 100)}%)`) : null]
          .filter(Boolean).join(' · '))))));
  }));
}


