/**
 * The `…Unchecked` forms that the bootstrap uses after validating its sample once must give
 * exactly (bit for bit) what the checked functions give, on every golden ROC data set and on a
 * seeded sample with ties and multiplicities.
 */
import { describe, expect, it } from 'vitest';
import {
  confusionAtThreshold,
  confusionAtThresholdUnchecked,
  createRandom,
  descendingOrder,
  rocAuc,
  rocAucUnchecked,
  rocCurve,
  rocCurveUnchecked,
  thresholdForTargetFpr,
  thresholdForTargetFprUnchecked,
  youdenThreshold,
  youdenThresholdUnchecked,
} from '../../../src/core/stats/index.ts';
import { floats, golden, rocData } from './golden.ts';

interface Sample {
  name: string;
  scores: Float64Array;
  labels: Uint8Array;
  weights?: Float64Array;
}

function seededSample(): Sample {
  const random = createRandom(11);
  const n = 500;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = random() < 0.3 ? 1 : 0;
    scores[i] = Math.round((random() + 0.3 * labels[i]!) * 20) / 20;
    weights[i] = Math.floor(random() * 3);
  }
  return { name: 'seeded ties and multiplicities', scores, labels, weights };
}

const samples: Sample[] = [
  ...golden.roc.map((entry) => ({
    name: entry.name,
    ...rocData(entry),
    weights: entry.weights === undefined ? undefined : floats(entry.weights),
  })),
  seededSample(),
];

function bothClasses({ labels, weights }: Sample): boolean {
  let positives = 0;
  let negatives = 0;
  labels.forEach((label, i) => {
    const weight = weights === undefined ? 1 : weights[i]!;
    if (label === 1) positives += weight;
    else negatives += weight;
  });
  return positives > 0 && negatives > 0;
}

describe('the unchecked statistics equal the checked ones', () => {
  for (const sample of samples) {
    it(`on ${sample.name}`, () => {
      const { scores, labels, weights } = sample;
      const order = descendingOrder(scores);

      expect(rocAucUnchecked(scores, labels, weights, order)).toBe(rocAuc(scores, labels, weights));
      for (const threshold of [-Infinity, 0.35, 0.5, Infinity]) {
        expect(confusionAtThresholdUnchecked(scores, labels, threshold, weights)).toEqual(
          confusionAtThreshold(scores, labels, threshold, weights),
        );
      }
      if (!bothClasses(sample)) return;

      for (const dropIntermediate of [false, true]) {
        expect(rocCurveUnchecked(scores, labels, order, dropIntermediate, weights)).toEqual(
          rocCurve(scores, labels, { dropIntermediate, weights }),
        );
      }
      for (const convention of ['full-curve', 'reference'] as const) {
        expect(
          thresholdForTargetFprUnchecked(scores, labels, 0.2, convention, weights, order),
        ).toEqual(thresholdForTargetFpr(scores, labels, 0.2, convention, weights));
      }
      expect(youdenThresholdUnchecked(scores, labels, weights, order)).toEqual(
        youdenThreshold(scores, labels, weights),
      );
    });
  }
});
