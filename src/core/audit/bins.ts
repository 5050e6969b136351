/**
 * Bins of a numeric attribute: half-open intervals `[e0, e1)`, `[e1, e2)`, …, the last one
 * closed, `[ek-1, ek]`, as numpy's `histogram` does, so that the top edge (an age of 80 in bins
 * ending at 80) is counted. Labels state the intervals exactly: `[18, 40)`, `[60, 80]`.
 */
import { parseCellNumber } from './cell-number.ts';

/**
 * The label of bin `index` of `edges`: `[low, high)`, or `[low, high]` for the last bin. Edges
 * are written as JavaScript writes numbers (the shortest text that reads back as the same
 * number), so that a label never rounds an edge to the wrong side of a value.
 *
 * @param edges increasing bin edges, at least two
 * @param index the bin, from 0 to `edges.length - 2`
 */
export function binLabel(edges: readonly number[], index: number): string {
  const last = index === edges.length - 2;
  return `[${edges[index]}, ${edges[index + 1]}${last ? ']' : ')'}`;
}

/** Every bin's label, in order (see {@link binLabel}). */
export function binLabels(edges: readonly number[]): string[] {
  return edges.slice(0, -1).map((_, index) => binLabel(edges, index));
}

/**
 * Each cell's bin, or -1 when the cell is not a number (see `parseCellNumber`: blank, text,
 * infinite) or lies outside every bin.
 *
 * @param cells the column's cells as written
 * @param edges increasing bin edges, at least two
 */
export function assignBins(cells: readonly string[], edges: readonly number[]): Int32Array {
  const last = edges.length - 2;
  const codes = new Int32Array(cells.length).fill(-1);

  cells.forEach((cell, row) => {
    const number = parseCellNumber(cell);
    if (!number.ok) return;
    const x = number.value;
    for (let bin = 0; bin <= last; bin += 1) {
      const high = edges[bin + 1]!;
      if (x >= edges[bin]! && (x < high || (bin === last && x === high))) {
        codes[row] = bin;
        return;
      }
    }
  });
  return codes;
}
