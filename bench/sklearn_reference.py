"""Times a plain scikit-learn bootstrap loop for comparison with `npm run bench`.

Per replicate and target: resample the rows within each label, take roc_curve on the whole
resample, pick the threshold whose FPR is closest to 0.2, then for the whole sample and each
race and sex group compute what the audit computes: roc_auc_score, the rates at that threshold
(TPR, FPR, TNR, FNR, PPV, NPV from the confusion counts), prevalence, Youden's J,
brier_score_loss and the expected calibration error over calibration_curve's 10 uniform bins,
then each subgroup's differences and ratios against its reference group and the whole sample.
The data are synthetic (numpy, seeded) with the shape of the bench's: 4 targets, race in 3
groups, sex in 2, scores rounded to 3 decimals or not (--scores). Prints one JSON object: rows,
replicates, seconds.
"""

import argparse
import json
import time

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score, roc_curve

PREVALENCES = [0.1, 0.18, 0.27, 0.4]


def synthetic(rows, rng, rounded):
    race = rng.choice(3, size=rows, p=[0.15, 0.2, 0.65])
    sex = rng.integers(0, 2, size=rows)
    targets = []
    for prevalence in PREVALENCES:
        labels = (rng.random(rows) < prevalence).astype(np.int8)
        logit = 1.4 * labels - 0.2 * (race == 1) - 0.7 + rng.standard_normal(rows)
        scores = 1 / (1 + np.exp(-logit))
        if rounded:
            scores = np.round(scores, 3)
        targets.append((labels, scores))
    return race, sex, targets


def stratified_indices(labels, rng):
    indices = np.empty(len(labels), dtype=np.int64)
    for value in (0, 1):
        members = np.flatnonzero(labels == value)
        indices[members] = rng.choice(members, size=len(members), replace=True)
    return indices


def replicate(labels, scores, race, sex, rng):
    idx = stratified_indices(labels, rng)
    y, s, r, x = labels[idx], scores[idx], race[idx], sex[idx]
    fpr, _, thresholds = roc_curve(y, s)
    threshold = thresholds[np.argmin(np.abs(fpr - 0.2))]
    masks = [np.ones(len(y), dtype=bool)]
    masks += [r == g for g in range(3)] + [x == g for g in range(2)]
    results = [group_metrics(y[mask], s[mask], threshold) for mask in masks]
    # Disparities: race groups against White (2) and sex against M (1), and all against the
    # whole sample, as differences and ratios.
    references = [None, 3, 3, None, 5, None]
    for group in range(1, len(results)):
        for other in (references[group], 0):
            if other is None or other == group:
                continue
            own, base = results[group], results[other]
            _ = own - base, np.divide(own, base, out=np.full_like(own, np.nan), where=base != 0)
    return results


def group_metrics(y, s, threshold):
    predicted = s >= threshold
    tn, fp, fn, tp = confusion_matrix(y, predicted, labels=[0, 1]).ravel()
    prob_true, prob_pred = calibration_curve(y, s, n_bins=10, strategy="uniform")
    bins = np.searchsorted(np.linspace(0, 1, 11)[1:-1], s)
    weights = np.bincount(bins, minlength=10)
    weights = weights[weights > 0] / len(s)
    ece = np.sum(weights * np.abs(prob_true - prob_pred))
    tpr, fpr = tp / (tp + fn), fp / (fp + tn)
    return np.array(
        [
            roc_auc_score(y, s),
            tpr,
            fpr,
            tn / (tn + fp),
            fn / (tp + fn),
            tp / (tp + fp),
            tn / (tn + fn),
            (tp + fn) / len(y),
            tpr - fpr,
            brier_score_loss(y, s),
            ece,
        ]
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=114720)
    parser.add_argument("--replicates", type=int, default=20)
    parser.add_argument("--scores", choices=["rounded", "continuous"], default="rounded")
    args = parser.parse_args()

    rng = np.random.default_rng(7)
    race, sex, targets = synthetic(args.rows, rng, args.scores == "rounded")
    start = time.perf_counter()
    for _ in range(args.replicates):
        for labels, scores in targets:
            replicate(labels, scores, race, sex, rng)
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": args.rows, "replicates": args.replicates, "seconds": seconds}))


if __name__ == "__main__":
    main()
