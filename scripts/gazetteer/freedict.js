// Reads a FreeDict dictionary in dictd format (NAME.index + NAME.dict.dz, as Debian's
// dict-freedict-* packages install them): headword -> translations.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (s) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

// Returns lookup(headword) -> null, or the list of translations when the entry has exactly one
// sense (an entry with numbered senses, "1. Hollande 2. Pays-Bas", is ambiguous: null).
function readFreeDict(base) {
  const index = new Map();
  for (const line of fs.readFileSync(base + '.index', 'utf8').split('\n')) {
    const [word, offset, length] = line.split('\t');
    if (!length || word.startsWith('00database')) continue;
    if (!index.has(word)) index.set(word, []);
    index.get(word).push([b64(offset), b64(length)]);
  }
  // dictzip is gzip with extra fields: gunzip reads it whole.
  const data = zlib.gunzipSync(fs.readFileSync(base + '.dict.dz'));
  return (headword) => {
    const entries = index.get(headword.toLowerCase());
    if (!entries || entries.length !== 1) return null;
    const [offset, length] = entries[0];
    const lines = data.subarray(offset, offset + length).toString('utf8').split('\n').slice(1)
      .map((l) => l.trim()).filter((l) => l);
    if (lines.length !== 1 || /^\d+\./.test(lines[0])) return null;
    return lines[0].split(/\s*[,;]\s*/).map((t) => t.replace(/\u2010/g, '-')).filter((t) => t);
  };
}

module.exports = { readFreeDict };
