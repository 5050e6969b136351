export { validateContent, validateVersion, type ValidatedContent } from './validate-content.ts';
export { checkCard, type CheckedCard } from './check-card.ts';
export { loadAuditSpec, checkAuditSpec, type ReadTextFile } from './audit-spec.ts';
export { supportedCardSchemas, cardValidators } from './card-schemas.ts';
export { checkSpecPath, nodeSpecFileSystem, type SpecFileSystem } from './spec-paths.ts';
export { defaultBootstrap, defaultOperatingPoint } from './spec-defaults.ts';
export { createAjv } from './create-ajv.ts';
