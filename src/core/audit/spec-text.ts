/**
 * Values written as `audit.yaml` needs them, for hints that show the line to write.
 *
 * The spec is read as YAML 1.2 with the core schema: `1` is a number, `true` and `null` are not
 * strings, and `yes` is a string. Label values may be numbers; group values must be strings, so
 * a number there is quoted (`values: ['0', '1']` in the schema's words).
 */
import { parseCellNumber } from './cell-number.ts';

/** Plain YAML scalars that are certainly strings: a word, perhaps with inner spaces and marks. */
const PLAIN = /^[A-Za-z_][\w .()/+-]*$/;
/** Plain scalars that YAML's core schema reads as something other than a string. */
const NOT_STRING = /^(?:true|false|null|~|\.inf|\.nan)$/i;

/**
 * A cell value as a YAML flow scalar in the spec.
 *
 * @param value the value as written in the data file
 * @param kind `label` (a number may stay a number: it matches numerically) or `group` (always a
 *   string, so a number is quoted)
 */
export function specValueText(value: string, kind: 'label' | 'group'): string {
  if (kind === 'label' && parseCellNumber(value).ok) return value;
  if (PLAIN.test(value) && !NOT_STRING.test(value) && value.trimEnd() === value) return value;
  return `'${value.replaceAll("'", "''")}'`;
}

/** A list of values as a YAML flow sequence, for example `[Female, Male, f]`. */
export function specListText(values: readonly string[], kind: 'label' | 'group'): string {
  return `[${values.map((value) => specValueText(value, kind)).join(', ')}]`;
}
