#!/usr/bin/env python3
"""Deterministic generator of realistic synthetic NPQ programme files for the benchmark.

  bench/generate.py --files 1000 --out bench/out/corpus      # 1,000 files of ~3-4 KB each
  bench/generate.py --activities 100000 --out big.yaml       # one programme, 100,000 activities

The programmes look like the real ones in programmes/: a qualification with its framework (or
the 2017 framework with leadership behaviours), a route map of terms, half-terms, courses or
modules (with electives), activities of many kinds whose hours are exact, 'not-published',
{at-least}, {about}, {up-to} or {from, to}, a provider's summary whose categories reconcile with
the route map or (on purpose, sometimes) do not, framework coverage, funding, start dates and the
assessment. They use only ids that exist (qualifications, frameworks, areas, roles, settings,
period and activity ids), so `npq validate` finds no input, syntax, structure or reference errors
in them; domain findings (hours that do not add up, uncovered areas, ...) are expected.

Full dates are quoted so that YAML 1.1 loaders (PyYAML) read them as text like npq does, and the
same files can be checked against schemas/programme.schema.json by the other validators.
Output depends only on --seed and the arguments (same input, same bytes).
"""

import argparse
import os
import random
import sys

# ---- reference data (a copy of the ids in data/; a subset is enough) --------------------------

FRAMEWORKS = {
    "npqsl-2020": ["school-culture", "teaching", "curriculum-and-assessment", "behaviour", "send",
                   "professional-development", "organisational-management", "implementation",
                   "working-in-partnership", "governance-and-accountability"],
    "npqh-2020": ["school-culture", "teaching", "curriculum-and-assessment", "behaviour", "send",
                  "professional-development", "organisational-management", "implementation",
                  "working-in-partnership", "governance-and-accountability"],
    "npqel-2020": ["school-culture", "teaching", "curriculum-and-assessment", "behaviour", "send",
                   "professional-development", "organisational-management", "implementation",
                   "working-in-partnership", "governance-and-accountability"],
    "npqeyl-2021": ["culture", "child-development-curriculum-and-assessment", "send",
                    "professional-development", "organisational-management", "implementation",
                    "working-in-partnership"],
    "npqlbc-2020": ["teaching", "school-culture", "enabling-conditions-for-good-behaviour",
                    "complex-behavioural-needs", "professional-development", "implementation"],
    "npqll-2022": ["teaching", "developing-language", "developing-reading", "developing-writing",
                   "professional-development", "implementation"],
    "npqlt-2020": ["teaching", "school-culture", "how-pupils-learn", "subject-and-curriculum",
                   "classroom-practice", "adaptive-teaching", "assessment",
                   "professional-development", "implementation"],
    "npqltd-2020": ["teaching", "designing-effective-professional-development",
                    "delivering-effective-professional-development", "implementation"],
    "npqsenco-2023": ["school-culture", "statutory-framework", "identification-of-need", "teaching",
                      "behaviour", "leading-and-managing-provision", "professional-development",
                      "implementation"],
    "npq-2017": ["strategy-and-improvement", "teaching-and-curriculum-excellence",
                 "leading-with-impact", "working-in-partnership", "managing-resources-and-risks",
                 "increasing-capability"],
}

# (code, course identifier, framework, months taught, title)
QUALIFICATIONS = [
    ("NPQSL", "npq-senior-leadership", "npqsl-2020", 18, "Senior Leadership"),
    ("NPQH", "npq-headship", "npqh-2020", 18, "Headship"),
    ("NPQEL", "npq-executive-leadership", "npqel-2020", 18, "Executive Leadership"),
    ("NPQEYL", "npq-early-years-leadership", "npqeyl-2021", 18, "Early Years Leadership"),
    ("NPQSENCO", "npq-senco", "npqsenco-2023", 18, "Special Educational Needs Co-ordinators"),
    ("NPQLBC", "npq-leading-behaviour-culture", "npqlbc-2020", 12, "Leading Behaviour and Culture"),
    ("NPQLL", "npq-leading-literacy", "npqll-2022", 12, "Leading Literacy"),
    ("NPQLT", "npq-leading-teaching", "npqlt-2020", 12, "Leading Teaching"),
    ("NPQLTD", "npq-leading-teaching-development", "npqltd-2020", 12,
     "Leading Teacher Development"),
    ("NPQSL", None, "npq-2017", 18, "Senior Leadership (2017 framework)"),
    ("NPQH", None, "npq-2017", 18, "Headship (2017 framework)"),
]

BEHAVIOURS = ["commitment", "collaboration", "personal-drive", "resilience", "awareness",
              "integrity", "respect"]

ROLES = ["teacher", "middle-leader", "experienced-middle-leader", "senior-leader",
         "aspiring-senior-leader", "assistant-headteacher", "deputy-headteacher", "headteacher",
         "aspiring-headteacher", "head-of-school", "senco", "head-of-department", "head-of-phase",
         "literacy-lead", "teaching-lead", "teacher-development-lead", "behaviour-lead",
         "early-years-leader", "executive-headteacher", "trust-ceo"]

STATE_SETTINGS = ["state-funded-school", "academy", "state-funded-16-19-organisation",
                  "school-based-nursery", "la-nursery-school"]

PROVIDERS = ["Ambition Institute", "UCL Institute of Education", "Best Practice Network",
             "Teach First", "Church of England", "Education Development Trust",
             "National Institute of Teaching", "Leadership Learning South East",
             "Teacher Development Trust", "Harris Federation", "Outstanding Leaders Partnership",
             "Northern Lights Teaching School Hub"]

PARTNERS = ["Milton Keynes Teaching School Hub", "Three Rivers Teaching School Hub",
            "Kent Teaching School Hub", "Cambridge Teaching School Hub",
            "Learners First Partnership", "Bradford Research School"]

# Activity kinds with a title, a typical delivery and typical hours.
KINDS = [
    ("audit", "Leadership audit", "asynchronous", "self-directed", None, 1),
    ("induction-conference", "Induction conference", "synchronous", "facilitated", "online", 4),
    ("conference", "Full day conference", "synchronous", "facilitated", "face-to-face", 6),
    ("face-to-face-event", "Face to face event", "synchronous", "facilitated", "face-to-face", 5),
    ("seminar", "Expert seminar", "synchronous", "facilitated", "online", 2),
    ("webinar", "Live webinar", "synchronous", "facilitated", "online", 1.5),
    ("workshop", "Practical workshop", "synchronous", "facilitated", "face-to-face", 3),
    ("clinic", "Clinic", "synchronous", "facilitated", "online", 2),
    ("community-session", "Online community session", "synchronous", "facilitated", "online", 1),
    ("peer-learning-group", "Peer learning group", "synchronous", "facilitated", "online", 2),
    ("self-directed-study", "Online self-directed study", "asynchronous", "self-directed",
     "online", 8),
    ("module", "Online module", "asynchronous", "self-directed", "online", 1),
    ("online-learning", "Online learning", "asynchronous", "self-directed", "online", 6),
    ("reading", "Reading and reflection", "asynchronous", "self-directed", None, 3),
    ("learning-journal", "Learning journal", "asynchronous", "self-directed", None, 2),
    ("formative-task", "Formative assessment task", "asynchronous", "self-directed", None, 2),
    ("mentor-check-in", "Mentor check-in", "synchronous", "facilitated", None, 1),
    ("coaching", "One-to-one coaching", "synchronous", "facilitated", "online", 1),
    ("school-visit", "School visit", "synchronous", "facilitated", "face-to-face", 6),
    ("practical-learning", "Practical learning in your school", "asynchronous", "self-directed",
     "in-school", 20),
]

PERIOD_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve"]

VERBS = ["explore", "develop", "consider", "reflect on", "apply", "plan", "evaluate", "lead"]
OBJECTS = ["the evidence on effective practice", "your school's context", "whole-school change",
           "staff development", "high expectations for every pupil", "the curriculum",
           "the implementation of a new approach", "working with families and partners"]


def words(rng, n_min=5, n_max=9):
    """A plausible sentence of source text."""
    out = []
    n = rng.randint(n_min, n_max)
    while len(" ".join(out).split()) < n:
        out.append(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    text = ", ".join(out)
    return text[0].upper() + text[1:] + "."


def q(text):
    """A double-quoted YAML scalar (safe for any text)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def num(x):
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# ---- hours as published ------------------------------------------------------------------------

def pick_hours(rng, typical):
    """(yaml text, (low, high or None)) for one activity's hours."""
    r = rng.random()
    if r < 0.70:
        h = typical if rng.random() < 0.7 else max(0.5, typical + rng.choice([-1, 1, 2]))
        return num(h), (h, h)
    if r < 0.82:
        return "not-published", (0, None)
    if r < 0.89:
        h = typical + rng.randint(0, 4)
        return f"{{at-least: {num(h)}}}", (h, None)
    if r < 0.95:
        h = typical + rng.randint(0, 10)
        return f"{{about: {num(h)}}}", (h, h)
    if r < 0.98:
        h = typical + rng.randint(2, 20)
        return f"{{up-to: {num(h)}}}", (0, h)
    lo = typical
    return f"{{from: {num(lo)}, to: {num(lo + rng.randint(1, 4))}}}", (lo, lo + 2)


class Writer:
    def __init__(self):
        self.lines = []

    def __call__(self, indent, text):
        self.lines.append("  " * indent + text)

    def text(self):
        return "\n".join(self.lines) + "\n"


# ---- one programme ---------------------------------------------------------------------------

def activity(w, rng, indent, kind_row, areas, act_id=None, short=False):
    """Writes one activity as a list item; returns (kind, hours range, count, id)."""
    kind, title, sync, facil, mode, typical = kind_row
    hours_text, rng_hours = pick_hours(rng, typical)
    count = rng.choice([2, 3, 4, 6]) if rng.random() < 0.15 else 1
    first = True

    def item(key, value):
        nonlocal first
        w(indent, ("- " if first else "  ") + f"{key}: {value}")
        first = False

    if act_id:
        item("id", act_id)
    item("title", title if count == 1 else f"{title}s")
    item("kind", kind)
    item("hours", hours_text)
    if count != 1:
        item("count", str(count))
    if rng.random() < 0.7:  # some sources say nothing about delivery
        delivery = [f"synchrony: {sync}", f"facilitation: {facil}"]
        if mode:
            delivery.append(f"mode: {mode}")
        item("delivery", "{" + ", ".join(delivery) + "}")
    if areas:
        r = rng.random()
        if kind == "self-directed-study" and r < 0.3:
            item("covers", "all")
        elif r < 0.55:
            item("covers", "[" + ", ".join(rng.sample(areas, min(len(areas),
                                                                rng.randint(1, 2)))) + "]")
    if not short and rng.random() < 0.15:
        item("description", words(rng, 4, 8))
    if not short and rng.random() < 0.2:
        hours_word = hours_text if hours_text[0].isdigit() else "some"
        item("quote", q(f"{title} for {hours_word} hours"))
    return kind, rng_hours, count, act_id


def add(a, b):
    lo = a[0] + b[0]
    hi = None if a[1] is None or b[1] is None else a[1] + b[1]
    return (lo, hi)


def scale(r, n):
    return (r[0] * n, None if r[1] is None else r[1] * n)


def published(rng, total, honest):
    """A published figure for a route-map total (lo, hi): right when honest, else a bit off."""
    lo, hi = total
    if honest:
        if hi is None:
            return f"{{at-least: {num(lo)}}}" if lo > 0 else "not-published"
        if lo == hi:
            return num(lo)
        return f"{{from: {num(lo)}, to: {num(hi)}}}"
    base = lo if lo > 0 else 2
    return num(base + rng.choice([-2, -1, 1, 2, 3]) if base > 3 else base + rng.randint(1, 3))


def programme(rng, index, n_activities=None):
    """Returns the YAML text of one programme. With n_activities, a big route map of that many."""
    code, identifier, fw, months, qtitle = rng.choice(QUALIFICATIONS)
    areas = FRAMEWORKS[fw]
    legacy = fw == "npq-2017"
    provider = rng.choice(PROVIDERS)
    pid = f"synthetic-{index:05d}"
    w = Writer()
    w(0, "# yaml-language-server: $schema=../../../schemas/programme.schema.json")
    w(0, "format: 1")
    w(0, "kind: programme")
    w(0, f"id: {pid}")
    w(0, f"title: National Professional Qualification in {qtitle} ({code})")
    w(0, f"qualification: {code}")
    if identifier and rng.random() < 0.4:
        w(0, f"course-identifier: {identifier}")
    w(0, f"provider: {provider}")
    if rng.random() < 0.3:
        w(0, f"delivery-partner: {rng.choice(PARTNERS)}")
    if legacy or rng.random() < 0.9:
        w(0, f"framework: {fw}")
    else:
        areas = []  # no framework named: nothing to cover
    w(0, "source:")
    w(1, f"title: NPQ in {qtitle}")
    w(1, f"publisher: {provider}")
    w(1, f"url: https://www.example.org/{pid}/npq-{code.lower()}")
    w(1, f"retrieved: '2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}'")
    w(0, f"description: {words(rng)}")

    if n_activities is None or rng.random() < 0.8:
        w(0, "audience:")
        w(1, f"description: {words(rng, 5, 9)}")
        w(1, "roles: [" + ", ".join(rng.sample(ROLES, rng.randint(1, 4))) + "]")

    # funding
    w(0, "funding:")
    settings = rng.sample(STATE_SETTINGS, rng.randint(1, 2))
    w(1, "- kind: scholarship")
    w(1, f"  coverage: {rng.choice(['full', 'full', 'partial'])}")
    w(1, "  settings: [" + ", ".join(settings) + "]")
    w(1, "  region: england")
    if rng.random() < 0.3:
        w(1, "  status: suspended")
        w(1, f"  from: '2024-{rng.randint(1, 6):02d}'")
        w(1, f"  until: '2025-{rng.randint(7, 12):02d}'")
    if rng.random() < 0.6:
        fee_settings = ["independent-school"] if rng.random() < 0.85 else settings[:1]
        w(1, "- kind: fee")
        w(1, f"  amount: {rng.choice([950, 1055, 1200, 1450, 1800, 2500])}")
        w(1, "  currency: GBP")
        w(1, "  settings: [" + ", ".join(fee_settings) + "]")
    if rng.random() < 0.3:
        w(1, "- kind: contact-provider")
        w(1, "  settings: [british-international-school]")

    nominal = months if rng.random() < 0.85 else rng.choice([6, 12, 15, 18, 24])
    w(0, "duration:")
    w(1, f"nominal: {nominal} months")
    if rng.random() < 0.2:
        w(1, f"maximum: {nominal + 6} months")
    w(0, "starts:")
    year = rng.randint(2021, 2025)
    for s in range(rng.randint(1, 2)):
        season = rng.choice(["autumn", "spring", "summer"])
        if rng.random() < 0.5:
            w(1, f"- date: {season} {year + s}")
        else:
            w(1, f"- date: '{year + s}-{rng.randint(1, 12):02d}'")
            w(1, f"  label: {season.capitalize()} {year + s} cohort")

    # route map
    big = n_activities is not None
    if big:
        per_period = 50
        n_periods = max(1, (n_activities + per_period - 1) // per_period)
        period_kind = "module"
    else:
        period_kind = rng.choice(["term", "term", "half-term", "course", "module"])
        n_periods = {"term": rng.randint(3, 4), "half-term": 6,
                     "course": rng.randint(6, 9), "module": rng.randint(4, 7)}[period_kind]
    # Like the real files (ambition-npqsl, modular-npqsl), courses and modules often share one
    # list of activities through a YAML anchor and aliases.
    shared = not big and period_kind in ("course", "module") and rng.random() < 0.6
    shared_acts = None
    w(0, "route-map:")
    w(1, f"period-kind: {period_kind}")
    if period_kind == "course":
        w(1, "period-length: 1 half-term")
    w(1, "periods:")
    period_ids = []
    acts = []  # (period index, kind, hours range, count, id)
    kinds_pool = KINDS[:]
    core = rng.sample(kinds_pool, 4)
    made = 0
    for p in range(n_periods):
        pword = PERIOD_WORDS[p] if p < len(PERIOD_WORDS) else str(p + 1)
        pid_ = f"{period_kind}-{p + 1}"
        period_ids.append(pid_)
        w(2, f"- id: {pid_}")
        w(2, f"  title: {period_kind.capitalize()} {pword}")
        if period_kind in ("course", "module") and areas and not big:
            w(2, f"  covers: [{areas[p % len(areas)]}]")
        if big:
            n_here = min(per_period, n_activities - made)
        else:
            n_here = rng.randint(2, 3) if period_kind == "term" or shared else rng.randint(1, 2)
        if n_here <= 0:
            continue
        if shared and shared_acts is not None:
            w(2, "  activities: *activities")
            for _, kind, hrs, count, _ in shared_acts:
                acts.append((p, kind, hrs, count, None))
            continue
        w(2, "  activities: &activities" if shared else "  activities:")
        for a in range(n_here):
            row = core[a % len(core)] if (big or a < len(core)) and rng.random() < 0.8 \
                else rng.choice(kinds_pool)
            if p == 0 and a == 0 and not big:
                row = KINDS[0]  # an audit to start
            act_id = f"p{p + 1}-a{a + 1}" if (big and a % 10 == 0) or (
                not shared and rng.random() < 0.1) else None
            kind, hrs, count, aid = activity(w, rng, 3, row, areas, act_id, short=big)
            acts.append((p, kind, hrs, count, aid))
            made += 1
        if shared:
            shared_acts = [a for a in acts if a[0] == p]
    throughout = []
    w(1, "throughout:")
    w(2, "- id: implementation-project")
    w(2, "  title: Implementation project")
    w(2, "  kind: implementation-project")
    w(2, "  hours: not-published")
    throughout.append(("implementation-project", (0, None), 1))
    if rng.random() < 0.5:
        n = rng.choice([3, 6, 9])
        w(2, "- id: clinics")
        w(2, "  title: Clinics")
        w(2, "  kind: clinic")
        w(2, f"  count: {n}")
        w(2, "  hours: 2")
        throughout.append(("clinic", (2 * n, 2 * n), n))
    choices = []
    if period_kind == "module" and n_periods >= 4 and not big:
        electives = period_ids[2:]
        choose = rng.randint(1, len(electives) - 1)
        w(1, "choices:")
        w(2, "- id: further-modules")
        w(2, "  title: Further modules")
        w(2, f"  choose: {choose}")
        w(2, "  from: [" + ", ".join(electives) + "]")
        choices = electives

    # summary: categories by kind, mostly honest
    honest_file = rng.random() < 0.7
    by_kind = {}
    for p, kind, hrs, count, aid in acts:
        if choices and period_ids[p] in choices:
            continue
        by_kind.setdefault(kind, (0, 0))
        by_kind[kind] = add(by_kind[kind], scale(hrs, count))
    for kind, hrs, count in throughout:
        by_kind.setdefault(kind, (0, 0))
        by_kind[kind] = add(by_kind[kind], hrs)
    kinds_seen = sorted(by_kind)
    n_cats = min(len(kinds_seen), 3 if big else rng.randint(2, 4))
    w(0, "summary:")
    w(1, "quote: Summary of programme and learning hours")
    w(1, "categories:")
    grand = (0, 0)
    for kind in rng.sample(kinds_seen, n_cats):
        honest = honest_file or rng.random() < 0.5
        w(2, f"- label: {kind.replace('-', ' ').capitalize()}")
        w(2, f"  kinds: [{kind}]")
        w(2, f"  total-hours: {published(rng, by_kind[kind], honest)}")
        grand = add(grand, by_kind[kind])
    if period_ids and rng.random() < 0.3 and not big:
        with_id = [a for a in acts if a[4]]
        if with_id:
            a = rng.choice(with_id)
            w(2, f"- label: {a[1].replace('-', ' ').capitalize()} ({a[4]})")
            w(2, f"  activities: [{a[4]}]")
            w(2, f"  periods: [{period_ids[a[0]]}]")
            w(2, f"  count: {a[3]}")
    if rng.random() < 0.5:
        total = (0, 0)
        for v in by_kind.values():
            total = add(total, v)
        w(1, f"total-hours: {published(rng, total, honest_file)}")
    if period_kind in ("course", "half-term") and rng.random() < 0.6:
        w(1, f"period-count: {n_periods if honest_file else n_periods + 1}")

    # topics / behaviours
    if areas and not big and rng.random() < 0.6:
        w(0, "topics:")
        for area in rng.sample(areas, rng.randint(2, min(4, len(areas)))):
            w(1, f"- title: {area.replace('-', ' ').capitalize()}")
            w(1, f"  covers: [{area}]")
    if legacy:
        w(0, "behaviours:")
        for b in rng.sample(BEHAVIOURS, rng.choice([3, 7, 7])):
            w(1, f"- id: {b}")
            w(1, f"  title: {b.replace('-', ' ').capitalize()}")

    # assessment
    w(0, "assessment:")
    if legacy:
        w(1, "kind: project")
        w(1, "parts:")
        half = len(areas) // 2
        w(2, f"- {{id: part-a, title: Part A, assesses: [{', '.join(areas[:half])}]}}")
        w(2, f"- {{id: part-b, title: Part B, assesses: [{', '.join(areas[half:])}]}}")
    else:
        w(1, "kind: written-case-study")
        w(1, "window: 8 days")
        w(1, f"open-book: {rng.choice(['true', 'false'])}")
    w(1, "timing:")
    w(2, f"starts: {rng.choice(['after-programme', 'end-of-programme', 'during-programme'])}")
    if rng.random() < 0.5:
        w(2, "within: 3 months")
    if rng.random() < 0.4:
        w(1, f"engagement-threshold: {rng.choice([80, 90, 100, 90])}")
    if rng.random() < 0.4:
        w(0, "notes:")
        w(1, f"- {words(rng, 6, 10)}")
    return w.text()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--files", type=int, help="write this many programme files into --out DIR")
    mode.add_argument("--activities", type=int,
                      help="write one programme with this many activities to --out FILE")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261123)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.files is not None:
        os.makedirs(args.out, exist_ok=True)
        total = 0
        for i in range(args.files):
            text = programme(random.Random(rng.getrandbits(64)), i + 1)
            path = os.path.join(args.out, f"programme-{i + 1:05d}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode())
        print(f"{args.files} files, {total} bytes ({total / max(1, args.files):.0f} per file) "
              f"in {args.out}", file=sys.stderr)
    else:
        text = programme(rng, 0, n_activities=args.activities)
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"1 file, {args.activities} activities, {len(text.encode())} bytes: {args.out}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
