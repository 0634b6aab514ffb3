#!/usr/bin/env python3
"""Property test of npq's verdicts on published figures, against an independent oracle.

Generates small random programmes (route maps of 1-3 terms with activities whose hours are
exact, not published, 'at least', 'up to' or a range, sometimes with an activity that runs
throughout; published categories with totals, per-term figures, 'each' figures and counts, and
sometimes a programme total), runs `npq hours -f json` on all of them at once, and recomputes
every verdict here with scipy's linear programming (HiGHS), following the rules of
docs/format.md ("How npq reasons with published figures"), written again from that text:

  1. each figure judged against the route map alone (no other figure);
  2. the figures that constrain hours and are not contradicted alone: if they cannot all hold,
     every figure keeps its verdict against the route map alone;
  3. otherwise each figure is judged against the route map and all the others;
  4. a part with no published hours behind it that is not contradicted is 'unverifiable'.

npq's verdict must equal the oracle's on every row. Hours are small integers, so the cases are
exact for both solvers.

    property.py NPQ [--cases N] [--seed S] [--keep DIR]
    property.py NPQ --self-test     # the comparison must catch a wrong oracle (exit 0 if it does)

--self-test replaces the oracle's step 3 by a plainly wrong one (every figure judged alone, as
npq did before: "agrees" when the route map alone allows it) and succeeds only if that
disagrees with npq somewhere: proof that the comparison can fail.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import linprog

INF = float("inf")
EPS = 1e-6
KINDS = ["self-directed-study", "coaching", "conference"]


# ---- generation --------------------------------------------------------------------------------

def hours_form(rng, allow_unpublished=True):
    r = rng.random()
    if r < 0.45:
        return ("exact", rng.randint(0, 6))
    if r < 0.65 and allow_unpublished:
        return ("not-published",)
    if r < 0.77:
        return ("at-least", rng.randint(0, 5))
    if r < 0.89:
        return ("up-to", rng.randint(1, 6))
    lo = rng.randint(0, 4)
    return ("range", lo, lo + rng.randint(1, 3))


def figure_form(rng):
    r = rng.random()
    if r < 0.5:
        return ("exact", rng.randint(0, 14))
    if r < 0.7:
        return ("at-least", rng.randint(0, 10))
    if r < 0.85:
        return ("up-to", rng.randint(1, 14))
    lo = rng.randint(0, 10)
    return ("range", lo, lo + rng.randint(1, 5))


def yaml_hours(h):
    if h[0] == "exact":
        return str(h[1])
    if h[0] == "not-published":
        return "not-published"
    if h[0] == "range":
        return "{from: %d, to: %d}" % (h[1], h[2])
    return "{%s: %d}" % (h[0], h[1])


def witness_hours(rng, a):
    """Hours the activity could really take, within what is published (a witness)."""
    h, n = a["hours"], a["count"]
    if h[0] == "exact":
        return h[1] * n
    if h[0] == "not-published":
        return rng.randint(0, 6) * n
    if h[0] == "at-least":
        return (h[1] + rng.randint(0, 3)) * n
    if h[0] == "up-to":
        return rng.randint(0, h[1]) * n
    return rng.randint(h[1], h[2]) * n


def near(rng, w):
    """A figure that a witness satisfies: mostly the consistent programmes real pages publish."""
    r = rng.random()
    if r < 0.5:
        return ("exact", w)
    if r < 0.7:
        return ("at-least", max(0, w - rng.randint(0, 3)))
    if r < 0.85:
        return ("up-to", w + rng.randint(0, 3))
    return ("range", max(0, w - rng.randint(0, 2)), w + rng.randint(1, 3))


def make_case(rng):
    n_periods = rng.randint(1, 3)
    periods = []
    for p in range(n_periods):
        acts = []
        for _ in range(rng.randint(1, 3)):
            acts.append({"kind": rng.choice(KINDS), "hours": hours_form(rng),
                         "count": rng.choice([1, 1, 1, 2])})
        periods.append(acts)
    throughout = []
    if rng.random() < 0.5:
        throughout.append({"kind": rng.choice(KINDS), "hours": hours_form(rng), "count": 1})
    categories = []
    for _ in range(rng.randint(1, 3)):
        kinds = sorted(set(rng.sample(KINDS, rng.randint(1, 2))))
        restriction = None
        if n_periods > 1 and rng.random() < 0.3:
            restriction = sorted(rng.sample(range(n_periods), rng.randint(1, n_periods - 1)))
        cat = {"kinds": kinds, "periods": restriction}
        if rng.random() < 0.7:
            cat["total"] = figure_form(rng)
        if rng.random() < 0.4:
            cat["per_period"] = figure_form(rng)
        if rng.random() < 0.15:
            cat["each"] = ("exact", rng.randint(1, 4))
        if rng.random() < 0.2:
            cat["count"] = rng.randint(1, 5)
        if len(cat) > 2:
            categories.append(cat)
    case = {"periods": periods, "throughout": throughout, "categories": categories,
            "total": None}
    # Most figures are made to hold for one possible set of hours (so that the reasoning with
    # all figures together is exercised), the rest drawn at random.
    for _, a in activities(case):
        a["w"] = witness_hours(rng, a)
    for a in throughout:
        cuts = sorted(rng.randint(0, a["w"]) for _ in range(n_periods - 1))
        a["ws"] = [y - x for x, y in zip([0] + cuts, cuts + [a["w"]])]

    def witness(kinds, scope):
        total = 0
        for p, a in activities(case):
            if kinds is not None and a["kind"] not in kinds:
                continue
            if p >= 0:
                total += a["w"] if scope is None or p in scope else 0
            elif scope is None or len(scope) == n_periods:
                total += a["w"]
            else:
                total += sum(a["ws"][q] for q in scope)
        return total

    consistent = rng.random() < 0.6
    for cat in categories:
        kinds = set(cat["kinds"])
        scope = cat["periods"]
        if consistent or rng.random() < 0.5:
            if "total" in cat:
                cat["total"] = near(rng, witness(kinds, scope))
            if "per_period" in cat:
                per = [witness(kinds, [p]) for p in (scope or range(n_periods))]
                cat["per_period"] = rng.choice([("exact", per[0]) if len(set(per)) == 1
                                                else ("at-least", min(per)),
                                                ("at-least", min(per)), ("up-to", max(per))])
    if rng.random() < 0.5:
        case["total"] = near(rng, witness(None, None)) if consistent else figure_form(rng)
    # Every category counts something in its scope (categories that count nothing are NPQ302,
    # judged by rules of their own, not by this property).
    for cat in categories:
        if not any(matches(cat, a, p) for p, a in activities(case)):
            return None
    return case if categories or case["total"] else None


def activities(case):
    for p, acts in enumerate(case["periods"]):
        for a in acts:
            yield p, a
    for a in case["throughout"]:
        yield -1, a


def matches(cat, a, period):
    if a["kind"] not in cat["kinds"]:
        return False
    return cat["periods"] is None or period < 0 or period in cat["periods"]


def to_yaml(case):
    out = ["format: 1", "kind: programme", "title: Property case", "qualification: NPQLT",
           "provider: Example Provider", 'source: {title: Example, url: "https://example.org/x"}',
           "route-map:", "  period-kind: term", "  periods:"]
    for p, acts in enumerate(case["periods"]):
        out.append(f"    - id: t{p + 1}")
        out.append(f"      title: Term {p + 1}")
        out.append("      activities:")
        for i, a in enumerate(acts):
            out.append(f"        - {{title: A{p + 1}{i + 1}, kind: {a['kind']}, count: {a['count']}, "
                       f"hours: {yaml_hours(a['hours'])}}}")
    if case["throughout"]:
        out.append("  throughout:")
        for i, a in enumerate(case["throughout"]):
            out.append(f"    - {{title: T{i + 1}, kind: {a['kind']}, count: {a['count']}, "
                       f"hours: {yaml_hours(a['hours'])}}}")
    out.append("summary:")
    if case["categories"]:
        out.append("  categories:")
    for i, c in enumerate(case["categories"]):
        out.append(f"    - label: C{i + 1}")
        out.append(f"      kinds: [{', '.join(c['kinds'])}]")
        if c["periods"] is not None:
            out.append(f"      periods: [{', '.join('t%d' % (p + 1) for p in c['periods'])}]")
        if "total" in c:
            out.append(f"      total-hours: {yaml_hours(c['total'])}")
        if "per_period" in c:
            out.append(f"      hours-per-period: {yaml_hours(c['per_period'])}")
        if "count" in c:
            out.append(f"      count: {c['count']}")
        if "each" in c:
            out.append(f"      hours-each: {yaml_hours(c['each'])}")
    if case["total"]:
        out.append(f"  total-hours: {yaml_hours(case['total'])}")
    return "\n".join(out) + "\n"


# ---- the oracle --------------------------------------------------------------------------------

def bounds_of(h, m):
    """The range a published form allows, times m."""
    if h[0] == "exact":
        return (h[1] * m, h[1] * m)
    if h[0] == "at-least":
        return (h[1] * m, INF)
    if h[0] == "up-to":
        return (0.0, h[1] * m)
    if h[0] == "range":
        return (h[1] * m, h[2] * m)
    return (0.0, INF)


class Model:
    """Unknown hours and the linear expression of each figure part, for the one selection."""

    def __init__(self, case):
        self.case = case
        self.lo, self.hi = [], []
        self.var = {}        # activity id -> variable
        self.shares = {}     # (throughout index, period) -> variable
        self.ties = []       # (coefficients dict, low, high): shares add up to their activity
        self.n_periods = len(case["periods"])

    def new(self, lo, hi):
        self.lo.append(lo)
        self.hi.append(hi)
        return len(self.lo) - 1

    def activity(self, key, a):
        """(constant, {var: coef}, published) for an activity's whole hours."""
        h = a["hours"]
        if h[0] == "exact":
            return h[1] * a["count"], {}, True
        if key not in self.var:
            self.var[key] = self.new(*bounds_of(h, a["count"]))
        return 0.0, {self.var[key]: 1.0}, h[0] != "not-published"

    def share(self, t, period):
        a = self.case["throughout"][t]
        if (t, 0) not in self.shares:
            tie = {}
            for p in range(self.n_periods):
                self.shares[(t, p)] = self.new(0.0, INF)
                tie[self.shares[(t, p)]] = 1.0
            const, terms, _ = self.activity(("t", t), a)
            for v, c in terms.items():
                tie[v] = tie.get(v, 0.0) - c
            self.ties.append((tie, const, const))
        return self.shares[(t, period)]

    def hours(self, kinds, periods):
        """Expression for the activities of these kinds in these periods (None: all)."""
        const, terms, published = 0.0, {}, False

        def add(c, t, pub):
            nonlocal const, published
            const += c
            for v, x in t.items():
                terms[v] = terms.get(v, 0.0) + x
            published = published or pub

        taken = list(range(self.n_periods)) if periods is None else periods
        for p in taken:
            for i, a in enumerate(self.case["periods"][p]):
                if kinds is None or a["kind"] in kinds:
                    add(*self.activity(("p", p, i), a))
        whole = periods is None or len(taken) == self.n_periods
        for t, a in enumerate(self.case["throughout"]):
            if kinds is not None and a["kind"] not in kinds:
                continue
            if whole:
                add(*self.activity(("t", t), a))
            else:
                add(0.0, {self.share(t, p): 1.0 for p in taken},
                    a["hours"][0] != "not-published")
        return const, terms, published


def figures_of(case, model):
    """Every figure: kind, a list of parts (constant, terms, published, required), hours?"""
    figs = []
    n = len(case["periods"])
    for c in case["categories"]:
        scope = c["periods"] if c["periods"] is not None else list(range(n))
        kinds = set(c["kinds"])
        if "total" in c:
            e = model.hours(kinds, c["periods"])
            figs.append(("total", [(*e, bounds_of(c["total"], 1))], True))
        if "per_period" in c:
            figs.append(("each period",
                         [(*model.hours(kinds, [p]), bounds_of(c["per_period"], 1)) for p in scope],
                         True))
        if "count" in c:
            count = sum(a["count"] for p, a in activities(case) if matches(c, a, p))
            figs.append(("count", [(float(count), {}, True, (c["count"], c["count"]))], False))
        if "each" in c:
            parts = []
            for p in range(n):
                for i, a in enumerate(case["periods"][p]):
                    if matches(c, a, p):
                        parts.append((*model.activity(("p", p, i), a),
                                      bounds_of(c["each"], a["count"])))
            for t, a in enumerate(case["throughout"]):
                if matches(c, a, -1):
                    parts.append((*model.activity(("t", t), a), bounds_of(c["each"], a["count"])))
            figs.append(("each session", parts, True))
    if case["total"]:
        figs.append(("programme total", [(*model.hours(None, None), bounds_of(case["total"], 1))],
                     True))
    return figs


def rows(model, figs, chosen):
    """Inequality rows (A x <= b) and equalities of the chosen figures and the share ties."""
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    n = len(model.lo)

    def add(terms, lo, hi):
        vec = np.zeros(n)
        for v, x in terms.items():
            vec[v] = x
        if lo == hi:
            a_eq.append(vec)
            b_eq.append(lo)
            return
        if hi != INF:
            a_ub.append(vec)
            b_ub.append(hi)
        if lo != -INF:
            a_ub.append(-vec)
            b_ub.append(-lo)

    for tie in model.ties:
        add(*tie)
    for f in chosen:
        for const, terms, _, (lo, hi) in figs[f][1]:
            add(terms, lo - const, hi - const if hi != INF else INF)
    return a_ub, b_ub, a_eq, b_eq


def solve(model, figs, chosen, objective=None, sense=1.0):
    n = len(model.lo)
    a_ub, b_ub, a_eq, b_eq = rows(model, figs, chosen)
    c = np.zeros(max(n, 1))
    if objective:
        for v, x in objective.items():
            c[v] = sense * x
    if n == 0:
        # No unknowns: only constant rows, checked by the caller's constants.
        return 0, 0.0
    r = linprog(c, A_ub=np.array(a_ub) if a_ub else None, b_ub=b_ub or None,
                A_eq=np.array(a_eq) if a_eq else None, b_eq=b_eq or None,
                bounds=[(model.lo[i], None if model.hi[i] == INF else model.hi[i])
                        for i in range(n)], method="highs")
    return r.status, (r.fun if r.status == 0 else None)


def feasible(model, figs, chosen):
    for f in chosen:  # constant rows
        for const, terms, _, (lo, hi) in figs[f][1]:
            if not terms and (const < lo - EPS or const > hi + EPS):
                return False
    return solve(model, figs, chosen)[0] == 0


def value_range(model, figs, const, terms, context):
    if not terms:
        return const, const
    status, low = solve(model, figs, context, terms, 1.0)
    low = -INF if status == 3 else low
    status, neg = solve(model, figs, context, terms, -1.0)
    high = INF if status == 3 else -neg
    return const + low, const + high


def verdict(lo, hi, req):
    if hi < req[0] - EPS or lo > req[1] + EPS:
        return "contradicted"
    if lo >= req[0] - EPS and hi <= req[1] + EPS:
        return "confirmed"
    return "open"


RANK = {"confirmed": 0, "unverifiable": 1, "open": 2, "contradicted": 3}


def oracle(case, wrong=False):
    model = Model(case)
    figs = figures_of(case, model)

    def judge(f, context):
        return [verdict(*value_range(model, figs, const, terms, context), req)
                for const, terms, _, req in figs[f][1]]

    alone = [judge(f, []) for f in range(len(figs))]
    worst = [max(v, key=RANK.get) for v in alone]
    live = [f for f in range(len(figs)) if figs[f][2] and worst[f] != "contradicted"]
    if feasible(model, figs, live) and not wrong:
        final = [alone[f] if (not figs[f][2] or worst[f] == "contradicted")
                 else judge(f, [g for g in live if g != f]) for f in range(len(figs))]
    else:
        final = alone
    out = []
    for f, (kind, parts, _) in enumerate(figs):
        for k, (const, terms, published, req) in enumerate(parts):
            v = final[f][k]
            if not published and v != "contradicted":
                v = "unverifiable"
            out.append((kind, v))
    return out


# ---- the run ------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("npq")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--keep", help="write the generated files here and keep them")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = []
    while len(cases) < args.cases:
        c = make_case(rng)
        if c is not None:
            cases.append(c)
    folder = args.keep or tempfile.mkdtemp(prefix="npq-figures-")
    os.makedirs(folder, exist_ok=True)
    names = []
    for i, c in enumerate(cases):
        names.append(os.path.join(folder, f"case-{i:05d}.yaml"))
        with open(names[-1], "w") as f:
            f.write(to_yaml(c))
    run = subprocess.run([args.npq, "hours", "-f", "json", "--no-config", folder],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr[-2000:])
        sys.exit(f"npq hours exited {run.returncode}")
    reports = {os.path.abspath(r["file"]): r for r in json.loads(run.stdout)}
    failures = 0
    counts = {}
    for name, c in zip(names, cases):
        report = reports.get(os.path.abspath(name))
        if report is None:
            print(f"{name}: npq reported nothing")
            failures += 1
            continue
        got = [(r["figure"], r["verdict"]) for r in report["published"]]
        want = oracle(c, wrong=args.self_test)
        for _, v in want:
            counts[v] = counts.get(v, 0) + 1
        if got != want:
            failures += 1
            if failures <= 5:
                print(f"{name}: npq {got}\n    oracle {want}")
    rows = sum(counts.values())
    print(f"property: {len(cases)} cases (seed {args.seed}), {rows} figure rows "
          f"({', '.join(f'{counts[k]} {k}' for k in sorted(counts))}); {failures} disagree")
    if not args.keep:
        for n in names:
            os.remove(n)
        os.rmdir(folder)
    if args.self_test:
        print("self-test: a wrong oracle " + ("was caught" if failures else "went unnoticed"))
        return 0 if failures else 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
