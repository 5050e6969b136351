import { describe, expect, it } from 'vitest';
import {
  groupLabel,
  visibleGroupValue,
  visibleValue,
} from '../../../src/core/findings/group-label.ts';

describe('groupLabel', () => {
  it('names the whole sample and subgroups', () => {
    expect(groupLabel({ attribute: 'all', value: 'all' })).toBe('Whole sample');
    expect(groupLabel({ attribute: 'race', value: 'Black' })).toBe('race: Black');
  });

  it('keeps groups that differ only in spaces apart', () => {
    expect(groupLabel({ attribute: 'race', value: ' White' })).toBe('race: " White"');
    expect(groupLabel({ attribute: 'race', value: 'White' })).toBe('race: White');
  });
});

describe('visibleGroupValue', () => {
  const part = (attribute: string, value: string) => ({ attribute, value });

  it('shows each value of an intersection group as it would stand alone', () => {
    const group = (race: string, sex: string) => ({
      attribute: 'race & sex',
      value: `${race} & ${sex}`,
      components: [part('race', race), part('sex', sex)],
    });
    expect(groupLabel(group('Black', 'F'))).toBe('race & sex: Black & F');
    expect(visibleGroupValue(group(' White', 'M'))).toBe('" White" & M');
    expect(visibleGroupValue(group('', 'F'))).toBe('(blank) & F');
    expect(visibleGroupValue(group('Black & African American', 'F'))).toBe(
      '"Black & African American" & F',
    );
  });

  it('shows a value of one attribute as visibleValue does', () => {
    expect(visibleGroupValue({ value: '' })).toBe('(blank)');
  });
});

describe('visibleValue', () => {
  it('shows ordinary values as written, inner single spaces included', () => {
    expect(visibleValue('Pacific Islander')).toBe('Pacific Islander');
    expect(visibleValue('[18, 40)')).toBe('[18, 40)');
  });

  it('quotes values with edge, repeated or non-space whitespace, and names the blank one', () => {
    expect(visibleValue('White ')).toBe('"White "');
    expect(visibleValue('a  b')).toBe('"a  b"');
    expect(visibleValue('a\tb')).toBe('"a\\tb"');
    expect(visibleValue('')).toBe('(blank)');
  });
});
