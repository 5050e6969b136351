/**
 * A target's rows compressed into cells: the rows that share a score, a label and the same
 * groups (one group per attribute, or none) are interchangeable for every statistic of an audit,
 * so a resample only needs to know how many rows it drew from each cell.
 *
 * Every metric an audit reports (ROC AUC with half-counted ties, rates at a threshold, Brier
 * score, calibration bins) is a function of weighted counts at each distinct score, per group;
 * replacing rows by cells with their multiplicities changes no value. Scores with few distinct
 * values (rounded outputs) give far fewer cells than rows; distinct scores give one cell per row
 * and nothing is lost either way.
 *
 * Cells are ordered by decreasing score, and the cells of one score are contiguous ("blocks"),
 * which is the order in which the ROC curve and every threshold statistic are read.
 */
import type { Grouping } from './groups.ts';

export interface ScoreCells {
  /** Number of cells. */
  count: number;
  /** The score of each cell, decreasing (not strictly: a block shares one score). */
  score: Float64Array;
  /** 1 positive, 0 negative, per cell. */
  label: Uint8Array;
  /** The group combination of each cell (an index into `comboStart`). */
  combo: Int32Array;
  /** Rows of the sample in each cell (the weights of the point estimate). */
  size: Float64Array;
  /** Start of each block of equal scores in the cells, then `count` (length blocks + 1). */
  blockStart: Int32Array;
  /**
   * The groups of each combination, as `comboGroups[comboStart[c] .. comboStart[c + 1])`:
   * always group 0 (the whole sample), then one group per attribute the rows are in.
   */
  comboStart: Int32Array;
  comboGroups: Int32Array;
  /** The cell of each sample row. */
  rowCell: Int32Array;
}

/**
 * Builds the cells of a target's sample.
 *
 * @param scores The sample's scores (finite), one per sample row.
 * @param labels 1/0, one per sample row.
 * @param order The sample rows by decreasing score (`descendingOrder(scores)`).
 * @param tableRows The table row of each sample row (to read group codes).
 * @param grouping The groups of the table's rows.
 */
export function scoreCells(
  scores: Float64Array,
  labels: Uint8Array,
  order: Int32Array,
  tableRows: Int32Array,
  grouping: Grouping,
): ScoreCells {
  const n = scores.length;
  const combos = groupCombinations(tableRows, grouping);
  const score = new Float64Array(n);
  const label = new Uint8Array(n);
  const combo = new Int32Array(n);
  const size = new Float64Array(n);
  const rowCell = new Int32Array(n);
  const blockStarts: number[] = [];
  let count = 0;

  let k = 0;
  while (k < n) {
    const blockScore = scores[order[k]!]!;
    blockStarts.push(count);
    let end = k;
    while (end < n && scores[order[end]!] === blockScore) end += 1;
    if (end === k + 1) {
      // A score of one row (every row, when scores are continuous): one cell, nothing to sort.
      const row = order[k]!;
      score[count] = blockScore;
      label[count] = labels[row]!;
      combo[count] = combos.ofRow[row]!;
      size[count] = 1;
      rowCell[row] = count;
      count += 1;
      k = end;
      continue;
    }

    // Within a block, one cell per (combination, label), in that order: the cells, and so every
    // sum over them, do not depend on the order of the rows in the file.
    const keys = [...new Set(order.subarray(k, end).map((row) => cellKey(combos, labels, row)))];
    keys.sort((a, b) => a - b);
    const first = count;
    for (const key of keys) {
      score[count] = blockScore;
      label[count] = key % 2;
      combo[count] = (key - (key % 2)) / 2;
      count += 1;
    }
    for (; k < end; k += 1) {
      const row = order[k]!;
      const cell = first + binarySearch(keys, cellKey(combos, labels, row));
      size[cell]! += 1;
      rowCell[row] = cell;
    }
  }
  blockStarts.push(count);

  return {
    count,
    score: score.slice(0, count),
    label: label.slice(0, count),
    combo: combo.slice(0, count),
    size: size.slice(0, count),
    blockStart: Int32Array.from(blockStarts),
    comboStart: combos.start,
    comboGroups: combos.groups,
    rowCell,
  };
}

function cellKey(combos: Combinations, labels: Uint8Array, row: number): number {
  return combos.ofRow[row]! * 2 + labels[row]!;
}

function binarySearch(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Combinations {
  /** The combination of each sample row. */
  ofRow: Int32Array;
  start: Int32Array;
  groups: Int32Array;
}

// Numbers the distinct tuples of group codes found among the sample's rows.
function groupCombinations(tableRows: Int32Array, grouping: Grouping): Combinations {
  const groupIndex = new Map<string, number>();
  grouping.groups.forEach((group, index) => {
    if (group.attributeIndex >= 0) groupIndex.set(`${group.attributeIndex}:${group.code}`, index);
  });

  // A row's tuple as one number (mixed radix, code + 1 so that "in no group" is 0) while the
  // tuples fit in a safe integer, else as text.
  const radices = grouping.codes.map((_, attribute) => attributeSize(grouping, attribute) + 1);
  const numeric = radices.reduce((product, radix) => product * radix, 1) < 2 ** 52;
  const ofRow = new Int32Array(tableRows.length);
  const idOf = new Map<number | string, number>();
  const lists: number[][] = [];
  tableRows.forEach((tableRow, row) => {
    let key: number | string = numeric ? 0 : '';
    for (let attribute = 0; attribute < radices.length; attribute += 1) {
      const code = grouping.codes[attribute]![tableRow]!;
      key = numeric ? (key as number) * radices[attribute]! + code + 1 : `${key},${code}`;
    }
    let id = idOf.get(key);
    if (id === undefined) {
      id = lists.length;
      idOf.set(key, id);
      const members = [0];
      grouping.codes.forEach((codes, attribute) => {
        const code = codes[tableRow]!;
        if (code >= 0) members.push(groupIndex.get(`${attribute}:${code}`)!);
      });
      lists.push(members);
    }
    ofRow[row] = id;
  });

  // Numbered by their groups rather than by first appearance, so that the numbering (and the
  // order of every sum over combinations) does not depend on the order of the rows.
  const byGroups = lists.map((_, id) => id).sort((a, b) => compareLists(lists[a]!, lists[b]!));
  const renumbered = new Int32Array(lists.length);
  byGroups.forEach((id, position) => (renumbered[id] = position));
  for (let row = 0; row < ofRow.length; row += 1) ofRow[row] = renumbered[ofRow[row]!]!;
  const sorted = byGroups.map((id) => lists[id]!);

  const start = new Int32Array(sorted.length + 1);
  sorted.forEach((members, id) => (start[id + 1] = start[id]! + members.length));
  const groups = new Int32Array(start[sorted.length]!);
  sorted.forEach((members, id) => groups.set(members, start[id]!));
  return { ofRow, start, groups };
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k += 1) {
    if (a[k] !== b[k]) return a[k]! - b[k]!;
  }
  return a.length - b.length;
}

function attributeSize(grouping: Grouping, attribute: number): number {
  return grouping.groups.filter((group) => group.attributeIndex === attribute).length;
}
