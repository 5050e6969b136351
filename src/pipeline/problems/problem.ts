/**
 * A problem found in the user's input: the unit of every error and warning auditcard reports.
 *
 * Problems are data first (code, place, pointer) and prose last; `format.ts` turns them into
 * lines for people, JSON, or GitHub workflow commands. Messages and hints come from
 * `catalogue.ts`, so tests can pin them.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** A permanent code from the catalogue, such as `CardSchemaViolation` or `CsvDuplicateHeader`. */
  code: string;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** The file, as given by the user (relative to the working directory where possible). */
  file: string;
  /** 1-based line and column of the offending value, when known. */
  line?: number;
  column?: number;
  /** JSON pointer of the value inside a card or spec. */
  pointer?: string;
  /** For CSV problems: the 1-based data row (header excluded) and the column name. */
  row?: number;
  columnName?: string;
}

/** Thrown by pipeline steps that cannot go on; carries every problem found so far. */
export class ProblemError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const first = problems[0];
    super(first ? `${first.file}: ${first.message}` : 'unknown problem');
    this.name = 'ProblemError';
    this.problems = problems;
  }
}

/** True when any problem is an error (warnings alone do not stop a build). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
