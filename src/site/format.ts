/**
 * Number formatting for the pages: fixed decimals, a true minus sign, an en dash between interval
 * bounds, and an em dash for a value that does not exist (never `0` or `NaN`).
 */
import type { DefinedMetric, Metric } from '../core/audit/results.ts';

/** Shown in place of a value that is undefined. */
export const missingValue = '—';

/**
 * Formats a finite number with fixed decimals and a typographic minus sign.
 *
 * @param value The number; null, `NaN` and infinities give {@link missingValue}.
 * @param digits Decimals (default 3).
 */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missingValue;

  const text = value.toFixed(digits);
  // -0.000 would read as a negative value that rounds to zero; show it as zero.
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.replace(/^-/, '−');
}

/** Formats a count with thousands separators (`12 345`, a thin space, locale-independent). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/**
 * Formats a p-value with three significant digits, in scientific notation below 1e-4.
 */
export function formatPValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return missingValue;
  if (value === 0) return '0';
  if (value < 1e-4) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${mantissa}×10${superscript(exponent ?? '')}`;
  }
  return value
    .toPrecision(3)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

const superscripts: Record<string, string> = {
  '-': '⁻',
  '+': '',
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((glyph, digit) => [String(digit), glyph])),
};

function superscript(text: string): string {
  return [...text].map((character) => superscripts[character] ?? character).join('');
}

/** Whether a metric has an estimate. */
export function isDefined(metric: Metric | undefined): metric is DefinedMetric {
  return metric !== undefined && metric.estimate !== null && Number.isFinite(metric.estimate);
}

/**
 * Formats a metric as `0.812 (0.790–0.833)`, or just the estimate when it has no interval, or
 * {@link missingValue} when it is undefined. An interval with a negative bound (a difference)
 * reads `−0.038 (−0.062 to −0.015)`, since a dash between minus signs is hard to read.
 */
export function formatMetric(metric: Metric | undefined, digits = 3): string {
  if (!isDefined(metric)) return missingValue;

  const estimate = formatNumber(metric.estimate, digits);
  if (metric.low === null || metric.high === null) return estimate;
  const separator = metric.low < 0 ? ' to ' : '–';
  return `${estimate} (${formatBound(metric.low, digits)}${separator}${formatBound(metric.high, digits)})`;
}

/**
 * An interval bound: as {@link formatNumber}, but a bound that is not zero and would round to
 * zero keeps its first significant digit (`0.0002`), since whether an interval excludes zero is
 * what its flag says and the reader checks.
 */
function formatBound(value: number, digits: number): string {
  if (value === 0 || Number(value.toFixed(digits)) !== 0) return formatNumber(value, digits);
  const decimals = Math.min(20, Math.ceil(-Math.log10(Math.abs(value))));
  return formatNumber(value, decimals);
}

/** Formats a fraction in [0, 1] as a percentage with one decimal, such as `20.0%`. */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return missingValue;
  return `${(value * 100).toFixed(digits)}%`;
}
