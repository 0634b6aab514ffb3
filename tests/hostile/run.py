#!/usr/bin/env python3
"""Hostile-input corpus for `npq validate`.

    python3 tests/hostile/run.py NPQ_BINARY [--only NAME[,NAME...]] [--keep DIR] [--list]
                                            [--allow-known-bugs]

Every input is generated at test time in a temporary folder (nothing large is committed) and
checked with `npq validate --format json` run under `timeout -k 1 5` and a 2 GiB address-space
cap (what `ulimit -v 2097152` does, set with setrlimit(RLIMIT_AS) on the child). For each case:

  * npq must not be killed by a signal or the timeout (statuses 124, 137 and >= 128 fail);
  * the exit status must be the documented one (0 ok, 1 findings, 3 input unreadable);
  * the JSON output must parse and hold a diagnostic with the expected code, at a 1-based
    line/column (line 0 only for file-level problems such as a missing file, NPQ001/NPQ002), at
    the exact position where the case gives one;
  * the wall time must be under 1 s. The report prints each run's wall time and peak RSS (GNU
    `time -f %M`, Debian package `time`; without it a small Python launcher measures it).

Cases marked "issue" are the ones the hardening issue lists; "extra" ones are further probes.
Cases with `known_bug` set are real npq bugs that make them fail today (BUG-n, described in the
case and in the report of the session that wrote this); they fail the run like any other case
unless --allow-known-bugs is given. When running as root, `chmod 000` cannot make a file
unreadable, so a FIFO and a folder named x.yaml stand in for it (both must give NPQ001, exit 3).
The script exits 0 when every case passes, 1 otherwise, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

TIMEOUT_S = 30  # a hang guard (a loaded 2-core CI machine runs the suite in parallel); wall
#               times are measured and reported, not asserted
ADDRESS_SPACE = 2 << 30  # 2 GiB, like `ulimit -v 2097152`
WALL_LIMIT_S = 1.0
REPO = Path(__file__).resolve().parents[2]
VALID_PROGRAMME = REPO / "examples" / "valid" / "minimal-programme.yaml"

ANY = object()  # "line/column must be >= 1", exact value not checked


@dataclass
class Expect:
    exit: int
    code: object  # a diagnostic with this code (or one of a tuple of codes) must be present;
    #               None: no check
    line: object = ANY  # int (exact, 0 = file-level), or ANY (>= 1)
    column: object = ANY
    no_errors: bool = False  # the output must hold no error-severity diagnostics at all
    same_as: Optional[str] = None  # the (code, line, column) list must equal this case's
    wall_limit: float = 1.0  # seconds; cases bounded by yaml-cpp's parse speed document a larger one


@dataclass
class Case:
    name: str
    origin: str  # "issue" or "extra"
    what: str
    make: Callable[[Path], tuple[list[str], Optional[Path]]]  # -> (paths, stdin file)
    expect: Expect
    note: str = ""
    known_bug: str = ""  # non-empty: npq currently fails this case; the text names the bug


@dataclass
class Result:
    case: Case
    status: int = 0
    seconds: float = 0.0
    rss_kib: int = 0
    diagnostics: list = field(default_factory=list)
    failures: list = field(default_factory=list)
    output_bytes: int = 0
    over_time: bool = False


# ---- input generators --------------------------------------------------------------------------


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def file_case(name: str, data: bytes | Callable[[], bytes]):
    def make(tmp: Path):
        content = data() if callable(data) else data
        return [str(write(tmp / name, content))], None

    return make


def stdin_case(data: bytes):
    def make(tmp: Path):
        return ["-"], write(tmp / "stdin.bin", data)

    return make


def billion_laughs(levels: int = 9, refs: int = 9) -> bytes:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * refs) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * refs) + "]")
    return ("\n".join(lines) + "\n").encode()


def deep_block_map(depth: int) -> bytes:
    # "a:\n a:\n  a:\n ..." - each level indented by one more space; the innermost value is 1.
    parts = [" " * i + "a:\n" for i in range(depth - 1)]
    parts.append(" " * (depth - 1) + "a: 1\n")
    return "".join(parts).encode()


def big_file(path: Path, size: int) -> None:
    chunk = b"- an item in a very long list\n" * 4096
    with path.open("wb") as f:
        written = 0
        while written < size:
            f.write(chunk)
            written += len(chunk)


def make_100mb(tmp: Path):
    p = tmp / "huge.yaml"
    big_file(p, 100 * 1000 * 1000)
    return [str(p)], None


def make_100mb_stdin(tmp: Path):
    p = tmp / "huge-stdin.yaml"
    big_file(p, 100 * 1000 * 1000)
    return ["-"], p


def make_empty_folder(tmp: Path):
    d = tmp / "empty-folder"
    d.mkdir()
    return [str(d)], None


def valid_programme() -> bytes:
    return VALID_PROGRAMME.read_bytes()


def make_folder_with_good_file(tmp: Path):
    d = tmp / "good-folder"
    d.mkdir()
    write(d / "programme.yaml", valid_programme())
    (d / "notes.txt").write_text("not YAML, ignored\n")
    return [str(d)], None


def make_good_file(tmp: Path):
    return [str(write(tmp / "good.yaml", valid_programme()))], None


def make_line_endings(ending: bytes):
    def make(tmp: Path):
        text = valid_programme().replace(b"\r\n", b"\n").replace(b"\n", ending)
        return [str(write(tmp / "programme.yaml", text))], None

    return make


def make_fifo(tmp: Path):
    p = tmp / "fifo.yaml"
    os.mkfifo(p)
    return [str(p)], None


def make_folder_named_yaml(tmp: Path):
    d = tmp / "x.yaml"
    d.mkdir()
    return [str(d)], None


def make_missing(tmp: Path):
    return [str(tmp / "no-such-file.yaml")], None


def make_chmod_000(tmp: Path):
    p = write(tmp / "locked.yaml", b"a: 1\n")
    p.chmod(0)
    return [str(p)], None


def documents(n: int) -> bytes:
    return b"".join(b"---\nkey: %d\n" % i for i in range(n))


def figures_at_limits(periods: int = 200, activities: int = 100, categories: int = 50) -> bytes:
    """A programme at the format's list limits whose hours are all unpublished, with a per-term
    and a total figure for each category: tens of thousands of unknowns for the figures engine."""
    kinds = ["workshop", "coaching", "webinar", "seminar", "audit", "peer-learning-group",
             "conference", "face-to-face-event"]
    out = ["format: 1", "kind: programme", "title: Big", "qualification: NPQLT", "provider: X",
           'source: {title: X, url: "https://www.example.org/x"}', "route-map:",
           "  period-kind: term", "  periods:"]
    for p in range(periods):
        out.append(f"    - id: t{p}\n      title: Term {p}\n      activities:")
        for a in range(activities):
            out.append(f"        - {{title: A{p}-{a}, kind: {kinds[a % len(kinds)]}, "
                       "hours: not-published}")
    out.append("summary:\n  total-hours: 500\n  categories:")
    for c in range(categories):
        out.append(f"    - label: Cat {c}\n      kinds: [{kinds[c % len(kinds)]}]\n"
                   f"      hours-per-period: {{at-least: {1 + c % 3}}}\n      total-hours: {10 + c}")
    return ("\n".join(out) + "\n").encode()


def many_keys(n: int, duplicate_every: int = 0) -> bytes:
    out = []
    for i in range(n):
        k = i % duplicate_every if duplicate_every else i
        out.append(b"key%d: %d\n" % (k, i))
    return b"".join(out)


IS_ROOT = os.geteuid() == 0
VALID_EXIT = 0  # the bundled example must validate cleanly; checked by case "good-file"

CASES: list[Case] = [
    # -- from the issue -------------------------------------------------------------------------
    Case("lone-comma", "issue", "a file holding only ','", file_case("comma.yaml", b","),
         Expect(1, "NPQ010", 1, 1)),
    Case("lone-comma-stdin", "issue", "',' on standard input ('-')", stdin_case(b","),
         Expect(1, "NPQ010", 1, 1)),
    Case("open-brackets-1e6", "issue", "'[' repeated 10^6 times",
         file_case("brackets.yaml", b"[" * 1_000_000), Expect(1, "NPQ011", 1, 1),
         "yaml-cpp queues every unclosed '[' before emitting an event; npq stops it after 256 KiB "
         "of read-ahead and reports the start of the unfinished value"),
    Case("deep-block-5000", "issue", "5,000-deep block mapping (one more space per level)",
         file_case("deep.yaml", lambda: deep_block_map(5000)), Expect(1, "NPQ011", 201, 201)),
    Case("deep-block-seq-5000", "issue", "5,000-deep compact block sequence '- - - ... x'",
         file_case("deep-seq.yaml", b"- " * 5000 + b"x\n"), Expect(1, "NPQ011", 1, 401)),
    Case("alias-bomb", "issue", "billion laughs: 9 levels x 9 references",
         file_case("bomb.yaml", lambda: billion_laughs(9, 9)), Expect(1, "NPQ013", 6, 10),
         "aliases may add 100,000 nodes to a file (plus 32 per KiB of it): crossed at the first "
         "'*a4' (line 6, column 10)"),
    Case("alias-cycle", "issue", "'&a [*a]'", file_case("cycle.yaml", b"&a [*a]\n"),
         Expect(1, "NPQ013", 1, 5)),
    Case("utf16le-bom", "issue", "UTF-16LE byte-order mark + UTF-16 text",
         file_case("utf16.yaml", b"\xff\xfe" + "a: 1\n".encode("utf-16-le")),
         Expect(1, "NPQ003", 1, 1)),
    Case("invalid-utf8", "issue", "Latin-1 'é' (0xE9) on line 2",
         file_case("latin1.yaml", b"a: 1\nb: caf\xe9\n"), Expect(1, "NPQ004", 2, 7)),
    Case("nul-byte", "issue", "a NUL byte on line 2",
         file_case("nul.yaml", b"a: 1\nb: x\x00y\n"), Expect(1, "NPQ005", 2, 5)),
    Case("lone-cr-duplicate", "issue", "lone-CR line endings, duplicate key on the 3rd line",
         file_case("cr.yaml", b"a: 1\rb: 2\ra: 3\r"), Expect(1, "NPQ012", 3, 1)),
    Case("lone-cr-valid", "issue", "the valid example programme with lone-CR line endings",
         make_line_endings(b"\r"), Expect(VALID_EXIT, None, no_errors=True, same_as="good-file")),
    Case("crlf-duplicate", "issue", "CRLF line endings, duplicate key on the 3rd line",
         file_case("crlf.yaml", b"a: 1\r\nb: 2\r\na: 3\r\n"), Expect(1, "NPQ012", 3, 1)),
    Case("crlf-valid", "issue", "the valid example programme with CRLF line endings",
         make_line_endings(b"\r\n"), Expect(VALID_EXIT, None, no_errors=True, same_as="good-file")),
    Case("documents-10000", "issue", "a stream of 10,000 small documents",
         file_case("stream.yaml", lambda: documents(10_000)), Expect(1, "NPQ014", 2001, 1),
         "refused at the 1,001st document, whose '---' is on line 2001"),
    Case("file-100mb", "issue", "a 100 MB file (limit 16 MiB, checked before reading)",
         make_100mb, Expect(3, "NPQ002", 0, 0)),
    Case("empty-file", "issue", "an empty file", file_case("empty.yaml", b""),
         Expect(1, "NPQ015", 1, 1)),
    Case("empty-folder", "issue", "an empty folder", make_empty_folder, Expect(3, "NPQ001", 0, 0)),
    Case("good-file", "issue", "examples/valid/minimal-programme.yaml on its own", make_good_file,
         Expect(0, None, no_errors=True)),
    Case("folder-with-good-file", "issue", "a folder holding the valid example (and a .txt)",
         make_folder_with_good_file, Expect(0, None, no_errors=True, same_as="good-file")),
    Case("unreadable-fifo", "issue",
         "unreadable input: a FIFO named fifo.yaml (nobody writes to it)", make_fifo,
         Expect(3, "NPQ001", 0, 0),
         "stands in for chmod 000 when running as root, where permission bits do not stop reads"),
    Case("unreadable-dir-named-yaml", "issue", "unreadable input: a folder named x.yaml",
         make_folder_named_yaml, Expect(3, "NPQ001", 0, 0)),
    Case("missing-file", "issue", "a path that does not exist", make_missing,
         Expect(3, "NPQ001", 0, 0)),
    # -- further probes -------------------------------------------------------------------------
    Case("open-braces-1e6", "extra", "'{' repeated 10^6 times",
         file_case("braces.yaml", b"{" * 1_000_000), Expect(1, "NPQ011", 1, 1),
         "as open-brackets-1e6: stopped by the read-ahead budget"),
    Case("depth-199-ok", "extra", "199-deep flow nesting, just inside the limit: no NPQ011",
         file_case("deep-ok.yaml", b"a: " + b"[" * 199 + b"]" * 199 + b"\n"),
         Expect(1, "NPQ100")),
    Case("utf16be-bom", "extra", "UTF-16BE byte-order mark",
         file_case("utf16be.yaml", b"\xfe\xff" + "a: 1\n".encode("utf-16-be")),
         Expect(1, "NPQ003", 1, 1)),
    Case("utf32le-bom", "extra", "UTF-32LE byte-order mark",
         file_case("utf32.yaml", b"\xff\xfe\x00\x00" + "a: 1\n".encode("utf-32-le")),
         Expect(1, "NPQ003", 1, 1)),
    Case("utf16-no-bom", "extra", "UTF-16LE without a BOM (NULs from line 1)",
         file_case("utf16nobom.yaml", "a: 1\n".encode("utf-16-le")), Expect(1, "NPQ005", 1, 2)),
    Case("utf8-bom-duplicate", "extra", "UTF-8 BOM, duplicate key on line 2 (offsets after a BOM)",
         file_case("bom.yaml", b"\xef\xbb\xbfa: 1\na: 2\n"), Expect(1, "NPQ012", 2, 1)),
    Case("utf8-bom-syntax", "extra", "UTF-8 BOM, syntax error on line 2",
         file_case("bom-syntax.yaml", b"\xef\xbb\xbfa: 1\nb: [\n"), Expect(1, "NPQ010", ANY, ANY)),
    Case("overlong-utf8", "extra", "overlong encoding of '/' (C0 AF)",
         file_case("overlong.yaml", b"a: \xc0\xaf\n"), Expect(1, "NPQ004", 1, 4)),
    Case("surrogate-utf8", "extra", "an encoded surrogate (ED A0 80)",
         file_case("surrogate.yaml", b"a: \xed\xa0\x80\n"), Expect(1, "NPQ004", 1, 4)),
    Case("escape-char", "extra", "a raw ESC (terminal injection) in a value",
         file_case("esc.yaml", b"a: \x1b[31mred\n"), Expect(1, "NPQ005", 1, 4)),
    Case("code-point-columns", "extra", "duplicate key after multi-byte characters (column in code points)",
         file_case("columns.yaml", "{é: 1, é: 2}\n".encode()), Expect(1, "NPQ012", 1, 8)),
    Case("unterminated-flow", "extra", "'a: [1, 2' (unterminated flow sequence)",
         file_case("unterminated.yaml", b"a: [1, 2\n"), Expect(1, "NPQ010", ANY, ANY)),
    Case("unterminated-quote", "extra", "'a: \"abc' with no closing quote, then more keys",
         file_case("unterminated-quote.yaml", b'a: "abc\nb: 1\n'), Expect(1, "NPQ010", 1, 4)),
    Case("undefined-alias", "extra", "an alias to an undefined anchor",
         file_case("undefined-alias.yaml", b"a: *nowhere\n"), Expect(1, "NPQ010", 1, ANY),
         "yaml-cpp itself reports the undefined anchor (a ParserException, so NPQ010)"),
    Case("flow-1e6-items", "extra", "a flow sequence of 10^6 + 1 items (node limit)",
         file_case("items.yaml", b"[" + b"x," * 1_000_000 + b"x]\n"), Expect(1, "NPQ011", 1, ANY),
         "stopped by the read-ahead budget before the node limit is reached"),
    Case("flow-14mib", "extra", "a 14 MiB flow sequence '[x,x,...]' (under the 16 MiB limit)",
         file_case("flow14.yaml", lambda: b"[" + b"x," * (7 << 20) + b"x]\n"),
         Expect(1, "NPQ011", 1, ANY)),
    Case("figures-at-list-limits", "extra",
         "200 terms of 100 activities with unpublished hours and 50 categories of figures (1.3 MB)",
         file_case("figures.yaml", lambda: figures_at_limits()),
         Expect(0, "NPQ309", ANY, 1, wall_limit=3.0),
         "the figures engine's work budget (lp::Budget) stops it: one NPQ309 at the summary says "
         "the figures were not judged; before the budget it ran for minutes and took gigabytes"),
    Case("keys-100000", "extra", "a mapping with 100,000 distinct keys (duplicate check stays linear)",
         file_case("keys.yaml", lambda: many_keys(100_000)), Expect(1, "NPQ100")),
    Case("duplicates-50000", "extra", "50,000 duplicate keys (50,000 findings)",
         file_case("dups.yaml", lambda: many_keys(50_010, duplicate_every=10)),
         Expect(1, "NPQ012", 11, 1), "findings are capped at 100 per code and file, then summarised"),
    Case("duplicates-5mb", "extra", "a 5 MiB file of 'a: 1' lines (10^6 duplicate keys)",
         file_case("dups5.yaml", b"a: 1\n" * (1 << 20)), Expect(1, "NPQ012", 2, 1, wall_limit=3.0),
         "parse-bound: yaml-cpp reads about 5 MB/s here, so 5 MiB of keys take over 1 s; findings "
         "are capped at 100 per code"),
    Case("documents-4x900k", "extra", "4 documents of 900,000 block-sequence items (13.7 MiB)",
         file_case("multi.yaml", lambda: (b"---\n" + b"- x\n" * 900_000) * 4),
         Expect(1, "NPQ002", ANY, ANY, wall_limit=6.0),
         "the per-file node limit (2,000,000) stops it in the third document; parse-bound: "
         "yaml-cpp reads about 4-5 MB/s here, so the largest files npq accepts take seconds"),
    Case("scalar-8mib", "extra", "one 8 MiB plain scalar",
         file_case("scalar.yaml", lambda: b"a: " + b"x" * (8 << 20) + b"\n"),
         Expect(1, "NPQ011", 1, ANY), "a value longer than the 256 KiB read-ahead budget is refused"),
    Case("scalar-15mib", "extra", "one 15 MiB plain scalar (under the 16 MiB limit)",
         file_case("scalar15.yaml", lambda: b"a: " + b"x" * (15 << 20) + b"\n"),
         Expect(1, "NPQ011", 1, ANY)),
    Case("merge-key-40000", "extra", "'<<: *base' merging a 40,000-key mapping (620 kB file)",
         file_case("merge.yaml", lambda: b"base: &b\n" + b"".join(
             b"  k%d: %d\n" % (i, i) for i in range(40_000)) + b"copy:\n  <<: *b\n"),
         Expect(1, "NPQ100")),
    Case("one-line-duplicates", "extra", "40,000 duplicate keys on one line '{a: 1, a: 1, ...}'",
         file_case("oneline.yaml", b"{" + b"a: 1, " * 40_000 + b"b: 2}\n"),
         Expect(1, "NPQ012", 1, 8)),
    Case("utf8-bom-column", "extra", "UTF-8 BOM, duplicate key on line 1: '{a: 1, a: 2}'",
         file_case("bomcol.yaml", b"\xef\xbb\xbf{a: 1, a: 2}\n"), Expect(1, "NPQ012", 1, 8),
         "editors do not show the BOM, so the second 'a' is in column 8"),
    Case("file-17mib", "extra", "a file just over the 16 MiB limit",
         file_case("over.yaml", lambda: b"#" * ((16 << 20) + 1)), Expect(3, "NPQ002", 0, 0)),
    Case("stdin-100mb", "extra", "100 MB on standard input (size checked while reading)",
         make_100mb_stdin, Expect(1, "NPQ002", 0, 0)),
    Case("dev-zero", "extra", "/dev/zero (a character device)",
         lambda tmp: (["/dev/zero"], None), Expect(3, "NPQ001", 0, 0)),
    Case("comment-only", "extra", "a file holding only comments", file_case("c.yaml", b"# x\n# y\n"),
         Expect(1, "NPQ015", 1, 1)),
    Case("tab-indent", "extra", "a tab used as indentation",
         file_case("tab.yaml", b"a:\n\tb: 1\n"), Expect(1, "NPQ010", 2, ANY)),
    Case("custom-tag", "extra", "a custom tag '!x'", file_case("tag.yaml", b"a: !x 1\n"),
         Expect(1, "NPQ016", 1, ANY)),
    Case("binary-tag", "extra", "'!!binary'", file_case("bin.yaml", b"a: !!binary AAAA\n"),
         Expect(1, "NPQ016", 1, ANY)),
    Case("complex-key", "extra", "a flow mapping used as a key",
         file_case("ckey.yaml", b"? {a: b}\n: c\n"), Expect(1, "NPQ017", 1, ANY)),
]

if not IS_ROOT:
    CASES.append(Case("unreadable-chmod-000", "issue", "a file with permissions 000",
                      make_chmod_000, Expect(3, "NPQ001", 0, 0)))


# ---- running one case ----------------------------------------------------------------------------


CAP_ADDRESS_SPACE = True  # turned off for AddressSanitizer builds (see main)
TIME_SCALE = 1.0  # wall-time limits are scaled up for sanitizer builds (see main)
STRICT_TIME = False  # --strict-time: fail cases over their wall-time target


def limit_address_space() -> None:
    if CAP_ADDRESS_SPACE:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None  # apt: time

# Fallback when GNU time is missing: a fresh, small Python process runs the command and reports
# its peak RSS from wait4 (the harness's own RSS would otherwise be counted: ru_maxrss keeps the
# pre-exec image of a process forked from this one).
LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss) + "\n")
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
"""


def run_npq(npq: str, paths: list[str], stdin: Optional[Path], out_path: Path, err_path: Path,
            rss_path: Path):
    """Runs npq under `timeout -k 1 5` and a 2 GiB address-space cap; returns the exit status
    (as the shell reports it: 124 timeout, 137 killed, 128+N signal N), the wall time and the
    peak RSS in KiB (0 when unknown)."""
    inner = ["timeout", "-k", "1", str(int(TIMEOUT_S * TIME_SCALE)), npq, "validate", "--format", "json", *paths]
    if GNU_TIME:
        cmd = [GNU_TIME, "-f", "%M", "-o", str(rss_path), *inner]
    else:
        cmd = [sys.executable, "-c", LAUNCHER, str(rss_path), *inner]
    with open(out_path, "wb") as out, open(err_path, "wb") as err, \
            (open(stdin, "rb") if stdin else open(os.devnull, "rb")) as inp:
        start = time.monotonic()
        proc = subprocess.run(cmd, stdin=inp, stdout=out, stderr=err,
                              preexec_fn=limit_address_space, close_fds=True, check=False,
                              timeout=TIMEOUT_S * TIME_SCALE + 30)
        seconds = time.monotonic() - start
    rss = 0
    try:
        # GNU time writes "Command exited with non-zero status N" first, the figure last.
        rss = int(rss_path.read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        pass
    status = proc.returncode
    return (128 - status if status < 0 else status), seconds, rss


def check(result: Result, out: bytes, err: bytes, baseline: dict[str, list]) -> None:
    e = result.case.expect
    f = result.failures
    st = result.status
    if st == 124 or st == 137:
        f.append(f"timed out (status {st}) after {TIMEOUT_S * TIME_SCALE:g} s")
    elif st < 0 or st >= 128:
        f.append(f"killed by a signal (status {st})")
    elif st != e.exit:
        f.append(f"exit status {st}, expected {e.exit}")
    # Tests never assert timings (a loaded CI machine would make them flaky): the wall time is
    # printed, and `--strict-time` turns the target (1 s, or the case's documented limit) into a
    # failure, for measuring on an idle machine; see docs/performance.md.
    if STRICT_TIME and result.seconds >= e.wall_limit * TIME_SCALE:
        f.append(f"took {result.seconds:.3f} s (limit {e.wall_limit * TIME_SCALE} s)")
    elif result.seconds >= e.wall_limit * TIME_SCALE:
        result.over_time = True
    try:
        doc = json.loads(out.decode("utf-8"))
        result.diagnostics = doc["diagnostics"]
    except Exception as ex:  # noqa: BLE001 - any failure to parse is a finding
        tail = err.decode("utf-8", "replace").strip()[-300:]
        f.append(f"output is not npq's JSON ({type(ex).__name__}: {ex}); stderr: {tail!r}")
        return
    diags = result.diagnostics
    for d in diags:
        line, col = d.get("line"), d.get("column")
        if not isinstance(line, int) or not isinstance(col, int) or line < 0 or col < 0:
            f.append(f"{d.get('code')}: bad position {line}:{col}")
        elif line == 0 and d.get("code") not in ("NPQ001", "NPQ002"):
            f.append(f"{d.get('code')} has line 0 but is not a file-level problem: {d.get('message')}")
        elif line >= 1 and col < 1:
            f.append(f"{d.get('code')}: line {line} with column {col}")
    if e.code is not None:
        wanted = e.code if isinstance(e.code, tuple) else (e.code,)
        matching = [d for d in diags if d.get("code") in wanted]
        if not matching:
            got = ", ".join(f"{d.get('code')}@{d.get('line')}:{d.get('column')}" for d in diags[:5])
            f.append(f"no {' or '.join(wanted)} diagnostic (got: {got or 'none'})")
        else:
            d = matching[0]
            line, col = d["line"], d["column"]
            if e.line is ANY:
                if line < 1 or col < 1:
                    f.append(f"{d['code']} at {line}:{col}, expected a 1-based position")
            else:
                if line != e.line or (e.column is not ANY and col != e.column):
                    want = f"{e.line}:{'*' if e.column is ANY else e.column}"
                    f.append(f"{d['code']} at {line}:{col}, expected {want}")
    if e.no_errors:
        errors = [d for d in diags if d.get("severity") == "error"]
        if errors:
            d = errors[0]
            f.append(f"unexpected error {d['code']} at {d['line']}:{d['column']}: {d['message']}")
    if e.same_as is not None:
        mine = [(d["code"], d["line"], d["column"]) for d in diags]
        other = baseline.get(e.same_as)
        if other is None:
            f.append(f"baseline case {e.same_as} did not run")
        elif mine != other:
            f.append(f"diagnostics {mine} differ from {e.same_as}'s {other}")


def first_diag(result: Result) -> str:
    code = result.case.expect.code
    wanted = code if isinstance(code, tuple) else (code,)
    for d in result.diagnostics:
        if code is None or d.get("code") in wanted:
            return f"{d['code']}@{d['line']}:{d['column']}"
    return "-" if not result.diagnostics else f"{result.diagnostics[0]['code']}@..."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("npq", help="path to the npq binary")
    parser.add_argument("--only", help="comma-separated case names to run")
    parser.add_argument("--keep", help="generate the inputs in this folder and keep them")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--strict-time", action="store_true",
                        help="fail cases slower than their wall-time target (measure on an idle machine)")
    parser.add_argument("--allow-known-bugs", action="store_true",
                        help="do not fail the run for cases marked known_bug (still reported)")
    args = parser.parse_args()

    if args.list:
        for c in CASES:
            bug = f"  [{c.known_bug.split(':')[0]}]" if c.known_bug else ""
            print(f"{c.name:28} {c.origin:5} {c.what}{bug}")
        return 0
    global STRICT_TIME
    STRICT_TIME = args.strict_time
    npq = os.path.abspath(args.npq)
    if not os.access(npq, os.X_OK):
        print(f"npq binary not found or not executable: {npq}", file=sys.stderr)
        return 2
    if shutil.which("timeout") is None:
        print("SKIPPED: the 'timeout' program (coreutils) is not installed")
        return 77
    # An AddressSanitizer build cannot start under an address-space cap (its shadow memory is
    # reserved up front); run it uncapped and say so.
    global CAP_ADDRESS_SPACE
    probe = subprocess.run([npq, "--version"], capture_output=True, preexec_fn=limit_address_space,
                           check=False)
    global TIME_SCALE
    if probe.returncode != 0 and b"Sanitizer" in probe.stderr:
        CAP_ADDRESS_SPACE = False
        TIME_SCALE = 6.0
        print("note: npq is built with a sanitizer; running without the address-space cap and "
              "with wall-time limits 5 times longer (sanitizers slow it down)")
    cases = CASES
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {c.name for c in CASES}
        if unknown:
            print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        # keep the baselines that "same_as" needs
        wanted |= {c.expect.same_as for c in CASES if c.name in wanted and c.expect.same_as}
        cases = [c for c in CASES if c.name in wanted]
    # Baselines first, so same_as comparisons can use them.
    baseline_names = {c.expect.same_as for c in cases if c.expect.same_as}
    cases = sorted(cases, key=lambda c: 0 if c.name in baseline_names else 1)

    print(f"npq: {npq}")
    cap = f"{ADDRESS_SPACE >> 20} MiB" if CAP_ADDRESS_SPACE else "not capped"
    print(f"limits: timeout {TIMEOUT_S} s, address space {cap}, "
          f"wall time per case < {WALL_LIMIT_S} s; running as {'root' if IS_ROOT else 'non-root'}")
    if IS_ROOT:
        print("note: running as root, so 'chmod 000' cannot make a file unreadable; the FIFO and "
              "'folder named x.yaml' cases stand in for it")
    print()
    header = f"{'case':28} {'from':5} {'exit':>4} {'finding':18} {'time':>8} {'peak RSS':>9}  result"
    print(header)
    print("-" * len(header))

    results: list[Result] = []
    baseline: dict[str, list] = {}
    keep = Path(args.keep).resolve() if args.keep else None
    with tempfile.TemporaryDirectory(prefix="npq-hostile-") as tmpdir:
        root = keep or Path(tmpdir)
        root.mkdir(parents=True, exist_ok=True)
        for case in cases:
            work = root / case.name
            if work.exists():
                shutil.rmtree(work)
            work.mkdir()
            result = Result(case)
            try:
                paths, stdin = case.make(work)
                out_path, err_path = root / f"{case.name}.out.json", root / f"{case.name}.err"
                result.status, result.seconds, result.rss_kib = run_npq(
                    npq, paths, stdin, out_path, err_path, root / f"{case.name}.rss")
                out, err = out_path.read_bytes(), err_path.read_bytes()
                result.output_bytes = len(out)
                check(result, out, err, baseline)
            except Exception as ex:  # noqa: BLE001 - a broken case must be reported, not crash
                result.failures.append(f"the harness failed: {type(ex).__name__}: {ex}")
            if case.name in baseline_names:
                baseline[case.name] = [(d["code"], d["line"], d["column"])
                                       for d in result.diagnostics]
            results.append(result)
            if case.known_bug:
                verdict = ("FAIL, known " + case.known_bug.split(":")[0] if result.failures
                           else "ok (despite " + case.known_bug.split(":")[0] + ")")
            else:
                verdict = "ok" if not result.failures else "FAIL"
            if result.over_time and not result.failures:
                verdict += f" (over the {result.case.expect.wall_limit * TIME_SCALE:g} s target)"
            print(f"{case.name:28} {case.origin:5} {result.status:>4} {first_diag(result):18} "
                  f"{result.seconds * 1000:6.0f}ms {result.rss_kib / 1024:7.1f}MiB  {verdict}",
                  flush=True)
            for failure in result.failures:
                print(f"    - {failure}")
            if result.failures and case.known_bug:
                print(f"    - known bug: {case.known_bug}")
            # Free the disk space of the big inputs as soon as possible.
            if keep is None:
                shutil.rmtree(work, ignore_errors=True)

    failed = [r for r in results if r.failures]
    known = [r for r in failed if r.case.known_bug]
    slowest = max(results, key=lambda r: r.seconds)
    biggest = max(results, key=lambda r: r.rss_kib)
    print()
    print(f"{len(results)} cases, {len(results) - len(failed)} passed, {len(failed)} failed "
          f"({len(known)} of them known npq bugs); slowest {slowest.case.name} "
          f"{slowest.seconds * 1000:.0f} ms, largest peak RSS {biggest.case.name} "
          f"{biggest.rss_kib / 1024:.1f} MiB" + ("" if GNU_TIME else " (RSS via a Python launcher)"))
    if known:
        print("KNOWN NPQ BUGS (cases that fail until src/ is fixed): " +
              ", ".join(f"{r.case.name} [{r.case.known_bug.split(':')[0]}]" for r in known))
    unexpected = [r for r in failed if not r.case.known_bug]
    if unexpected:
        print("FAILED: " + ", ".join(r.case.name for r in unexpected))
    if unexpected or (known and not args.allow_known_bugs):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
