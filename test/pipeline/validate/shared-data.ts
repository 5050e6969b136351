/**
 * Where the shared real inputs live (`../shared` beside the repository). Tests that read them
 * skip when the folder is absent; nothing from it is ever copied into the repository.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sharedDir = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const casesDir = `${sharedDir}cases/`;
export const officialModelSchema = `${sharedDir}data/atlas/2025-11/model.json`;
export const officialDatasetSchema = `${sharedDir}data/atlas/2025-11/dataset.json`;
export const studyCard = `${sharedDir}data/cxr-foundation-bias/card.json`;
export const hasShared = existsSync(officialModelSchema) && existsSync(casesDir);
/** True when the official dataset schema is there to compare with. */
export const hasOfficialDataset = existsSync(officialDatasetSchema);
export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
