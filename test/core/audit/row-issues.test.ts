import { describe, expect, it } from 'vitest';

import { suggestLabels } from '../../../src/core/audit/label-suggestion.ts';
import { AuditRefusal, type AuditIssue } from '../../../src/core/audit/refusal.ts';
import type { TargetSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { countValues } from '../../../src/core/audit/value-counts.ts';
import { audit, caseSpec } from './helpers.ts';

const scores = ['0.9', '0.8', '0.7', '0.6', '0.5', 'NaN'];

function issues(labels: string[], label: TargetSpec['label'], score = scores): AuditIssue[] {
  const table = tableFromColumns('t.csv', { id: ['a', 'b', 'c', 'd', 'e', 'f'], score, y: labels });
  const spec = caseSpec('t.csv', []);
  spec.targets[0]!.label = label;
  try {
    audit(spec, table);
  } catch (error) {
    if (error instanceof AuditRefusal) return error.issues;
    throw error;
  }
  return [];
}

describe('AuditNoRows', () => {
  it('lists the label values found with counts and the spec lists, and suggests the lists', () => {
    const [issue] = issues(['yes', 'no', 'no', 'yes', 'no', 'maybe'], {
      column: 'y',
      positive: [1],
      negative: [0],
    });
    expect(issue).toEqual({
      code: 'AuditNoRows',
      file: 't.csv',
      columnName: 'y',
      message:
        'Target "t": no row has a label in the positive or negative list (positive: [1], negative: [0]); the label column holds "no" ×3, "yes" ×2 in the rows with a usable score.',
      hint: 'If that is what the values mean, write `positive: [yes], negative: [no]` in the label of target "t" (numbers compare as numbers, text exactly, case and spaces included).',
    });
  });

  it('says to use values from the column when it cannot guess which are positive', () => {
    const [issue] = issues(['A', 'B', 'A', 'B', 'A', 'A'], {
      column: 'y',
      positive: [1],
      negative: [0],
    });
    expect(issue!.message).toContain('the label column holds "A" ×3, "B" ×2');
    expect(issue!.hint).toBe(
      'Set the positive and negative values in the label to values the column holds (numbers compare as numbers, text exactly, case and spaces included).',
    );
  });

  it('names the score reasons when no row has a usable score', () => {
    const [issue] = issues(
      ['1', '0', '1', '0', '1', '0'],
      { column: 'y', positive: [1], negative: [0] },
      ['', 'x', 'x', 'inf', '', 'NaN'],
    );
    expect(issue).toMatchObject({ code: 'AuditNoRows', columnName: 'score' });
    expect(issue!.message).toBe(
      'Target "t": no row has a usable score (score missing ×2, score not a number ×3, score not finite ×1).',
    );
  });
});

describe('AuditSingleClass', () => {
  it('names the missing class, the lists and the values, and fixes a difference of case', () => {
    const [issue] = issues(['Yes', 'No', 'No', 'Yes', 'No', 'Yes'], {
      column: 'y',
      positive: ['yes'],
      negative: 'rest',
    });
    expect(issue!.code).toBe('AuditSingleClass');
    expect(issue!.message).toBe(
      'Target "t": no positive rows (positive: [yes], negative: rest), so no ROC curve or operating point exists; the label column holds "No" ×3, "Yes" ×2 in the rows with a usable score.',
    );
    expect(issue!.hint).toContain(
      'write `positive: [Yes], negative: rest` in the label of target "t"',
    );
  });

  it('for missing negatives, suggests the values that look negative', () => {
    const [issue] = issues(['1', 'false', '1', 'false', '1', '1'], {
      column: 'y',
      positive: [1],
      negative: [0],
    });
    expect(issue!.message).toContain('no negative rows (positive: [1], negative: [0])');
    expect(issue!.hint).toContain("`positive: [1], negative: ['false']`");
  });
});

describe('suggestLabels', () => {
  const label = { column: 'y', positive: [1], negative: [0] };

  it('keeps a number of the spec as written and quotes a value with spaces', () => {
    expect(suggestLabels(countValues(['1.0', ' 0', '1']), label)).toBe(
      "positive: [1], negative: [' 0']",
    );
  });

  it('suggests nothing when the spec already fits or nothing can be inferred', () => {
    expect(suggestLabels(countValues(['1', '0']), label)).toBeNull();
    expect(suggestLabels(countValues(['x', 'y', '']), label)).toBeNull();
    expect(suggestLabels([], label)).toBeNull();
  });
});
