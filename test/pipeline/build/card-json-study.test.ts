/**
 * The real study's card exported with the study's audit validates against the OFFICIAL ATLAS
 * schema (../shared/data/atlas/2025-11/model.json, compiled here on its own with AJV 2020-12 and
 * ajv-formats in full mode, not through auditcard's validator). The version folder is assembled
 * as test/study/ does: the committed spec and the study's card and sample files.
 *
 * Skipped where ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { codePointLength } from '../../../src/core/findings/performance-summary.ts';
import { auditVersion } from '../../../src/pipeline/audit/index.ts';
import { exportCard } from '../../../src/pipeline/build/export-card.ts';
import { publishedUrl } from '../../../src/pipeline/build/published-url.ts';
import { loadAuditSpec } from '../../../src/pipeline/validate/index.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = join(repoRoot, '..', 'shared', 'data');
const studyData = join(shared, 'cxr-foundation-bias');
const officialSchema = join(shared, 'atlas', '2025-11', 'model.json');
const inputs = ['card.json', 'chexpert-model.embeddings.csv', 'cxr-foundation.embeddings.csv'];

describe.skipIf(!existsSync(studyData) || !existsSync(officialSchema))(
  'the exported card of the real study',
  () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });

    it('follows the official ATLAS schema, with the audit in Model performance', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'auditcard-card-export-'));
      dirs.push(dir);
      await copyFile(
        join(repoRoot, 'studies', 'cxr-foundation-bias', 'audit.yaml'),
        join(dir, 'audit.yaml'),
      );
      for (const file of inputs) await copyFile(join(studyData, file), join(dir, file));
      const loaded = loadAuditSpec(dir);
      expect(loaded.problems).toEqual([]);
      const audit = await auditVersion(dir, loaded.spec!, {
        model: 'cxr-foundation-bias',
        version: '1.0',
      });
      expect(audit.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      const cardBytes = await readFile(join(dir, 'card.json'));

      const exported = exportCard({
        model: 'cxr-foundation-bias',
        version: '1.0',
        cardPath: join(dir, 'card.json'),
        cardBytes,
        card: JSON.parse(cardBytes.toString('utf8')) as Record<string, unknown>,
        rawIntegers: {},
        results: audit.results,
        resultsLink: publishedUrl(
          'https://audits.example.org',
          '/',
          'cxr-foundation-bias',
          '1.0',
          'results.json',
        ),
      });

      expect(exported.problems).toEqual([]);
      const card = JSON.parse(String(exported.content)) as {
        Model: { 'Model performance': { Metrics: string[]; Comments: string } };
      };
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv, { mode: 'full' });
      const validate = ajv.compile(JSON.parse(await readFile(officialSchema, 'utf8')) as object);
      const valid = validate(card);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);

      const { Metrics, Comments } = card.Model['Model performance'];
      expect(Metrics).toEqual(
        expect.arrayContaining([
          'area under the receiver operating characteristic curve',
          'true positive rate',
          'false positive rate',
          'Youden index',
        ]),
      );
      expect(Comments).toMatch(/^Operating point chosen on the whole sample: target FPR 0\.2\./);
      expect(Comments).toContain('No Finding (n=');
      expect(Comments).toContain('Largest subgroup gap: ');
      expect(
        Comments.endsWith(
          'Full results: https://audits.example.org/models/cxr-foundation-bias/1.0/results.json',
        ),
      ).toBe(true);
      expect(codePointLength(Comments)).toBeLessThanOrEqual(512);

      // Everything else is the author's card, untouched.
      const original = JSON.parse(cardBytes.toString('utf8')) as { Model: object };
      const model: Record<string, unknown> = { ...card.Model };
      delete model['Model performance'];
      expect({ ...card, Model: model }).toEqual(original);
    }, 120_000);
  },
);
