/**
 * Writes the conformance corpus under `test/conformance/corpus/` from `cases/`, replacing the
 * card files there. Run it after changing a case:
 *
 *     node --import tsx test/conformance/write-corpus.ts
 *
 * then regenerate the pinned messages on purpose with
 * `AUDITCARD_UPDATE_GOLDEN=1 npx vitest run test/conformance` and review the diff.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { corpusDir, corpusFiles, corpusIndex, corpusKinds, indexFile } from './corpus.ts';

const files = await corpusFiles();
for (const kind of corpusKinds) {
  mkdirSync(`${corpusDir}${kind}`, { recursive: true });
  for (const name of readdirSync(`${corpusDir}${kind}`)) rmSync(`${corpusDir}${kind}/${name}`);
}
for (const file of files) writeFileSync(`${corpusDir}${file.path}`, file.content);
writeFileSync(`${corpusDir}${indexFile}`, await corpusIndex(files));
process.stdout.write(`wrote ${files.length} cards and ${indexFile} under ${corpusDir}\n`);
