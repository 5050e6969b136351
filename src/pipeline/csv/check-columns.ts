/**
 * Checks the header of a CSV file against the columns a spec uses. Validation (which reads only
 * the header) and the audit (which reads the whole file) both call it, so a mistake is reported
 * the same way, at the same place, whichever step finds it.
 */
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';
import { closestNames } from './closest-names.ts';
import { wrongDelimiter, wrongDelimiterProblem } from './wrong-delimiter.ts';

/** The header of a CSV file; a {@link CsvTable} is one. */
export interface CsvHeader {
  /** The file, as given by the user; problems about the file itself are located on it. */
  readonly path: string;
  /** The header cells as written, in file order. */
  readonly header: readonly string[];
}

/** Where a value is written in the spec: file and, when known, 1-based line and column. */
export interface SpecPlace {
  file: string;
  line?: number;
  column?: number;
}

/** A column name the spec uses, and where in the spec. */
export interface ColumnUse {
  name: string;
  /** What the column is used for, for example `score of target "Pleural Effusion"`. */
  role: string;
  /** JSON pointer of the value in the spec, when known. */
  pointer?: string;
  /**
   * Where the name is written in the spec. Problems about the name are located there (the
   * mistake is usually a typo in the spec); without it, on the CSV file.
   */
  place?: SpecPlace;
}

/**
 * Problems of the columns a spec uses from one file:
 *
 * - `CsvWrongDelimiter` when the header looks separated by `;` or tabs; then nothing else is
 *   reported for the file, since every other problem would follow from it;
 * - `CsvMissingColumn` for a name not in the header, with the closest names as a hint;
 * - `CsvDuplicateHeader` for a name the header holds more than once, naming every 1-based
 *   position (repeated names that are not used are fine).
 *
 * Each name is reported once, at its first use.
 *
 * @param csv the file's header
 * @param uses the names the spec uses from this file, in spec order
 * @param shownAs how messages name the file; default `csv.path` (give the path as written in
 *   the spec when problems are located in the spec)
 */
export function checkColumns(
  csv: CsvHeader,
  uses: readonly ColumnUse[],
  shownAs: string = csv.path,
): Problem[] {
  const delimiter = wrongDelimiter(
    csv.header,
    uses.map((use) => use.name),
  );
  if (delimiter) return [wrongDelimiterProblem(delimiter, csv.path)];

  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const use of uses) {
    if (seen.has(use.name)) continue;
    seen.add(use.name);

    const found = columnProblem(csv, use, shownAs);
    if (found) problems.push(found);
  }
  return problems;
}

function columnProblem(csv: CsvHeader, use: ColumnUse, shownAs: string): Problem | null {
  const positions = csv.header.flatMap((name, index) => (name === use.name ? [index + 1] : []));
  if (positions.length === 1) return null;

  const pointer = use.pointer === undefined ? {} : { pointer: use.pointer };
  if (positions.length === 0) {
    const near = closestNames(use.name, csv.header);
    return problem('CsvMissingColumn', {
      message: `Column "${use.name}" (${use.role}) is not in ${shownAs}.`,
      hint:
        near.length > 0
          ? `Did you mean ${near.map((name) => `"${name}"`).join(', ')}?`
          : `Check the spelling against the first line of ${shownAs}.`,
      ...(use.place ?? { file: csv.path }),
      columnName: use.name,
      ...pointer,
    });
  }

  return problem('CsvDuplicateHeader', {
    message:
      `Column "${use.name}" (${use.role}) appears more than once in the header of ` +
      `${shownAs}, at positions ${positions.join(' and ')}.`,
    hint: 'Rename one of the columns so that the spec names exactly one.',
    ...(use.place ?? { file: csv.path, line: 1, column: positions[0]! }),
    columnName: use.name,
    ...pointer,
  });
}
