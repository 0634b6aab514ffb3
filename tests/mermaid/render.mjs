#!/usr/bin/env node
// Render every ```mermaid block of some Markdown files with the real Mermaid in headless
// Debian Chromium, and fail on any block that does not parse or render.
//
// Usage: node render.mjs [--skip-missing] [--expect-text TEXT]... [--show-text] [--json OUT]
//                        [--timeout SECONDS] FILE_OR_DIR...
//
//   FILE_OR_DIR      Markdown files, or folders searched recursively for *.md (sorted)
//   --skip-missing   exit 77 (skipped) instead of 2 when no path exists or no *.md file is found,
//                    or no ```mermaid block is found
//   --expect-text T  require a rendered label whose text is exactly T (repeatable). A label is an
//                    SVG <text> element (its <tspan> lines joined by a space) or the innermost
//                    HTML element of a <foreignObject>; runs of whitespace count as one space
//   --show-text      print the text of every rendered label (to see what a reader sees)
//   --json OUT       also write every block's result (ok, error, unsafe, texts, xmlValid) to OUT
//   --timeout S      overall time limit in seconds (default 60)
//
// Each rendered SVG is also inserted into the page, and the check fails if it holds a
// <script>, <iframe>, <object> or <embed> element, an on* attribute or a javascript: URL,
// or if anything called alert(): user text must be shown as text, never run.
//
// Exit codes: 0 all blocks render, 1 a block failed (or the 60 s timeout hit),
// 2 usage error, 77 skipped (no /usr/bin/chromium, node_modules not installed, or with
// --skip-missing nothing to check).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.NPQ_CHROMIUM || '/usr/bin/chromium';
// NPQ_MERMAID_JS: try another Mermaid build (e.g. an older major) without touching the lock file.
const MERMAID_JS = process.env.NPQ_MERMAID_JS || path.join(HERE, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const SKIP = 77;

function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node render.mjs [--skip-missing] [--expect-text TEXT]... [--show-text] [--json OUT] [--timeout S] FILE_OR_DIR...');
  process.exit(2);
}

const opts = { skipMissing: false, showText: false, expectText: [], paths: [], json: null, timeout: 60 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--skip-missing') opts.skipMissing = true;
  else if (a === '--show-text') opts.showText = true;
  else if (a === '--json') {
    if (i + 1 >= argv.length) usage('--json needs a file name');
    opts.json = argv[++i];
  } else if (a === '--timeout') {
    opts.timeout = Number(argv[++i]);
    if (!(opts.timeout > 0)) usage('--timeout needs a positive number of seconds');
  }
  else if (a === '--expect-text') {
    if (i + 1 >= argv.length) usage('--expect-text needs a value');
    opts.expectText.push(argv[++i]);
  } else if (a.startsWith('--expect-text=')) opts.expectText.push(a.slice('--expect-text='.length));
  else if (a === '-h' || a === '--help') usage();
  else if (a === '--') opts.paths.push(...argv.slice(i + 1)), (i = argv.length);
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else opts.paths.push(a);
}
if (opts.paths.length === 0) usage('no FILE_OR_DIR given');

function skip(msg) {
  console.log(`SKIPPED: ${msg}`);
  process.exit(SKIP);
}

// ---- collect files and blocks --------------------------------------------------------------
function collect(paths) {
  const files = [];
  const missing = [];
  const walk = (dir) => {
    const found = [];
    const rec = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) rec(p);
        else if (e.name.endsWith('.md')) found.push(p);
      }
    };
    rec(dir);
    return found;
  };
  for (const p of paths) {
    let st;
    try { st = fs.statSync(p); } catch { missing.push(p); continue; }
    if (st.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return { files, missing };
}

// Fenced code blocks per CommonMark: up to 3 spaces of indent, ``` or ~~~ (3+), info string
// starting with "mermaid"; closed by the same character, at least as long, nothing after it.
function extractBlocks(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    if (fence[0] === '`' && info.includes('`')) continue; // not a fence
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) {
      let ln = lines[j];
      for (let k = 0; k < indent.length && ln.startsWith(' '); k++) ln = ln.slice(1);
      body.push(ln);
    }
    const lang = info.trim().split(/\s+/)[0];
    if (lang === 'mermaid') blocks.push({ file, index: blocks.length + 1, line: i + 1, source: body.join('\n') });
    i = j; // skip past the closing fence (or to the end: an unclosed fence runs to the end)
  }
  return blocks;
}

// ---- main ----------------------------------------------------------------------------------
if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} not found; install the Debian package chromium (apt-get install chromium)`);
if (!fs.existsSync(MERMAID_JS) || !fs.existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) {
  skip(`node_modules not installed in ${HERE}; run 'npm ci' there`);
}

const { files, missing } = collect(opts.paths);
if (missing.length || files.length === 0) {
  const what = missing.length ? `no such file or directory: ${missing.join(', ')}` : `no *.md files in ${opts.paths.join(', ')}`;
  if (opts.skipMissing) skip(what);
  console.error(`error: ${what}`);
  process.exit(2);
}
const blocks = files.flatMap(extractBlocks);
if (blocks.length === 0 && opts.skipMissing) skip(`no \`\`\`mermaid blocks in ${files.length} Markdown file(s)`);

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
let mermaidVersion = '?';
try {
  mermaidVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(MERMAID_JS), '..', 'package.json'), 'utf8')).version;
} catch { /* a custom NPQ_MERMAID_JS outside a package */ }

const started = Date.now();
// chromium.launch() refuses a --user-data-dir argument: Playwright itself passes a fresh
// temporary --user-data-dir (playwright_chromiumdev_profile-*) and deletes it on close.
let browser = null;
let exitCode = 1;

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), new Promise((res) => setTimeout(res, 5000))]);
  }
}

let timedOut = false;
const timer = setTimeout(async () => {
  timedOut = true;
  console.log(`FAIL: timed out after ${opts.timeout} s`);
  await cleanup();
  process.exit(1);
}, opts.timeout * 1000);

try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto('about:blank');
  await page.addScriptTag({ path: MERMAID_JS });
  const results = await page.evaluate(async (sources) => {
    window.__alerts = [];
    window.alert = window.confirm = window.prompt = (m) => { window.__alerts.push(String(m)); };
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const out = [];
    for (let i = 0; i < sources.length; i++) {
      const r = { ok: false, error: null, texts: [], unsafe: [], xmlValid: null };
      let holder = null;
      try {
        const { svg } = await mermaid.render('m' + i, sources[i]);
        if (typeof svg !== 'string' || !svg.includes('<svg')) throw new Error('mermaid.render returned no SVG');
        // Would the SVG also load as a standalone .svg file (XML: no HTML named entities)?
        r.xmlValid = !new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('parsererror');
        holder = document.createElement('div');
        holder.innerHTML = svg; // what a page embedding the SVG would do
        document.body.appendChild(holder);
        const root = holder.querySelector('svg');
        if (!root) throw new Error('mermaid.render returned no <svg> element');
        if (root.getAttribute('aria-roledescription') === 'error' || /Syntax error in text/.test(root.textContent)) {
          throw new Error('mermaid rendered its error diagram');
        }
        for (const el of root.querySelectorAll('*')) {
          const tag = el.localName.toLowerCase();
          if (['script', 'iframe', 'object', 'embed'].includes(tag)) r.unsafe.push(`<${tag}> element`);
          for (const at of el.attributes) {
            if (/^on/i.test(at.name)) r.unsafe.push(`${at.name}= attribute on <${tag}>`);
            if (/^\s*javascript:/i.test(at.value)) r.unsafe.push(`javascript: URL in ${at.name}= on <${tag}>`);
          }
        }
        // Label text as a reader sees it: each SVG <text> (its <tspan> lines joined by a space),
        // and each innermost HTML element of a <foreignObject> label; whitespace collapsed.
        const norm = (t) => t.replace(/\s+/g, ' ').trim();
        for (const el of root.querySelectorAll('text')) {
          const spans = [...el.querySelectorAll('tspan')].filter((s) => !s.querySelector('tspan'));
          const t = norm(spans.length ? spans.map((s) => s.textContent).join(' ') : el.textContent);
          if (t) r.texts.push(t);
        }
        for (const el of root.querySelectorAll('foreignObject div, foreignObject span, foreignObject p')) {
          if (el.querySelector('div, span, p')) continue;
          const t = norm(el.textContent);
          if (t) r.texts.push(t);
        }
        r.ok = true;
      } catch (e) {
        r.error = (e && (e.message || e.str)) ? String(e.message || e.str) : String(e);
        for (const id of ['d' + 'm' + i, 'm' + i, 'i' + 'm' + i]) document.getElementById(id)?.remove();
      } finally {
        holder?.remove(); // keep the page small: layout cost grows with every SVG left in it
      }
      out.push(r);
    }
    await new Promise((res) => setTimeout(res, 50)); // let any injected handler fire
    return { out, alerts: window.__alerts };
  }, blocks.map((b) => b.source));

  let failed = 0;
  const allTexts = [];
  blocks.forEach((b, i) => {
    const r = results.out[i];
    const where = `${b.file}: mermaid block ${b.index} (line ${b.line})`;
    if (!r.ok || r.unsafe.length) {
      failed++;
      console.log(`FAIL ${where}`);
      if (!r.ok) console.log(`  error: ${r.error.split('\n').join('\n         ')}`);
      for (const u of r.unsafe) console.log(`  unsafe: ${u}`);
      console.log('  block:');
      console.log(b.source.split('\n').map((l, k) => `  ${String(b.line + 1 + k).padStart(5)} | ${l}`).join('\n'));
    } else {
      console.log(`ok   ${where}`);
      allTexts.push(...r.texts);
    }
    if (opts.showText && r.ok) for (const t of r.texts) console.log(`  text: ${JSON.stringify(t)}`);
  });
  if (results.alerts.length) {
    failed++;
    console.log(`FAIL alert() was called ${results.alerts.length} time(s): ${JSON.stringify(results.alerts)}`);
  }
  if (pageErrors.length) console.log(`note: page errors: ${pageErrors.join(' | ')}`);

  let expectFailed = 0;
  for (const raw of opts.expectText) {
    const t = raw.replace(/\s+/g, ' ').trim();
    const n = allTexts.filter((x) => x === t).length;
    if (n === 0) {
      expectFailed++;
      console.log(`FAIL --expect-text ${JSON.stringify(t)}: no rendered text element has exactly this text`);
    } else console.log(`ok   --expect-text ${JSON.stringify(t)}: ${n} matching element(s)`);
  }
  if (opts.json) {
    fs.writeFileSync(opts.json, JSON.stringify(blocks.map((b, i) => ({ ...b, ...results.out[i] })), null, 1));
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`render.mjs: ${blocks.length} mermaid block(s) in ${files.length} file(s), ${failed} failed` +
    `${opts.expectText.length ? `, ${expectFailed} --expect-text failed` : ''} [mermaid ${mermaidVersion}, ${secs} s]`);
  exitCode = failed || expectFailed ? 1 : 0;
} catch (e) {
  if (!timedOut) console.log(`FAIL: ${e && e.stack ? e.stack : e}`);
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
