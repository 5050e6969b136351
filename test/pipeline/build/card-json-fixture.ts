/**
 * Shared pieces of the card export tests: small hand-written audit results, a card, and golden
 * files under `card-json-golden/` (rewritten only with UPDATE_GOLDEN=1). Golden cards end in
 * `.golden`, not `.json`, so that Prettier leaves their exact bytes alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type {
  AuditResults,
  GroupResult,
  Metric,
  TargetResult,
} from '../../../src/core/audit/results.ts';

export const schemaId = 'https://atlas.rsna.org/schemas/2025-11/model.json';

/** A defined metric with an interval (or none when `low`/`high` are left out). */
export function metric(estimate: number, low: number | null = null, high = low): Metric {
  return { estimate, low, high: low === null ? null : high };
}

/** An undefined metric. */
export function undefinedMetric(reason = 'no predicted positives'): Metric {
  return { estimate: null, reason };
}

/** A group with the four required metrics and any others. */
export function group(
  attribute: string,
  value: string,
  counts: [n: number, positives: number],
  metrics: Record<string, Metric>,
  reference = false,
): GroupResult {
  const [n, positives] = counts;
  return {
    attribute,
    value,
    n,
    positives,
    negatives: n - positives,
    ...(reference ? { reference: true } : {}),
    metrics: {
      auc: undefinedMetric('no positives'),
      tpr: undefinedMetric('no positives'),
      fpr: undefinedMetric('no negatives'),
      youden: undefinedMetric('no positives'),
      ...metrics,
    },
  };
}

/** A target at a target-FPR operating point. */
export function target(name: string, groups: GroupResult[]): TargetResult {
  return {
    name,
    labelColumn: name,
    scoreColumn: `score ${name}`,
    operatingPoint: {
      policy: 'target-fpr',
      target: 0.2,
      threshold: 0.5,
      achievedFpr: 0.2,
      achievedTpr: 0.8,
      convention: 'full-curve',
    },
    calibration: { bins: 10, binning: 'uniform' },
    excluded: [],
    ungrouped: [],
    groups,
  };
}

/** Results around the given targets. */
export function results(targets: TargetResult[]): AuditResults {
  return {
    model: 'fixture-model',
    version: '2.0',
    generatedBy: 'auditcard test',
    inputs: [{ path: 'predictions.csv', sha256: '0'.repeat(64), rows: 500, excludedRows: 0 }],
    bootstrap: {
      replicates: 200,
      level: 0.95,
      seed: 1,
      stratify: 'label',
      resample: 'rows',
      clusters: null,
    },
    targets,
    projections: [],
    adjustment: null,
  };
}

/**
 * The fixture audit: the metrics of today's audit and of the one being written (tnr, fnr, npv,
 * prevalence, brier, ece), an NPV undefined everywhere, a PPV undefined for the whole sample
 * only, disparities, and a second target without a whole-sample group.
 */
export function fixtureResults(): AuditResults {
  const whole = group('all', 'all', [500, 100], {
    auc: metric(0.8814, 0.85, 0.91),
    tpr: metric(0.79, 0.71, 0.86),
    fpr: metric(0.2, 0.16, 0.24),
    youden: metric(0.59, 0.5, 0.67),
    ppv: undefinedMetric(),
    tnr: metric(0.8, 0.76, 0.84),
    fnr: metric(0.21, 0.14, 0.29),
    npv: undefinedMetric(),
    prevalence: metric(0.2, 0.2, 0.2),
    brier: metric(0.1234, 0.11, 0.14),
    ece: metric(0.031, 0.02, 0.05),
  });
  const female = group('sex', 'Female', [240, 50], {
    auc: metric(0.84, 0.79, 0.89),
    tpr: metric(0.7, 0.57, 0.82),
    fpr: metric(0.19, 0.13, 0.25),
    youden: metric(0.51, 0.38, 0.63),
    ppv: metric(0.49, 0.38, 0.6),
    npv: undefinedMetric(),
    tprDifference: metric(-0.18, -0.33, -0.03),
    tprRatio: metric(0.8, 0.65, 0.96),
  });
  const male = group(
    'sex',
    'Male',
    [260, 50],
    {
      auc: metric(0.92, 0.88, 0.95),
      tpr: metric(0.88, 0.78, 0.96),
      fpr: metric(0.21, 0.15, 0.27),
      youden: metric(0.67, 0.55, 0.77),
      ppv: metric(0.5, 0.4, 0.6),
      npv: undefinedMetric(),
    },
    true,
  );
  const effusion = target('Pleural Effusion', [
    group('sex', 'Female', [240, 30], { auc: metric(0.9), tpr: metric(0.8), fpr: metric(0.2) }),
    group('sex', 'Male', [260, 30], { auc: metric(0.91), tpr: metric(0.8), fpr: metric(0.2) }),
  ]);
  return results([target('Pneumothorax', [whole, female, male]), effusion]);
}

/** A valid card with the given `Model performance` (none when undefined). */
export function fixtureCard(performance?: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: schemaId,
    Model: {
      Name: 'Fixture model',
      Link: 'https://example.org/fixture',
      Descriptors: { Version: '2.0' },
      ...(performance ? { 'Model performance': performance } : {}),
    },
  };
}

/**
 * Compares `actual` with `card-json-golden/<name>`; with UPDATE_GOLDEN=1 the file is written
 * instead, the only way golden files change.
 */
export function expectGolden(name: string, actual: string): void {
  const url = new URL(`./card-json-golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(url, actual);
    return;
  }
  if (!existsSync(url)) {
    throw new Error(`golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1`);
  }
  expect(actual).toBe(readFileSync(url, 'utf8'));
}
