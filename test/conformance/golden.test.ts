/**
 * The messages auditcard prints for every card of the conformance corpus, pinned in
 * `expected/<kind>.txt` (human format: `file:line:col  message  [Code]` and the hint).
 * A change in any message fails this test; regenerate on purpose with
 * `AUDITCARD_UPDATE_GOLDEN=1 npx vitest run test/conformance` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/pipeline/problems/format.ts';
import { checkCard } from '../../src/pipeline/validate/index.ts';
import { corpusFiles, corpusKinds, type CorpusFile } from './corpus.ts';

const expectedDir = fileURLToPath(new URL('./expected/', import.meta.url));
const update = process.env.AUDITCARD_UPDATE_GOLDEN === '1';

let files: CorpusFile[] = [];
beforeAll(async () => {
  files = await corpusFiles();
});

/** Every card's problems as a user sees them, one section per card. */
function messages(ofKind: readonly CorpusFile[]): string {
  return ofKind
    .map((file) => {
      const { problems } = checkCard(file.content, file.path);
      return `## ${file.path}\n${formatProblems(problems, 'human') || '(no problems)\n'}`;
    })
    .join('\n');
}

describe('the messages for the conformance corpus', () => {
  for (const kind of corpusKinds) {
    it(`match expected/${kind}.txt (AUDITCARD_UPDATE_GOLDEN=1 rewrites it)`, () => {
      const golden = `${expectedDir}${kind}.txt`;
      const text = messages(files.filter((file) => file.kind === kind));
      if (update) {
        mkdirSync(expectedDir, { recursive: true });
        writeFileSync(golden, text);
      }
      expect(existsSync(golden), `${golden} is missing; write it with the variable set`).toBe(true);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
