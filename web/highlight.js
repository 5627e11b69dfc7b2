// The article's text with its facts marked. The API's offsets count characters (Unicode code
// points, docs/json-schema/show.json); JavaScript strings count UTF-16 units, so each offset is
// mapped through the text's code points first. Facts may nest or overlap: the text is cut at
// every fact boundary, and each piece carries the classes of all the facts covering it, so no
// element has to close across another.
import { h } from './dom.js';

// utf16[i]: the UTF-16 index of code point i (utf16[count] = text.length).
export function codePointIndex(text) {
  const utf16 = [0];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    utf16.push(at);
  }
  return utf16;
}

// marks: [{begin, end (code points), cls, label}] -> an array of text nodes and <span>s.
// Marks outside the text or empty are dropped (clamped at its end).
export function highlight(text, marks) {
  const utf16 = codePointIndex(text);
  const last = utf16.length - 1;
  const spans = [];
  for (const m of marks) {
    const b = Math.max(0, Math.min(last, m.begin | 0));
    const e = Math.max(0, Math.min(last, m.end | 0));
    if (e > b) spans.push({ ...m, b: utf16[b], e: utf16[e] });
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.b);
    cuts.add(s.e);
  }
  const points = [...cuts].sort((x, y) => x - y);
  spans.sort((x, y) => x.b - y.b);
  const out = [];
  const ids = new Set();
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; ++i) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((s) => s.e > from);
    while (next < spans.length && spans[next].b <= from) {
      if (spans[next].e > from) active.push(spans[next]);
      ++next;
    }
    const piece = text.slice(from, to);
    if (!active.length) {
      out.push(document.createTextNode(piece));
      continue;
    }
    const classes = new Set();
    const labels = [];
    for (const s of active) {
      for (const c of s.cls.split(' ')) classes.add(c);
      if (s.label && !labels.includes(s.label)) labels.push(s.label);
    }
    const el = h('span', { class: [...classes].join(' '), title: labels.join('\n') || null }, piece);
    // A mark's id (the cited passage) goes on its first piece only.
    for (const s of active) {
      if (s.id && !ids.has(s.id)) {
        ids.add(s.id);
        el.id = s.id;
      }
    }
    out.push(el);
  }
  return out;
}
