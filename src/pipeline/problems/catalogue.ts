/**
 * Every problem auditcard can report, by permanent code: its severity, a message template and a
 * hint. Codes never change meaning once published; tests pin the messages built from here.
 *
 * Sections: cards and specs (schema and beyond), CSV data, audit computation, build.
 */
import type { Problem, Severity } from './problem.ts';

export interface CatalogueEntry {
  severity: Severity;
  /** A short title for documentation. */
  title: string;
}

export const catalogue = {
  // ── Cards and audit specs ────────────────────────────────────────────────────────────
  // Messages and hints are built in src/pipeline/validate/messages.ts.
  CardEncoding: { severity: 'error', title: 'The card is not valid UTF-8' },
  CardTooDeep: { severity: 'error', title: 'The card nests lists and objects too deeply' },
  CardJsonSyntax: { severity: 'error', title: 'The card is not valid JSON' },
  CardYamlSyntax: { severity: 'error', title: 'The card is not valid YAML' },
  CardDuplicateKey: { severity: 'error', title: 'A key is defined more than once in one object' },
  CardUnsafeInteger: { severity: 'warning', title: 'An integer too large to keep exactly' },
  CardNotJsonValue: { severity: 'error', title: 'A YAML value with no JSON equivalent' },
  CardNotAnObject: { severity: 'error', title: 'The card is not a JSON object' },
  CardUnknownSchema: { severity: 'error', title: 'The card names no supported $schema' },
  CardSchemaMismatch: {
    severity: 'error',
    title: "The card's $schema is for another kind of card than its content",
  },
  CardWrongKind: {
    severity: 'error',
    title: 'A model card in the place of a dataset card, or the other way round',
  },
  CardSchemaViolation: { severity: 'error', title: 'The card does not follow its schema' },
  CardCodeNotBare: { severity: 'warning', title: 'A code field holds more than the bare code' },
  CardLinkNotHttp: { severity: 'warning', title: 'A link that is not http(s)' },
  CardVersionMismatch: {
    severity: 'warning',
    title: 'The card names another version than its folder',
  },
  SpecEncoding: { severity: 'error', title: 'The audit spec is not valid UTF-8' },
  SpecTooDeep: { severity: 'error', title: 'The audit spec nests lists and objects too deeply' },
  SpecYamlSyntax: { severity: 'error', title: 'The audit spec is not valid YAML' },
  SpecDuplicateKey: { severity: 'error', title: 'A key is defined more than once in the spec' },
  SpecUnsafeInteger: { severity: 'error', title: 'An integer too large to keep exactly' },
  SpecNotJsonValue: { severity: 'error', title: 'A YAML value with no JSON equivalent' },
  SpecNotAnObject: { severity: 'error', title: 'The audit spec is not a mapping' },
  SpecSchemaViolation: { severity: 'error', title: 'The audit spec does not follow its schema' },
  SpecInconsistent: { severity: 'error', title: 'Audit spec settings contradict each other' },
  SpecPathOutsideFolder: { severity: 'error', title: 'A spec path leaves the version folder' },
  SpecFileMissing: { severity: 'error', title: 'A file named by the spec does not exist' },
  ContentFolderMissing: { severity: 'error', title: 'The content folder does not exist' },
  ContentCardMissing: { severity: 'error', title: 'A version folder has no card' },
  ContentAmbiguousFile: { severity: 'error', title: 'Two files compete for one role' },
  ContentEmpty: { severity: 'error', title: 'The content folder holds no versions' },
  ContentNameNotPortable: { severity: 'error', title: 'A folder name unsafe in URLs' },
  ContentReportWithoutAudit: {
    severity: 'warning',
    title: 'A report.md in a version without an audit spec',
  },
  ContentReportUnrenderable: {
    severity: 'error',
    title: 'A report.md that cannot be rendered safely',
  },
  ContentLinkOutside: {
    severity: 'error',
    title: 'A link in the content folder points outside it',
  },

  // ── CSV data ─────────────────────────────────────────────────────────────────────────
  // Messages and hints are built where the problem is found, in src/pipeline/csv/.
  CsvEncoding: { severity: 'error', title: 'A data file is not valid UTF-8' },
  CsvEmpty: { severity: 'error', title: 'A data file has no header row' },
  CsvMalformed: { severity: 'error', title: 'A data file has an unterminated or stray quote' },
  CsvRaggedRow: { severity: 'error', title: 'A row has more or fewer cells than the header' },
  CsvWrongDelimiter: {
    severity: 'error',
    title: 'A data file is separated by semicolons or tabs, not commas',
  },
  CsvMissingColumn: { severity: 'error', title: 'A column named by the spec is not in the file' },
  CsvDuplicateHeader: {
    severity: 'error',
    title: 'A column the spec uses appears twice in the header',
  },

  // ── Audit computation ────────────────────────────────────────────────────────────────
  // Messages and hints are built in src/pipeline/audit/ from the core's refusals.
  AuditDataUnreadable: { severity: 'error', title: 'A data file named by the spec cannot be read' },
  AuditInvalidScores: { severity: 'error', title: 'Scores that are missing or not finite' },
  AuditRowsExcluded: { severity: 'warning', title: 'Rows left out of a target' },
  AuditNoRows: { severity: 'error', title: 'A target has no usable rows' },
  AuditSingleClass: { severity: 'error', title: 'A target has only positives or only negatives' },
  AuditInfiniteThreshold: {
    severity: 'error',
    title: 'The operating point has no finite threshold',
  },
  AuditRowsUngrouped: { severity: 'warning', title: 'Rows in no group of an attribute' },
  AuditTooManyGroups: { severity: 'error', title: 'More subgroups than an audit reports' },
  AuditEmptyComparison: { severity: 'warning', title: 'A KS comparison selects no rows' },
  AuditBootstrapTooSmall: {
    severity: 'warning',
    title: 'Intervals from too few bootstrap replicates or patients',
  },
  AuditEmptyGroup: { severity: 'warning', title: 'A configured group has no rows' },
  AuditResultsInvalid: { severity: 'error', title: 'The results do not follow their schema' },

  // ── Build ────────────────────────────────────────────────────────────────────────────
  // Messages and hints are built in src/pipeline/build/output-folder.ts and export-card.ts.
  BuildOutputUnsafe: {
    severity: 'error',
    title: 'The output folder cannot be replaced without losing other files',
  },
  CardPerformanceMerged: {
    severity: 'warning',
    title: "The card's own Model performance was kept beside the audit's",
  },
  CardExportInvalid: {
    severity: 'error',
    title: "The card exported with the audit's Model performance fails its schema",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ProblemCode = keyof typeof catalogue;

/** Builds a problem of a catalogued code; severity comes from the catalogue. */
export function problem(code: ProblemCode, fields: Omit<Problem, 'code' | 'severity'>): Problem {
  return { code, severity: catalogue[code].severity, ...fields };
}
