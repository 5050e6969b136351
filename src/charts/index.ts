export {
  forestPlot,
  forestMetrics,
  type ForestMetric,
  type ForestPlotOptions,
} from './forest-plot.ts';
export { rocCurves, type RocCurvesOptions } from './roc-curves.ts';
