/**
 * The streams of one seed (`createRandomWords(seed, stream)`, `createRandomState`) must behave
 * as independent generators: the audit's bootstrap gives replicate r the stream r, so any word
 * that two streams share at the same position is a draw that two replicates share.
 */
import { describe, expect, it } from 'vitest';

import {
  createRandomState,
  createRandomWords,
  tallyUniformIntegers,
} from '../../../src/core/stats/index.ts';

const STREAMS = 200;

/** The first `count` words of streams 0 … STREAMS − 1 of `seed`. */
function firstWords(seed: number, count: number): number[][] {
  return Array.from({ length: STREAMS }, (_, stream) => {
    const next = createRandomWords(seed, stream);
    return Array.from({ length: count }, () => next());
  });
}

describe('random streams of one seed', () => {
  it('differ from the first word on (words 0 … 63 distinct across 200 streams)', () => {
    // Two of 200 uniform 32-bit words coincide with probability about 200² / 2³³ ≈ 5e-6.
    const words = firstWords(1, 64);
    for (let k = 0; k < 64; k += 1) {
      expect(new Set(words.map((stream) => stream[k])).size, `word ${k}`).toBe(STREAMS);
    }
  });

  // An earlier version varied only state word 2 between streams; xoshiro128**'s output reads
  // word 1 alone, so words 0 and 2 were the same in every stream and the replicates of a
  // bootstrap shared their first and third draws. Every state word now depends on the stream.
  it.each([1, 7, 0xffffffff])(
    'seed %i: share no word at the same position, the first three included',
    (seed) => {
      const words = firstWords(seed, 3);
      for (let k = 0; k < 3; k += 1) {
        expect(new Set(words.map((stream) => stream[k])).size, `word ${k}`).toBe(STREAMS);
      }
    },
  );

  it('give replicates different first draws of a stratum', () => {
    // The first unit a replicate draws among 114 (the size of a label stratum in
    // test/golden/metric-fixtures/probabilities.csv): uniform, so all 114 units should appear
    // among 2,000 replicates (each is missed with probability (113/114)^2000 ≈ 3e-8).
    const first = new Set<number>();
    const hits = new Uint32Array(114);
    for (let replicate = 0; replicate < 2000; replicate += 1) {
      hits.fill(0);
      tallyUniformIntegers(createRandomState(1, replicate), 114, 1, hits);
      first.add(hits.indexOf(1));
    }
    expect(first.size).toBe(114);
  });
});
