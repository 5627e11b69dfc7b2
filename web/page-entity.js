// #/entity/ID : one entity (GET /api/entities/ID, `depeche entity --json`): its name, type and
// aliases, its stories and articles, and what it said (the quotes its stories attribute to it).
import { h, link, append, plural, dateText } from './dom.js';
import { api, enc } from './api.js';
import { sourceLink } from './page-story.js';

const TYPES = { person: 'Person', org: 'Organisation', place: 'Place', misc: 'Other' };

export async function entityPage(view, id) {
  view.busy('Loading the entity…');
  const { data: e } = await api(`/api/entities/${enc(id)}`);
  if (!view.current()) return;
  view.setTitle(e.name);
  const where = [e.country_code, e.gazetteer_ref].filter(Boolean).join(' · ');
  append(view.main,
    h('p', { class: 'crumbs' }, link([], 'Top stories'), ' / entity'),
    h('h1', null, e.name),
    h('p', { class: 'meta' }, TYPES[e.type] || e.type, ' · ', plural(e.article_count, 'article'), ' · ',
      plural(e.mention_count, 'mention'), where ? ` · ${where}` : ''),
    h('section', { 'aria-labelledby': 'aliases-h', class: 'block' }, h('h2', { id: 'aliases-h' }, 'Also written'),
      (e.aliases || []).length ? h('ul', { class: 'aliases chips' }, e.aliases.map((a) =>
        h('li', null, a.name, h('span', { class: 'count' }, ` ${plural(a.article_count, 'article')}`))))
        : h('p', { class: 'empty' }, 'No other name.')),
    h('section', { 'aria-labelledby': 'estories-h', class: 'block' },
      h('h2', { id: 'estories-h' }, `Stories (${e.story_count ?? (e.stories || []).length})`),
      (e.stories || []).length ? h('ul', { class: 'plain' }, e.stories.map((s) => h('li', null,
        link(['story', s.id], s.title || '(untitled story)'),
        h('span', { class: 'meta' }, ` · named in ${s.entity_article_count} of ${plural(s.article_count, 'article')} · ${dateText(s.last_published)}`))))
        : h('p', { class: 'empty' }, 'In no story.')));
  const quotes = h('section', { 'aria-labelledby': 'equotes-h', class: 'block' },
    h('h2', { id: 'equotes-h' }, 'Quotes'));
  append(view.main, quotes,
    h('section', { 'aria-labelledby': 'earts-h', class: 'block' }, h('h2', { id: 'earts-h' }, 'Articles'),
      (e.articles || []).length ? h('ul', { class: 'plain' }, e.articles.map((a) => h('li', null,
        link(['article', a.id], a.title || '(untitled)'),
        h('span', { class: 'meta' }, ' ', [a.source, a.lang, a.published, plural(a.mention_count, 'mention')].filter(Boolean).join(' · ')))))
        : h('p', { class: 'empty' }, 'In no article.')));
  await entityQuotes(view, quotes, e);
  view.done();
}

// The entity document has no quotes of its own: they come from its stories' documents (the
// first five stories), the groups whose speaker is this entity.
async function entityQuotes(view, box, e) {
  if (Array.isArray(e.quotes)) {
    append(box, quoteGroups(e.quotes));
    return;
  }
  const found = [];
  try {
    const stories = await Promise.all((e.stories || []).slice(0, 5).map((s) =>
      api(`/api/stories/${enc(s.id)}`).then((r) => r.data)));
    if (!view.current()) return;
    for (const s of stories) {
      for (const g of s.quotes || []) {
        if (g.entity_id === e.id) for (const q of g.quotes) found.push({ ...q, story: s });
      }
    }
  } catch (err) {
    append(box, h('p', { class: 'notice' }, `Quotes could not be read: ${err.message}`));
    return;
  }
  append(box, found.length ? quoteGroups(found) : h('p', { class: 'empty' }, 'No quotation attributed.'));
}

// The first six quotes, the others behind a <details>.
function quoteGroups(list) {
  const figures = list.map((q) => h('figure', { class: `quote ${q.kind}` },
    h('blockquote', null, q.kind === 'direct' ? `“${q.text}”` : q.text),
    h('figcaption', null, q.kind === 'direct' ? 'said' : 'reported',
      q.story ? [' in ', link(['story', q.story.id], q.story.title || 'a story')] : '', ' · ',
      (q.sources || []).map((src, i) => [i ? ', ' : '', sourceLink(src)]))));
  if (figures.length <= 6) return figures;
  return [figures.slice(0, 6), h('details', { class: 'more-items' },
    h('summary', null, `${figures.length - 6} more ${figures.length === 7 ? 'quote' : 'quotes'}`), figures.slice(6))];
}
