export {
  deriveFindings,
  largestGap,
  type Finding,
  type FindingKind,
  type MetricGap,
} from './derive-findings.ts';
export { groupLabel, isWholeSample, visibleGroupValue } from './group-label.ts';
export { isSmallGroup, minimumText } from './small-group.ts';
export { testFamilies, type TestFamily } from './test-families.ts';
