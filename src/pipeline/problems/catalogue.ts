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
  // (entries added by the validation modules)

  // ── CSV data ─────────────────────────────────────────────────────────────────────────
  // (entries added by the CSV loader)

  // ── Audit computation ────────────────────────────────────────────────────────────────
  // (entries added by the audit orchestration)
} as const satisfies Record<string, CatalogueEntry>;

export type ProblemCode = keyof typeof catalogue;

/** Builds a problem of a catalogued code; severity comes from the catalogue. */
export function problem(
  code: ProblemCode,
  fields: Omit<Problem, 'code' | 'severity'>,
): Problem {
  return { code, severity: catalogue[code].severity, ...fields };
}
