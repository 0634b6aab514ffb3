#!/usr/bin/env python3
"""Self-test of check_gfm.py: proves the checker passes what it should and fails what it must.

1. every file in fixtures/ passes (and the hostile title survives as one literal cell);
2. every file in bad-fixtures/ fails, each for its expected reason (listed in BAD below;
   a new bad fixture must be added there);
3. --expect-cell, --skip-missing and the missing-cmark-gfm skip behave as documented;
4. the reference escaping rule (escape_gfm_text below, the rule npq's generator follows)
   round-trips hostile and random strings through the real cmark-gfm: each one comes back
   as exactly one literal table cell, with no HTML, link or image anywhere.

Exit 0 on success, 1 on failure, 77 when cmark-gfm is not installed.
"""

import os
import random
import shutil
import string
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_gfm.py")
HOSTILE = "a | b <script>alert(1)</script>"
WORD_JOINER = "\u2060"

# bad fixture -> (extra checker arguments, text the failure message must contain)
BAD = {
    "angle-autolink.md": ([], "forbidden node <link>"),
    "autolink-email-escaped.md": ([], "destination='mailto:npq@example.com'"),
    "autolink-url.md": ([], "destination='https://example.com'"),
    "autolink-www.md": ([], "destination='http://www.example.com'"),
    "backslash-eats-pipe.md": ([], "2 cells in the source, header has 3"),
    "image.md": ([], "forbidden node <image>"),
    "javascript-link.md": ([], "destination='javascript:alert(1)'"),
    "paragraph-glued-to-table.md": ([], "row 2, line 4: 1 cells in the source"),
    "pipe-in-code-span.md": ([], "4 cells in the source, header has 3"),
    "raw-cr-breaks-row.md": ([], "row 1, line 3: 2 cells in the source"),
    "raw-html-block.md": ([], "forbidden node <html_block>"),
    "raw-newline-breaks-row.md": ([], "row 1, line 3: 2 cells in the source"),
    "raw-pipe-splits-cell.md": ([], "4 cells in the source, header has 3"),
    "raw-script-in-cell.md": ([], "forbidden node <html_inline>"),
    "short-row.md": ([], "row 2, line 4: 2 cells in the source"),
}


def escape_gfm_text(text):
    """Reference rule for user text in GFM (table cells, headings, list items, paragraphs).

    * CR LF, CR and LF each become one space (a raw line ending would end the table row);
    * every ASCII punctuation character !"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ gets a backslash;
    * after every '@' the generator writes '&#8288;' (U+2060 WORD JOINER, invisible):
      cmark-gfm's autolink extension finds e-mail addresses (and mailto:/xmpp:) after
      escapes and entities are resolved, so '\\@' alone still makes a mailto: link.
    The caller also puts a space between the cell text and each '|' of the row.
    """
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    out = []
    for ch in text:
        if ch in string.punctuation:
            out.append("\\" + ch)
            if ch == "@":
                out.append("&#8288;")
        else:
            out.append(ch)
    return "".join(out)


def rendered_cell_text(text):
    """What cmark-gfm gives back for escape_gfm_text(text) in a cell."""
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return text.replace("@", "@" + WORD_JOINER).strip(" \t")


def run(args, env=None):
    proc = subprocess.run([sys.executable, CHECKER] + args, capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout + proc.stderr


failures = []
passed = []


def expect(cond, what, output=""):
    if cond:
        passed.append(what)
        print("PASS %s" % what)
    else:
        print("FAIL %s" % what)
        if output:
            print("    " + output.rstrip().replace("\n", "\n    "))
        failures.append(what)


def main():
    if shutil.which(os.environ.get("CMARK_GFM", "cmark-gfm")) is None:
        print("SKIPPED: cmark-gfm not found; install the Debian package cmark-gfm")
        return 77

    good_dir = os.path.join(HERE, "fixtures")
    bad_dir = os.path.join(HERE, "bad-fixtures")
    good = sorted(f for f in os.listdir(good_dir) if f.endswith(".md"))
    bad = sorted(f for f in os.listdir(bad_dir) if f.endswith(".md"))
    expect(len(good) >= 3, "fixtures/ holds good fixtures (%d)" % len(good))

    # 1. good fixtures pass
    for f in good:
        rc, out = run([os.path.join(good_dir, f)])
        expect(rc == 0, "good fixture passes: %s" % f, out)
    rc, out = run(["--expect-cell", HOSTILE, good_dir])
    expect(rc == 0 and "1 matching cell(s)" in out,
           "hostile title %r is exactly one literal cell in fixtures/" % HOSTILE, out)

    # 2. every bad fixture fails for its reason
    expect(set(bad) == set(BAD), "every bad fixture is listed in BAD (unlisted: %s, missing: %s)"
           % (sorted(set(bad) - set(BAD)), sorted(set(BAD) - set(bad))))
    for f in bad:
        extra, reason = BAD.get(f, ([], ""))
        rc, out = run(extra + [os.path.join(bad_dir, f)])
        expect(rc == 1 and reason in out, "bad fixture fails (%s): %s" % (reason, f), out)
    rc, out = run([bad_dir])
    expect(rc == 1 and ("%d failed" % len(bad)) in out, "bad-fixtures/ as a directory: all fail", out)

    # 3. options and exit codes
    rc, out = run(["--expect-cell", "no such cell text", good_dir])
    expect(rc == 1 and "no table cell has exactly this text" in out, "--expect-cell with absent text fails", out)
    rc, out = run(["--expect-cell", "b <script>alert(1)</script>", good_dir])
    expect(rc == 1, "--expect-cell needs an exact match, not a substring", out)
    rc, out = run(["--expect-cell", HOSTILE, os.path.join(bad_dir, "raw-pipe-splits-cell.md")])
    expect(rc == 1, "--expect-cell on a file without the cell fails", out)
    with tempfile.TemporaryDirectory() as tmp:
        rc, out = run(["--skip-missing", os.path.join(tmp, "nope")])
        expect(rc == 77 and "SKIPPED" in out, "--skip-missing: missing folder skips (77)", out)
        rc, out = run(["--skip-missing", tmp])
        expect(rc == 77 and "SKIPPED" in out, "--skip-missing: folder without *.md skips (77)", out)
        rc, out = run([tmp])
        expect(rc == 2, "folder without *.md is a usage error (2) without --skip-missing", out)
    rc, out = run(["--cmark", "/nonexistent/cmark-gfm", good_dir])
    expect(rc == 77 and "SKIPPED: cmark-gfm not found" in out, "missing cmark-gfm skips (77)", out)

    # 4. the reference escaping rule round-trips through the real renderer
    samples = [
        HOSTILE, "`code` <img src=x onerror=alert(1)>", "[c](javascript:alert(1))",
        "&lt; &#124; &amp; &#x7C;", "www.x.com https://example.com/a?b=1&c=2 ftp://x.y",
        "npq@example.com mailto:a@b.c xmpp:a@b.c/r a.b-c_d+e@x-y.z.co.uk",
        "*em* _em_ __b__ ~~s~~ ~s~", "---", "===", "trailing backslash \\", "a\\|b", "\\",
        "line one\nline two\r\nline three\rfour", "# h", "1. x", "- [ ] task", "> q",
        "<!-- c -->", "<![CDATA[x]]>", "<?php ?>", "<div>", "![i](x.png)", "[^1]", "[x]: /u",
        ":smile: @user #12", "$x$ ${x} {{t}} %s", "'\"quotes\"'", "a\tb", "| leading", "trailing |",
        "Année — 2024/25 «🙂» 中文", "   spaced   out   ",
    ]
    rng = random.Random(20240901)
    alphabet = string.punctuation * 3 + string.ascii_letters + string.digits + "    \n\r\té—🙂" + "www.@:/"
    for _ in range(300):
        samples.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))))
    samples = [s for s in samples if rendered_cell_text(s)]  # an empty cell cannot be asserted
    with tempfile.TemporaryDirectory() as tmp:
        md = ["# " + escape_gfm_text(HOSTILE), "", "| # | Text |", "| --- | --- |"]
        md += ["| %d | %s |" % (i, escape_gfm_text(s)) for i, s in enumerate(samples)]
        md += [""] + ["- " + escape_gfm_text(s.strip()) for s in samples]
        md += [""] + ["## " + escape_gfm_text(s) for s in samples]
        path = os.path.join(tmp, "roundtrip.md")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(md) + "\n")
        args = []
        for s in samples:
            args.append("--expect-cell=" + rendered_cell_text(s))  # '=' form: text may start with '-'
        rc, out = run(args + [path])
        bad_lines = [ln for ln in out.splitlines() if not ln.startswith("ok ")]
        expect(rc == 0, "reference escaping rule round-trips %d strings as literal cells" % len(samples),
               "\n".join(bad_lines[:40]))

    print("%d passed, %d failed" % (len(passed), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
