/**
 * Seeded sources of uniform random numbers, so that a rebuild of an audit gives identical
 * bootstrap intervals on every machine.
 *
 * Method: xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c),
 * its 128-bit state filled from the seed by splitmix32. Everything is 32-bit integer arithmetic
 * (`Math.imul`, shifts), which JavaScript defines exactly, so a seed gives the same stream on every
 * engine and platform.
 *
 * Streams: a bootstrap gives every replicate a stream of its own (`stream` = the replicate's
 * number), so that replicates can be computed in any order or on several threads and still give
 * the same numbers. The splitmix32 sequence that fills the state starts from the seed XORed with
 * a bijective mix of the stream number (MurmurHash3's 32-bit finalizer, which maps 0 to 0, so
 * stream 0 is the seed's plain stream): distinct streams of one seed start from distinct
 * splitmix values, and all four state words differ between them. (An earlier version varied one
 * word only; since xoshiro128**'s output reads one word, every stream then began with the same
 * outputs, and every replicate drew the same first rows. `test/core/stats/random-streams.test.ts`
 * guards against that.) With a period of 2^128 − 1, the chance that two streams overlap within
 * the few million draws of an audit is negligible.
 */

/**
 * The generator's initial state for a seed and stream, for {@link tallyUniformIntegers}
 * (which advances it in place).
 *
 * @param seed See {@link createRandomWords}.
 * @param stream See {@link createRandomWords}.
 * @throws {RangeError} When `seed` or `stream` is invalid.
 */
export function createRandomState(seed: number, stream = 0): Int32Array {
  return initialState(seed, stream);
}

/** Checks a seed and stream number and gives the generator's initial state. */
function initialState(seed: number, stream: number): Int32Array {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed: expected a finite number, got ${String(seed)}`);
  }
  if (!Number.isSafeInteger(stream) || stream < 0 || stream > 0xffffffff) {
    throw new RangeError(`stream: expected an integer in [0, 2^32), got ${String(stream)}`);
  }

  let mix = (seed >>> 0) ^ finalizeMix(stream);
  const nextSeedWord = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  // A typed array, not four closure variables: 32-bit words beyond the engine's small-integer
  // range were boxed on every store, which made a draw several times slower.
  const state = new Int32Array(4);
  for (let word = 0; word < 4; word += 1) state[word] = nextSeedWord();
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1; // xoshiro's fixed point
  return state;
}

// MurmurHash3's fmix32: a bijection of 32-bit words with fmix32(0) = 0.
function finalizeMix(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

/**
 * A seeded source of uniform 32-bit words.
 *
 * @param seed Any finite number; it is reduced to an unsigned 32-bit integer (`seed >>> 0`), so
 *   seeds that differ by a multiple of 2^32, or only in a fractional part, give the same stream.
 * @param stream Which of the seed's streams, an integer in [0, 2^32); default 0.
 * @returns A function returning integers uniform in [0, 2^32).
 * @throws {RangeError} When `seed` is not a finite number or `stream` not such an integer.
 */
export function createRandomWords(seed: number, stream = 0): () => number {
  return wordsFromState(initialState(seed, stream));
}

// xoshiro128** on a state array, advanced in place.
function wordsFromState(state: Int32Array): () => number {
  return () => {
    const s0 = state[0]!;
    const s1 = state[1]!;
    const s2 = state[2]! ^ s0;
    const s3 = state[3]! ^ s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    state[1] = s1 ^ s2;
    state[0] = s0 ^ s3;
    state[2] = s2 ^ (s1 << 9);
    state[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  };
}

/**
 * A seeded source of uniform doubles.
 *
 * @param seed See {@link createRandomWords}.
 * @param stream See {@link createRandomWords}.
 * @returns A function returning doubles uniform in [0, 1) with 53 random bits each (two words of
 *   the generator per call).
 * @throws {RangeError} When `seed` or `stream` is invalid.
 */
export function createRandom(seed: number, stream = 0): () => number {
  const nextWord = createRandomWords(seed, stream);
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

/** The largest range {@link createIntegerSampler} serves with one word per draw. */
const ONE_WORD_LIMIT = 2 ** 21;
const WORD = 4294967296;
/** 2^−32, exact: multiplying by it equals dividing by 2^32, and is faster. */
const INVERSE_WORD = 1 / WORD;

/**
 * Exactly uniform integers in [0, n) from a source of 32-bit words, as a bootstrap draws rows.
 *
 * Method: Lemire's multiply-and-reject ("Fast random integer generation in an interval", ACM
 * TOMAC 2019). For n ≤ 2^21 the product of a word and n is below 2^53, so a double holds it
 * exactly: the high 32 bits are the draw, and a draw whose low 32 bits fall below
 * (2^32 − n) mod n is rejected, which removes the bias of the plain multiply; rejections are
 * rarer than n / 2^32. Larger n take 53 bits from two words (`floor(u · n)`, bias below n / 2^53).
 *
 * @param nextWord A source such as `createRandomWords(seed, stream)`.
 * @param n The number of possible values, a positive integer below 2^31.
 * @throws {RangeError} When `n` is not such an integer.
 */
export function createIntegerSampler(nextWord: () => number, n: number): () => number {
  if (!Number.isSafeInteger(n) || n < 1 || n > 0x7fffffff) {
    throw new RangeError(`n: expected a positive integer below 2^31, got ${String(n)}`);
  }

  if (n > ONE_WORD_LIMIT) {
    return () => {
      const high = nextWord() >>> 6;
      const low = nextWord() >>> 5;
      return Math.floor(((high * 134217728 + low) / 9007199254740992) * n);
    };
  }
  const rejectBelow = (WORD - n) % n;
  return () => {
    for (;;) {
      const product = nextWord() * n;
      const draw = Math.floor(product * INVERSE_WORD);
      if (product - draw * WORD >= rejectBelow) return draw;
    }
  };
}

/**
 * Draws `draws` integers uniformly in [0, n) and counts how often each value came up, as a
 * bootstrap draws rows with replacement: `hits[v]` is incremented for each draw of v.
 *
 * Gives exactly the draws of `createIntegerSampler(words, n)` called `draws` times on the words
 * of this state, and leaves the state where those words would (a test pins this); the
 * generator and the multiply-and-reject step are written out in one loop because a bootstrap
 * spends most of its time here.
 *
 * @param state A generator state from {@link createRandomState}, advanced in place.
 * @param n The number of possible values, a positive integer below 2^31.
 * @param draws How many draws, a non-negative integer.
 * @param hits Counts, incremented (not zeroed first): `hits[v]` for a draw of v, or
 *   `hits[bucket[v]]` when `bucket` is given (values that share a bucket are counted together).
 *   A float array counts exactly while its counts stay integers it can hold (up to 2^24 in
 *   single precision); the caller chooses one that does.
 * @param bucket Optional bucket of each value, n long, each a valid index of `hits`.
 * @throws {RangeError} When `n`, `draws`, `hits` or `bucket` is invalid.
 */
export function tallyUniformIntegers(
  state: Int32Array,
  n: number,
  draws: number,
  hits: Uint32Array | Float32Array | Float64Array,
  bucket?: Int32Array,
): void {
  if (!Number.isSafeInteger(n) || n < 1 || n > 0x7fffffff) {
    throw new RangeError(`n: expected a positive integer below 2^31, got ${String(n)}`);
  }
  if (!Number.isSafeInteger(draws) || draws < 0) {
    throw new RangeError(`draws: expected a non-negative integer, got ${String(draws)}`);
  }
  if (bucket === undefined && hits.length < n) {
    throw new RangeError(`hits: expected at least ${n} entries`);
  }
  if (bucket !== undefined && bucket.length < n) {
    throw new RangeError(`bucket: expected at least ${n} entries`);
  }
  if (n > ONE_WORD_LIMIT) {
    tallyWithTwoWords(state, n, draws, hits, bucket);
    return;
  }

  const rejectBelow = (WORD - n) % n;
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let k = 0; k < draws;) {
    const product = Math.imul(s1, 5);
    const word = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);

    const scaled = word * n;
    const draw = Math.floor(scaled * INVERSE_WORD);
    if (scaled - draw * WORD < rejectBelow) continue;
    hits[bucket === undefined ? draw : bucket[draw]!]! += 1;
    k += 1;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}

// The two-word path of createIntegerSampler, for n above ONE_WORD_LIMIT.
function tallyWithTwoWords(
  state: Int32Array,
  n: number,
  draws: number,
  hits: Uint32Array | Float32Array | Float64Array,
  bucket: Int32Array | undefined,
): void {
  const nextWord = wordsFromState(state);
  for (let k = 0; k < draws; k += 1) {
    const high = nextWord() >>> 6;
    const low = nextWord() >>> 5;
    const draw = Math.floor(((high * 134217728 + low) / 9007199254740992) * n);
    hits[bucket === undefined ? draw : bucket[draw]!]! += 1;
  }
}
