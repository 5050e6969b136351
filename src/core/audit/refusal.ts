/**
 * Why the audit core refused to produce results, as data.
 *
 * The core does no I/O and knows no message catalogue; the pipeline turns each issue into a
 * catalogued problem (`src/pipeline/audit/`), keeping the code, the file and the place.
 */

export type AuditIssueCode =
  | 'AuditInvalidScores'
  | 'AuditNoRows'
  | 'AuditSingleClass'
  | 'AuditInfiniteThreshold'
  | 'AuditTooManyGroups';

export interface AuditIssue {
  code: AuditIssueCode;
  /** The file as named in the spec. */
  file: string;
  message: string;
  hint: string;
  /** The 1-based data row and the column, when the issue is about one cell. */
  row?: number;
  columnName?: string;
}

/** Thrown by `runAudit` when the inputs cannot give trustworthy results; lists every issue. */
export class AuditRefusal extends Error {
  readonly issues: AuditIssue[];

  constructor(issues: AuditIssue[]) {
    super(issues.map((issue) => `${issue.file}: ${issue.message}`).join('\n'));
    this.name = 'AuditRefusal';
    this.issues = issues;
  }
}
