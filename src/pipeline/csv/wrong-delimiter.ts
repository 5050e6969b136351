/**
 * Recognizing a file separated by semicolons or tabs, which a comma-only reader sees as one
 * long column (or a few): one clear problem instead of one missing column per name.
 */
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';

/** The separators that spreadsheets and scripts write instead of a comma. */
export type OtherDelimiter = ';' | '\t';

const candidates: readonly OtherDelimiter[] = [';', '\t'];

/**
 * The delimiter a header read with commas appears to use instead, or null when it looks right.
 *
 * A header is suspect when splitting its fields again at `;` (or a tab) gives at least twice as
 * many names (a single field holding `a;b` is the common case), or gives back a name the spec
 * uses that the header as read lacks (`id,score;label` with `label` used).
 *
 * @param header the header cells as read with commas
 * @param wanted the column names the spec uses from this file, when known
 */
export function wrongDelimiter(
  header: readonly string[],
  wanted: readonly string[] = [],
): OtherDelimiter | null {
  let best: { delimiter: OtherDelimiter; names: number } | null = null;
  for (const delimiter of candidates) {
    const names = header.flatMap((field) => field.split(delimiter));
    if (names.length === header.length) continue;

    const present = new Set(header);
    const split = new Set(names);
    const recovered = wanted.some((name) => !present.has(name) && split.has(name));
    if (names.length < 2 * header.length && !recovered) continue;
    if (best === null || names.length > best.names) best = { delimiter, names: names.length };
  }
  return best?.delimiter ?? null;
}

const delimiterNames: Record<OtherDelimiter, string> = {
  ';': 'semicolons (";")',
  '\t': 'tabs',
};

/**
 * The one problem reported for a file with the wrong delimiter (`CsvWrongDelimiter`), located
 * at its header line; every other column problem of the file is left out, since it would follow
 * from this one.
 *
 * @param delimiter what the file appears to be separated by
 * @param file the file as given by the user
 * @param line the 1-based line of the header (1 unless blank lines come first)
 */
export function wrongDelimiterProblem(delimiter: OtherDelimiter, file: string, line = 1): Problem {
  return problem('CsvWrongDelimiter', {
    message:
      `The file appears to be separated by ${delimiterNames[delimiter]}, not commas; ` +
      'auditcard reads comma-separated files (RFC 4180).',
    hint:
      'Save it again as comma-separated CSV (in a spreadsheet: "CSV (comma delimited)" or ' +
      '"CSV UTF-8"; in pandas: to_csv(path, index=False)), with "." as the decimal point.',
    file,
    line,
  });
}
