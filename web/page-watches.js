// #/watches : the watch queries (GET/POST /api/watches) and #/watches/ID : a watch's new
// matches (GET /api/watches/ID/matches?since=), /work/API_CONTRACT.md. On a server without the
// endpoints the page says so.
import { h, link, append, plural, snippet, dateText } from './dom.js';
import { api, enc, withParams } from './api.js';
import { storyItem } from './page-stories.js';

function unsupported(view, error) {
  // 404 from the route table, 405: the endpoint is missing (a server older than watches).
  view.done();
  return h('p', { class: 'notice', id: 'watches-unavailable' },
    `Watches are not available on this server (it answered ${error.status}: ${error.message}).`);
}

export async function watchesPage(view) {
  view.setTitle('Watches');
  view.busy('Loading the watches…');
  const list = h('div', { id: 'watch-list' });
  append(view.main, h('h1', null, 'Watches'),
    h('p', { class: 'lead' }, 'A watch is a saved search: its page lists the articles and stories ingested since a time that match it.'),
    h('section', { 'aria-labelledby': 'wlist-h', class: 'block' }, h('h2', { id: 'wlist-h' }, 'Saved watches'), list));
  let watches;
  try {
    ({ data: watches } = await api('/api/watches'));
  } catch (e) {
    if (!e.unsupported) throw e;
    append(list, unsupported(view, e));
    return;
  }
  if (!view.current()) return;
  append(list, watches.length ? h('ul', { class: 'plain watches' }, watches.map((w) => h('li', null,
    link(['watches', w.id], w.name || w.query),
    h('span', { class: 'meta' }, ' ', describeWatch(w)))))
    : h('p', { class: 'empty' }, 'No watch yet.'));
  append(view.main, addForm(view));
  view.done();
}

// The server's write token, as typed in the add form: kept in this tab's session storage (gone
// when the tab closes) so that removing a watch can send it too.
const TOKEN_KEY = 'depeche.token';
function savedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}
function saveToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage refused (private mode): the token is typed again next time
  }
}

function describeWatch(w) {
  return [w.name ? `“${w.query}”` : null, w.entity ? `entity ${w.entity}` : null,
    w.lang ? `in ${w.lang}` : null, `since ${w.created_at}`].filter(Boolean).join(' · ');
}

function addForm(view) {
  const field = (id, label, attrs, help) => h('div', { class: 'field' },
    h('label', { for: id }, label), h('input', { id, name: id, ...attrs }),
    help ? h('small', { id: `${id}-help` }, help) : '');
  const message = h('p', { class: 'form-message', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'watch-form', 'aria-labelledby': 'wadd-h' },
    h('h2', { id: 'wadd-h' }, 'Add a watch'),
    field('w-query', 'Search query', { required: true, type: 'text', 'aria-describedby': 'w-query-help' },
      'The syntax of the search: words, "a phrase", a OR b, NOT word, prefix*'),
    field('w-entity', 'Entity (optional)', { type: 'text' }),
    field('w-lang', 'Language (optional)', { type: 'text', size: 4, placeholder: 'fr' }),
    field('w-name', 'Name (optional)', { type: 'text' }),
    field('w-token', 'Token (when the server needs one; kept for this tab only)',
      { type: 'password', autocomplete: 'off', value: savedToken() }),
    h('button', { type: 'submit' }, 'Add the watch'), message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (name) => form.elements[name].value.trim();
    const body = { query: value('w-query') };
    for (const [key, name] of [['entity', 'w-entity'], ['lang', 'w-lang'], ['name', 'w-name']]) {
      if (value(name)) body[key] = value(name);
    }
    try {
      const { data } = await api('/api/watches', { method: 'POST', body, token: value('w-token') });
      saveToken(value('w-token'));
      location.hash = `#/watches/${enc(data.id)}`;
    } catch (err) {
      message.className = 'form-message error';
      message.textContent = `Not added: ${err.message}`;
    }
  });
  return form;
}

// `since` choices: the watch's creation, or the last day / week / month.
const SINCE = [['', 'since it was created'], ['1', 'the last 24 hours'], ['7', 'the last 7 days'], ['30', 'the last 30 days']];

export async function watchPage(view, id, params) {
  view.busy('Loading the watch…');
  const days = params.get('days') || '';
  const since = days ? new Date(Date.now() - Number(days) * 86400e3).toISOString().replace(/\.\d+Z$/, 'Z') : '';
  let m;
  try {
    ({ data: m } = await api(withParams(`/api/watches/${enc(id)}/matches`, { since })));
  } catch (e) {
    // A server without the endpoint says "no such endpoint"; a watch that is not there, not so.
    if (!(e.status === 405 || (e.status === 404 && /no such endpoint/.test(e.message)))) throw e;
    append(view.main, h('h1', null, 'Watch'), unsupported(view, e));
    return;
  }
  if (!view.current()) return;
  const w = m.watch;
  view.setTitle(w.name || w.query);
  const select = h('select', { id: 'since' }, SINCE.map(([value, text]) =>
    h('option', { value, selected: value === days }, text)));
  select.addEventListener('change', () => {
    location.hash = select.value ? `#/watches/${enc(id)}?days=${select.value}` : `#/watches/${enc(id)}`;
  });
  const remove = h('button', { type: 'button', class: 'secondary' }, 'Remove this watch');
  remove.addEventListener('click', async () => {
    try {
      await api(`/api/watches/${enc(id)}`, { method: 'DELETE', token: savedToken() });
      location.hash = '#/watches';
    } catch (err) {
      view.fail(err);
    }
  });
  append(view.main,
    h('p', { class: 'crumbs' }, link(['watches'], 'Watches'), ' / watch'),
    h('h1', null, w.name || w.query),
    h('p', { class: 'meta' }, describeWatch(w)),
    h('div', { class: 'field inline' }, h('label', { for: 'since' }, 'New matches in '), select),
    h('p', { class: 'meta' }, `Ingested since ${m.since}: ${plural(m.articles.length, 'article')}, ${plural(m.stories.length, 'story', 'stories')}.`),
    h('section', { 'aria-labelledby': 'wst-h', class: 'block' }, h('h2', { id: 'wst-h' }, 'Stories'),
      m.stories.length ? h('ol', { class: 'stories' }, m.stories.map((s) =>
        storyItem(s, ` · ${plural(s.matching_articles, 'matching article')}`)))
        : h('p', { class: 'empty' }, 'No new story.')),
    h('section', { 'aria-labelledby': 'war-h', class: 'block' }, h('h2', { id: 'war-h' }, 'Articles'),
      m.articles.length ? h('ol', { class: 'hits' }, m.articles.map((a) => h('li', null,
        h('h3', null, link(['article', a.id], a.title || '(untitled)')),
        h('p', { class: 'meta' }, [a.source, a.lang, dateText(a.published), a.ingested_at ? `ingested ${a.ingested_at}` : null].filter(Boolean).join(' · ')),
        h('p', { class: 'snippet' }, snippet(a.snippet || '')))))
        : h('p', { class: 'empty' }, 'No new article.')),
    remove);
  view.done();
}


