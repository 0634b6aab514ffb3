// Checks npq's route map pages in the formats a web team publishes, with outside tools:
//
//   svg     well-formed (xmllint), rendered by rsvg-convert and by Chromium; in Chromium no text
//           under 12 px at the picture's natural width, no two text boxes overlapping (getBBox),
//           every text inside the picture; <title>, <desc>, real <text>, no script;
//   html    --standalone in Chromium: axe-core reports no violation; every table has a caption
//           and scoped headers; the only script is the schema.org block; the fragment (-f html)
//           has no script at all;
//   jsonld  type-checked against schema.org (schema-dts) by TypeScript as WithContext<Course>, and
//           Google's required Course properties present, or named by npq as not published.
//
//   node check_pages.mjs --npq NPQ --root SOURCE_DIR [--only svg|html|jsonld] [--shots DIR]
//   node check_pages.mjs --svg FILE.svg       (one picture: the self-test's bad pictures)
//   node check_pages.mjs --jsonld FILE.jsonld (one document: the self-test's bad data)
//   --expect-fail: succeed only if the check finds a problem (proves it can fail)
//
// Pages: every programmes/*.yaml (a suite gets HTML only), the hostile and consistent examples,
// and those of the slots before and after the periods and of inferred values, written with
// --allow-contradictions. --shots DIR saves a screenshot of each page in
// each format (Markdown rendered by cmark-gfm) for a person to look at. Exit 0 ok, 1 failure,
// 77 a tool missing (a failure in CTest: scripts/install-deps.sh installs them all).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.NPQ_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;
const MIN_FONT_PX = 12;

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const npq = opt('--npq');
const root = opt('--root');
const only = opt('--only');
const shots = opt('--shots');
const single = opt('--svg');
const singleJson = opt('--jsonld');
const expectFail = args.includes('--expect-fail');

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
for (const tool of ['xmllint', 'rsvg-convert']) {
  if (!have(tool)) {
    console.log(`SKIPPED: ${tool} not found: run scripts/install-deps.sh`);
    process.exit(SKIP);
  }
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIPPED: ${CHROMIUM} not found (Debian package chromium): run scripts/install-deps.sh`);
  process.exit(SKIP);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('SKIPPED: playwright-core not installed: run scripts/install-deps.sh (npm ci in tests/pages)');
  process.exit(SKIP);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npq-pages-'));
const failures = [];
const fail = (where, what) => failures.push(`${where}: ${what}`);

// ---- the pages --------------------------------------------------------------------------------
function generate() {
  const inputs = fs.readdirSync(path.join(root, 'programmes')).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => `programmes/${f}`);
  inputs.push('examples/valid/hostile-text.yaml', 'examples/valid/consistent-programme.yaml',
    'examples/valid/before-after-slots.yaml', 'examples/valid/inferred-on-pages.yaml');
  const pages = [];
  for (const input of inputs) {
    const stem = path.basename(input, '.yaml');
    const suite = fs.readFileSync(path.join(root, input), 'utf8').includes('\nkind: suite');
    const run = (extra, out) => {
      const r = spawnSync(npq, ['routemap', input, '--allow-contradictions', ...extra], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) fail(input, `npq routemap ${extra.join(' ')} exited ${r.status}: ${r.stderr}`);
      fs.writeFileSync(out, r.stdout);
      return r;
    };
    const page = { input, stem, suite, files: {} };
    page.files.md = path.join(tmp, `${stem}.md`);
    run(['--mermaid'], page.files.md);
    page.files.html = path.join(tmp, `${stem}.html`);
    run(['-f', 'html', '--standalone'], page.files.html);
    page.files.fragment = path.join(tmp, `${stem}.fragment.html`);
    run(['-f', 'html'], page.files.fragment);
    if (!suite) {
      page.files.svg = path.join(tmp, `${stem}.svg`);
      run(['-f', 'svg'], page.files.svg);
      page.files.jsonld = path.join(tmp, `${stem}.jsonld`);
      page.missing = run(['-f', 'jsonld'], page.files.jsonld).stderr;
    }
    pages.push(page);
  }
  return pages;
}

// ---- SVG --------------------------------------------------------------------------------------
function svgTools(where, file) {
  const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (lint.status !== 0) fail(where, `xmllint: ${lint.stderr.trim()}`);
  const png = `${file}.rsvg.png`;
  const rsvg = spawnSync('rsvg-convert', [file, '-o', png], { encoding: 'utf8' });
  if (rsvg.status !== 0 || !fs.existsSync(png) || fs.statSync(png).size < 1000) {
    fail(where, `rsvg-convert could not render it: ${rsvg.stderr.trim()}`);
  }
  const text = fs.readFileSync(file, 'utf8');
  if (!/<title[ >]/.test(text) || !/<desc[ >]/.test(text)) fail(where, 'no <title> and <desc>');
  if (/<script|\son\w+=|javascript:|<foreignObject/i.test(text)) fail(where, 'script or foreign content');
}

async function svgInChromium(browser, where, file) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  const m = await page.evaluate(() => {
    const svg = document.documentElement;
    const width = svg.width.baseVal.value;
    const height = svg.height.baseVal.value;
    const texts = [...document.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize), x: b.x, y: b.y, w: b.width, h: b.height };
    });
    return { width, height, texts };
  });
  await page.close();
  if (m.texts.length === 0) fail(where, 'no <text>');
  let smallest = Infinity;
  for (const t of m.texts) {
    smallest = Math.min(smallest, t.size);
    if (t.size < MIN_FONT_PX) fail(where, `text under ${MIN_FONT_PX} px (${t.size} px): ${t.text}`);
    if (t.x < 0 || t.y < 0 || t.x + t.w > m.width + 0.5 || t.y + t.h > m.height + 0.5) {
      fail(where, `text outside the picture: ${t.text}`);
    }
  }
  let overlaps = 0;
  for (let i = 0; i < m.texts.length; i++) {
    for (let j = i + 1; j < m.texts.length; j++) {
      const a = m.texts[i];
      const b = m.texts[j];
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 0.5 && oy > 0.5) {
        overlaps++;
        fail(where, `text boxes overlap: ${JSON.stringify(a.text)} and ${JSON.stringify(b.text)}`);
      }
    }
  }
  return { texts: m.texts.length, smallest, overlaps, width: m.width, height: m.height };
}

// ---- HTML -------------------------------------------------------------------------------------
async function htmlInChromium(browser, where, file, fragment) {
  const frag = fs.readFileSync(fragment, 'utf8');
  if (/<script/i.test(frag)) fail(where, 'the fragment holds a script');
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.addScriptTag({ path: path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js') });
  const r = await page.evaluate(async () => {
    const scripts = [...document.querySelectorAll('script')]
      .filter((s) => s.type !== 'application/ld+json' && !s.src.includes('axe') && s.textContent.indexOf('axe') < 0);
    const tables = [...document.querySelectorAll('table')].map((t) => ({
      caption: !!t.querySelector('caption') && t.querySelector('caption').textContent.trim() !== '',
      unscoped: [...t.querySelectorAll('th')].filter((th) => !th.getAttribute('scope')).length,
      emptyHeader: [...t.querySelectorAll('thead th')].filter((th) => th.textContent.trim() === '').length,
      emptyColumns: [...t.querySelectorAll('thead th')].map((_, c) => [...t.querySelectorAll('tbody tr')]
        .every((tr) => !tr.children[c] || tr.children[c].textContent.trim() === '')).filter(Boolean).length,
    }));
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return {
      scripts: scripts.length,
      tables,
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    };
  });
  await page.close();
  // axe's own script tag is the only other one allowed here (added by this test).
  if (r.scripts > 1) fail(where, `${r.scripts - 1} script(s) besides the schema.org block`);
  r.tables.forEach((t, i) => {
    if (!t.caption) fail(where, `table ${i + 1} has no caption`);
    if (t.unscoped) fail(where, `table ${i + 1} has ${t.unscoped} header cell(s) without scope`);
    if (t.emptyHeader) fail(where, `table ${i + 1} has an empty column header`);
    if (t.emptyColumns) fail(where, `table ${i + 1} has ${t.emptyColumns} empty column(s)`);
  });
  for (const v of r.violations) fail(where, `axe: ${v}`);
  return { violations: r.violations.length, tables: r.tables.length };
}

// ---- JSON-LD ----------------------------------------------------------------------------------
const GOOGLE = [
  ['name', (d) => d.name],
  ['description', (d) => d.description],
  ['provider', (d) => d.provider && d.provider.name],
  ['offers', (d) => Array.isArray(d.offers) && d.offers.length && d.offers.every((o) => o.category)],
  ['hasCourseInstance.courseMode', (d) => (d.hasCourseInstance || []).every((i) => i.courseMode)],
  ['hasCourseInstance.courseWorkload', (d) => (d.hasCourseInstance || []).every((i) => i.courseWorkload || i.courseSchedule)],
];

function jsonld(pages) {
  const dir = path.join(tmp, 'ts');
  fs.mkdirSync(dir);
  const files = [];
  for (const p of pages.filter((x) => x.files.jsonld)) {
    const text = fs.readFileSync(p.files.jsonld, 'utf8');
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      fail(p.input, `JSON-LD is not JSON: ${e}`);
      continue;
    }
    if (doc['@context'] !== 'https://schema.org' || doc['@type'] !== 'Course') fail(p.input, 'not a schema.org Course');
    if (!Array.isArray(doc.hasCourseInstance) || !doc.hasCourseInstance.length) fail(p.input, 'no hasCourseInstance');
    for (const [name, present] of GOOGLE) {
      if (!present(doc) && !p.missing.includes(`'${name}'`)) {
        fail(p.input, `Google's required ${name} is missing and npq did not say why`);
      }
      if (present(doc) && p.missing.includes(`'${name}'`)) fail(p.input, `npq says ${name} is missing, but it is there`);
    }
    // The same data is in the standalone HTML page.
    const html = fs.readFileSync(p.files.html, 'utf8');
    const block = /<script type="application\/ld\+json">\n([\s\S]*?)<\/script>/.exec(html);
    if (!block || JSON.stringify(JSON.parse(block[1])) !== JSON.stringify(doc)) {
      fail(p.input, 'the HTML page does not carry the same JSON-LD');
    }
    const ts = path.join(dir, `${p.stem}.ts`);
    fs.writeFileSync(ts, `import type { Course, WithContext } from "schema-dts";\n` +
      `export const course: WithContext<Course> = ${text.trim()};\n`);
    files.push(ts);
  }
  typecheck(files);
  return files.length;
}

function typecheck(files) {
  const tsc = path.join(HERE, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2020',
    '--module', 'es2020', '--moduleResolution', 'node',
    '--baseUrl', path.join(HERE, 'node_modules'), ...files], { encoding: 'utf8', cwd: HERE });
  if (r.status !== 0) fail('jsonld', `TypeScript (schema-dts): ${r.stdout}${r.stderr}`);
}

// ---- screenshots ------------------------------------------------------------------------------
async function screenshots(browser, pages) {
  fs.mkdirSync(shots, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  for (const p of pages) {
    const mdHtml = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '--unsafe', p.files.md], { encoding: 'utf8' });
    const gh = path.join(tmp, `${p.stem}.github.html`);
    // The Mermaid picture as GitHub draws it, when tests/mermaid has Mermaid installed.
    const mermaidJs = path.join(HERE, '..', 'mermaid', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
    const drawMermaid = fs.existsSync(mermaidJs)
      ? `<script src="${pathToFileURL(mermaidJs).href}"></script><script>for (const pre of document.querySelectorAll('code.language-mermaid')) { const d = document.createElement('div'); d.className = 'mermaid'; d.textContent = pre.textContent; pre.parentElement.replaceWith(d); } mermaid.initialize({ startOnLoad: false }); mermaid.run();</script>`
      : '';
    fs.writeFileSync(gh, `<!DOCTYPE html><meta charset="utf-8"><style>body{font-family:sans-serif;max-width:62rem;margin:1rem auto;line-height:1.5}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px}pre{background:#f6f8fa;padding:8px;overflow:auto}</style>${mdHtml}${drawMermaid}`);
    const views = [['markdown', gh], ['html', p.files.html]];
    if (p.files.svg) views.push(['svg', p.files.svg]);
    if (p.files.jsonld) {
      const j = path.join(tmp, `${p.stem}.jsonld.html`);
      fs.writeFileSync(j, `<!DOCTYPE html><meta charset="utf-8"><pre style="font-size:14px">${fs.readFileSync(p.files.jsonld, 'utf8').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`);
      views.push(['jsonld', j]);
    }
    for (const [format, file] of views) {
      await page.goto(pathToFileURL(file).href);
      await page.waitForTimeout(format === 'markdown' ? 1500 : 0); // Mermaid draws after load
      // Tiles a person can read at 100 %: 1100 × 1300 px each, top to bottom.
      const size = await page.evaluate(() => {
        const r = document.documentElement.getBoundingClientRect();
        return { w: Math.max(r.width, document.documentElement.scrollWidth), h: Math.max(r.height, document.documentElement.scrollHeight) };
      });
      const width = Math.max(1100, Math.ceil(size.w));
      await page.setViewportSize({ width, height: 1300 });
      for (let y = 0, n = 1; y < size.h; y += 1300, n++) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.screenshot({ path: path.join(shots, `${p.stem}.${format}.${n}.png`), timeout: 60000 });
      }
    }
  }
  await page.close();
}

// ---- run --------------------------------------------------------------------------------------
let browser;
let code = 1;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
  if (singleJson) {
    const ts = path.join(tmp, 'one.ts');
    fs.writeFileSync(ts, `import type { Course, WithContext } from "schema-dts";\n` +
      `export const course: WithContext<Course> = ${fs.readFileSync(singleJson, 'utf8').trim()};\n`);
    typecheck([ts]);
  } else if (single) {
    svgTools(single, single);
    const m = await svgInChromium(browser, single, path.resolve(single));
    console.log(`${single}: ${m.texts} texts, smallest ${m.smallest} px, ${m.overlaps} overlaps`);
  } else {
    const pages = generate();
    for (const p of pages) {
      const notes = [];
      if (p.files.svg && (!only || only === 'svg')) {
        svgTools(p.input, p.files.svg);
        const m = await svgInChromium(browser, p.input, p.files.svg);
        notes.push(`svg ${m.width}×${m.height}: ${m.texts} texts, smallest ${m.smallest} px, ${m.overlaps} overlaps`);
      }
      if (!only || only === 'html') {
        const h = await htmlInChromium(browser, p.input, p.files.html, p.files.fragment);
        notes.push(`html: ${h.tables} tables, ${h.violations} axe violations`);
      }
      console.log(`${p.input}: ${notes.join('; ')}`);
    }
    if (!only || only === 'jsonld') console.log(`jsonld: ${jsonld(pages)} documents type-checked as WithContext<Course>`);
    if (shots) await screenshots(browser, pages);
  }
  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(`check_pages: ${failures.length} problem(s)`);
  code = (failures.length > 0) !== expectFail ? 1 : 0;
} catch (e) {
  console.log(`FAIL: ${e.stack || e}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
