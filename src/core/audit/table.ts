/**
 * The view of a data file that the audit core reads: columns of cells as written, by name.
 *
 * The pipeline's CSV reader provides it (`src/pipeline/csv/`); tests can build one from arrays
 * with {@link tableFromColumns}. Cells stay strings so that labels and group values compare as
 * written; numbers are read with `parseCellNumber`.
 */

export interface AuditTable {
  /** The file as named in the spec (relative to the version folder). */
  readonly path: string;
  /** The number of data rows (the header excluded). */
  readonly rowCount: number;
  /**
   * The cells of a column, one per row, or undefined when the file has no column of that name.
   * The caller checks beforehand that every column it uses exists exactly once; a table may throw
   * a TypeError for a name that is ambiguous.
   */
  column(name: string): readonly string[] | undefined;
  /** The 1-based data row number of row `index` (0-based), as a user finds it in the file. */
  rowNumber(index: number): number;
}

/**
 * Builds an {@link AuditTable} from columns given as arrays of cells, all of the same length.
 *
 * @throws {RangeError} when the columns differ in length
 */
export function tableFromColumns(
  path: string,
  columns: Record<string, readonly string[]>,
): AuditTable {
  const lengths = new Set(Object.values(columns).map((cells) => cells.length));
  if (lengths.size > 1) throw new RangeError(`columns: lengths differ in ${path}`);
  const rowCount = lengths.size === 0 ? 0 : [...lengths][0]!;
  const byName = new Map(Object.entries(columns));

  return {
    path,
    rowCount,
    column: (name) => byName.get(name),
    rowNumber: (index) => index + 1,
  };
}
