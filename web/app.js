// The dashboard's router: the hash names the page (#/, #/story/ID, #/entity/ID,
// #/article/ID[/BEGIN-END], #/watches[/ID]); each page renders into <main>.
import { replace, h } from './dom.js';
import { ApiError } from './api.js';
import { storiesPage } from './page-stories.js';
import { storyPage } from './page-story.js';
import { entityPage } from './page-entity.js';
import { articlePage } from './page-article.js';
import { watchesPage, watchPage } from './page-watches.js';

const main = document.getElementById('content');
const status = document.getElementById('status');

// What the pages share: where to render, how to say loading and errors (aria-live).
const view = {
  main,
  setTitle(text) {
    document.title = text ? `${text} · depeche` : 'depeche';
  },
  busy(text) {
    status.className = 'status busy';
    status.textContent = text;
  },
  done(text = '') {
    status.className = 'status';
    status.textContent = text;
  },
  fail(error) {
    status.className = 'status error';
    status.textContent = describe(error);
  },
};

export function describe(error) {
  if (error instanceof ApiError) {
    if (error.status === 404) return `Not found: ${error.message}`;
    return `The server answered ${error.status || 'nothing'} (${error.code}): ${error.message}`;
  }
  return `Something failed: ${error && error.message}`;
}

// "#/story/abc?x=1" -> {parts: ['story', 'abc'], params: URLSearchParams}.
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, params: new URLSearchParams(query || '') };
}

let generation = 0;
let firstRender = true;

async function render() {
  // The skip link's target is an element, not a route.
  if (location.hash === '#content') return;
  const { parts, params } = parseHash();
  const mine = ++generation;
  // A page whose answer comes after the reader moved on must not draw.
  view.current = () => mine === generation;
  const [page, id, extra] = parts;
  replace(main);
  view.done();
  // data-state and data-route tell a reader (and the end-to-end test) when the page is drawn.
  main.dataset.state = 'loading';
  main.dataset.route = location.hash;
  try {
    if (!page) await storiesPage(view, params);
    else if (page === 'story' && id) await storyPage(view, id, params);
    else if (page === 'entity' && id) await entityPage(view, id);
    else if (page === 'article' && id) await articlePage(view, id, extra);
    else if (page === 'watches' && id) await watchPage(view, id, params);
    else if (page === 'watches') await watchesPage(view);
    else {
      view.setTitle('Not found');
      replace(main, h('h1', null, 'No such page'),
        h('p', null, 'The address names no page of the dashboard.'));
    }
    if (view.current()) main.dataset.state = 'ready';
  } catch (error) {
    if (!view.current()) return;
    main.dataset.state = 'error';
    view.fail(error);
    if (!main.firstChild) replace(main, h('h1', null, 'Cannot show this page'), h('p', { class: 'error' }, describe(error)));
  }
  if (view.current() && !firstRender) {
    // After a move, focus goes to the new page so screen readers and keyboards start there;
    // on the first load it stays at the top of the document (the skip link comes first).
    const heading = main.querySelector('h1');
    if (heading && document.activeElement === document.body) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  firstRender = false;
}

window.addEventListener('hashchange', () => {
  window.scrollTo(0, 0);
  render();
});
document.getElementById('skip').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
render();
