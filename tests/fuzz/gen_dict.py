#!/usr/bin/env python3
"""Regenerates tests/fuzz/yaml.dict from src/npq/format/spec.cpp, data/ and codes.def:

    python3 tests/fuzz/gen_dict.py
"""
import re
from pathlib import Path
import os
os.chdir(Path(__file__).resolve().parents[2])
spec = Path("src/npq/format/spec.cpp").read_text()
words = sorted(set(re.findall(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"', spec)))
data_ids = set()
for f in Path("data").rglob("*.yaml"):
    for m in re.finditer(r'^\s*-?\s*(?:id|code): ([A-Za-z0-9-]+)\s*$', f.read_text(), re.M):
        data_ids.add(m.group(1))
codes = re.findall(r'NPQ_CODE\(\w+, "(NPQ\d+)"', Path("src/npq/diag/codes.def").read_text())

def q(raw: bytes) -> str:
    s = '"'
    for b in raw:
        c = chr(b)
        if c == '\\': s += '\\\\'
        elif c == '"': s += '\\"'
        elif 0x20 <= b < 0x7f: s += c
        else: s += '\\x%02x' % b
    return s + '"'

out = [
 "# libFuzzer dictionary for npq_fuzz_pipeline (tests/fuzz/README.md): YAML syntax and escapes,",
 "# raw bytes that matter to the loader, Markdown/Mermaid/terminal hazards, npq's keys and",
 "# vocabulary (src/npq/format/spec.cpp), ids from the bundled data/ and the diagnostic codes.",
 "# libFuzzer syntax: one \"token\" per line; only \\\\, \\\" and \\xNN escapes.",
 "# Regenerate the key, id and code sections when the format grows (see tests/fuzz/README.md).",
]
def section(title, tokens):
    out.append(""); out.append("# ---- " + title)
    for t in tokens:
        out.append(q(t.encode() if isinstance(t, str) else t))

section("YAML syntax", ["---", "...", "- ", "? ", ": ", ",", "[", "]", "{", "}", "[]", "{}", "#", " #", "&a", "*a", "&a ", "*a ",
 "<<: ", "<<: *a", "!", "!!", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq", "!!set", "!!omap", "!!binary",
 "!!timestamp", "!x", "!<tag:yaml.org,2002:str>", "%YAML 1.2\n---\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "%FOO bar\n",
 "|", "|-", "|+", "|2", ">", ">-", ">+", "'", "''", "\"", "\n", "\n  ", "\n- ", "\r", "\r\n", "\t",
 "~", "null", "NULL", "true", "false", "True", "yes", "no", "on", "off", "Y", "N",
 ".inf", "-.inf", ".nan", ".NaN", "0x1F", "0o17", "017", "0b101", "1e308", "1e309", "-1e308", "4.9e-324", "-0", "0.5", "1.5",
 "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775808", "1_000", "12:30", "1:30:00",
 "2026-10", "2026-06-01", "2026-02-30", "0000-00-00", "9999-12-31", "2026-06-01T10:00:00Z"])
section("escapes inside double-quoted YAML", ["\\e", "\\x1b", "\\x9b", "\\u009b", "\\u0085", "\\x85", "\\u202e", "\\u2066",
 "\\u200f", "\\u2028", "\\u2029", "\\ufeff", "\\ufffe", "\\uffff", "\\N", "\\_", "\\L", "\\P", "\\0", "\\a", "\\b", "\\v",
 "\\f", "\\r", "\\t", "\\n", "\\/", "\\ ", "\\\"", "\\\\", "\\U0010FFFF", "\\U00110000", "\\uD800", "\\uDC00", "\\xff", "\\x7f",
 "\\e[31m", "\\e[2J", "\\e]8;;"])
section("raw bytes", [b"\x00", b"\x1b", b"\x7f", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
 b"\x00\x00\xfe\xff", b"\xc2\x85", b"\xc2\x9b", b"\xc2\xa0", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xe2\x80\xae",
 b"\xe2\x81\xa6", b"\xef\xbf\xbd", b"\xef\xbf\xbe", b"\xf4\x8f\xbf\xbf", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80",
 b"\xc3\xa9", b"\xe2\x80\x94", b"\x80", b"\xc2", b"\xe2\x80"])
section("Markdown, Mermaid, terminal and CI hazards", ["|", "\\|", "||", "```", "~~~", "`", "<script>", "</script>",
 "<!--", "&#124;", "&lt;", "&amp;", "%%", "%%{init}%%", "-->", ";", "#;", "[x](javascript:alert(1))", "a@b.c",
 "www.x.com", "::error ", "::", "%0A", "%25", "***", "___", "> ", "1. ", "* "])
tokens = []
for w in words:
    tokens += [w, w + ": "]
tokens += ["kind: programme", "kind: suite", "kind: framework", "kind: catalogue", "kind: config", "format: 1",
 "format: 2", "hours: {at-least: ", "hours: {up-to: ", "hours: {about: ", "hours: {range: [", "hours: not-published",
 "covers: all", "choose: ", "period:", "kind:", "mode:", "synchrony:", "category:"]
for unit in ["day", "week", "half-term", "term", "month", "year"]:
    tokens += ["1 " + unit, "2 " + unit + "s"]
section("npq keys and vocabulary", tokens)
section("ids and codes from the bundled reference data", sorted(data_ids))
section("diagnostic codes (suppress: code:)", codes)

seen = set(); final = []
for l in out:
    if l.startswith('"'):
        if l in seen: continue
        seen.add(l)
    final.append(l)
Path("tests/fuzz/yaml.dict").write_text("\n".join(final) + "\n")
print(len(seen))
