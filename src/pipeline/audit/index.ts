export {
  auditVersion,
  GENERATED_BY,
  type AuditVersionOptions,
  type AuditVersionResult,
} from './audit-version.ts';
export { checkResults } from './validate-results.ts';
export { serializeResults, writeResults } from './write-results.ts';
