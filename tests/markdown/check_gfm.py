#!/usr/bin/env python3
"""Check that Markdown files render safely with the real GitHub renderer (cmark-gfm).

Usage: check_gfm.py [--expect-cell TEXT]... [--skip-missing] [--cmark PATH] FILE_OR_DIR...

Directories are searched recursively for *.md files (sorted). Each file is parsed with
    cmark-gfm -e table -e autolink -e strikethrough -e tagfilter --sourcepos -t xml FILE
(the extensions GitHub enables) and fails the check when:

  * a table row (table_header / table_row) in the parsed tree has a different number of
    table_cell nodes than the table's header row;
  * a source line of a table (header, delimiter row, body rows) has a different number of
    cells than the header. cmark-gfm silently pads short rows and drops extra cells, so
    the tree alone cannot show a raw '|' or a raw newline that broke a row. A line is split
    like cmark-gfm splits it: on every '|' that is not directly preceded by a backslash,
    ignoring one leading and one trailing pipe;
  * a node of type html_inline, html_block, link or image appears anywhere (generated npq
    Markdown must never turn user text into HTML or links; the autolink extension makes
    bare URLs, www. names and e-mail addresses into link nodes);
  * with --expect-cell TEXT: no table cell in any checked file has text content (the
    literal text of its text and code descendants, concatenated) exactly equal to TEXT.

Exit codes: 0 all files pass, 1 a check failed, 2 usage error (bad path, no Markdown file),
77 skipped (cmark-gfm not on PATH; with --skip-missing also: no path exists / no *.md found).
"""

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
EXTENSIONS = ["table", "autolink", "strikethrough", "tagfilter"]
FORBIDDEN = ("html_inline", "html_block", "link", "image")
SKIP = 77


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def parse_pos(value):
    """'3:1-3:46' -> (3, 1, 3, 46)."""
    start, end = value.split("-")
    sl, sc = start.split(":")
    el, ec = end.split(":")
    return int(sl), int(sc), int(el), int(ec)


def count_source_cells(line):
    """Count the cells of one table line the way cmark-gfm's table extension splits it."""
    s = line.strip(" \t")
    if s.startswith("|"):
        s = s[1:]
    body = s.rstrip(" \t")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    pipes = 0
    for i, ch in enumerate(body):
        if ch == "|" and (i == 0 or body[i - 1] != "\\"):
            pipes += 1
    return pipes + 1


def cell_text(cell):
    parts = []
    for node in cell.iter():
        if local(node.tag) in ("text", "code") and node.text:
            parts.append(node.text)
    return "".join(parts)


def describe(node):
    name = local(node.tag)
    extra = ""
    if name in ("link", "image"):
        extra = " destination=%r" % node.get("destination", "")
    elif node.text:
        extra = " literal=%r" % node.text.strip()[:80]
    pos = node.get("sourcepos")
    return "<%s>%s%s" % (name, (" at " + pos) if pos else "", extra)


def check_file(path, cmark, expect, matches):
    """Return a list of error strings for one file; count --expect-cell matches."""
    errors = []
    proc = subprocess.run(
        [cmark] + sum((["-e", e] for e in EXTENSIONS), []) + ["--sourcepos", "-t", "xml", path],
        capture_output=True,
    )
    if proc.returncode != 0:
        return ["cmark-gfm exited %d: %s" % (proc.returncode, proc.stderr.decode(errors="replace").strip())]
    try:
        root = ET.fromstring(proc.stdout)
    except ET.ParseError as exc:
        return ["cannot parse cmark-gfm XML output: %s" % exc]
    with open(path, "rb") as fh:
        lines = fh.read().decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # cmark-gfm sourcepos columns count bytes; slice on the UTF-8 encoding of each line.
    blines = [ln.encode("utf-8") for ln in lines]

    # Where is each node? Nodes made by the autolink post-processor carry no sourcepos,
    # so name the table / row / cell (or the nearest ancestor with a sourcepos).
    parent = {child: par for par in root.iter() for child in par}
    where = {}
    for t_index, table in enumerate(root.iter(NS + "table"), start=1):
        rows = [r for r in table if local(r.tag) in ("table_header", "table_row")]
        for r_index, row in enumerate(rows):
            cells = [c for c in row if local(c.tag) == "table_cell"]
            for c_index, cell in enumerate(cells, start=1):
                where[cell] = "table %d, %s, cell %d" % (
                    t_index, "header row" if r_index == 0 else "row %d" % r_index, c_index)

    def location(node):
        n = node
        while n is not None:
            if n in where:
                return where[n]
            if n is not node and n.get("sourcepos"):
                return "inside <%s> at %s" % (local(n.tag), n.get("sourcepos"))
            n = parent.get(n)
        return "?"

    for node in root.iter():
        if local(node.tag) in FORBIDDEN:
            errors.append("%s: forbidden node %s" % (location(node), describe(node)))

    for t_index, table in enumerate(root.iter(NS + "table"), start=1):
        rows = [r for r in table if local(r.tag) in ("table_header", "table_row")]
        if not rows or local(rows[0].tag) != "table_header":
            errors.append("table %d: no header row" % t_index)
            continue
        header_cells = len([c for c in rows[0] if local(c.tag) == "table_cell"])
        body = rows[1:]

        # Tree check: every row has the header's number of cells.
        for r_index, row in enumerate(rows):
            cells = [c for c in row if local(c.tag) == "table_cell"]
            if len(cells) != header_cells:
                errors.append(
                    "table %d, row %d (%s): %d cells in the parsed tree, header has %d"
                    % (t_index, r_index, row.get("sourcepos"), len(cells), header_cells)
                )
            for c_index, cell in enumerate(cells, start=1):
                text = cell_text(cell)
                if expect is not None and text in expect:
                    matches[text] = matches.get(text, 0) + 1

        # Source check. cmark-gfm 0.29 gets the header's sourcepos wrong when the table
        # interrupts a paragraph, so derive the header and delimiter lines from the body
        # rows (or from the table's end line when it has no body), and take the container
        # prefix (blockquote '>', list indentation) from the start column of a body row.
        tl, tc, te_line, te_col = parse_pos(table.get("sourcepos"))
        if body:
            first_line = parse_pos(body[0].get("sourcepos"))[0]
            delim_line = first_line - 1
            prefix_col = parse_pos(body[0].get("sourcepos"))[1]
        else:
            delim_line = te_line
            prefix_col = parse_pos(rows[0].get("sourcepos"))[1]
        checks = [(delim_line - 1, "header row"), (delim_line, "delimiter row")]
        for r_index, row in enumerate(body, start=1):
            checks.append((parse_pos(row.get("sourcepos"))[0], "row %d" % r_index))
        for line_no, what in checks:
            if not 1 <= line_no <= len(blines):
                errors.append("table %d, %s: source line %d out of range" % (t_index, what, line_no))
                continue
            raw = blines[line_no - 1][prefix_col - 1:].decode("utf-8", errors="replace")
            n = count_source_cells(raw)
            if n != header_cells:
                errors.append(
                    "table %d, %s, line %d: %d cells in the source, header has %d: %r"
                    % (t_index, what, line_no, n, header_cells, raw)
                )
    return errors


def collect(paths):
    files, missing = [], []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                found.extend(os.path.join(dirpath, f) for f in filenames if f.endswith(".md"))
            files.extend(sorted(found))
        elif os.path.isfile(p):
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--expect-cell", action="append", metavar="TEXT", default=None,
                    help="require a table cell whose text is exactly TEXT (repeatable)")
    ap.add_argument("--skip-missing", action="store_true",
                    help="exit 77 (skipped) instead of 2 when no path exists or no *.md file is found")
    ap.add_argument("--cmark", default=os.environ.get("CMARK_GFM", "cmark-gfm"),
                    help="cmark-gfm binary (default: $CMARK_GFM or cmark-gfm on PATH)")
    ap.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    args = ap.parse_args(argv)

    cmark = shutil.which(args.cmark)
    if cmark is None:
        print("SKIPPED: cmark-gfm not found (%s); install the Debian package cmark-gfm" % args.cmark)
        return SKIP

    files, missing = collect(args.paths)
    if missing or not files:
        what = ("no such file or directory: %s" % ", ".join(missing)) if missing else \
            "no *.md files in %s" % ", ".join(args.paths)
        if args.skip_missing:
            print("SKIPPED: %s" % what)
            return SKIP
        print("error: %s" % what, file=sys.stderr)
        return 2

    version = subprocess.run([cmark, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    failed = 0
    matches = {}
    for path in files:
        errors = check_file(path, cmark, args.expect_cell, matches)
        if errors:
            failed += 1
            print("FAIL %s" % path)
            for e in errors:
                print("  %s: %s" % (path, e))
        else:
            print("ok   %s" % path)

    expect_failed = 0
    for text in args.expect_cell or []:
        n = matches.get(text, 0)
        if n == 0:
            expect_failed += 1
            print("FAIL --expect-cell %r: no table cell has exactly this text" % text)
        else:
            print("ok   --expect-cell %r: %d matching cell(s)" % (text, n))

    print("check_gfm: %d file(s) checked, %d failed%s [%s]" % (
        len(files), failed,
        (", %d --expect-cell failed" % expect_failed) if args.expect_cell else "", version))
    return 1 if failed or expect_failed else 0


if __name__ == "__main__":
    sys.exit(main())
