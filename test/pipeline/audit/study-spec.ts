/**
 * The study's spec (studies/cxr-foundation-bias/audit.yaml) as a validated AuditSpec: one BY
 * family per model, as the study adjusted them.
 */
import type { AuditSpec } from '../../../src/core/audit/spec.ts';

const comparisons: [string, string][] = [
  ['disease_label=1', 'disease_label=0'],
  ['race=Asian', 'race=White'],
  ['race=Black', 'race=Asian'],
  ['race=White', 'race=Black'],
  ['sex=Female', 'sex=Male'],
];
const columns = ['PCA Mode 1', 'PCA Mode 2', 'PCA Mode 3', 'PCA Mode 4'];

export function studySpec(replicates = 2000): AuditSpec {
  return {
    data: 'chexpert-model.embeddings.csv',
    id: 'patient_id',
    targets: ['No Finding', 'Pleural Effusion'].map((name) => ({
      name,
      label: { column: name, positive: [1], negative: 'rest' as const },
      score: `Logit - ${name}`,
    })),
    groups: [
      { column: 'race', values: ['White', 'Asian', 'Black'], reference: 'White' },
      { column: 'sex', values: ['Female', 'Male'], reference: 'Male' },
      { column: 'age', bins: [18, 40, 60, 80, 100] },
    ],
    operatingPoint: { policy: 'target-fpr', targetFpr: 0.2, convention: 'reference' },
    bootstrap: { replicates, level: 0.95, seed: 1, stratify: 'label', resample: 'rows' },
    projections: [
      {
        data: 'chexpert-model.embeddings.csv',
        source: 'CheXpert model',
        columns,
        comparisons,
        family: 'CheXpert model',
        adjust: 'BY',
      },
      {
        data: 'cxr-foundation.embeddings.csv',
        source: 'CXR foundation model',
        columns,
        comparisons,
        family: 'CXR foundation model',
        adjust: 'BY',
      },
    ],
    adjust: 'BY',
    alpha: 0.05,
    invalidScores: 'exclude',
    minGroupSize: { n: 30, positives: 10, negatives: 10 },
  };
}
