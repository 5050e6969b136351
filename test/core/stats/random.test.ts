import { describe, expect, it } from 'vitest';
import { createRandom, randomInteger } from '../../../src/core/stats/random.ts';

describe('createRandom', () => {
  it('reproduces the xoshiro128** stream of an independent Python implementation', () => {
    // Values printed by a line-by-line Python port of the reference C code with the same seeding.
    const expected: Record<number, number[]> = {
      1: [0.09156953552660052, 0.8881928099282858, 0.4342701808717522, 0.7467797795759467],
      0: [0.4167513252864876, 0.5870561733261354, 0.2650367345578172, 0.4422643700918737],
      4294967295: [0.9555829975771204, 0.26826965160973515, 0.8580147794163832, 0.9689652971911261],
    };
    for (const [seed, values] of Object.entries(expected)) {
      const random = createRandom(Number(seed));
      expect(values.map(() => random())).toEqual(values);
    }
  });

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(first);
  });

  it('stays in [0, 1) and looks uniform', () => {
    const random = createRandom(7);
    let sum = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });

  it('reduces the seed to 32 bits', () => {
    expect(createRandom(2 ** 32 + 5)()).toBe(createRandom(5)());
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRandom(NaN)).toThrow(RangeError);
    expect(() => createRandom(Infinity)).toThrow(/seed/);
  });
});

describe('randomInteger', () => {
  it('draws every value of [0, n) and nothing else', () => {
    const random = createRandom(3);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 5000; i++) counts[randomInteger(random, 5)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('always returns 0 for n = 1', () => {
    const random = createRandom(3);
    for (let i = 0; i < 10; i++) expect(randomInteger(random, 1)).toBe(0);
  });

  it('rejects n that is not a positive integer', () => {
    const random = createRandom(3);
    expect(() => randomInteger(random, 0)).toThrow(RangeError);
    expect(() => randomInteger(random, 2.5)).toThrow(/n:/);
  });
});
