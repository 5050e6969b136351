#!/usr/bin/python3
"""Reference values for every metric and disparity of an audit, from scikit-learn and NumPy.

Run with the Debian interpreter, which has scikit-learn 1.2.1, SciPy 1.10.1 and statsmodels:

    /usr/bin/python3 test/golden/generate_metrics.py

(`npm run golden` runs it through generate_audit.py.) Regenerate only on purpose: the tests
read the numbers as the truth.

Writes:
- test/golden/metric-fixtures/*.csv: small adversarial data sets drawn here from a fixed seed
  (ties everywhere, one-class and tiny groups, scores scaled by 1e-7, all-equal scores, scores
  exactly on the calibration bin edges, scores outside [0, 1], untestable KS comparisons). They
  are committed, so the TypeScript tests read exactly what this script used.
- test/golden/metrics.json: for those fixtures, the shared cases (../shared/cases) and, when
  present, the study's files (../shared/data/cxr-foundation-bias; derived numbers only, never
  data): per target and operating-point policy, the operating point and every group's metrics
  and disparities; the KS tests of the KS fixture; and reference bootstrap intervals
  (`bootstrap`) for test/core/audit/bootstrap-reference.test.ts.

Definitions (as src/core/audit/cell-evaluator.ts states them, computed here independently):
- auc: sklearn.metrics.roc_auc_score; null with one class.
- tpr, fpr, tnr, fnr, ppv, npv from sklearn.metrics.confusion_matrix at `score >= threshold`;
  prevalence positives / n; youden tpr - fpr. A ratio with a zero denominator is null.
- brier: sklearn.metrics.brier_score_loss; ece: sum over the non-empty bins of
  (n_b / n) |prob_true_b - prob_pred_b|, with prob_true and prob_pred from
  sklearn.calibration.calibration_curve(strategy='uniform', n_bins=10) and n_b from the same
  binning (np.searchsorted(np.linspace(0, 1, 11)[1:-1], score)). Both null for every group when
  some score of the target is outside [0, 1] (scikit-learn refuses such a target).
- Disparities, for a subgroup: `<m>DifferenceFromAll` = group - whole sample and
  `<m>RatioToAll` = group / whole sample; for a subgroup of an attribute with a reference group
  (other than the reference itself), `<m>Difference` and `<m>Ratio` against the reference. No
  ratio of youden. Null when either side is undefined, a ratio also when the denominator is 0.

Operating points, chosen on the whole sample (DESIGN.md, "Operating point"):
- target-fpr, reference: roc_curve (drop_intermediate=True), np.argmin(|fpr - target|);
- target-fpr, full-curve: every distinct score and +inf (roc_curve(drop_intermediate=False)'s
  points); smallest |FP - target * N| in counts (the documented comparison: rates would make
  0.3 - 0.2 and 0.2 - 0.1 differ), ties to fewer false positives, then more true positives;
- youden: the distinct score maximising TP * N - FP * P (exact integers), the first (highest)
  one on ties;
- threshold: the given number.
An infinite threshold is refused by the audit: such a policy is written as `refused: true`.
"""

import csv
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
import statsmodels
from scipy.stats import ks_2samp
from sklearn.calibration import calibration_curve
from sklearn.metrics import auc as trapezoid_area
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score, roc_curve
from sklearn.metrics._ranking import _binary_clf_curve
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(HERE, "metric-fixtures")
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
CASES = os.path.join(SHARED, "cases")
STUDY = os.path.join(SHARED, "data", "cxr-foundation-bias")
OUT = os.path.join(HERE, "metrics.json")

SEED = 20261204
CALIBRATION_BINS = 10
BASE = ["auc", "tpr", "fpr", "tnr", "fnr", "ppv", "npv", "prevalence", "youden", "brier", "ece"]
RATIO = [m for m in BASE if m != "youden"]

FULL_CURVE = {"policy": "target-fpr", "targetFpr": 0.2, "convention": "full-curve"}
REFERENCE = {"policy": "target-fpr", "targetFpr": 0.2, "convention": "reference"}
YOUDEN = {"policy": "youden"}


def threshold_policy(t):
    return {"policy": "threshold", "threshold": t}


# --- reading cells as the audit core does -------------------------------------------------


def strict_number(text):
    """A cell as a finite float, or None (the audit core's strict reading, cell-number.ts)."""
    if not isinstance(text, str) or text.strip() == "" or text.strip() != text:
        return None
    low = text.lower().lstrip("+-")
    if low in ("nan", "na", "inf", "infinity"):
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# --- operating points -----------------------------------------------------------------------


def choose_point(y, s, policy):
    """{threshold, fpr, tpr} on the whole sample, or {infinite, fpr, tpr} (refused)."""
    positives = int(y.sum())
    negatives = len(y) - positives
    if policy["policy"] == "threshold":
        t = policy["threshold"]
        predicted = s >= t
        tp = int((predicted & (y == 1)).sum())
        fp = int((predicted & (y == 0)).sum())
        return {"threshold": t, "fpr": fp / negatives, "tpr": tp / positives}

    if policy["policy"] == "target-fpr" and policy["convention"] == "reference":
        fpr, tpr, thr = roc_curve(y, s)
        i = int(np.argmin(np.abs(fpr - policy["targetFpr"])))
        # scikit-learn 1.2 writes max(score) + 1 as the first threshold; it means +inf.
        if i == 0:
            return {"infinite": True, "fpr": float(fpr[0]), "tpr": float(tpr[0])}
        return {"threshold": float(thr[i]), "fpr": float(fpr[i]), "tpr": float(tpr[i])}

    fps, tps, thresholds = _binary_clf_curve(y, s)
    fps = [int(round(v)) for v in fps]
    tps = [int(round(v)) for v in tps]
    if policy["policy"] == "youden":
        gains = [tp * negatives - fp * positives for fp, tp in zip(fps, tps)]
        k = gains.index(max(gains))
    else:
        target = policy["targetFpr"] * negatives  # a double, as the audit computes it
        candidates = [(abs(0 - target), 0, 0, -1)] + [
            (abs(fp - target), fp, -tp, k) for k, (fp, tp) in enumerate(zip(fps, tps))
        ]
        k = min(candidates)[3]
        if k < 0:
            return {"infinite": True, "fpr": 0.0, "tpr": 0.0}
    return {
        "threshold": float(thresholds[k]),
        "fpr": fps[k] / negatives,
        "tpr": tps[k] / positives,
    }


# --- metrics --------------------------------------------------------------------------------


def ratio(num, den):
    return None if den == 0 else num / den


def expected_calibration_error(y, s):
    prob_true, prob_pred = calibration_curve(y, s, n_bins=CALIBRATION_BINS, strategy="uniform")
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    counts = np.bincount(np.searchsorted(edges[1:-1], s), minlength=CALIBRATION_BINS)
    counts = counts[counts != 0]
    assert len(counts) == len(prob_true)
    return float(np.sum(counts / len(y) * np.abs(prob_true - prob_pred)))


def base_metrics(y, s, threshold, probabilities):
    n = len(y)
    out = {name: None for name in BASE}
    if n == 0:
        return out
    positives = int(y.sum())
    negatives = n - positives
    if positives and negatives:
        out["auc"] = float(roc_auc_score(y, s))
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y, s >= threshold, labels=[0, 1]).ravel())
    out["tpr"] = ratio(tp, tp + fn)
    out["fnr"] = ratio(fn, tp + fn)
    out["fpr"] = ratio(fp, fp + tn)
    out["tnr"] = ratio(tn, fp + tn)
    out["ppv"] = ratio(tp, tp + fp)
    out["npv"] = ratio(tn, tn + fn)
    out["prevalence"] = positives / n
    if out["tpr"] is not None and out["fpr"] is not None:
        out["youden"] = out["tpr"] - out["fpr"]
    if probabilities:
        out["brier"] = float(brier_score_loss(y, s))
        out["ece"] = expected_calibration_error(y, s)
    return out


def disparities(own, other, suffix_difference, suffix_ratio):
    out = {}
    for name in BASE:
        a, b = own[name], other[name]
        out[name + suffix_difference] = None if a is None or b is None else a - b
    for name in RATIO:
        a, b = own[name], other[name]
        out[name + suffix_ratio] = None if a is None or b is None or b == 0 else a / b
    return out


def are_probabilities(s):
    """scikit-learn's verdict: brier_score_loss refuses a score outside [0, 1]."""
    try:
        brier_score_loss(np.r_[0, 1], np.r_[s.min(), s.max()])
        return True
    except ValueError:
        return False


# --- groups ---------------------------------------------------------------------------------


def categories(column, values, reference=None):
    spec = {"column": column, "values": values}
    if reference is not None:
        spec["reference"] = reference
    return spec


def bins(column, edges, reference=None):
    spec = {"column": column, "bins": edges}
    if reference is not None:
        spec["reference"] = reference
    return spec


def bin_label(edges, k):
    last = k == len(edges) - 2
    text = lambda x: repr(x) if isinstance(x, float) and not x.is_integer() else str(int(x))
    return f"[{text(edges[k])}, {text(edges[k + 1])}{']' if last else ')'}"


def selections(frame, group_specs):
    """(attribute, value, mask, reference value or None) per group, the whole sample first."""
    out = [("all", "all", np.ones(len(frame), dtype=bool), None)]
    for spec in group_specs:
        cells = frame[spec["column"]]
        if "values" in spec:
            for value in spec["values"]:
                mask = (cells == value).to_numpy(dtype=bool)
                out.append((spec["column"], value, mask, spec.get("reference")))
        else:
            edges = spec["bins"]
            numbers = cells.map(strict_number)
            for k in range(len(edges) - 1):
                low, high, last = edges[k], edges[k + 1], k == len(edges) - 2
                mask = numbers.map(
                    lambda v: v is not None and v >= low and (v < high or (last and v == high))
                ).to_numpy(dtype=bool)
                out.append((spec["column"], bin_label(edges, k), mask, spec.get("reference")))
    return out


# --- one target -----------------------------------------------------------------------------


def target_rows(frame, target):
    scores = frame[target["score"]].map(strict_number)
    keep = scores.notna().to_numpy()
    positive = target["label"]["positive"]
    y = frame[target["label"]["column"]].map(lambda v: 1 if strict_number(v) in positive else 0)
    return keep, scores[keep].astype(float).to_numpy(), y[keep].to_numpy(dtype=int)


def audit_target(frame, target, group_specs, policy):
    keep, s, y = target_rows(frame, target)
    frame = frame[keep].reset_index(drop=True)
    point = choose_point(y, s, policy)
    result = {"name": target["name"], "rows": int(keep.sum()), "operatingPoint": point}
    if point.get("infinite"):
        return dict(result, refused=True)

    probabilities = are_probabilities(s)
    groups = []
    chosen = selections(frame, group_specs)
    metrics = {}
    for attribute, value, mask, _ in chosen:
        metrics[(attribute, value)] = base_metrics(y[mask], s[mask], point["threshold"], probabilities)
    whole = metrics[("all", "all")]
    for attribute, value, mask, reference in chosen:
        own = metrics[(attribute, value)]
        row = {
            "attribute": attribute,
            "value": value,
            "n": int(mask.sum()),
            "positives": int(y[mask].sum()),
            "negatives": int(mask.sum() - y[mask].sum()),
            "metrics": dict(own),
        }
        if attribute != "all":
            if reference is not None and value != reference:
                ref = metrics[(attribute, reference)]
                row["metrics"].update(disparities(own, ref, "Difference", "Ratio"))
            row["metrics"].update(disparities(own, whole, "DifferenceFromAll", "RatioToAll"))
        groups.append(row)
    return dict(result, groups=groups)


def audit_case(name, source, frame, targets, group_specs, policies):
    """Every target under every policy. `source` tells the test where the data are."""
    runs = []
    for policy in policies:
        results = [audit_target(frame, t, group_specs, policy) for t in targets]
        runs.append({
            "operatingPoint": policy,
            "refused": any(r.get("refused", False) for r in results),
            "targets": results,
        })
    return {
        "name": name,
        "source": source,
        "targets": targets,
        "groups": group_specs,
        "runs": runs,
    }


def target(name, score="score", label="label", positive=(1,)):
    return {"name": name, "score": score, "label": {"column": label, "positive": list(positive)}}


# --- adversarial fixtures -------------------------------------------------------------------


def write_fixture(name, header, rows):
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, name), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([repr(v) if isinstance(v, float) else v for v in row])
    return read(os.path.join(FIXTURES, name))


def fixture_cases(rng):
    out = []
    fixture = lambda name: {"fixture": name}
    common = [FULL_CURVE, REFERENCE, YOUDEN, threshold_policy(0.5)]

    # Ties everywhere: 11 score levels k/10 shared by both labels and every group.
    n = 90
    k = rng.integers(0, 11, n)
    y = (rng.random(n) < 0.15 + 0.07 * k).astype(int)
    group = np.array(["A", "B", "C"])[np.arange(n) % 3]
    sex = rng.choice(["F", "M"], n)
    frame = write_fixture(
        "ties.csv",
        ["id", "score", "label", "group", "sex"],
        [(f"t{i:03d}", k[i] / 10, int(y[i]), group[i], sex[i]) for i in range(n)],
    )
    groups = [categories("group", ["A", "B", "C"], "A"), categories("sex", ["F", "M"], "M")]
    out.append(audit_case("ties", fixture("ties.csv"), frame, [target("t")], groups,
                          common + [threshold_policy(0.3), threshold_policy(0.30000000000000004)]))

    # Scores exactly on the calibration bin edges, as i / 10 and as numpy's edge i * 0.1
    # (0.30000000000000004, 0.6000000000000001, 0.7000000000000001), their neighbouring
    # doubles, 0, -0 and 1.
    values = [0.0, -0.0, 1.0]
    for i in range(1, 10):
        for v in {i / 10, i * 0.1}:
            values += [v, float(np.nextafter(v, 0.0)), float(np.nextafter(v, 1.0))]
    values = sorted(values * 2, key=lambda v: (v, math.copysign(1, v)))
    y = (rng.random(len(values)) < np.asarray(values) * 0.9 + 0.05).astype(int)
    half = np.where(np.asarray(values) < 0.5, "low", "high")
    frame = write_fixture(
        "bin-edges.csv",
        ["id", "score", "label", "half"],
        [(f"e{i:03d}", values[i], int(y[i]), half[i]) for i in range(len(values))],
    )
    out.append(audit_case("bin-edges", fixture("bin-edges.csv"), frame, [target("t")],
                          [categories("half", ["low", "high"], "low")],
                          common + [threshold_policy(0.30000000000000004)]))

    # One-class and tiny groups, an absent group, and a reference group without positives.
    cohorts = (
        [("big", None)] * 40
        + [("allpos", 1)] * 6
        + [("allneg", 0)] * 6
        + [("one-pos", 1), ("one-neg", 0), ("pair-tied", 1), ("pair-tied", 0)]
        + [("pair-neg", 0)] * 2
    )
    rows = []
    for i, (cohort, label) in enumerate(cohorts):
        if label is None:
            label = int(rng.random() < 0.4)
        if cohort == "pair-tied":
            score = 0.55
        elif cohort == "allneg":
            score = round(float(rng.uniform(0.0, 0.2)), 3)
        else:
            score = round(float(np.clip(rng.normal(0.35 + 0.3 * label, 0.2), 0, 1)), 3)
        site = "S0" if cohort in ("allneg", "one-neg") else "S1"
        rows.append((f"c{i:03d}", score, label, cohort, site))
    frame = write_fixture("one-class.csv", ["id", "score", "label", "cohort", "site"], rows)
    groups = [
        categories("cohort", ["big", "allpos", "allneg", "one-pos", "one-neg", "pair-tied",
                              "pair-neg", "absent"], "big"),
        categories("site", ["S0", "S1"], "S0"),
    ]
    out.append(audit_case("one-class", fixture("one-class.csv"), frame, [target("t")], groups,
                          common))

    # Exact ties in distance to the target FPR: with 15 negatives, a target of 0.1 is 1.5 false
    # positives, as far from 1 as from 2 (in rates, 0.0667 and 0.1333 are not equally far from
    # 0.1 as doubles), and 0.3 is 4.5; full-curve takes the lower FPR.
    n = 27
    y = np.array([1] * 12 + [0] * 15)
    scores = np.random.default_rng([SEED, 1]).permutation(np.arange(1, n + 1)) / (n + 1)
    frame = write_fixture(
        "fpr-tie.csv",
        ["id", "score", "label", "group"],
        [(f"f{i:02d}", float(scores[i]), int(y[i]), "A" if i % 3 else "B") for i in range(n)],
    )
    out.append(audit_case("fpr-tie", fixture("fpr-tie.csv"), frame, [target("t")],
                          [categories("group", ["A", "B"], "A")],
                          [{"policy": "target-fpr", "targetFpr": f, "convention": c}
                           for f in (0.1, 0.3) for c in ("full-curve", "reference")]))

    # Realistic probabilities (4 decimals: some ties) with race, sex and age bins.
    n = 400
    race = rng.choice(["White", "Asian", "Black"], n, p=[0.5, 0.25, 0.25])
    sex = rng.choice(["Female", "Male"], n)
    age = rng.integers(18, 91, n)
    base = np.where(race == "Black", -1.2, np.where(race == "Asian", -0.9, -0.7))
    y = (rng.random(n) < 1 / (1 + np.exp(-base))).astype(int)
    logit = -1.0 + 1.6 * y + rng.normal(0, 1.0, n) + np.where(sex == "Female", 0.2, 0.0)
    probability = np.round(1 / (1 + np.exp(-logit)), 4)
    rows = [(f"r{i:03d}", float(probability[i]), int(y[i]), race[i], sex[i], int(age[i]))
            for i in range(n)]
    frame = write_fixture("probabilities.csv",
                          ["id", "score", "label", "race", "sex", "age"], rows)
    groups = [
        categories("race", ["White", "Asian", "Black"], "White"),
        categories("sex", ["Female", "Male"], "Male"),
        bins("age", [18, 40, 60, 80, 100]),
    ]
    extremes = [
        {"policy": "target-fpr", "targetFpr": 0.0, "convention": "full-curve"},
        {"policy": "target-fpr", "targetFpr": 1.0, "convention": "reference"},
        {"policy": "target-fpr", "targetFpr": 0.05, "convention": "full-curve"},
    ]
    out.append(audit_case("probabilities", fixture("probabilities.csv"), frame, [target("t")],
                          groups, common + extremes))

    # The same scores scaled by 1e-7: ranks (and AUC, rates) unchanged, calibration not.
    scaled = [(i, p * 1e-7, lab, r, s_, a) for (i, p, lab, r, s_, a) in rows]
    frame = write_fixture("scaled.csv", ["id", "score", "label", "race", "sex", "age"], scaled)
    out.append(audit_case("scaled-1e-7", fixture("scaled.csv"), frame, [target("t")], groups,
                          [FULL_CURVE, YOUDEN, threshold_policy(2e-8)]))

    # Every score equal: the only finite threshold is that score.
    n = 20
    y = np.array([1] * 8 + [0] * 12)
    frame = write_fixture(
        "all-equal.csv",
        ["id", "score", "label", "group"],
        [(f"q{i:02d}", 0.5, int(y[i]), "A" if i % 2 else "B") for i in range(n)],
    )
    out.append(audit_case("all-equal", fixture("all-equal.csv"), frame, [target("t")],
                          [categories("group", ["A", "B"], "A")],
                          [FULL_CURVE, REFERENCE, YOUDEN, threshold_policy(0.5),
                           threshold_policy(0.75)]))

    # Scores outside [0, 1]: logits, and probabilities with a single 1.0000000000000002.
    n = 100
    y = (rng.random(n) < 0.35).astype(int)
    logits = np.round(rng.normal(-0.5 + 1.5 * y, 1.5), 3)
    nearly = np.round(1 / (1 + np.exp(-logits)), 3)
    nearly[int(np.argmax(nearly))] = float(np.nextafter(1.0, 2.0))
    group = np.array(["A", "B"])[np.arange(n) % 2]
    frame = write_fixture(
        "outside-unit.csv",
        ["id", "logit", "nearly", "label", "group"],
        [(f"o{i:03d}", float(logits[i]), float(nearly[i]), int(y[i]), group[i]) for i in range(n)],
    )
    out.append(audit_case(
        "outside-unit", fixture("outside-unit.csv"), frame,
        [target("logit", score="logit"), target("nearly", score="nearly")],
        [categories("group", ["A", "B"], "A")],
        [FULL_CURVE, REFERENCE, YOUDEN, threshold_policy(0.0)],
    ))
    return out


# --- KS tests -------------------------------------------------------------------------------


def ks_fixture(rng):
    """Comparisons scipy can and cannot test: empty sides, non-numbers only, n = 1, ties."""
    rows = []
    add = lambda group, values: rows.extend((group, v) for v in values)
    add("X", [float(v) for v in np.round(rng.normal(0, 1, 7), 2)])
    add("Y", [float(v) for v in np.round(rng.normal(2.5, 1, 5), 2)])
    add("T", [v for g, v in rows if g == "X"])  # a copy of X: D = 0
    add("Z", ["NaN", "", "NA", "inf"])  # no number at all
    add("W", [0.5])
    add("V", [0.25])
    add("L", [float(v) for v in np.round(rng.normal(0, 1, 60), 1)])  # ties from rounding
    add("M", [float(v) for v in np.round(rng.normal(0.6, 1, 70), 1)])
    with open(os.path.join(FIXTURES, "ks.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["group", "value"])
        for group, value in rows:
            writer.writerow([group, repr(value) if isinstance(value, float) else value])
    frame = read(os.path.join(FIXTURES, "ks.csv"))

    comparisons = [("X", "Y"), ("X", "Z"), ("W", "V"), ("X", "T"), ("Y", "absent"),
                   ("L", "M"), ("Z", "W"), ("W", "X")]
    tests = []
    values = frame["value"].map(strict_number)
    for a, b in comparisons:
        left = values[(frame.group == a) & values.notna()].astype(float).to_numpy()
        right = values[(frame.group == b) & values.notna()].astype(float).to_numpy()
        test = {"groups": [a, b], "sizes": [len(left), len(right)]}
        try:
            result = ks_2samp(left, right)
            test.update(statistic=float(result.statistic), pValue=float(result.pvalue))
        except ValueError:  # scipy: "Data passed to ks_2samp must not be empty"
            test.update(statistic=None, pValue=None)
        tests.append(test)

    testable = [t for t in tests if t["pValue"] is not None]
    adjusted = {}
    for method, name in [("fdr_by", "BY"), ("fdr_bh", "BH"), ("holm", "holm"),
                         ("bonferroni", "bonferroni")]:
        p = multipletests([t["pValue"] for t in testable], alpha=0.05, method=method)[1]
        it = iter(p)
        adjusted[name] = [None if t["pValue"] is None else float(next(it)) for t in tests]
    return {"fixture": "ks.csv", "column": "value", "tests": tests, "pAdjusted": adjusted}


# --- shared cases and the study -------------------------------------------------------------


def shared_cases():
    out = []
    common = [FULL_CURVE, REFERENCE, YOUDEN, threshold_policy(0.5)]
    specs = [
        ("01-auc-single-class-subgroup.csv",
         [categories("sex", ["F", "M"], "M"),
          categories("race", ["GroupA", "GroupB", "GroupC"], "GroupA")]),
        ("02-nan-inf-scores.csv", [categories("sex", ["F", "M"], "F")]),
        ("04-ties-threshold-target-fpr.csv", [categories("sex", ["F", "M"], "M")]),
        ("05-separable-threshold-inf.csv", [categories("sex", ["F", "M"], "F")]),
        ("07-no-positive-predictions.csv", [categories("group", ["A", "C"], "A")]),
    ]
    for file, groups in specs:
        frame = read(os.path.join(CASES, file))
        out.append(audit_case(file, {"case": file}, frame, [target("t")], groups, common))
    return out


def study_cases():
    frame = read(os.path.join(STUDY, "chexpert-model.embeddings.csv"))
    # A probability target derived from the logits (never written out): min-max scaled, which
    # JavaScript computes to the same doubles (one subtraction and one division, both exact
    # IEEE operations), so that Brier score and ECE are checked on real data too.
    logits = [strict_number(cell) for cell in frame["Logit - Pleural Effusion"]]
    low = min(v for v in logits if v is not None)
    high = max(v for v in logits if v is not None)
    frame["Scaled - Pleural Effusion"] = [
        "" if v is None else repr((v - low) / (high - low)) for v in logits
    ]
    targets = [
        target("No Finding", score="Logit - No Finding", label="No Finding"),
        target("Pleural Effusion", score="Logit - Pleural Effusion", label="Pleural Effusion"),
        target("Pleural Effusion (scaled)", score="Scaled - Pleural Effusion",
               label="Pleural Effusion"),
    ]
    groups = [
        categories("race", ["White", "Asian", "Black"], "White"),
        categories("sex", ["Female", "Male"], "Male"),
        bins("age", [18, 40, 60, 80, 100], "[40, 60)"),
    ]
    return [audit_case("cxr-foundation-bias", {"study": "chexpert-model.embeddings.csv"}, frame,
                       targets, groups, [REFERENCE, FULL_CURVE, YOUDEN])]


# --- the reference bootstrap ----------------------------------------------------------------


def bootstrap_reference(frame, seeds=20, replicates=2000, level=0.95):
    """Percentile intervals of the whole sample's AUC and of its TPR at the full-curve point
    re-derived in each replicate, from a label-stratified bootstrap of rows (positives drawn
    among positives, negatives among negatives, each with its own count), with NumPy's
    generator; repeated over `seeds` seeds so that the tests can measure Monte Carlo error."""
    _, s, y = target_rows(frame, target("t"))
    positives = np.flatnonzero(y == 1)
    negatives = np.flatnonzero(y == 0)
    target_fpr = FULL_CURVE["targetFpr"]
    q = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    ends = {"auc": [], "tpr": []}
    pooled = {"auc": [], "tpr": []}
    for seed in range(seeds):
        rng = np.random.default_rng([SEED, seed])
        values = {"auc": np.empty(replicates), "tpr": np.empty(replicates)}
        for r in range(replicates):
            rows = np.concatenate([
                positives[rng.integers(0, len(positives), len(positives))],
                negatives[rng.integers(0, len(negatives), len(negatives))],
            ])
            yb, sb = y[rows], s[rows]
            fps, tps, _ = _binary_clf_curve(yb, sb)
            fp, tp = np.r_[0.0, fps], np.r_[0.0, tps]  # +inf first, then every distinct score
            values["auc"][r] = trapezoid_area(fp / fp[-1], tp / tp[-1])  # as roc_auc_score
            distance = np.abs(fp - target_fpr * fp[-1])
            closest = np.flatnonzero(distance == distance.min())
            fewest = closest[fp[closest] == fp[closest].min()]
            values["tpr"][r] = tp[fewest[-1]] / tp[-1]  # counts rise along the curve
        for name in ends:
            low, high = np.percentile(values[name], q)
            ends[name].append([float(low), float(high)])
            pooled[name].append(values[name])
    summary = {}
    for name, pairs in ends.items():
        pairs = np.asarray(pairs)
        every = np.concatenate(pooled[name])
        summary[name] = {
            "endpoints": pairs.tolist(),
            "mean": pairs.mean(axis=0).tolist(),
            "sd": pairs.std(axis=0, ddof=1).tolist(),
            # The bootstrap distribution itself, over all seeds' replicates.
            "replicateMean": float(every.mean()),
            "replicateSd": float(every.std(ddof=1)),
        }
    return {
        "fixture": "probabilities.csv",
        "operatingPoint": FULL_CURVE,
        "design": "rows stratified by label",
        "replicates": replicates,
        "level": level,
        "seeds": seeds,
        "positives": int(len(positives)),
        "negatives": int(len(negatives)),
        "intervals": summary,
    }


def calibration_bins(name):
    """Each row's bin as calibration_curve(strategy='uniform', n_bins=10) assigns it."""
    scores = read(os.path.join(FIXTURES, name))["score"].astype(float).to_numpy()
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    return {"fixture": name, "bins": np.searchsorted(edges[1:-1], scores).tolist()}


def main():
    rng = np.random.default_rng(SEED)
    cases = fixture_cases(rng)
    ks = ks_fixture(rng)
    if os.path.isdir(CASES):
        cases += shared_cases()
    if os.path.isdir(STUDY):
        cases += study_cases()
    payload = {
        "generatedBy": "test/golden/generate_metrics.py",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__,
            "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__,
        },
        "tolerance": {"pointEstimateAbsolute": 1e-9},
        "cases": cases,
        "ks": ks,
        "calibrationBins": calibration_bins("bin-edges.csv"),
        "bootstrap": bootstrap_reference(read(os.path.join(FIXTURES, "probabilities.csv"))),
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=None, separators=(",", ":"), allow_nan=False)
        handle.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
