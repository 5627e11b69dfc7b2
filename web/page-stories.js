// #/ : the top stories, ranked (GET /api/stories), with the search box (stories?q=, entities?q=,
// search?q=), the sort and the date filter; "More" follows X-Next-Cursor.
import { h, link, append, dateText, plural, snippet } from './dom.js';
import { api, withParams } from './api.js';

const SORTS = [
  ['top', 'Top (last 7 days)'],
  ['activity', 'Latest activity'],
  ['size', 'Most articles'],
  ['sources', 'Most sources'],
  ['growth', 'Growing'],
];
const PAGE = 20;  // stories per request; #/?limit=N for another

export async function storiesPage(view, params) {
  const q = params.get('q') || '';
  const sort = params.get('sort') || 'top';
  const since = params.get('since') || '';
  const until = params.get('until') || '';
  const limit = Number(params.get('limit')) || PAGE;
  view.setTitle(q ? `Stories about ${q}` : 'Top stories');

  const form = searchForm({ q, sort, since, until });
  const list = h('ol', { class: 'stories', id: 'story-list' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More stories');
  const heading = h('h1', null, q ? `Stories matching “${q}”` : 'Top stories');
  const extras = h('div', { class: 'search-extras' });
  append(view.main, heading, form, h('section', { 'aria-labelledby': 'stories-h' },
    h('h2', { id: 'stories-h', class: 'visually-hidden' }, 'Stories'), list, more), extras);

  let cursor = '';
  async function load() {
    view.busy('Loading stories…');
    more.disabled = true;
    const { data, headers } = await api(withParams('/api/stories',
      { sort, since, until, q, limit, cursor }));
    if (!view.current()) return;
    for (const story of data) list.append(storyItem(story));
    if (!list.firstChild) {
      list.replaceWith(h('p', { class: 'empty', id: 'story-list' },
        q || since || until ? 'No story matches these filters.' : 'No stories yet: ingest articles first.'));
    }
    cursor = headers.get('X-Next-Cursor') || '';
    more.hidden = !cursor;
    more.disabled = false;
    view.done(`${plural(list.children.length, 'story', 'stories')} shown`);
  }
  more.addEventListener('click', () => load().catch((e) => view.fail(e)));
  try {
    await load();
  } catch (e) {
    // A server without stories?q= (or a bad filter): say so, and still show the articles.
    if (!q || !e.unsupported) throw e;
    list.replaceWith(h('p', { class: 'notice', id: 'story-list' },
      `Stories cannot be searched on this server (GET /api/stories?q= answered: ${e.message}).`));
    view.done();
  }
  if (q) await searchExtras(view, extras, q, { since, until });
}

function searchForm({ q, sort, since, until }) {
  const input = (id, label, attrs) => [
    h('label', { for: id }, label), h('input', { id, name: id, ...attrs }),
  ];
  const select = h('select', { id: 'sort', name: 'sort' },
    SORTS.map(([value, text]) => h('option', { value, selected: value === sort }, text)));
  const form = h('form', { class: 'filters', role: 'search' },
    h('div', { class: 'field grow' }, input('q', 'Search', { type: 'search', value: q, placeholder: 'words, "a phrase", a OR b' })),
    h('div', { class: 'field' }, h('label', { for: 'sort' }, 'Sort'), select),
    h('div', { class: 'field' }, input('since', 'Since', { type: 'date', value: since })),
    h('div', { class: 'field' }, input('until', 'Until', { type: 'date', value: until })),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const name of ['q', 'sort', 'since', 'until']) {
      const value = form.elements[name].value.trim();
      if (value && !(name === 'sort' && value === 'top')) p.set(name, value);
    }
    const s = p.toString();
    location.hash = s ? `#/?${s}` : '#/';
  });
  return form;
}

export function storyItem(story, extra) {
  const langs = (story.languages || []).join(', ');
  return h('li', { class: 'story-item' },
    h('h3', null, link(['story', story.id], story.title || '(untitled story)')),
    h('p', { class: 'meta' },
      plural(story.article_count, 'article'), ' · ',
      // Articles without a named source (files, the seeds) count for none.
      story.sources ? `${plural(story.sources, 'source')} · ` : '',
      langs ? `${langs} · ` : '',
      h('time', null, dateText(story.first_published)),
      story.last_published && story.last_published !== story.first_published
        ? [' – ', h('time', null, story.last_published)] : '',
      story.new_sources ? ` · ${plural(story.new_sources, 'new source')}` : '',
      extra || ''));
}

// With a search: the entities whose names match and the matching articles.
async function searchExtras(view, box, q, filters) {
  const ents = h('section', { 'aria-labelledby': 'ent-h' }, h('h2', { id: 'ent-h' }, 'People, places, organisations'));
  const arts = h('section', { 'aria-labelledby': 'art-h' }, h('h2', { id: 'art-h' }, 'Articles'));
  append(box, ents, arts);
  try {
    const { data } = await api(withParams('/api/entities', { q, limit: 12 }));
    if (!view.current()) return;
    append(ents, data.length
      ? h('ul', { class: 'chips' }, data.map((e) => h('li', null,
        link(['entity', e.id], e.name), h('span', { class: 'type' }, ` ${e.type}`))))
      : h('p', { class: 'empty' }, 'No entity has this name.'));
  } catch (e) {
    append(ents, h('p', { class: 'notice' }, e.unsupported
      ? 'This server cannot search entity names yet (GET /api/entities?q= is not available).'
      : `Entities could not be searched: ${e.message}`));
  }
  try {
    const { data } = await api(withParams('/api/search', { q, limit: 10, ...filters }));
    if (!view.current()) return;
    append(arts, data.length
      ? h('ol', { class: 'hits' }, data.map((a) => h('li', null,
        h('h3', null, link(['article', a.id], a.title || '(untitled)')),
        h('p', { class: 'meta' }, [a.source, a.lang, a.published].filter(Boolean).join(' · '),
          a.story_id ? [' · ', link(['story', a.story_id], 'its story')] : ''),
        h('p', { class: 'snippet' }, snippet(a.snippet || '')))))
      : h('p', { class: 'empty' }, 'No article matches.'));
  } catch (e) {
    append(arts, h('p', { class: 'notice' }, `Articles could not be searched: ${e.message}`));
  }
  view.done();
}

