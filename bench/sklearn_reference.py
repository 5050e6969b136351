"""Times a plain scikit-learn bootstrap loop for comparison with `npm run bench`.

Per replicate and target: resample the rows within each label, take roc_curve on the whole
resample, pick the threshold whose FPR is closest to 0.2, then for the whole sample and each
race and sex group compute roc_auc_score and the rates at that threshold. The data are synthetic
(numpy, seeded) with the shape of the bench's: 4 targets, race in 3 groups, sex in 2, scores
rounded to 3 decimals. Prints one JSON object: rows, replicates, seconds.
"""

import argparse
import json
import time

import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

PREVALENCES = [0.1, 0.18, 0.27, 0.4]


def synthetic(rows, rng):
    race = rng.choice(3, size=rows, p=[0.15, 0.2, 0.65])
    sex = rng.integers(0, 2, size=rows)
    targets = []
    for prevalence in PREVALENCES:
        labels = (rng.random(rows) < prevalence).astype(np.int8)
        logit = 1.4 * labels - 0.2 * (race == 1) - 0.7 + rng.standard_normal(rows)
        scores = np.round(1 / (1 + np.exp(-logit)), 3)
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
    results = []
    for mask in masks:
        y_g, s_g = y[mask], s[mask]
        predicted = s_g >= threshold
        results.append(
            (
                roc_auc_score(y_g, s_g),
                predicted[y_g == 1].mean(),
                predicted[y_g == 0].mean(),
            )
        )
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=114720)
    parser.add_argument("--replicates", type=int, default=20)
    args = parser.parse_args()

    rng = np.random.default_rng(7)
    race, sex, targets = synthetic(args.rows, rng)
    start = time.perf_counter()
    for _ in range(args.replicates):
        for labels, scores in targets:
            replicate(labels, scores, race, sex, rng)
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": args.rows, "replicates": args.replicates, "seconds": seconds}))


if __name__ == "__main__":
    main()
