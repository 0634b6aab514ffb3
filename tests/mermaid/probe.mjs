#!/usr/bin/env node
// Research tool (not run by CTest): which characters and words break Mermaid gantt / timeline
// text, raw and through mermaidText() (mermaid_text.mjs), in the real renderer.
//
// Usage: node probe.mjs [--all]
// Renders every probe string in every text position of a gantt and a timeline chart, three
// ways: raw, with named entity codes (#colon; ...) for the characters that have a well-known
// name, and with mermaidText(). Prints a Markdown table of the outcomes:
//   ok       parses, and a label shows exactly the intended text
//   changed  parses, but no label shows the intended text (text lost, cut or altered)
//   ERROR    Mermaid rejects the chart
//   xml!     parses, but the SVG is not well-formed XML (a named entity: fine inside HTML,
//            broken as a standalone .svg file)
// Without --all only rows where raw text is not 'ok' are printed.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mermaidText, mermaidShown } from './mermaid_text.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const all = process.argv.includes('--all');

export const CONTEXTS = {
  'gantt title': (x) => `gantt\n    dateFormat YYYY-MM-DD\n    title ${x}\n    section S\n    Task :t1, 2024-09-02, 7d`,
  'gantt section': (x) => `gantt\n    dateFormat YYYY-MM-DD\n    section ${x}\n    Task :t1, 2024-09-02, 7d`,
  'gantt task': (x) => `gantt\n    dateFormat YYYY-MM-DD\n    section S\n    ${x} :t1, 2024-09-02, 7d\n    Next :t2, after t1, 7d`,
  'timeline title': (x) => `timeline\n    title ${x}\n    section S\n        P : E`,
  'timeline section': (x) => `timeline\n    section ${x}\n        P : E`,
  'timeline period': (x) => `timeline\n    section S\n        ${x} : E`,
  'timeline event': (x) => `timeline\n    section S\n        P : ${x} : E2`,
};

const NAMED = { ':': 'colon', ';': 'semi', '#': 'num', '<': 'lt', '>': 'gt', '"': 'quot', '&': 'amp', '%': 'percnt' };
const named = (s) => s.replace(/[:;#<>"&%]/g, (c) => `#${NAMED[c]};`);

const punct = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
export const PROBES = [
  ...punct.map((c) => `a${c}b`),
  ...punct.map((c) => `${c}a`),
  'a: b', 'a : b', 'a; b', 'a # b', 'Room #3; floor 2', '50% done', '%%  not a comment', 'x%%y',
  '%%{init: {"theme":"forest"}}%%', '-leading dash', 'a - b', '"quoted"', "it's",
  '<script>alert(1)</script>', '<b>bold</b>', 'a<br>b', '<img src=x onerror=alert(1)>', '&amp; &lt;',
  'a | b', '[link](javascript:alert(1))', 'line one\nline two', 'tab\there', '  padded  ',
  'Section 3 reading', 'section 3', 'Title of module', 'title x', 'click here', 'Includes coaching',
  'Excludes weekends', 'dateFormat x', 'axisFormat %d', 'tickInterval 1week', 'todayMarker off',
  'Weekday monday', 'weekend friday', 'inclusiveEndDates', 'topAxis', 'gantt intro', 'timeline intro',
  '2024-09-02 start', 'accTitle: x', 'accDescr: x', 'after t1', 'crit', 'done', 'milestone', 'vert',
  'Année 🙂 中文', 'ß¶ﬂ° markers', 'x#59;y', 'C#35; sharp',
  'a: b; c # d <script>alert(1)</script> "q"',
];

function runAll(variants) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npq-probe-'));
  const md = path.join(tmp, 'probe.md');
  const json = path.join(tmp, 'out.json');
  const cases = [];
  for (const [ctx, tpl] of Object.entries(CONTEXTS)) {
    for (const probe of PROBES) {
      for (const [how, enc] of Object.entries(variants)) {
        cases.push({ ctx, probe, how, source: tpl(enc(probe)) });
      }
    }
  }
  fs.writeFileSync(md, cases.map((c) => '```mermaid\n' + c.source + '\n```\n').join('\n'));
  try {
    execFileSync(process.execPath, [path.join(HERE, 'render.mjs'), '--timeout', '300', '--json', json, md],
      { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: some blocks failed, as expected for raw text
  }
  const results = JSON.parse(fs.readFileSync(json, 'utf8'));
  fs.rmSync(tmp, { recursive: true, force: true });
  return cases.map((c, i) => ({ ...c, ...results[i] }));
}

function outcome(r) {
  if (!r.ok) return 'ERROR';
  if (r.unsafe && r.unsafe.length) return 'UNSAFE';
  const want = mermaidShown(r.probe);
  if (!r.texts.includes(want)) return 'changed';
  return r.xmlValid ? 'ok' : 'xml!';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const t0 = Date.now();
  const rows = runAll({ raw: (s) => s, named, rule: mermaidText });
  const by = new Map();
  for (const r of rows) {
    const k = `${r.ctx}\u0000${r.probe}`;
    if (!by.has(k)) by.set(k, { ctx: r.ctx, probe: r.probe });
    by.get(k)[r.how] = outcome(r);
    if (r.how === 'raw' && !r.ok) by.get(k).err = r.error.split('\n')[0].slice(0, 60);
  }
  console.log('| position | text | raw | #name; | mermaidText() |');
  console.log('| --- | --- | --- | --- | --- |');
  let ruleBad = 0;
  for (const v of by.values()) {
    if (v.rule !== 'ok') ruleBad++;
    if (!all && v.raw === 'ok' && v.rule === 'ok') continue;
    const shown = JSON.stringify(v.probe).replace(/\|/g, '\\|');
    const namedCell = named(v.probe) === v.probe ? '(same)' : v.named;
    console.log(`| ${v.ctx} | \`${shown}\` | ${v.raw} | ${namedCell} | ${v.rule} |`);
  }
  console.log(`\n${by.size} cases (${PROBES.length} texts x ${Object.keys(CONTEXTS).length} positions); ` +
    `mermaidText() not ok in ${ruleBad}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(ruleBad ? 1 : 0);
}
