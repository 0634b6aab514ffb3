// Renders Markdown files with markdown-it (VitePress's renderer; Docusaurus-style GFM tables) and
// prints {file: html} as JSON. html: true as VitePress sets it, so raw HTML in a page would show
// up as HTML (and fail the check) instead of being escaped out of sight.
//   node markdown_it.mjs FILE...
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true });
const out = {};
for (const file of process.argv.slice(2)) {
  out[file] = md.render(readFileSync(file, 'utf8'));
}
process.stdout.write(JSON.stringify(out));
