// Reads a GNU gettext .mo file into a Map msgid -> msgstr (msgctxt, when present, is dropped).
// Used by the gazetteer generators only.
'use strict';
const fs = require('fs');

function readMo(path) {
  const map = new Map();
  if (!fs.existsSync(path)) return map;
  const b = fs.readFileSync(path);
  let le = true;
  if (b.readUInt32LE(0) === 0x950412de) le = true;
  else if (b.readUInt32BE(0) === 0x950412de) le = false;
  else throw new Error(path + ': not a .mo file');
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), orig = u32(12), trans = u32(16);
  for (let i = 0; i < n; ++i) {
    const ol = u32(orig + 8 * i), oo = u32(orig + 8 * i + 4);
    const tl = u32(trans + 8 * i), to = u32(trans + 8 * i + 4);
    let id = b.toString('utf8', oo, oo + ol);
    const ctx = id.indexOf('\x04');
    if (ctx >= 0) id = id.slice(ctx + 1);
    const str = b.toString('utf8', to, to + tl).split('\x00')[0];
    if (id && str) map.set(id, str);
  }
  return map;
}

module.exports = { readMo };
