// DOM helpers: every text from the store goes in with textContent (createTextNode), never as
// markup; links inside the dashboard are built from ids; links out only for http(s) URLs.

// h('p', {class: 'x'}, 'text', child, [more]) -> <p class="x">text…</p>. Attributes are set with
// setAttribute; event-handler attributes and href are refused here (use link / externalLink).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'href' || lower === 'src' || lower === 'style') {
      throw new Error(`h(): attribute ${name} is not allowed`);
    }
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// The hash route of a page: route('story', id) -> "#/story/<id>", each part percent-encoded.
export function route(...parts) {
  return '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
}

// A link to a page of the dashboard.
export function link(parts, text, attrs) {
  const a = h('a', attrs, text);
  a.href = Array.isArray(parts) ? route(...parts) : parts;
  return a;
}

// Whether a URL from the data may become a link: absolute http or https only.
export function isWebUrl(value) {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// A link out for an http(s) URL, plain text for anything else (javascript:, data:, a path).
export function externalLink(url, text) {
  if (!isWebUrl(url)) return h('span', { class: 'url' }, text ?? url ?? '');
  const a = h('a', { rel: 'noopener noreferrer nofollow', target: '_blank', class: 'url' },
    text ?? url);
  a.href = new URL(url).href;
  return a;
}

// Replaces the content of `el`.
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// "2022-01-18" / null -> readable text.
export function dateText(value) {
  return value || 'undated';
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many || one + 's'}`;
}

// A snippet whose matches are between [ and ] (search.json) as text with <mark>s.
export function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(h('mark', null, m[1]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
