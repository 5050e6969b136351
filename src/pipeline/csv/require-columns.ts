/**
 * Checks that every column a spec uses exists in a CSV file exactly once.
 */
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestNames } from './closest-names.ts';
import type { CsvTable } from './csv-table.ts';

/** A column name the spec uses, and where in the spec (for the message). */
export interface ColumnUse {
  name: string;
  /** What the column is used for, for example `score of target "Pleural Effusion"`. */
  role: string;
  /** JSON pointer of the value in the spec, when known. */
  pointer?: string;
}

/**
 * Problems for the used columns that are missing (`CsvMissingColumn`, with the closest existing
 * names as a hint) or whose name appears more than once in the header (`CsvDuplicateHeader`,
 * naming every 1-based position). Repeated names that are not used are fine. Each name is
 * reported once, at its first use.
 */
export function requireColumns(table: CsvTable, uses: readonly ColumnUse[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();

  for (const use of uses) {
    if (seen.has(use.name)) continue;
    seen.add(use.name);
    const positions = table.positions(use.name);
    const pointer = use.pointer === undefined ? {} : { pointer: use.pointer };

    if (positions.length === 0) {
      const near = closestNames(use.name, table.header);
      const hint =
        near.length > 0
          ? `Did you mean ${near.map((name) => `"${name}"`).join(', ')}?`
          : 'Check the spelling against the first line of the file.';
      const message = `Column "${use.name}" (${use.role}) is not in the file.`;
      problems.push(
        problem('CsvMissingColumn', {
          message,
          hint,
          file: table.path,
          columnName: use.name,
          ...pointer,
        }),
      );
    } else if (positions.length > 1) {
      const where = positions.map((position) => position + 1).join(' and ');
      const message = `Column "${use.name}" (${use.role}) appears more than once in the header, at positions ${where}.`;
      const hint = 'Rename one of the columns so that the spec names exactly one.';
      problems.push(
        problem('CsvDuplicateHeader', {
          message,
          hint,
          file: table.path,
          line: 1,
          column: positions[0]! + 1,
          columnName: use.name,
          ...pointer,
        }),
      );
    }
  }
  return problems;
}
