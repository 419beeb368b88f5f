#!/usr/bin/env python3
"""Regenerate and validate the SVO Ring Measure and Triple-Dominance Measure tables.

Standard library only. Run from anywhere:

    python3 docs/instruments/check_tables.py            # validate the CSVs, print ideal respondents
    python3 docs/instruments/check_tables.py --write    # (re)write the two CSVs from the definitions
    python3 docs/instruments/check_tables.py --crosscheck MIRROR_DIR
        # also compare, cell by cell, with the independent public implementations listed in
        # docs/instruments/*.md, read from local git snapshots under MIRROR_DIR (nothing of them is
        # stored in this repository); skipped with a note when a snapshot is absent.

Conventions (see docs/instruments/svo-ring.md and triple-dominance.md):
- a target angle t (degrees) weights the two payoffs as U = self*cos(t) + other*sin(t);
- the ideal respondent takes, on every item, an option with the largest U (the set of such options
  is reported; several options tie only at isolated angles);
- the Ring angle of a set of choices is atan2(sum other, sum self) in (-180, 180].
"""
import argparse
import csv
import math
import os
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RES = os.path.join(ROOT, "hvae-junit", "src", "test", "resources", "instruments")
RING_CSV = os.path.join(RES, "svo-ring-items.csv")
TDM_CSV = os.path.join(RES, "triple-dominance-items.csv")
EPS = 1e-9

# ----------------------------------------------------------------------------------------------
# Ring Measure: 24 points on a circle of radius 15, 15 degrees apart, starting on the own axis;
# item k (1..24) offers option A at phi = 15(k-1) and option B at phi = 15k (mod 360).
# Amounts are rounded to one decimal, half away from zero (no value lies on a half at this
# precision; the rounding is symmetric in sign, so the table keeps the circle's 16 symmetries).
# ----------------------------------------------------------------------------------------------
RADIUS = 15
STEP = 15


def round1(x):
    v = Decimal(repr(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if x >= 0 else \
        -Decimal(repr(-x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    v = float(v)
    return 0.0 if v == 0 else v


def ring_point(phi):
    r = math.radians(phi)
    return round1(RADIUS * math.cos(r)), round1(RADIUS * math.sin(r))


def ring_rows():
    rows = []
    for k in range(1, 25):
        for opt, label, phi in ((1, "A", (k - 1) * STEP), (2, "B", (k * STEP) % 360)):
            s, o = ring_point(phi)
            rows.append({"item": k, "option": opt, "label": label, "self": s, "other": o,
                         "angle_deg": phi})
    return rows


def fmt1(x):
    return "%.1f" % x


# ----------------------------------------------------------------------------------------------
# Triple-Dominance Measure (Van Lange, Otten, De Bruin & Joireman 1997): 9 items x 3 options.
# Adopted values and item order: see triple-dominance.md ("Sources and discrepancies").
# type: the orientation whose criterion the option uniquely maximises
#   prosocial = largest joint payoff (and equal split), individualistic = largest own payoff,
#   competitive = largest own-minus-other difference.
# ----------------------------------------------------------------------------------------------
TDM = [
    # item, [(self, other, type) for A, B, C]
    (1, [(480, 80, "competitive"), (540, 280, "individualistic"), (480, 480, "prosocial")]),
    (2, [(560, 300, "individualistic"), (500, 500, "prosocial"), (500, 100, "competitive")]),
    (3, [(520, 520, "prosocial"), (520, 120, "competitive"), (580, 320, "individualistic")]),
    (4, [(500, 100, "competitive"), (560, 300, "individualistic"), (490, 490, "prosocial")]),
    (5, [(560, 300, "individualistic"), (500, 500, "prosocial"), (490, 90, "competitive")]),
    (6, [(500, 500, "prosocial"), (500, 100, "competitive"), (570, 300, "individualistic")]),
    (7, [(510, 510, "prosocial"), (560, 300, "individualistic"), (510, 110, "competitive")]),
    (8, [(550, 300, "individualistic"), (500, 100, "competitive"), (500, 500, "prosocial")]),
    (9, [(480, 100, "competitive"), (490, 490, "prosocial"), (540, 300, "individualistic")]),
]
# The four cells where the 0-100 implementation (dimaba/svotree, rescaled by 5x+80) disagrees:
# (item, option index, key) -> its value. Used only by --alternative to show the sensitivity.
ALTERNATIVE = {(2, 0, "self"): 550, (3, 1, "other"): 100, (4, 1, "self"): 550, (7, 1, "self"): 550}
LABELS = "ABC"
SHORT = {"prosocial": "P", "individualistic": "I", "competitive": "C"}


def tdm_rows():
    rows = []
    for item, opts in TDM:
        for i, (s, o, t) in enumerate(opts):
            rows.append({"item": item, "option": i + 1, "label": LABELS[i], "self": s, "other": o,
                         "type": t})
    return rows


# ----------------------------------------------------------------------------------------------
# CSV writing / validation
# ----------------------------------------------------------------------------------------------
RING_COLS = ["item", "option", "label", "self", "other", "angle_deg"]
TDM_COLS = ["item", "option", "label", "self", "other", "type"]


def ring_cells(r):
    return [str(r["item"]), str(r["option"]), r["label"], fmt1(r["self"]), fmt1(r["other"]),
            str(r["angle_deg"])]


def tdm_cells(r):
    return [str(r["item"]), str(r["option"]), r["label"], str(r["self"]), str(r["other"]), r["type"]]


def write_csv(path, cols, rows, cells):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(cells(r))


def validate_csv(path, cols, rows, cells, name):
    if not os.path.exists(path):
        print("  %s: MISSING %s" % (name, path))
        return False
    with open(path, newline="") as f:
        got = list(csv.reader(f))
    ok = got[0] == cols and len(got) - 1 == len(rows)
    mism = 0
    n = 0
    for r, line in zip(rows, got[1:]):
        want = cells(r)
        for a, b in zip(want, line):
            n += 1
            if a != b:
                mism += 1
                ok = False
                print("  %s: cell differs: want %r got %r (row %s)" % (name, a, b, line))
    print("  %s: %d rows, %d cells compared with the definition, %d differ -> %s"
          % (name, len(got) - 1, n, mism, "OK" if ok else "FAIL"))
    return ok


# ----------------------------------------------------------------------------------------------
# Scoring helpers
# ----------------------------------------------------------------------------------------------
def u(s, o, t):
    r = math.radians(t)
    return s * math.cos(r) + o * math.sin(r)


def norm_angle(a):
    a = math.fmod(a, 360.0)
    if a <= -180.0:
        a += 360.0
    if a > 180.0:
        a -= 360.0
    return a


def ring_angle(sx, sy):
    if abs(sx) < EPS and abs(sy) < EPS:
        return None
    a = math.degrees(math.atan2(sy, sx))
    return 180.0 if a <= -180.0 + 1e-12 else a


RING_SECTORS = [  # centre, name; sector = (centre - 22.5, centre + 22.5]
    (0, "individualism"), (45, "cooperation"), (90, "altruism"), (135, "martyrdom"),
    (180, "masochism"), (-135, "sadomasochism"), (-90, "aggression"), (-45, "competition")]


def ring_category(a):
    if a is None:
        return "undefined"
    for c, name in RING_SECTORS:
        d = norm_angle(a - c)
        if -22.5 < d <= 22.5:
            return name
    raise AssertionError(a)


def items_from(rows, key="item"):
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return [out[k] for k in sorted(out)]


def best_set(opts, t):
    vals = [u(o["self"], o["other"], t) for o in opts]
    m = max(vals)
    return [i for i, v in enumerate(vals) if v >= m - 1e-7]


def ring_ideal(ring_items, t):
    """All Ring angles an ideal respondent for target t can produce (tie-breaks enumerated)."""
    choice_sets = [best_set(opts, t) for opts in ring_items]
    ties = sum(1 for c in choice_sets if len(c) > 1)
    sums = {(0.0, 0.0)}
    for opts, cs in zip(ring_items, choice_sets):
        sums = {(round(sx + opts[i]["self"], 6), round(sy + opts[i]["other"], 6))
                for sx, sy in sums for i in cs}
    res = sorted({(round(ring_angle(sx, sy), 4), round(math.hypot(sx, sy), 4)) for sx, sy in sums})
    return res, ties


def ring_switch_angles(ring_items):
    """Angles at which the ideal choice on an item flips (U_A == U_B)."""
    out = []
    for opts in ring_items:
        a, b = opts
        dx, dy = b["self"] - a["self"], b["other"] - a["other"]
        base = math.degrees(math.atan2(dy, dx))  # U_B - U_A = |d| cos(t - base)
        for t in (base + 90, base - 90):
            out.append((norm_angle(t), opts[0]["item"]))
    return sorted(out)


def ring_max_length(ring_items):
    sw = sorted({round(a, 9) for a, _ in ring_switch_angles(ring_items)})
    best = (0.0, None)
    for i, a in enumerate(sw):
        b = sw[(i + 1) % len(sw)]
        mid = norm_angle(a + (norm_angle(b - a) % 360) / 2)
        cs = [best_set(opts, mid)[0] for opts in ring_items]
        sx = sum(opts[c]["self"] for opts, c in zip(ring_items, cs))
        sy = sum(opts[c]["other"] for opts, c in zip(ring_items, cs))
        L = math.hypot(sx, sy)
        if L > best[0] + 1e-9:
            best = (L, ring_angle(sx, sy))
    return best


def tdm_best(tdm_items, t):
    out = []
    for opts in tdm_items:
        out.append(best_set(opts, t))
    return out


def tdm_classes(tdm_items, t):
    bests = tdm_best(tdm_items, t)
    types = [[opts[i]["type"] for i in b] for opts, b in zip(tdm_items, bests)]
    possible = sorted({ty for ty in SHORT if sum(1 for ts in types if ty in ts) >= 6})
    forced = [ty for ty in SHORT if sum(1 for ts in types if ts == [ty]) >= 6]
    letters = "".join(SHORT[ts[0]] if len(ts) == 1 else "[" + "".join(SHORT[x] for x in ts) + "]"
                      for ts in types)
    if forced:
        cls = forced[0]
    elif possible:
        cls = "/".join(possible) + " (by tie-break)"
    else:
        cls = "unclassified (no type reaches 6 of 9)"
    return letters, cls, bests


def tdm_switch_angles(tdm_items):
    """Angles at which an item's best option changes (pairwise ties that are also maxima)."""
    out = []
    for opts in tdm_items:
        for i in range(3):
            for j in range(i + 1, 3):
                dx = opts[j]["self"] - opts[i]["self"]
                dy = opts[j]["other"] - opts[i]["other"]
                base = math.degrees(math.atan2(dy, dx))
                for t in (norm_angle(base + 90), norm_angle(base - 90)):
                    b = best_set(opts, t)
                    if i in b and j in b:
                        out.append((round(t, 4), opts[0]["item"], SHORT[opts[i]["type"]]
                                    + "=" + SHORT[opts[j]["type"]]))
    return sorted(out)


# ----------------------------------------------------------------------------------------------
# Structural checks
# ----------------------------------------------------------------------------------------------
def check_ring(ring_items):
    ok = True
    # 24 items, adjacent points 15 degrees apart, each point offered exactly twice
    pts = {}
    for opts in ring_items:
        a, b = opts
        if (b["angle_deg"] - a["angle_deg"]) % 360 != STEP:
            ok = False
        for o in opts:
            pts[o["angle_deg"]] = pts.get(o["angle_deg"], 0) + 1
    ok &= sorted(pts) == list(range(0, 360, STEP)) and set(pts.values()) == {2}
    # symmetries of the rounded table: own<->other swap and sign flips map points onto points
    table = {ring_point(p) for p in range(0, 360, STEP)}
    sym = all((o, s) in table and (-s, o) in table and (s, -o) in table for s, o in table)
    radii = sorted({round(math.hypot(*ring_point(p)), 4) for p in range(0, 360, STEP)})
    ang_err = max(abs(norm_angle(math.degrees(math.atan2(ring_point(p)[1], ring_point(p)[0])) - p))
                  for p in range(0, 360, STEP))
    # always-A and always-B respondents pick every point once: their sum is the zero vector
    sa = (sum(o[0]["self"] for o in ring_items), sum(o[0]["other"] for o in ring_items))
    sb = (sum(o[1]["self"] for o in ring_items), sum(o[1]["other"] for o in ring_items))
    zero = all(abs(v) < EPS for v in sa + sb)
    print("  ring: 24 items of adjacent points 15 deg apart, each of the 24 points offered twice: %s"
          % ("yes" if ok else "NO"))
    print("  ring: rounded table keeps the 16 symmetries (swap own/other, flip signs): %s"
          % ("yes" if sym else "NO"))
    print("  ring: radii of rounded points: %s; largest angular rounding error %.3f deg"
          % (", ".join("%.4f" % r for r in radii), ang_err))
    print("  ring: always-A sum = (%.1f, %.1f), always-B sum = (%.1f, %.1f) -> angle undefined: %s"
          % (sa[0] + 0.0, sa[1] + 0.0, sb[0] + 0.0, sb[1] + 0.0, "yes" if zero else "NO"))
    L, a = ring_max_length(ring_items)
    print("  ring: largest possible vector length %.4f (exact ring of radius 15: 30 = 2 x radius),"
          " reached at angle %.4f" % (L, a))
    ms = sum((o[1]["self"] - o[0]["self"]) ** 2 + (o[1]["other"] - o[0]["other"]) ** 2
             for o in ring_items) / 4
    print("  ring: a respondent choosing at random (1/2 each) has E[length^2] = %.4f, RMS length"
          " %.4f (%.1f%% of the largest length)" % (ms, math.sqrt(ms), 100 * math.sqrt(ms) / L))
    return ok and sym and zero


def check_tdm(tdm_items):
    ok = True
    for opts in tdm_items:
        item = opts[0]["item"]
        by = {o["type"]: o for o in opts}
        if sorted(by) != sorted(SHORT):
            ok = False
            continue
        crit = {
            "prosocial": lambda o: o["self"] + o["other"],
            "individualistic": lambda o: o["self"],
            "competitive": lambda o: o["self"] - o["other"],
        }
        for ty, f in crit.items():
            vals = sorted((f(o), o["type"]) for o in opts)
            if vals[-1][1] != ty or vals[-1][0] == vals[-2][0]:
                ok = False
                print("  tdm: item %d: %s option is not the unique maximiser of its criterion"
                      % (item, ty))
        if by["prosocial"]["self"] != by["prosocial"]["other"]:
            ok = False
            print("  tdm: item %d: prosocial option is not an equal split" % item)
    print("  tdm: every item has one prosocial (unique max joint, equal split), one individualistic"
          " (unique max own) and one competitive (unique max own-other) option: %s"
          % ("yes" if ok else "NO"))
    diffs = [next(o for o in opts if o["type"] == "competitive") for opts in tdm_items]
    print("  tdm: own-other of the competitive option per item: %s"
          % ", ".join(str(o["self"] - o["other"]) for o in diffs))
    inds = [next(o for o in opts if o["type"] == "individualistic") for opts in tdm_items]
    print("  tdm: own-other of the individualistic option per item: %s"
          % ", ".join(str(o["self"] - o["other"]) for o in inds))
    return ok


# ----------------------------------------------------------------------------------------------
# Cross-checks against independent public implementations (read from local snapshots only)
# ----------------------------------------------------------------------------------------------
def git_show(mirror, path, commit="HEAD"):
    for d in (os.path.join(mirror, "repo"), os.path.join(mirror, "repo", ".git")):
        if os.path.isdir(d):
            try:
                return subprocess.run(["git", "-C", d, "show", "%s:%s" % (commit, path)],
                                      capture_output=True, text=True, check=True).stdout
            except (subprocess.CalledProcessError, FileNotFoundError):
                return None
    return None


def crosscheck(mirror_dir, ring_items, tdm_items):
    import ast
    import re
    print("\n== Cross-checks against independent implementations (%s)" % mirror_dir)
    # --- TDM: dimaba/svotree functions/tdm9.py (values on a 0-100 scale, item order, A/B/C types)
    src = git_show(os.path.join(mirror_dir, "dimaba+svotree"), "functions/tdm9.py")
    if src is None:
        print("  dimaba/svotree: snapshot absent, skipped")
    else:
        tree = ast.parse(src)
        vals = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                vals[node.targets[0].id] = ast.literal_eval(node.value)
        dec, types = vals["decisions"], vals["decisions_by_type"]
        n = same = 0
        diffs = []
        for opts, d in zip(tdm_items, dec):
            item = opts[0]["item"]
            for i, lab in enumerate(LABELS):
                o = opts[i]
                for key in ("self", "other"):
                    n += 1
                    want = o[key] / 5 - 16  # affine map [80, 580] -> [0, 100]
                    got = d[lab][key]
                    if abs(want - got) < 1e-9:
                        same += 1
                    else:
                        diffs.append("item %d %s %s: ours %d (= %g on their scale), theirs %g (= %g on ours)"
                                     % (item, lab, key, o[key], want, got, (got + 16) * 5))
                n += 1
                if types[item][lab].lower() == o["type"]:
                    same += 1
                else:
                    diffs.append("item %d %s type: ours %s, theirs %s" % (item, lab, o["type"],
                                                                       types[item][lab]))
        print("  dimaba/svotree (MIT): %d cells compared (54 payoffs after x/5-16, 27 option types), "
              "%d agree, %d differ" % (n, same, len(diffs)))
        for d in diffs:
            print("    - " + d)
        print("    classification rule in their code: '>= 6' of 9 per type, else Unclassified/Mixed: %s"
              % ("found" if "decisions_prosocial >= 6" in src and "Unclassified" in src else "not found"))
    # --- TDM: yuyuxu/auction-war-solo src/public/constants/data_questionnaire.js (480-point scale)
    src = git_show(os.path.join(mirror_dir, "yuyuxu+auction-war-solo"),
                   "src/public/constants/data_questionnaire.js")
    if src is None:
        print("  yuyuxu/auction-war-solo: snapshot absent, skipped")
    else:
        you = re.findall(r'"You gets? \(A: (\d+), B: (\d+), C: (\d+)\)"', src)
        oth = re.findall(r'"Other gets \(A: (\d+), B: (\d+), C: (\d+)\)"', src)
        theirs = [list(zip(map(int, y), map(int, o))) for y, o in zip(you, oth)][1:]  # [0] = example
        ours = {tuple((o["self"], o["other"]) for o in opts): opts[0]["item"] for opts in tdm_items}
        n = same = 0
        order = []
        for k, t in enumerate(theirs[:9]):
            item = ours.get(tuple(t))
            order.append(item)
            if item is None:
                # compare cell by cell against the same position
                opts = tdm_items[k]
                for i in range(3):
                    for j, key in enumerate(("self", "other")):
                        n += 1
                        same += opts[i][key] == t[i][j]
            else:
                n += 6
                same += 6
        print("  yuyuxu/auction-war-solo (no licence; 12 items, first 9 are the TDM): %d payoff cells "
              "compared, %d agree; their items 1-9 are our items %s; their items 10-12: %s"
              % (n, same, order, theirs[9:]))
    # --- Ring: marc-jekel/svo_ase (MIT): pilot/Study 1 table (radius 3, one decimal, shuffled) and
    #     Study 2 table (radius 2 around (+1, +1), two decimals, in ring order)
    mj = os.path.join(mirror_dir, "marc-jekel+svo_ase")
    rmd = git_show(mj, "SVO_ASE_SCRIPT.Rmd")
    csv3 = git_show(mj, "data/ring_items_ses1_study3.csv")
    if rmd is None or csv3 is None:
        print("  marc-jekel/svo_ase: snapshot absent, skipped")
        return
    ours_pairs = {frozenset(o["angle_deg"] for o in opts) for opts in ring_items}
    block = rmd[rmd.index("tasks_svo = "):rmd.index("colnames(tasks_svo)")]
    pilot = [[float(x) for x in m.split(",")] for m in re.findall(r"c\(([-\d.,\s]+)\)", block)]
    tables = [("pilot/Study 1 (radius 3, 1 decimal, centre 0)", pilot, 3.0, 0.0, 1)]
    rows3 = list(csv.reader(src_line for src_line in csv3.splitlines()))[1:]
    t3 = [[float(x.replace(",", ".")) for x in r[1:5]] for r in rows3]
    tables.append(("Study 2 (radius 2, 2 decimals, centre (+1,+1))", t3, 2.0, 1.0, 2))
    for name, tab, rad, off, dec in tables:
        n = same = 0
        pairs = set()
        bad = []
        for row in tab:
            pair = []
            for s, o in ((row[0], row[1]), (row[2], row[3])):
                phi = round(math.degrees(math.atan2(o - off, s - off))) % 360
                pair.append(phi)
                for got, want in ((s, off + rad * math.cos(math.radians(phi))),
                                  (o, off + rad * math.sin(math.radians(phi)))):
                    n += 1
                    w = float(Decimal(repr(abs(want))).quantize(Decimal(1).scaleb(-dec),
                                                               rounding=ROUND_HALF_UP))
                    w = w if want >= 0 else -w
                    if abs(got - w) < 1e-9:
                        same += 1
                    else:
                        bad.append((row, got, w))
            pairs.add(frozenset(pair))
        print("  marc-jekel/svo_ase %s: %d items, %d cells compared with the circle definition, %d agree;"
              " the item set equals our 24 adjacent pairs: %s"
              % (name, len(tab), n, same, "yes" if pairs == ours_pairs else "NO"))
        for b in bad:
            print("    - differs: %s" % (b,))
    # Their Study 2 respondents: recompute each Ring angle from the raw choices and compare with
    # the angle and type in their export
    resp = git_show(mj, "data/ring_responces_t1_study_3.csv")
    demo = git_show(mj, "data/data_demo_all_anonymized_t1_search_study3.csv")
    if resp is None or demo is None:
        return
    f = lambda x: float(x.replace(",", "."))
    sums = {}
    for r in csv.DictReader(resp.splitlines(), delimiter=";"):
        sx, sy, n = sums.get(r["uniqueID"], (0.0, 0.0, 0))
        sums[r["uniqueID"]] = (sx + int(r["choice_self"]) / 100 - 1, sy + int(r["choice_other"]) / 100 - 1,
                               n + 1)
    agree = 0
    off = []
    cats = {}
    for d in csv.DictReader(demo.splitlines(), delimiter=";"):
        uid = d["uniqueID_t1"]
        if uid not in sums or d["svs_angle_t1"] in ("NA", "") or sums[uid][2] != 24:
            continue
        sx, sy, _ = sums[uid]
        ours = ring_angle(sx, sy)
        pub = f(d["svs_angle_t1"])
        if abs(ours - pub) < 1e-3:
            agree += 1
        else:
            off.append((uid, round(pub, 2), round(ours, 2), d["SVOtyp_ring_t1"]))
        c = cats.setdefault(d["SVOtyp_ring_t1"], [999, -999, 0])
        c[0], c[1], c[2] = min(c[0], pub), max(c[1], pub), c[2] + 1
    print("  marc-jekel/svo_ase Study 2 respondents: %d recomputed with atan2 of the centred sums,"
          " %d equal their exported angle; differing (id, theirs, atan2, their type): %s"
          % (agree + len(off), agree, off))
    print("    their exported Ring types span (min, max, n): %s"
          % "; ".join("%s %.2f..%.2f n=%d" % (k, v[0], v[1], v[2]) for k, v in sorted(cats.items())))


# ----------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--crosscheck", metavar="MIRROR_DIR")
    ap.add_argument("--alternative", action="store_true",
                    help="also print the TDM arcs with the four disputed cells of the 0-100 source")
    args = ap.parse_args()
    rr, tr = ring_rows(), tdm_rows()
    if args.write:
        write_csv(RING_CSV, RING_COLS, rr, ring_cells)
        write_csv(TDM_CSV, TDM_COLS, tr, tdm_cells)
        print("wrote %s and %s" % (os.path.relpath(RING_CSV, ROOT), os.path.relpath(TDM_CSV, ROOT)))
    print("== Tables against their definitions")
    ok = validate_csv(RING_CSV, RING_COLS, rr, ring_cells, "svo-ring-items.csv")
    ok &= validate_csv(TDM_CSV, TDM_COLS, tr, tdm_cells, "triple-dominance-items.csv")
    ring_items, tdm_items = items_from(rr), items_from(tr)
    ok &= check_ring(ring_items)
    ok &= check_tdm(tdm_items)
    if args.crosscheck:
        crosscheck(args.crosscheck, ring_items, tdm_items)

    print("\n== Ideal respondents of the named targets (U = self*cos t + other*sin t)")
    for name, t in (("altruistic", 90), ("prosocial", 45), ("individualistic", 0),
                    ("competitive", -45), ("martyr", 135)):
        res, ties = ring_ideal(ring_items, t)
        letters, cls, bests = tdm_classes(tdm_items, t)
        tdm_opts = " ".join("%d%s" % (i + 1, "".join(LABELS[j] for j in b)) for i, b in enumerate(bests))
        print("  %-15s t=%5d  Ring: angle %s, length %s, %s, items with ties %d | TDM: %s -> %s  [%s]"
              % (name, t, "/".join("%.4f" % a for a, _ in res), "/".join("%.4f" % L for _, L in res),
                 ring_category(res[0][0]), ties, letters, cls, tdm_opts))
        rc = "".join("AB"[b[0]] if len(b) == 1 else "*" for b in (best_set(o, t) for o in ring_items))
        print("  %-15s          Ring choices, items 1-24: %s" % ("", rc))

    print("\n== Ring: angles at which an item's ideal option flips (U_A = U_B); the ideal Ring angle"
          " is constant between consecutive flips")
    sw = ring_switch_angles(ring_items)
    print("  " + ", ".join("%.3f" % a for a, _ in sw))
    print("  plateaus (target range -> ideal Ring angle, length):")
    flips = sorted({round(a, 9) for a, _ in sw})
    for i, a in enumerate(flips):
        b = flips[(i + 1) % len(flips)]
        mid = norm_angle(a + (norm_angle(b - a) % 360) / 2)
        res, _ = ring_ideal(ring_items, mid)
        print("    (%8.3f, %8.3f) -> %9.4f  L=%.4f  %s" % (a, b if b > a else b + 360, res[0][0],
                                                          res[0][1], ring_category(res[0][0])))

    print("\n== TDM: angles at which an item's best option changes (ties between best options)")
    for t, item, what in tdm_switch_angles(tdm_items):
        print("  %9.4f  item %d  %s" % (t, item, what))

    print("\n== TDM: classification of the ideal respondent on every arc between switch angles"
          " (open arcs; at a switch angle itself both neighbouring readings are possible)")
    pts = sorted({a for a, _, _ in tdm_switch_angles(tdm_items)})
    for i, a in enumerate(pts):
        b = pts[(i + 1) % len(pts)]
        span = norm_angle(b - a) % 360
        mid = norm_angle(a + span / 2)
        letters, cls, _ = tdm_classes(tdm_items, mid)
        print("  (%9.4f, %9.4f)  %s  %s" % (a, a + span, letters, cls))

    if args.alternative:
        alt = [[dict(o) for o in opts] for opts in tdm_items]
        for (item, i, key), v in ALTERNATIVE.items():
            alt[item - 1][i][key] = v
        print("\n== TDM sensitivity: the same arcs with the alternative values %s"
              % ", ".join("item %d %s %s=%d" % (k[0], LABELS[k[1]], k[2], v)
                          for k, v in sorted(ALTERNATIVE.items())))
        check_tdm(alt)
        pts = sorted({a for a, _, _ in tdm_switch_angles(alt)})
        for i, a in enumerate(pts):
            b = pts[(i + 1) % len(pts)]
            span = norm_angle(b - a) % 360
            letters, cls, _ = tdm_classes(alt, norm_angle(a + span / 2))
            print("  (%9.4f, %9.4f)  %s  %s" % (a, a + span, letters, cls))

    print("\n== Sweep of target angles (step 5): ideal Ring angle(s) and length, Ring category;"
          " TDM best option type per item ([..] = tie) and classification")
    for t in range(-180, 181, 5):
        res, ties = ring_ideal(ring_items, t)
        letters, cls, _ = tdm_classes(tdm_items, t)
        print("  %5d | ring %-19s L %-17s %-13s ties %d | tdm %-22s %s"
              % (t, "/".join("%.2f" % a for a, _ in res), "/".join("%.2f" % L for _, L in res),
                 ring_category(res[0][0]), ties, letters, cls))
    print("\nall structural checks: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
