#!/usr/bin/env node
// Self-test of render.mjs and of the Mermaid text rule (mermaid_text.mjs), in the real Mermaid
// in headless Chromium:
//   1. every file in fixtures/ renders, and the hostile labels show exactly their original text;
//   2. every file in bad-fixtures/ fails, naming the right block;
//   3. the skip exit code (77) and --skip-missing behave as documented;
//   4. mermaidText() round-trips every probe string (probe.mjs) in every text position of a
//      gantt and a timeline chart: each chart renders and shows each label exactly.
// Exit 0 on success, 1 on failure, 77 when Chromium or node_modules is missing.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mermaidText, mermaidShown } from './mermaid_text.mjs';
import { PROBES } from './probe.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RENDER = path.join(HERE, 'render.mjs');
const HOSTILE = 'a: b; c # d <script>alert(1)</script> "q"';

// bad fixture -> text the failure output must contain
const BAD = {
  'broken-syntax.md': 'mermaid block 1 (line 3)',
  'good-then-bad.md': 'mermaid block 2 (line 9)',
  'raw-colon-in-timeline-section.md': 'mermaid block 1 (line 3)',
  'raw-hostile-task.md': 'mermaid block 1 (line 3)',
  'raw-keyword-task.md': 'mermaid block 1 (line 3)',
};

function render(args, env = {}) {
  const p = spawnSync(process.execPath, [RENDER, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { rc: p.status, out: (p.stdout || '') + (p.stderr || '') };
}

const passed = [];
const failed = [];
function expect(cond, what, out = '') {
  if (cond) {
    passed.push(what);
    console.log(`PASS ${what}`);
  } else {
    failed.push(what);
    console.log(`FAIL ${what}`);
    if (out) console.log('    ' + out.trimEnd().split('\n').slice(0, 40).join('\n    '));
  }
}

const fixtures = path.join(HERE, 'fixtures');
const badDir = path.join(HERE, 'bad-fixtures');

// 0. skip when the tools are missing (checked as render.mjs checks them, without a browser run)
{
  const chromium = process.env.NPQ_CHROMIUM || '/usr/bin/chromium';
  const mjs = process.env.NPQ_MERMAID_JS || path.join(HERE, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
  if (!fs.existsSync(chromium)) {
    console.log(`SKIPPED: ${chromium} not found; install the Debian package chromium`);
    process.exit(77);
  }
  if (!fs.existsSync(mjs) || !fs.existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) {
    console.log(`SKIPPED: node_modules not installed in ${HERE}; run 'npm ci' there`);
    process.exit(77);
  }
}

// 1. good fixtures (one browser run)
{
  const shown = [HOSTILE, 'Section 3: reading & reflection', 'click here', '2024-09-02 start', '50% done',
    '%%{init: {"theme":"forest"}}%%', 'Année 🙂', 'Module 1: Strategy', 'Final assessment (case study)'];
  const r = render([...shown.map((t) => `--expect-text=${t}`), fixtures]);
  expect(r.rc === 0 && /4 mermaid block\(s\) in 2 file\(s\), 0 failed/.test(r.out),
    'fixtures/ render, and every hostile label shows exactly its original text', r.out);
  const line = r.out.split('\n').find((l) => l.startsWith(`ok   --expect-text ${JSON.stringify(HOSTILE)}: `)) || '';
  const m = /: (\d+) matching/.exec(line);
  expect(m && Number(m[1]) >= 7,
    `the hostile title shows as text in all 7 label positions (${m ? m[1] : 0} labels)`, r.out);
}

// 2. bad fixtures (one browser run for all of them, results per block from --json)
{
  const files = fs.readdirSync(badDir).filter((f) => f.endsWith('.md')).sort();
  const listed = Object.keys(BAD).sort();
  expect(JSON.stringify(files) === JSON.stringify(listed),
    `every bad fixture is listed in BAD (files: ${files.join(', ')})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npq-mermaid-bad-'));
  const json = path.join(tmp, 'bad.json');
  const r = render(['--json', json, '--expect-text', 'no such label', badDir]);
  expect(r.rc === 1 && r.out.includes('FAIL --expect-text "no such label": no rendered text element has exactly this text'),
    '--expect-text with an absent text fails', r.out);
  const results = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) : [];
  for (const f of files) {
    const mine = results.filter((x) => path.basename(x.file) === f);
    const failedBlocks = mine.filter((x) => !x.ok);
    const section = r.out.split('\n').filter((l) => l.includes(f)).join('\n');
    expect(failedBlocks.length > 0 && section.includes(BAD[f]) && r.out.includes('error:'),
      `bad fixture fails (${BAD[f]}): ${f}`, section || r.out);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 3. exit codes
{
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npq-mermaid-self-'));
  let r = render(['--skip-missing', path.join(tmp, 'nope')]);
  expect(r.rc === 77 && r.out.includes('SKIPPED'), '--skip-missing: a missing folder skips (77)', r.out);
  fs.writeFileSync(path.join(tmp, 'plain.md'), '# No charts\n\n```js\nx\n```\n');
  r = render(['--skip-missing', tmp]);
  expect(r.rc === 77 && r.out.includes('no ```mermaid blocks'), '--skip-missing: no mermaid block skips (77)', r.out);
  r = render([path.join(tmp, 'nope')]);
  expect(r.rc === 2, 'a missing path is a usage error (2) without --skip-missing', r.out);
  r = render([fixtures], { NPQ_CHROMIUM: '/nonexistent/chromium' }); // no browser starts
  expect(r.rc === 77 && r.out.includes('SKIPPED'), 'missing Chromium skips (77)', r.out);
  r = render([fixtures], { NPQ_MERMAID_JS: '/nonexistent/mermaid.min.js' });
  expect(r.rc === 77 && r.out.includes("run 'npm ci'"), 'missing node_modules skips (77) and says npm ci', r.out);
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 4. mermaidText() round trip: every probe in every text position
{
  const texts = PROBES.filter((p) => mermaidShown(p) !== '');
  const charts = []; // { source, labels: [shown text that must appear] }
  const tasks = texts.map((p, i) => `    section ${mermaidText(p)}\n    ${mermaidText(p)} :t${i}, 2024-09-02, 1d`);
  charts.push({ source: `gantt\n    dateFormat YYYY-MM-DD\n${tasks.join('\n')}`, labels: texts.map(mermaidShown) });
  const periods = texts.map((p) => `    section ${mermaidText(p)}\n        ${mermaidText(p)} : ${mermaidText(p)} : E`);
  charts.push({ source: `timeline\n${periods.join('\n')}`, labels: texts.map(mermaidShown) });
  for (const p of texts) {
    charts.push({ source: `gantt\n    dateFormat YYYY-MM-DD\n    title ${mermaidText(p)}\n    T :t1, 2024-09-02, 1d`, labels: [mermaidShown(p)] });
    charts.push({ source: `timeline\n    title ${mermaidText(p)}\n    P : E`, labels: [mermaidShown(p)] });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npq-mermaid-rule-'));
  const md = path.join(tmp, 'rule.md');
  const json = path.join(tmp, 'rule.json');
  fs.writeFileSync(md, charts.map((c) => '```mermaid\n' + c.source + '\n```\n').join('\n'));
  const r = render(['--timeout', '180', '--json', json, md]);
  let bad = [];
  if (fs.existsSync(json)) {
    const results = JSON.parse(fs.readFileSync(json, 'utf8'));
    results.forEach((res, i) => {
      if (!res.ok) bad.push(`chart ${i + 1}: ${res.error}`);
      else for (const l of charts[i].labels) if (!res.texts.includes(l)) bad.push(`chart ${i + 1}: label ${JSON.stringify(l)} not shown`);
    });
  } else bad.push('no JSON result');
  expect(r.rc === 0 && bad.length === 0,
    `mermaidText() round-trips ${texts.length} hostile texts in all 7 label positions (${charts.length} charts)`,
    bad.join('\n') + '\n' + r.out.split('\n').filter((l) => !l.startsWith('ok ')).join('\n'));
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`${passed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
