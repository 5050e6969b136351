export {
  validateContent,
  validateVersion,
  type DatasetCard,
  type ValidatedContent,
} from './validate-content.ts';
export { checkCard, type CardContext, type CheckedCard } from './check-card.ts';
export { loadAuditSpec, checkAuditSpec, type ReadTextFile } from './audit-spec.ts';
export {
  supportedCardSchemas,
  cardSchemaOf,
  cardValidators,
  type CardKind,
} from './card-schemas.ts';
export { checkSpecPath, nodeSpecFileSystem, type SpecFileSystem } from './spec-paths.ts';
export { defaultBootstrap, defaultOperatingPoint } from './spec-defaults.ts';
export { createAjv } from './create-ajv.ts';
