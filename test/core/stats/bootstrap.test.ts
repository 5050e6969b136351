import { describe, expect, it } from 'vitest';
import {
  bootstrapPercentiles,
  clusterResample,
  multiplicities,
  resample,
  stratifiedResample,
} from '../../../src/core/stats/bootstrap.ts';
import { descendingOrder } from '../../../src/core/stats/descending-order.ts';
import { percentile } from '../../../src/core/stats/percentile.ts';
import { createRandom } from '../../../src/core/stats/random.ts';
import { rocAuc } from '../../../src/core/stats/roc-auc.ts';

describe('resample', () => {
  it('draws n indices in [0, n), reproducibly for a seed', () => {
    const a = resample(50, createRandom(1));
    const b = resample(50, createRandom(1));
    expect(a).toEqual(b);
    expect(a.every((i) => i >= 0 && i < 50)).toBe(true);
    expect(new Set(a).size).toBeLessThan(50);
  });

  it('fills a given array and handles n = 0', () => {
    const out = new Int32Array(3);
    expect(resample(3, createRandom(1), out)).toBe(out);
    expect(resample(0, createRandom(1)).length).toBe(0);
    expect(() => resample(3, createRandom(1), new Int32Array(2))).toThrow(/out/);
    expect(() => resample(-1, createRandom(1))).toThrow(/n:/);
  });
});

describe('stratifiedResample', () => {
  const strata = Uint8Array.of(1, 0, 0, 1, 0, 0, 0, 1, 0, 0);

  it('keeps every row in its own stratum, so class counts are preserved', () => {
    const random = createRandom(9);
    for (let r = 0; r < 100; r++) {
      const indices = stratifiedResample(strata, random);
      for (let i = 0; i < strata.length; i++) expect(strata[indices[i]!]).toBe(strata[i]);
    }
  });

  it('works with Int32Array codes, including negative ones, and a one-row stratum', () => {
    const codes = Int32Array.of(-5, 7, 7, 7);
    const indices = stratifiedResample(codes, createRandom(2));
    expect(indices[0]).toBe(0);
    expect([1, 2, 3]).toContain(indices[1]);
  });

  it('is reproducible for a seed and refuses other arrays', () => {
    expect(stratifiedResample(strata, createRandom(5))).toEqual(
      stratifiedResample(strata, createRandom(5)),
    );
    expect(() => stratifiedResample([0, 1] as unknown as Uint8Array, createRandom(5))).toThrow(
      TypeError,
    );
  });
});

describe('clusterResample', () => {
  // Five patients with 3, 1, 2, 1 and 3 images; patients 0 and 4 have a positive image.
  const clusters = Int32Array.of(0, 0, 0, 1, 2, 2, 3, 4, 4, 4);
  const patientStrata = Uint8Array.of(1, 0, 0, 0, 1);
  const rowsOf = (cluster: number) => [...clusters.keys()].filter((i) => clusters[i] === cluster);

  /** Splits a resample into its clusters' runs of rows, checking that each run is whole. */
  function drawnClusters(indices: Int32Array): number[] {
    const drawn: number[] = [];
    for (let at = 0; at < indices.length;) {
      const cluster = clusters[indices[at]!]!;
      const rows = rowsOf(cluster);
      expect([...indices.subarray(at, at + rows.length)]).toEqual(rows);
      drawn.push(cluster);
      at += rows.length;
    }
    return drawn;
  }

  it('draws as many whole clusters as there are, every row of a drawn cluster together', () => {
    const random = createRandom(3);
    const lengths = new Set<number>();
    for (let r = 0; r < 200; r++) {
      const indices = clusterResample(clusters, undefined, random);
      expect(drawnClusters(indices)).toHaveLength(5);
      lengths.add(indices.length);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it('keeps the number of clusters of each stratum', () => {
    const random = createRandom(5);
    for (let r = 0; r < 200; r++) {
      const drawn = drawnClusters(clusterResample(clusters, patientStrata, random));
      expect(drawn.filter((c) => patientStrata[c] === 1)).toHaveLength(2);
      expect(drawn.filter((c) => patientStrata[c] === 0)).toHaveLength(3);
    }
  });

  it('gives the same draws for the same seed, and writes into a long enough out', () => {
    const a = clusterResample(clusters, patientStrata, createRandom(11));
    const out = new Int32Array(100);
    const b = clusterResample(clusters, patientStrata, createRandom(11), out);
    expect(b).toEqual(a);
    expect(b.buffer).toBe(out.buffer);
    const short = clusterResample(clusters, patientStrata, createRandom(11), new Int32Array(1));
    expect(short).toEqual(a);
  });

  it('with one row per cluster draws exactly what row resampling draws', () => {
    const n = 40;
    const identity = Int32Array.from({ length: n }, (_, i) => i);
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    expect(clusterResample(identity, undefined, createRandom(2))).toEqual(
      resample(n, createRandom(2)),
    );
    expect(clusterResample(identity, labels, createRandom(2))).toEqual(
      stratifiedResample(labels, createRandom(2)),
    );
  });

  it('handles no rows and refuses malformed clusters, strata or out', () => {
    expect(clusterResample(new Int32Array(0), undefined, createRandom(1))).toHaveLength(0);
    const random = createRandom(1);
    expect(() => clusterResample(Uint8Array.of(0) as never, undefined, random)).toThrow(TypeError);
    expect(() => clusterResample(Int32Array.of(0, -1), undefined, random)).toThrow(RangeError);
    expect(() => clusterResample(Int32Array.of(0, 2), undefined, random)).toThrow(/cluster 1/);
    expect(() => clusterResample(clusters, Uint8Array.of(1), random)).toThrow(/strata/);
    expect(() => clusterResample(clusters, [1, 0, 0, 0, 1] as never, random)).toThrow(TypeError);
    expect(() => clusterResample(clusters, undefined, random, [] as never)).toThrow(/out/);
  });

  it('drives bootstrapPercentiles, replicate lengths varying, deterministically', () => {
    const lengths: number[] = [];
    const options = {
      n: clusters.length,
      replicates: 30,
      level: 0.9,
      seed: 4,
      clusters,
      clusterStrata: patientStrata,
    };
    const run = (indices: Int32Array) => {
      lengths.push(indices.length);
      drawnClusters(indices);
      return Float64Array.of(indices.length);
    };
    const first = bootstrapPercentiles(run, options);
    expect(new Set(lengths).size).toBeGreaterThan(1);
    expect(bootstrapPercentiles(run, options)).toEqual(first);
    const one = () => Float64Array.of(1);
    const base = { n: 10, replicates: 2, level: 0.9, seed: 1 };
    expect(() => bootstrapPercentiles(one, { ...base, clusters: new Int32Array(3) })).toThrow(
      /clusters/,
    );
    expect(() => bootstrapPercentiles(one, { ...base, clusterStrata: patientStrata })).toThrow(
      /clusterStrata/,
    );
    expect(() =>
      bootstrapPercentiles(one, { ...base, clusters, strata: new Uint8Array(10) }),
    ).toThrow(/strata/);
  });
});

describe('bootstrapPercentiles', () => {
  const n = 200;
  const scores = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1009) / 1009);
  const labels = Uint8Array.from(scores, (s, i) => (s + ((i * 104729) % 101) / 150 > 0.8 ? 1 : 0));
  const order = descendingOrder(scores);
  const weights = new Float64Array(n);
  const run = (indices: Int32Array) => {
    multiplicities(indices, weights);
    const auc = rocAuc(scores, labels, weights, { order });
    return Float64Array.of(auc ?? NaN, indices[0]!);
  };
  const options = { n, replicates: 300, level: 0.95, seed: 11, strata: labels };

  it('gives identical output for the same seed', () => {
    expect(bootstrapPercentiles(run, options)).toEqual(bootstrapPercentiles(run, options));
    expect(bootstrapPercentiles(run, { ...options, seed: 12 }).low).not.toEqual(
      bootstrapPercentiles(run, options).low,
    );
  });

  it('brackets the estimate with the 2.5th and 97.5th percentiles of the replicates', () => {
    const result = bootstrapPercentiles(run, options);
    const estimate = rocAuc(scores, labels)!;
    expect(result.low[0]).toBeLessThan(estimate);
    expect(result.high[0]).toBeGreaterThan(estimate);
    expect(result.replicatesRun).toBe(300);
    expect(Array.from(result.undefinedCount)).toEqual([0, 0]);
  });

  it('computes exactly numpy-style percentiles of the replicate values', () => {
    const seen: number[] = [];
    const result = bootstrapPercentiles(
      (indices) => {
        const value = indices.reduce((sum, i) => sum + scores[i]!, 0) / n;
        seen.push(value);
        return Float64Array.of(value);
      },
      { n, replicates: 101, level: 0.9, seed: 3 },
    );
    const sorted = Float64Array.from(seen).sort();
    expect(result.low[0]).toBe(percentile(sorted, 5));
    expect(result.high[0]).toBe(percentile(sorted, 95));
  });

  it('preserves class counts in every stratified replicate', () => {
    const positives = labels.reduce((sum, l) => sum + l, 0);
    bootstrapPercentiles(
      (indices) => {
        let count = 0;
        for (const i of indices) count += labels[i]!;
        expect(count).toBe(positives);
        return Float64Array.of(count);
      },
      { ...options, replicates: 50 },
    );
  });

  it('leaves undefined (NaN) replicates out and counts them', () => {
    let r = 0;
    const result = bootstrapPercentiles(() => Float64Array.of(r++ % 4 === 0 ? NaN : r, NaN), {
      n: 5,
      replicates: 40,
      level: 0.95,
      seed: 1,
    });
    expect(result.undefinedCount[0]).toBe(10);
    expect(Number.isFinite(result.low[0])).toBe(true);
    expect(result.undefinedCount[1]).toBe(40);
    expect(result.low[1]).toBeNaN();
    expect(result.high[1]).toBeNaN();
  });

  it('hands the same reused index array to every replicate', () => {
    const arrays = new Set<Int32Array>();
    bootstrapPercentiles(
      (indices) => {
        arrays.add(indices);
        return Float64Array.of(1);
      },
      { n: 3, replicates: 5, level: 0.95, seed: 1 },
    );
    expect(arrays.size).toBe(1);
  });

  it('refuses bad options and misbehaving statistics', () => {
    const one = () => Float64Array.of(1);
    const base = { n: 3, replicates: 5, level: 0.95, seed: 1 };
    expect(() => bootstrapPercentiles(one, { ...base, replicates: 0 })).toThrow(/replicates/);
    expect(() => bootstrapPercentiles(one, { ...base, level: 1 })).toThrow(/level/);
    expect(() => bootstrapPercentiles(one, { ...base, seed: NaN })).toThrow(/seed/);
    expect(() => bootstrapPercentiles(one, { ...base, strata: Uint8Array.of(1) })).toThrow(
      /strata/,
    );
    expect(() => bootstrapPercentiles(() => Float64Array.of(Infinity), base)).toThrow(/infinite/);
    let k = 1;
    expect(() => bootstrapPercentiles(() => new Float64Array(k++), base)).toThrow(/run/);
  });

  it('runs 3,000 rows × 2,000 stratified replicates of AUC in a few seconds', () => {
    const big = 3000;
    const s = Float64Array.from({ length: big }, (_, i) => ((i * 7919) % 10007) / 10007);
    const y = Uint8Array.from(s, (v, i) => (v + ((i * 104729) % 101) / 150 > 0.8 ? 1 : 0));
    const o = descendingOrder(s);
    const w = new Float64Array(big);
    const start = performance.now();
    bootstrapPercentiles(
      (indices) => Float64Array.of(rocAuc(s, y, multiplicities(indices, w), { order: o }) ?? NaN),
      { n: big, replicates: 2000, level: 0.95, seed: 1, strata: y },
    );
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('multiplicities', () => {
  it('counts each index and refuses out-of-range ones', () => {
    expect(Array.from(multiplicities(Int32Array.of(2, 0, 2), new Float64Array(4)))).toEqual([
      1, 0, 2, 0,
    ]);
    expect(() => multiplicities(Int32Array.of(4), new Float64Array(4))).toThrow(/indices\[0\]/);
  });
});
