import { describe, expect, it } from 'vitest';

import { intervalMetric } from '../../../src/core/audit/interval-metric.ts';

const intervals = {
  low: Float64Array.of(0.1, 0.2, NaN),
  high: Float64Array.of(0.3, 0.4, NaN),
  undefinedCount: Int32Array.of(0, 1001, 1000),
  replicates: 2000,
};

describe('intervalMetric', () => {
  it('gives the percentile interval and the undefined replicates', () => {
    expect(intervalMetric(0.2, 0, intervals)).toEqual({
      estimate: 0.2,
      low: 0.1,
      high: 0.3,
      undefinedReplicates: 0,
    });
  });

  it('drops the interval when more than half of the replicates are undefined', () => {
    expect(intervalMetric(0.3, 1, intervals)).toEqual({
      estimate: 0.3,
      low: null,
      high: null,
      undefinedReplicates: 1001,
      intervalReason: 'undefined in 1001 of 2000 replicates',
    });
  });

  it('drops an interval with NaN bounds', () => {
    expect(intervalMetric(0.3, 2, intervals).low).toBeNull();
  });

  it('says so when the bootstrap is off', () => {
    expect(intervalMetric(0.5, 0, null)).toEqual({
      estimate: 0.5,
      low: null,
      high: null,
      intervalReason: 'bootstrap off',
    });
  });
});
