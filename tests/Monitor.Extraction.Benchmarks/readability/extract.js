// Readability.js on jsdom over a folder: node extract.js IN_DIR OUT_DIR
// Writes <name>.txt (article textContent) per *.html / *.html.gz page and prints the time spent, so that
// `monitor extract --in/--out` can be compared on the same pages and machine.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  console.error('usage: node extract.js IN_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const files = fs.readdirSync(inDir).filter((f) => /\.html(\.gz)?$/i.test(f)).sort();
// Stylesheet and script errors of the pages are not ours to report.
const quiet = new VirtualConsole();
const started = process.hrtime.bigint();
let bytes = 0;
let failed = 0;
for (const file of files) {
  let raw = fs.readFileSync(path.join(inDir, file));
  if (file.toLowerCase().endsWith('.gz')) raw = zlib.gunzipSync(raw);
  bytes += raw.length;
  let text = '';
  try {
    const dom = new JSDOM(raw, { url: 'https://example.org/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    failed++;
    console.error(`failed ${file}: ${e.message}`);
  }
  fs.writeFileSync(path.join(outDir, file.replace(/\.gz$/i, '').replace(/\.html$/i, '') + '.txt'), text);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(`${files.length} pages, ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(2)} s: ` +
  `${(files.length / seconds).toFixed(1)} pages/s, ${(bytes / 1048576 / seconds).toFixed(2)} MB/s (${failed} failed)`);
