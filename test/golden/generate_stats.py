"""Reference values for the statistics core (src/core/stats), written to test/golden/stats.json.

Run with the system Python that has scikit-learn, SciPy and statsmodels:

    /usr/bin/python3 test/golden/generate_stats.py

Deterministic: synthetic data come from a fixed NumPy seed or from integer formulas that the
TypeScript tests rebuild bit for bit (see `modular_sample`). No network. The section `realData`
is written only when ../shared/data exists beside the repository; the tests skip it otherwise.

Conventions of the JSON: non-finite numbers are the strings "Infinity", "-Infinity", "NaN"
(JSON has no literal for them); scikit-learn before 1.3 puts `max(score) + 1` as the first ROC
threshold, which is written here as "Infinity", the value scikit-learn 1.3+ and auditcard use.
"""

import csv
import json
import math
import os
import sys

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy import stats
from sklearn.metrics import roc_auc_score, roc_curve
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(os.path.dirname(REPO), "shared", "cases")
REAL = os.path.join(os.path.dirname(REPO), "shared", "data", "cxr-foundation-bias")
OUT = os.path.join(HERE, "stats.json")

TARGET_FPR = 0.2


def number(x):
    """A float for JSON, with non-finite values spelled as strings."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def numbers(xs):
    return [number(x) for x in xs]


def read_case(name):
    with open(os.path.join(CASES, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def roc_entry(name, scores, labels, weights=None):
    """AUC, both ROC curves and the reference-convention threshold for one data set."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels, dtype=int)
    entry = {"name": name, "scores": numbers(scores), "labels": labels.tolist()}
    if weights is not None:
        entry["weights"] = numbers(weights)
    if labels.min() == labels.max():
        entry["auc"] = None
        return entry
    entry["auc"] = float(roc_auc_score(labels, scores, sample_weight=weights))
    for key, drop in (("full", False), ("dropIntermediate", True)):
        fpr, tpr, thr = roc_curve(labels, scores, drop_intermediate=drop, sample_weight=weights)
        thr = thr.astype(float)
        thr[0] = np.inf
        entry[key] = {"thresholds": numbers(thr), "fpr": numbers(fpr), "tpr": numbers(tpr)}
    fpr, tpr, thr = roc_curve(labels, scores, sample_weight=weights)
    i = int(np.argmin(np.abs(fpr - TARGET_FPR)))
    entry["reference"] = {
        "targetFpr": TARGET_FPR,
        "threshold": number(np.inf if i == 0 else thr[i]),
        "fpr": float(fpr[i]),
        "tpr": float(tpr[i]),
    }
    return entry


def case_roc_entries():
    entries = []
    specs = [
        ("01-auc-single-class-subgroup.csv", ["sex", "race"]),
        ("04-ties-threshold-target-fpr.csv", ["sex"]),
        ("05-separable-threshold-inf.csv", ["sex"]),
        ("07-no-positive-predictions.csv", ["group"]),
    ]
    for file, attributes in specs:
        rows = read_case(file)
        scores = [float(r["score"]) for r in rows]
        labels = [int(r["label"]) for r in rows]
        entries.append(roc_entry(f"{file} all", scores, labels))
        for attribute in attributes:
            for value in sorted({r[attribute] for r in rows}):
                keep = [i for i, r in enumerate(rows) if r[attribute] == value]
                entries.append(
                    roc_entry(
                        f"{file} {attribute}={value}",
                        [scores[i] for i in keep],
                        [labels[i] for i in keep],
                    )
                )
    return entries


def synthetic_roc_entries(rng):
    entries = []
    n = 80
    labels = rng.integers(0, 2, n)
    labels[0], labels[1] = 0, 1
    continuous = rng.normal(0, 1, n) + labels
    entries.append(roc_entry("continuous", continuous, labels))
    entries.append(roc_entry("ties (rounded to 1 decimal)", np.round(continuous, 1), labels))
    entries.append(roc_entry("heavy ties (5 levels)", rng.integers(0, 5, n) + 0.0, labels))
    entries.append(roc_entry("all scores equal", np.full(n, 0.5), labels))
    entries.append(roc_entry("scaled by 1e-7", continuous * 1e-7, labels))
    entries.append(roc_entry("huge magnitudes", continuous * 1e300, labels))
    entries.append(roc_entry("negative and tiny", -np.abs(continuous) * 1e-300, labels))
    entries.append(roc_entry("one per class", [0.3, 0.7], [0, 1]))
    entries.append(roc_entry("one per class, reversed", [0.7, 0.3], [0, 1]))
    entries.append(roc_entry("one per class, tied", [0.5, 0.5], [0, 1]))
    entries.append(roc_entry("perfectly wrong", [0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]))
    weights = rng.integers(0, 4, n).astype(float)
    weights[0], weights[1] = 1.0, 1.0
    entries.append(roc_entry("integer weights", np.round(continuous, 1), labels, weights))
    return entries


def ks_entry(name, a, b, method="auto", store=True):
    res = stats.ks_2samp(a, b, method=method)
    entry = {"name": name, "method": method, "statistic": float(res.statistic)}
    entry["pValue"] = float(res.pvalue)
    if store:
        entry["a"] = numbers(a)
        entry["b"] = numbers(b)
    return entry


def modular_sample(n, mult, mod, div, offset):
    """value_i = ((i * mult) % mod) / div + offset, i = 0..n-1: exact in Python and JavaScript."""
    return np.array([((i * mult) % mod) / div + offset for i in range(n)], dtype=float)


def ks_entries(rng):
    entries = []
    rows = read_case("09-ks-small-groups.csv")
    for comparison in ("single", "separated", "ties"):
        part = [r for r in rows if r["comparison"] == comparison]
        groups = sorted({r["group"] for r in part})
        a = [float(r["value"]) for r in part if r["group"] == groups[0]]
        b = [float(r["value"]) for r in part if r["group"] == groups[1]]
        entries.append(ks_entry(f"case 09 {comparison}", a, b))

    entries.append(ks_entry("normal 5 vs 7", rng.normal(0, 1, 5), rng.normal(0.5, 1, 7)))
    entries.append(ks_entry("equal sizes 30", rng.normal(0, 1, 30), rng.normal(0.3, 1, 30)))
    entries.append(ks_entry("unequal 60 vs 45", rng.normal(0, 1, 60), rng.normal(0.2, 1.5, 45)))
    entries.append(ks_entry("ties 40 vs 25", rng.integers(0, 6, 40) + 0.0, rng.integers(1, 7, 25) + 0.0))
    entries.append(ks_entry("identical samples", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]))
    entries.append(ks_entry("all equal", [2.0] * 4, [2.0] * 6))
    entries.append(ks_entry("one vs many", [0.5], rng.normal(0, 1, 9)))
    entries.append(ks_entry("scaled by 1e-7", rng.normal(0, 1e-7, 20), rng.normal(5e-8, 1e-7, 17)))
    entries.append(ks_entry("huge magnitudes", rng.normal(0, 1e300, 20), rng.normal(0, 2e300, 13)))
    entries.append(ks_entry("with infinities", [-np.inf, 0.0, 1.0, np.inf], [0.5, 2.0, np.inf]))
    small = rng.normal(0, 1, 12)
    other = rng.normal(0.8, 1, 15)
    entries.append(ks_entry("forced exact 12 vs 15", small, other, method="exact"))
    entries.append(ks_entry("forced asymptotic 12 vs 15", small, other, method="asymp"))

    modular = [
        ("modular 100 vs 37", (100, 7919, 1009, 1009, 0.0), (37, 104729, 1013, 1013, 0.05)),
        ("modular 1000 vs 999", (1000, 7919, 10007, 10007, 0.0), (999, 104729, 10009, 10009, 0.01)),
        ("modular 3000 vs 2000 ties", (3000, 7919, 101, 100, 0.0), (2000, 104729, 103, 100, 0.0)),
        ("modular 10000 vs 10000", (10000, 7919, 100003, 100003, 0.0), (10000, 104729, 100019, 100019, 0.004)),
        ("modular 10000 vs 9999", (10000, 7919, 100003, 100003, 0.0), (9999, 104729, 100019, 100019, 0.01)),
        ("modular 10000 vs 7 far", (10000, 7919, 100003, 100003, 0.0), (7, 104729, 100019, 100019, 0.6)),
        ("modular 10001 vs 10000", (10001, 7919, 100003, 100003, 0.0), (10000, 104729, 100019, 100019, 0.01)),
        ("modular 10001 vs 3", (10001, 7919, 100003, 100003, 0.0), (3, 104729, 100019, 100019, 0.3)),
        ("modular 10001 vs 60", (10001, 7919, 100003, 100003, 0.0), (60, 104729, 100019, 100019, 0.1)),
        ("modular 12000 vs 130", (12000, 7919, 100003, 100003, 0.0), (130, 104729, 100019, 100019, 0.05)),
        ("modular 20000 vs 15000", (20000, 7919, 100003, 100003, 0.0), (15000, 104729, 100019, 100019, 0.01)),
        ("modular 20000 vs 15000 near", (20000, 7919, 100003, 100003, 0.0), (15000, 104729, 100019, 100019, 0.002)),
        ("modular 20000 vs 15000 far", (20000, 7919, 100003, 100003, 0.0), (15000, 104729, 100019, 100019, 0.1)),
        ("modular 60000 vs 50000", (60000, 7919, 100003, 100003, 0.0), (50000, 104729, 100019, 100019, 0.004)),
    ]
    for name, spec_a, spec_b in modular:
        entry = ks_entry(name, modular_sample(*spec_a), modular_sample(*spec_b), store=False)
        entry["aModular"] = list(spec_a)
        entry["bModular"] = list(spec_b)
        entries.append(entry)
    return entries


def kstwo_entries():
    """scipy.stats.kstwo.sf(x, n) over every branch of its algorithm."""
    entries = []
    for n in (1, 2, 5, 10, 50, 140, 141, 500, 1000, 5000, 20000, 100001, 2000000):
        xs = sorted(
            {
                0.3 / n,
                0.5 / n,
                0.75 / n,
                1.0 / n,
                1.5 / n,
                min(0.99, 0.5 / math.sqrt(n)),
                min(0.99, 0.8 / math.sqrt(n)),
                min(0.99, 1.2 / math.sqrt(n)),
                min(0.99, 1.6 / math.sqrt(n)),
                min(0.99, 2.5 / math.sqrt(n)),
                min(0.99, 5.0 / math.sqrt(n)),
                min(0.99, 15.0 / math.sqrt(n)),
                min(0.99, 25.0 / math.sqrt(n)),
                min(0.99, 0.9 * (1.4 / n) ** (2 / 3)),
                min(0.99, 1.1 * (1.4 / n) ** (2 / 3)),
                0.3,
                0.5,
                0.7,
                1.0 - 1.0 / n if n > 1 else 0.9,
                1.0,
            }
        )
        for x in xs:
            entries.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    return entries


def smirnov_entries():
    """scipy.special.smirnov(n, x): one-sided tail, including its short upper-sum branch."""
    from scipy import special

    entries = []
    for n in (2, 10, 20, 50, 141, 1000, 30000):
        for x in sorted({0.5 / n, 1.0 / n, 2.0 / n, 3.0 / n, 0.1, 0.5 / math.sqrt(n), 1.5 / math.sqrt(n), 0.6}):
            if x < 1:
                entries.append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
    return entries


def adjustment_entries(rng):
    families = {
        "single": [0.03],
        "five": [0.01, 0.04, 0.03, 0.005, 0.2],
        "ties": [0.01, 0.01, 0.02, 0.02, 0.02, 0.5, 0.5, 0.001],
        "zeros and ones": [0.0, 1.0, 0.0, 0.5, 1.0],
        "tiny": [1e-300, 5e-320, 1e-10, 0.9],
        "random 40": rng.uniform(0, 1, 40) ** 3,
        "random 200": rng.uniform(0, 0.2, 200),
    }
    entries = []
    for name, p in families.items():
        p = np.asarray(p, dtype=float)
        entry = {"name": name, "pValues": numbers(p)}
        for key, method in (("BY", "fdr_by"), ("BH", "fdr_bh"), ("holm", "holm"), ("bonferroni", "bonferroni")):
            reject, adjusted, _, _ = multipletests(p, alpha=0.05, method=method)
            entry[key] = numbers(adjusted)
            entry[key + "Reject05"] = [bool(r) for r in reject]
        entries.append(entry)
    return entries


def percentile_entries(rng):
    arrays = {
        "normal 11": rng.normal(0, 1, 11),
        "uniform 2000": rng.uniform(0, 1, 2000),
        "ties": np.repeat([0.1, 0.2, 0.3], 7),
        "one": np.array([0.42]),
        "two": np.array([-1.0, 3.0]),
        "huge": rng.normal(0, 1e300, 9),
    }
    entries = []
    for name, values in arrays.items():
        values = np.sort(values)
        qs = [0.0, 2.5, 5.0, 25.0, 50.0, 60.0, 97.5, 99.9, 100.0]
        entries.append(
            {
                "name": name,
                "sortedValues": numbers(values),
                "q": qs,
                "percentiles": numbers(np.percentile(values, qs)),
            }
        )
    return entries


def real_data():
    if not os.path.isdir(REAL):
        return None
    import pandas as pd

    section = {"auc": [], "ks": [], "adjustment": None}
    files = ["chexpert-model.embeddings.csv", "cxr-foundation.embeddings.csv"]
    frames = {f: pd.read_csv(os.path.join(REAL, f), keep_default_na=True) for f in files}

    for file, frame in frames.items():
        for target in ("No Finding", "Pleural Effusion"):
            score_column = f"Logit - {target}"
            if score_column not in frame.columns:
                continue
            scores = frame[score_column].to_numpy(dtype=float)
            labels = (frame[target].to_numpy(dtype=float) == 1.0).astype(int)
            groups = [("all", "all", np.ones(len(frame), dtype=bool))]
            for attribute in ("race", "sex"):
                for value in sorted(frame[attribute].dropna().unique()):
                    groups.append((attribute, value, (frame[attribute] == value).to_numpy()))
            for attribute, value, mask in groups:
                y, s = labels[mask], scores[mask]
                fpr, tpr, thr = roc_curve(y, s)
                i = int(np.argmin(np.abs(fpr - TARGET_FPR)))
                section["auc"].append(
                    {
                        "file": file,
                        "target": target,
                        "scoreColumn": score_column,
                        "attribute": attribute,
                        "value": value,
                        "n": int(mask.sum()),
                        "positives": int(y.sum()),
                        "auc": float(roc_auc_score(y, s)),
                        "curvePoints": int(len(roc_curve(y, s, drop_intermediate=False)[0])),
                        "referencePoints": int(len(fpr)),
                        "reference": {
                            "threshold": number(np.inf if i == 0 else thr[i]),
                            "fpr": float(fpr[i]),
                            "tpr": float(tpr[i]),
                        },
                    }
                )

    comparisons = [
        ("disease_label", 1, 0),
        ("race", "Asian", "White"),
        ("race", "Black", "Asian"),
        ("race", "White", "Black"),
        ("sex", "Female", "Male"),
    ]
    p_values = []
    for file, frame in frames.items():
        for mode in range(1, 5):
            column = f"PCA Mode {mode}"
            for attribute, first, second in comparisons:
                a = frame.loc[frame[attribute] == first, column].to_numpy(dtype=float)
                b = frame.loc[frame[attribute] == second, column].to_numpy(dtype=float)
                res = stats.ks_2samp(a, b)
                p_values.append(float(res.pvalue))
                section["ks"].append(
                    {
                        "file": file,
                        "column": column,
                        "attribute": attribute,
                        "groups": [str(first), str(second)],
                        "sizes": [len(a), len(b)],
                        "statistic": float(res.statistic),
                        "pValue": float(res.pvalue),
                    }
                )
    reject, adjusted, _, _ = multipletests(p_values, alpha=0.05, method="fdr_by")
    section["adjustment"] = {"method": "BY", "pAdjusted": numbers(adjusted), "reject05": reject.tolist()}
    for entry, p in zip(section["ks"], adjusted):
        entry["pAdjustedBY"] = float(p)
    return section


def main():
    rng = np.random.default_rng(20240611)
    golden = {
        "generator": "test/golden/generate_stats.py",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "sklearn": sklearn.__version__,
            "statsmodels": statsmodels.__version__,
        },
        "tolerance": {
            "pointEstimateAbsolute": 1e-9,
            "exactKsRelative": 1e-12,
            "asymptoticKsAbsolute": 1e-9,
        },
        "roc": case_roc_entries() + synthetic_roc_entries(rng),
        "ks": ks_entries(rng),
        "kstwo": kstwo_entries(),
        "smirnov": smirnov_entries(),
        "adjustment": adjustment_entries(rng),
        "percentile": percentile_entries(rng),
    }
    real = real_data()
    if real is not None:
        golden["realData"] = real
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
