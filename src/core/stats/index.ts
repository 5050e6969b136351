// The statistics core: pure functions over typed arrays (see ../README.md).
export {
  createIntegerSampler,
  createRandom,
  createRandomState,
  createRandomWords,
  randomInteger,
  tallyUniformIntegers,
} from './random.ts';
export { assertDescendingOrder, descendingOrder } from './descending-order.ts';
export { assertScoredLabels } from './scored-labels.ts';
export {
  rocCurve,
  rocCurveFromSteps,
  rocCurveUnchecked,
  type RocCurve,
  type RocCurveOptions,
  type RocSteps,
} from './roc-curve.ts';
export { rocAuc, rocAucUnchecked, type RocAucOptions } from './roc-auc.ts';
export {
  confusionAtThreshold,
  confusionAtThresholdUnchecked,
  falsePositiveRate,
  negativePredictiveValue,
  positivePredictiveValue,
  trueNegativeRate,
  truePositiveRate,
  youdenIndex,
  type Confusion,
} from './confusion.ts';
export { ratesAtThreshold } from './rates-at-threshold.ts';
export {
  closestToTargetFpr,
  targetFalsePositives,
  thresholdForTargetFpr,
  thresholdForTargetFprUnchecked,
  youdenThreshold,
  youdenThresholdUnchecked,
  type FprConvention,
  type OperatingPointChoice,
  type OperatingPointOptions,
} from './operating-point.ts';
export { percentile } from './percentile.ts';
export {
  bootstrapPercentiles,
  clusterResample,
  multiplicities,
  percentileIntervals,
  resample,
  stratifiedResample,
  type BootstrapOptions,
  type BootstrapPercentiles,
  type Strata,
} from './bootstrap.ts';
export {
  KS_EXACT_AUTO_LIMIT,
  ksTwoSample,
  type KsMethod,
  type KsTwoSampleOptions,
  type KsTwoSampleResult,
} from './ks-two-sample.ts';
export { kolmogorovSurvival } from './kolmogorov-distribution.ts';
export { smirnovSurvival } from './smirnov-distribution.ts';
export { twoSampleKsSurvival } from './two-sample-ks-distribution.ts';
export { adjustPValues, rejectAt, type PValueAdjustment } from './p-value-adjustment.ts';
