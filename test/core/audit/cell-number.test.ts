import { describe, expect, it } from 'vitest';

import { parseCellNumber } from '../../../src/core/audit/cell-number.ts';

describe('parseCellNumber', () => {
  it.each([
    ['1', 1],
    ['1.0', 1],
    ['-0.5', -0.5],
    ['+2', 2],
    ['.5', 0.5],
    ['1.', 1],
    ['2e-3', 0.002],
    ['1E+2', 100],
    ['-3.4028e38', -3.4028e38],
  ])('reads %j as %d', (text, value) => {
    expect(parseCellNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'missing'],
    ['   ', 'missing'],
    ['NaN', 'not a number'],
    ['NA', 'not a number'],
    ['nan', 'not a number'],
    [' 1', 'not a number'],
    ['1 ', 'not a number'],
    ['0x10', 'not a number'],
    ['1,5', 'not a number'],
    ['true', 'not a number'],
    ['e5', 'not a number'],
    ['.', 'not a number'],
    ['inf', 'not finite'],
    ['-inf', 'not finite'],
    ['Infinity', 'not finite'],
    ['-Infinity', 'not finite'],
    ['1e999', 'not finite'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseCellNumber(text)).toEqual({ ok: false, reason });
  });
});
