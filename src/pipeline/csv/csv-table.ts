/**
 * A parsed CSV file: the header as written and the cells of every row, by column.
 *
 * Header names may repeat (pandas writes `Unnamed: 0` columns, spreadsheets copy columns); the
 * table keeps every position, and asking for a repeated name by {@link CsvTable.column} is a
 * programming error because the caller must check the names it uses first (`checkColumns`).
 */
import type { AuditTable } from '../../core/audit/table.ts';

export class CsvTable implements AuditTable {
  /** The file, as given by the user. */
  readonly path: string;
  /** The header cells as written (a byte-order mark removed), in file order. */
  readonly header: readonly string[];
  /** The cells of each column, in header order, one per data row. */
  readonly cells: readonly (readonly string[])[];
  /** 1-based line in the file where each data row starts. */
  readonly lines: Int32Array;
  readonly #positions: Map<string, number[]>;

  constructor(
    path: string,
    header: readonly string[],
    cells: readonly (readonly string[])[],
    lines: Int32Array,
  ) {
    this.path = path;
    this.header = header;
    this.cells = cells;
    this.lines = lines;
    this.#positions = new Map();
    header.forEach((name, index) => {
      const positions = this.#positions.get(name);
      if (positions) positions.push(index);
      else this.#positions.set(name, [index]);
    });
  }

  get rowCount(): number {
    return this.lines.length;
  }

  /** The 0-based header positions of a name: empty when absent, several when repeated. */
  positions(name: string): readonly number[] {
    return this.#positions.get(name) ?? [];
  }

  /**
   * The cells of a column by name, or undefined when absent.
   *
   * @throws {TypeError} when the name appears more than once in the header
   */
  column(name: string): readonly string[] | undefined {
    const positions = this.positions(name);
    if (positions.length > 1) {
      throw new TypeError(`column: "${name}" is repeated in the header of ${this.path}`);
    }
    const position = positions[0];
    return position === undefined ? undefined : this.cells[position];
  }

  /** Data rows are numbered from 1 after the header, blank lines not counted. */
  rowNumber(index: number): number {
    return index + 1;
  }
}
