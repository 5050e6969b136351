/**
 * A seeded source of uniform random numbers, so that a rebuild of an audit gives identical
 * bootstrap intervals on every machine.
 *
 * Method: xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c),
 * its 128-bit state filled from the seed by splitmix32. Everything is 32-bit integer arithmetic
 * (`Math.imul`, shifts), which JavaScript defines exactly, so a seed gives the same stream on every
 * engine and platform.
 *
 * @param seed Any finite number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`), so
 *   seeds that differ by a multiple of 2^32, or only in a fractional part, give the same stream.
 * @returns A function returning doubles uniform in [0, 1) with 53 random bits each (two draws of
 *   the generator per call).
 * @throws {RangeError} When `seed` is not a finite number.
 */
export function createRandom(seed: number): () => number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed: expected a finite number, got ${String(seed)}`);
  }

  let mix = seed >>> 0;
  const nextSeedWord = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let s0 = nextSeedWord();
  let s1 = nextSeedWord();
  let s2 = nextSeedWord();
  let s3 = nextSeedWord();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the one state xoshiro cannot leave

  const nextWord = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  return () => {
    const high = nextWord() >>> 6; // 26 bits
    const low = nextWord() >>> 5; // 27 bits
    return (high * 134217728 + low) / 9007199254740992;
  };
}

/**
 * A uniform random integer in [0, n), drawn from a uniform [0, 1) source.
 *
 * Method: `floor(random() * n)`. With the 53-bit doubles of `createRandom` the bias against any
 * value is below n / 2^53, far under anything a bootstrap can detect.
 *
 * @param random A source of uniform doubles in [0, 1), such as `createRandom(seed)`.
 * @param n The number of possible values; a positive safe integer.
 * @throws {RangeError} When `n` is not a positive safe integer.
 */
export function randomInteger(random: () => number, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`n: expected a positive integer, got ${String(n)}`);
  }
  return Math.floor(random() * n);
}
