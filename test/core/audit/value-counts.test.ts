import { describe, expect, it } from 'vitest';

import { specListText, specValueText } from '../../../src/core/audit/spec-text.ts';
import {
  countValues,
  describeValue,
  describeValueCounts,
} from '../../../src/core/audit/value-counts.ts';

describe('countValues', () => {
  it('counts values as written, most frequent first, ties in order of first appearance', () => {
    expect(countValues(['b', 'a', ' a', 'a', '', 'b', 'c'])).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 2 },
      { value: ' a', count: 1 },
      { value: '', count: 1 },
      { value: 'c', count: 1 },
    ]);
  });

  it('is empty for no cells', () => {
    expect(countValues([])).toEqual([]);
  });
});

describe('describeValueCounts', () => {
  it('quotes values so that spaces show, names the blank, and says how many are left unnamed', () => {
    const counts = countValues(['f', 'f', ' Male', '', 'x', 'y']);
    expect(describeValueCounts(counts)).toBe('"f" ×2, " Male" ×1, (blank) ×1, "x" ×1, "y" ×1');
    expect(describeValueCounts(counts, 2)).toBe('"f" ×2, " Male" ×1, and 3 more values');
    expect(describeValueCounts(counts.slice(0, 1), 10, 2)).toBe('"f" ×2, and 1 more value');
    expect(describeValue('')).toBe('(blank)');
  });
});

describe('specValueText', () => {
  it('writes words plain and quotes what YAML would read as another type or mangle', () => {
    expect(specValueText('Pacific Islander', 'group')).toBe('Pacific Islander');
    expect(specValueText('yes', 'label')).toBe('yes');
    expect(specValueText('1', 'label')).toBe('1');
    expect(specValueText('1', 'group')).toBe("'1'");
    expect(specValueText('true', 'label')).toBe("'true'");
    expect(specValueText('Null', 'group')).toBe("'Null'");
    expect(specValueText(' White', 'group')).toBe("' White'");
    expect(specValueText('White ', 'group')).toBe("'White '");
    expect(specValueText('89+', 'label')).toBe("'89+'");
    expect(specValueText("a: b's", 'group')).toBe("'a: b''s'");
    expect(specValueText('', 'label')).toBe("''");
    expect(specListText(['Female', 'Male', '0'], 'group')).toBe("[Female, Male, '0']");
  });
});
