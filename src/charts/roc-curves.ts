/**
 * ROC curves of the subgroups of one attribute for one target, with each group's operating
 * point (the whole sample's threshold applied to the group) marked on its curve.
 */
import * as Plot from '@observablehq/plot';
import type { GroupResult, TargetResult } from '../core/audit/results.ts';
import { groupLabel, isWholeSample } from '../core/findings/group-label.ts';
import { createDocument, finishSvg, groupColors } from './svg-document.ts';

export interface RocCurvesOptions {
  /** The attribute whose groups are drawn, such as `race`. */
  attribute: string;
  /** Width and height in pixels of the square drawing (default 420). */
  size?: number;
}

interface CurvePoint {
  label: string;
  fpr: number;
  tpr: number;
}

interface Series {
  label: string;
  color: string;
  whole: boolean;
  curve: CurvePoint[];
  operatingPoint: { fpr: number; tpr: number } | null;
}

const digits = 3;
const wholeColor = '#777777';

/**
 * Draws the ROC curves of `options.attribute`'s groups for `target` as an SVG string. The whole
 * sample's curve is drawn in grey for comparison, the chance diagonal dashed. The legend sits in
 * the lower right, where ROC curves above chance never go. Groups without ROC points (`roc`
 * absent) are named in the legend and the text alternative as having no curve.
 *
 * @param target One target of the audit results.
 * @param options See {@link RocCurvesOptions}.
 */
export function rocCurves(target: TargetResult, options: RocCurvesOptions): string {
  const size = options.size ?? 420;
  const groups = target.groups.filter((group) => group.attribute === options.attribute);
  const whole = target.groups.find(isWholeSample);
  const series = groups.map((group, index) =>
    toSeries(group, groupColors[index % groupColors.length] ?? 'currentColor', false),
  );
  if (whole) series.unshift(toSeries(whole, wholeColor, true));

  const curves = series.flatMap((s) => s.curve);
  const points = series.flatMap((s) =>
    s.operatingPoint ? [{ ...s.operatingPoint, label: s.label }] : [],
  );
  const legend = series.map((s, index) => ({
    label: s.curve.length > 0 ? s.label : `${s.label} (no curve)`,
    color: s.color,
    x: 0.5,
    y: 0.04 + 0.065 * (series.length - 1 - index),
  }));
  const color = {
    domain: series.map((s) => s.label),
    range: series.map((s) => s.color),
  };

  const svg = Plot.plot({
    document: createDocument(),
    width: size,
    height: size,
    marginLeft: 48,
    marginBottom: 40,
    x: { domain: [0, 1], label: 'False positive rate', grid: true },
    y: { domain: [0, 1], label: 'True positive rate', grid: true },
    color,
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { strokeDasharray: '4,3', strokeOpacity: 0.5 },
      ),
      Plot.line(curves, { x: 'fpr', y: 'tpr', z: 'label', stroke: 'label', strokeWidth: 1.75 }),
      Plot.dot(points, {
        x: 'fpr',
        y: 'tpr',
        stroke: 'label',
        fill: 'white',
        r: 4.5,
        strokeWidth: 2,
      }),
      Plot.dot(legend, { x: 'x', y: 'y', fill: 'color', r: 4 }),
      Plot.text(legend, { x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 8 }),
    ],
  });

  return finishSvg(svg as unknown as Element, {
    label: `ROC curves by ${options.attribute} for ${target.name}`,
    description: describe(series, options.attribute),
  });
}

function toSeries(group: GroupResult, color: string, whole: boolean): Series {
  const label = groupLabel(group);
  const curve: CurvePoint[] = [];
  if (group.roc) {
    const length = Math.min(group.roc.fpr.length, group.roc.tpr.length);
    for (let i = 0; i < length; i += 1) {
      const fpr = group.roc.fpr[i];
      const tpr = group.roc.tpr[i];
      if (isFiniteNumber(fpr) && isFiniteNumber(tpr)) curve.push({ label, fpr, tpr });
    }
  }

  const fpr = group.metrics.fpr.estimate;
  const tpr = group.metrics.tpr.estimate;
  const operatingPoint = isFiniteNumber(fpr) && isFiniteNumber(tpr) ? { fpr, tpr } : null;

  return { label, color, whole, curve, operatingPoint };
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(series: Series[], attribute: string): string {
  const lines = series.map((s) => {
    const curve = s.curve.length > 0 ? `curve of ${s.curve.length} points` : 'no curve';
    const point = s.operatingPoint
      ? `operating point at false positive rate ${s.operatingPoint.fpr.toFixed(digits)}, true positive rate ${s.operatingPoint.tpr.toFixed(digits)}`
      : 'operating point undefined';
    return `${s.label}: ${curve}, ${point}.`;
  });
  return `ROC curves by ${attribute}, with each group's operating point at the whole sample's threshold. ${lines.join(' ')}`;
}
