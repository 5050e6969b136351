/**
 * The groups of an intersection of attributes (`{ intersect: [race, sex] }`): every combination
 * of the attributes' own groups, in order, the first attribute varying slowest (`White & Female`,
 * `White & Male`, `Black & Female`, …). Every combination is listed, even one without rows, so
 * that a missing combination is visible rather than absent, as fairlearn's `MetricFrame` does.
 * A row in no group of one of the attributes is in no group of the intersection.
 */
import { INTERSECTION_SEPARATOR } from './group-attribute.ts';
import type { GroupComponent } from './results.ts';

/** The groups of one attribute: their values and each table row's group (-1: none). */
export interface AttributeGroups {
  attribute: string;
  /** Group values, in order. */
  labels: string[];
  /** For an intersection, each group's components (same order as `labels`). */
  components?: GroupComponent[][];
  /** Per table row, its group's index in `labels`, or -1. */
  rowCodes: Int32Array;
  /** Index in `labels` of the reference group, or -1. */
  referenceCode: number;
}

/**
 * Combines the groups of attributes into those of their intersection.
 *
 * @param parts the attributes' groups, in the intersection's order (at least two)
 * @param reference per attribute, the index of the reference's group in its `labels` (-1 when
 *   that value is not among them: the combination is then added at the end, without rows, so that
 *   the reference still exists); absent for no reference
 */
export function intersectGroups(
  parts: readonly AttributeGroups[],
  reference?: readonly { code: number; value: string }[],
): AttributeGroups {
  const combinations = product(parts.map((part) => part.labels.length)).map((codes) =>
    codes.map((code, index) => ({
      attribute: parts[index]!.attribute,
      value: parts[index]!.labels[code]!,
    })),
  );
  const rowCodes = combineCodes(parts);

  let referenceCode = -1;
  if (reference !== undefined) {
    if (reference.every(({ code }) => code >= 0)) {
      referenceCode = reference.reduce(
        (combined, { code }, index) => combined * parts[index]!.labels.length + code,
        0,
      );
    } else {
      referenceCode = combinations.length;
      combinations.push(
        reference.map(({ value }, index) => ({ attribute: parts[index]!.attribute, value })),
      );
    }
  }

  return {
    attribute: parts.map((part) => part.attribute).join(INTERSECTION_SEPARATOR),
    labels: combinations.map((components) =>
      components.map((component) => component.value).join(INTERSECTION_SEPARATOR),
    ),
    components: combinations,
    rowCodes,
    referenceCode,
  };
}

/** Every tuple of codes below `sizes`, the last position varying fastest. */
function product(sizes: readonly number[]): number[][] {
  let tuples: number[][] = [[]];
  for (const size of sizes) {
    tuples = tuples.flatMap((tuple) => Array.from({ length: size }, (_, code) => [...tuple, code]));
  }
  return tuples;
}

/** Each row's combination as a mixed-radix number of its codes, or -1 when one is missing. */
function combineCodes(parts: readonly AttributeGroups[]): Int32Array {
  const rows = parts[0]!.rowCodes.length;
  const codes = new Int32Array(rows);
  for (let row = 0; row < rows; row += 1) {
    let combined = 0;
    for (const part of parts) {
      const code = part.rowCodes[row]!;
      if (code < 0) {
        combined = -1;
        break;
      }
      combined = combined * part.labels.length + code;
    }
    codes[row] = combined;
  }
  return codes;
}
