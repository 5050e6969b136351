#!/usr/bin/python3
"""Reference values for the audit core, computed the way the study's code computes them.

Run with the Debian interpreter, which has pandas, scikit-learn, SciPy and statsmodels:

    /usr/bin/python3 test/golden/generate_audit.py

Writes test/golden/audit-cases.json (from ../shared/cases relative to
the repository) and, when the study's files are present, test/golden/audit-study.json (derived
numbers only, never the data). Tests compare point estimates within 1e-9.

Conventions (see DESIGN.md, "Operating point"):
- reference: sklearn.metrics.roc_curve with its defaults (drop_intermediate=True), then
  np.argmin(np.abs(fpr - target)), as the study's evaluate_disease_detection.py does;
- full-curve: roc_curve(drop_intermediate=False) (every distinct score, plus +inf), the point
  with the smallest |FP - target * N| in counts, ties to the lower FPR, then to the higher TPR.
Predictions are score >= threshold; metrics undefined for a group are written as null.
KS tests: scipy.stats.ks_2samp with its default method; BY adjustment with statsmodels'
multipletests(method="fdr_by"). In the study, each model's 20 tests are their own family (as the
study's notebooks adjusted them, and as studies/cxr-foundation-bias/audit.yaml names them).
"""

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
from sklearn.metrics import roc_auc_score, roc_curve
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
CASES = os.path.join(SHARED, "cases")
STUDY = os.path.join(SHARED, "data", "cxr-foundation-bias")


def strict_number(text):
    """A cell as a finite float, or None (the audit core's strict reading)."""
    if not isinstance(text, str) or text.strip() != text or text == "":
        return None
    low = text.lower()
    if low in ("nan", "na", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"):
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def target_false_positives(target, negatives):
    # target * negatives snapped to the nearest half count when it misses it by a rounding
    # (0.07 * 50 is 3.5000000000000004), as targetFalsePositives in operating-point.ts does.
    product = target * negatives
    half = round(product * 2) / 2
    return half if abs(product - half) <= 1e-9 * max(1, product) else product


def operating_points(y, s, target):
    # The first point of roc_curve is "nothing predicted positive": its threshold is +inf in
    # scikit-learn 1.3+ and max(score) + 1 before; both mean the infinite threshold here.
    fpr, tpr, thr = roc_curve(y, s)
    i = int(np.argmin(np.abs(fpr - target)))
    reference = point(thr, fpr, tpr, i)

    # Distances in counts, |FP - target * N| as the audit compares them (DESIGN.md): in rates,
    # two points equally far from the target in exact arithmetic (FP 1 and 2 of 15 negatives
    # for a target of 0.1) differ by a rounding and the tie rule would not apply.
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    negatives = int((y == 0).sum())
    positives = len(y) - negatives
    fp = [round(v * negatives) for v in fpr]
    tp = [round(v * positives) for v in tpr]
    goal = target_false_positives(target, negatives)
    best = min(range(len(fpr)), key=lambda k: (abs(fp[k] - goal), fp[k], -tp[k]))
    return {"reference": reference, "full-curve": point(thr, fpr, tpr, best)}


def point(thr, fpr, tpr, i):
    threshold = None if i == 0 else float(thr[i])
    out = {"threshold": threshold, "fpr": float(fpr[i]), "tpr": float(tpr[i])}
    return dict(out, infinite=True) if i == 0 else out


def rate(num, den):
    return None if den == 0 else num / den


def group_metrics(y, s, threshold):
    n = len(y)
    positives = int(y.sum())
    negatives = n - positives
    out = {"n": n, "positives": positives, "negatives": negatives}
    out["auc"] = float(roc_auc_score(y, s)) if positives and negatives else None
    if threshold is None:
        return out
    predicted = s >= threshold
    tp = int((predicted & (y == 1)).sum())
    fp = int((predicted & (y == 0)).sum())
    out["tpr"] = rate(tp, positives)
    out["fpr"] = rate(fp, negatives)
    out["youden"] = None if out["tpr"] is None or out["fpr"] is None else out["tpr"] - out["fpr"]
    out["ppv"] = rate(tp, tp + fp)
    return out


def audit(frame, score, label, positive, groups, target=0.2):
    """groups: list of (column, [(value label, mask function)])."""
    scores = frame[score].map(strict_number)
    keep = scores.notna()
    frame = frame[keep]
    s = scores[keep].astype(float).to_numpy()
    y = frame[label].map(lambda v: 1 if strict_number(v) in positive else 0).to_numpy()
    points = operating_points(y, s, target)
    result = {"rows": int(keep.sum()), "operatingPoints": points, "groups": {}}
    for convention, point in points.items():
        rows = []
        selections = [("all", "all", np.ones(len(y), dtype=bool))]
        for column, values in groups:
            for value, test in values:
                selections.append((column, value, frame[column].map(test).to_numpy(dtype=bool)))
        for attribute, value, mask in selections:
            metrics = group_metrics(y[mask], s[mask], point["threshold"])
            rows.append(dict(attribute=attribute, value=value, **metrics))
        result["groups"][convention] = rows
    return result


def categories(column, values):
    return (column, [(v, lambda x, v=v: x == v) for v in values])


def bins(column, edges):
    out = []
    for k in range(len(edges) - 1):
        low, high, last = edges[k], edges[k + 1], k == len(edges) - 2

        def test(x, low=low, high=high, last=last):
            v = strict_number(x)
            return v is not None and v >= low and (v < high or (last and v == high))

        # auditcard's label: half-open [low, high), the last bin closed [low, high].
        out.append((f"[{low}, {high}{']' if last else ')'}", test))
    return (column, out)


def same(cell, wanted):
    """A selector value matches as written or, when both are numbers, numerically."""
    a, b = strict_number(cell), strict_number(wanted)
    return cell == wanted or (a is not None and b is not None and a == b)


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


METHODS = {"fdr_by": "BY", "fdr_bh": "BH", "holm": "holm", "bonferroni": "bonferroni"}


def ks_family(tests, family="all", method="fdr_by"):
    """Adjusts the tests together as one family and records the family and its method."""
    p = [t["pValue"] for t in tests]
    _, adjusted, _, _ = multipletests(p, alpha=0.05, method=method)
    for t, a in zip(tests, adjusted):
        t["pAdjusted"] = float(a)
        t["reject"] = bool(a < 0.05)
        t["family"] = family
        t["adjustMethod"] = METHODS[method]
    return tests


def ks(source, column, a, b, attribute, groups):
    result = ks_2samp(a, b)
    return {
        "source": source,
        "column": column,
        "attribute": attribute,
        "groups": groups,
        "sizes": [len(a), len(b)],
        "statistic": float(result.statistic),
        "pValue": float(result.pvalue),
    }


def cases():
    c = lambda name: read(os.path.join(CASES, name))
    out = {}
    out["01"] = audit(
        c("01-auc-single-class-subgroup.csv"), "score", "label", [1],
        [categories("sex", ["F", "M"]), categories("race", ["GroupA", "GroupB", "GroupC"])],
    )
    out["02"] = audit(c("02-nan-inf-scores.csv"), "score", "label", [1], [categories("sex", ["F", "M"])])
    out["04"] = audit(c("04-ties-threshold-target-fpr.csv"), "score", "label", [1], [categories("sex", ["F", "M"])])
    out["05"] = audit(c("05-separable-threshold-inf.csv"), "score", "label", [1], [categories("sex", ["F", "M"])])
    out["07"] = audit(c("07-no-positive-predictions.csv"), "score", "label", [1], [categories("group", ["A", "C"])])

    frame = c("09-ks-small-groups.csv")
    value = lambda g: frame[frame.group == g].value.astype(float).to_numpy()
    out["09"] = ks_family([
        ks("09", "value", value(a), value(b), "group", [a, b])
        for a, b in [("X", "Y"), ("P", "Q"), ("U", "V")]
    ])
    return out


STUDY_GROUPS = [
    categories("race", ["White", "Asian", "Black"]),
    categories("sex", ["Female", "Male"]),
    bins("age", [18, 40, 60, 80, 100]),
]
STUDY_COMPARISONS = [
    ("disease_label", "1", "0"),
    ("race", "Asian", "White"),
    ("race", "Black", "Asian"),
    ("race", "White", "Black"),
    ("sex", "Female", "Male"),
]


def study():
    chexpert = read(os.path.join(STUDY, "chexpert-model.embeddings.csv"))
    foundation = read(os.path.join(STUDY, "cxr-foundation.embeddings.csv"))
    targets = {
        name: audit(chexpert, f"Logit - {name}", name, [1.0], STUDY_GROUPS)
        for name in ["No Finding", "Pleural Effusion"]
    }
    projections = []
    for source, frame in [("CheXpert model", chexpert), ("CXR foundation model", foundation)]:
        tests = []
        for mode in range(1, 5):
            column = f"PCA Mode {mode}"
            values = frame[column].astype(float)
            for attribute, a, b in STUDY_COMPARISONS:
                pick = lambda v: values[frame[attribute].map(lambda x: same(x, v))].to_numpy()
                tests.append(ks(source, column, pick(a), pick(b), attribute, [a, b]))
        # One family per model, named like its source in the study's spec.
        projections += ks_family(tests, family=source)
    return {"targets": targets, "projections": projections}


def write(name, payload):
    payload = {
        "generatedBy": "test/golden/generate_audit.py",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__,
            "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__,
        },
        **payload,
    }
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1, sort_keys=False, allow_nan=False)
        handle.write("\n")


if __name__ == "__main__":
    if os.path.isdir(CASES):
        write("audit-cases.json", {"cases": cases()})
    if os.path.isdir(STUDY):
        write("audit-study.json", study())
    # Every metric and disparity of the audit, on adversarial fixtures too (see that script).
    import generate_metrics

    generate_metrics.main()
