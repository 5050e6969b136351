/**
 * The exported card.json: Model performance filled from the audit, the author's entries kept
 * with a warning, undefined metrics left out, and nothing published that fails the schema.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../../src/core/findings/performance-summary.ts';
import { auditVersion } from '../../../src/pipeline/audit/index.ts';
import { atlasMetrics, metricVocabulary } from '../../../src/pipeline/build/atlas-metrics.ts';
import { exportCard, type CardExportInput } from '../../../src/pipeline/build/export-card.ts';
import { publishedUrl } from '../../../src/pipeline/build/published-url.ts';
import { cardValidators, loadAuditSpec } from '../../../src/pipeline/validate/index.ts';
import { expectGolden, fixtureCard, fixtureResults, schemaId } from './card-json-fixture.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const link = 'https://example.org/models/fixture-model/2.0/results.json';

/** The export of a JSON card written as `JSON.stringify(card, null, 2)`. */
function exportOf(card: Record<string, unknown>, overrides: Partial<CardExportInput> = {}) {
  const text = `${JSON.stringify(card, null, 2)}\n`;
  return exportCard({
    model: 'fixture-model',
    version: '2.0',
    cardPath: 'content/fixture-model/2.0/card.json',
    cardBytes: new TextEncoder().encode(text),
    card,
    rawIntegers: {},
    results: fixtureResults(),
    resultsLink: link,
    ...overrides,
  });
}

function performanceOf(content: string | Uint8Array): { Metrics?: string[]; Comments?: string } {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const card = JSON.parse(text) as { Model: Record<string, unknown> };
  return card.Model['Model performance'] as { Metrics?: string[]; Comments?: string };
}

describe('the ATLAS metric names', () => {
  it('are all entries of the card schema vocabulary, each metric once', () => {
    const vocabulary = metricVocabulary(schemaId);
    expect(vocabulary.size).toBeGreaterThan(200);
    for (const { name, synonyms } of atlasMetrics) {
      expect(vocabulary).toContain(name);
      for (const synonym of synonyms) expect(vocabulary).toContain(synonym);
    }
    expect(new Set(atlasMetrics.map((metric) => metric.key)).size).toBe(atlasMetrics.length);
  });
});

describe('exportCard', () => {
  it('fills Model performance of the fixture card (golden file), with no warning', () => {
    const exported = exportOf(fixtureCard());

    expect(exported.problems).toEqual([]);
    expect(exported.fromAudit).toBe(true);
    expectGolden('fixture.card.json.golden', String(exported.content));
  });

  it('lists the vocabulary names of the defined metrics it maps, in a fixed order', () => {
    const { Metrics } = performanceOf(exportOf(fixtureCard()).content);

    // tnr, brier and ece come from the audit being extended; npv is undefined everywhere, and
    // fnr, prevalence and the disparities have no vocabulary entry.
    expect(Metrics).toEqual([
      'area under the receiver operating characteristic curve',
      'true positive rate',
      'false positive rate',
      'true negative rate',
      'positive predictive value',
      'Youden index',
      'Brier score',
      'expected calibration error',
    ]);
  });

  it('summarizes the whole sample without undefined metrics, never as 0', () => {
    const { Comments } = performanceOf(exportOf(fixtureCard()).content);

    expect(Comments).toContain(
      'Pneumothorax (n=500, 100 positive): AUC 0.881 [0.850, 0.910], TPR 0.790',
    );
    expect(Comments).not.toMatch(/PPV|NPV|0\.000/);
    expect(Comments).toContain('Pleural Effusion: no whole-sample result');
    expect(Comments).toContain(
      'Largest subgroup gap: Pneumothorax TPR, sex: Female 0.700 vs sex: Male 0.880 (-0.180).',
    );
    expect(Comments).toMatch(/ Full results: https:\/\/example\.org\/.*\/results\.json$/);
    expect(codePointLength(Comments!)).toBeLessThanOrEqual(512);
  });

  it('exports the demo content with its audit (golden file), valid for its schema', async () => {
    const dir = join(repoRoot, 'content', 'cxr-triage-demo', '1.0');
    const loaded = loadAuditSpec(dir);
    expect(loaded.problems).toEqual([]);
    const audit = await auditVersion(dir, loaded.spec!, {
      model: 'cxr-triage-demo',
      version: '1.0',
    });
    expect(audit.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const cardPath = join(dir, 'card.json');
    const bytes = await readFile(cardPath);

    const exported = exportCard({
      model: 'cxr-triage-demo',
      version: '1.0',
      cardPath,
      cardBytes: bytes,
      card: JSON.parse(bytes.toString('utf8')) as Record<string, unknown>,
      rawIntegers: {},
      results: audit.results,
      resultsLink: publishedUrl(undefined, '/', 'cxr-triage-demo', '1.0', 'results.json'),
    });

    expect(exported.problems).toEqual([]);
    const text = String(exported.content);
    expect(cardValidators(schemaId)!.schema(JSON.parse(text))).toBe(true);
    expectGolden('cxr-triage-demo-1.0.card.json.golden', text);
  }, 120_000);

  it('publishes a JSON card byte for byte without an audit, and a YAML card as JSON', () => {
    const card = fixtureCard();
    const bytes = new TextEncoder().encode('{"$schema": "x",\n  "Model": {}}');
    const json = exportOf(card, { results: null, cardBytes: bytes });
    expect(json).toEqual({ content: bytes, fromAudit: false, problems: [] });

    const yaml = exportOf(card, { results: null, cardPath: 'content/m/1/card.yaml' });
    expect(yaml.content).toBe(`${JSON.stringify(card, null, 2)}\n`);
    expect(performanceOf(yaml.content)).toBeUndefined();
  });

  it('keeps the digits of large integers when it rewrites a card', () => {
    const card = fixtureCard();
    (card.Model as Record<string, unknown>).Indexing = { SNOMED: [Number('900000000000207008')] };

    const exported = exportOf(card, {
      rawIntegers: { '/Model/Indexing/SNOMED/0': '900000000000207008' },
    });

    expect(String(exported.content)).toContain('900000000000207008');
    expect(exported.problems).toEqual([]);
  });

  it('links to the results by their path from the site root when no site URL is set', () => {
    expect(publishedUrl(undefined, '/', 'm', '1.0', 'results.json')).toBe(
      '/models/m/1.0/results.json',
    );
    expect(publishedUrl(undefined, '/audits/', 'm', '1.0', 'results.json')).toBe(
      '/audits/models/m/1.0/results.json',
    );
    expect(
      publishedUrl('https://example.org/ignored/', '/audits/', 'm', '1.0', 'results.json'),
    ).toBe('https://example.org/audits/models/m/1.0/results.json');
    expect(() => publishedUrl('example.org', '/', 'm', '1', 'results.json')).toThrow(TypeError);
    expect(() => publishedUrl('file:///tmp/site', '/', 'm', '1', 'results.json')).toThrow(
      /site: expected an absolute http\(s\) URL/,
    );
  });

  it('refuses a card that fails its schema after the export, naming the version', () => {
    const card = fixtureCard();
    delete (card.Model as Record<string, unknown>).Link;

    const exported = exportOf(card);

    expect(exported.problems).toEqual([
      {
        code: 'CardExportInvalid',
        severity: 'error',
        message:
          "The card exported for fixture-model 2.0 (with the audit's Model performance) does " +
          `not follow ${schemaId}: /Model must have required property 'Link'.`,
        hint:
          'Nothing was published. The card itself passed validation, so this is a fault of ' +
          "auditcard's export: please report it with the card and the version's results.json.",
        file: 'content/fixture-model/2.0/card.json',
      },
    ]);
  });
});

describe("exportCard with the author's own Model performance", () => {
  it('keeps their Metrics, adds the others, writes Comments, and says so at the section', () => {
    const exported = exportOf(fixtureCard({ Metrics: ['sensitivity', 'other'] }));

    const { Metrics, Comments } = performanceOf(exported.content);
    expect(Metrics).toEqual([
      'sensitivity',
      'other',
      'area under the receiver operating characteristic curve',
      'false positive rate',
      'true negative rate',
      'positive predictive value',
      'Youden index',
      'Brier score',
      'expected calibration error',
    ]);
    expect(Comments).toMatch(/^Operating point chosen on the whole sample/);
    expect(exported.problems).toEqual([
      {
        code: 'CardPerformanceMerged',
        severity: 'warning',
        message:
          'The published card.json of fixture-model 2.0 kept your Model performance Metrics ' +
          "(sensitivity, other) unchanged, added the audit's area under the receiver operating " +
          'characteristic curve, false positive rate, true negative rate, positive predictive ' +
          'value, Youden index, Brier score, expected calibration error to Metrics, and wrote ' +
          "the audit's summary into Comments.",
        hint:
          'Nothing of yours was replaced. Remove Model performance from the card to publish ' +
          "the audit's entries alone.",
        file: 'content/fixture-model/2.0/card.json',
        pointer: '/Model/Model performance',
        line: 9,
        column: 26,
      },
    ]);
  });

  it('keeps their Comments whole and leaves the summary out, with the link in the hint', () => {
    const comments = 'AUC 0.88 on our internal test set of 500 studies.';
    const exported = exportOf(fixtureCard({ Comments: comments }));

    expect(performanceOf(exported.content)).toEqual({
      Comments: comments,
      Metrics: atlasMetrics
        .filter((metric) => !['fnr', 'npv'].includes(metric.key))
        .map((metric) => metric.name),
    });
    expect(exported.problems).toHaveLength(1);
    expect(exported.problems[0]).toMatchObject({
      code: 'CardPerformanceMerged',
      severity: 'warning',
      message:
        'The published card.json of fixture-model 2.0 kept your Model performance Comments ' +
        "unchanged, added the audit's area under the receiver operating characteristic curve, " +
        'true positive rate, false positive rate, true negative rate, positive predictive ' +
        'value, Youden index, Brier score, expected calibration error to Metrics, and left out ' +
        "the audit's summary, since Comments is yours.",
      hint:
        "To publish the audit's summary (headline numbers, largest subgroup gap, link to " +
        `${link}), remove Comments from Model performance, or cite that link in your Comments.`,
    });
  });

  it('publishes the card byte for byte when it already has everything, and still says so', () => {
    const card = fixtureCard({
      Metrics: [
        'Brier score',
        'area under the receiver operating characteristic curve',
        'recall',
        'false positive rate',
        'specificity',
        'precision',
        'Youden index',
        'expected calibration error',
      ],
      Comments: 'Ours.',
    });
    const bytes = new TextEncoder().encode(JSON.stringify(card));

    const exported = exportOf(card, { cardBytes: bytes });

    expect(exported.content).toBe(bytes);
    expect(exported.fromAudit).toBe(false);
    expect(exported.problems.map((problem) => problem.message)).toEqual([
      'The published card.json of fixture-model 2.0 kept your Model performance Metrics ' +
        '(Brier score, area under the receiver operating characteristic curve, recall, false ' +
        'positive rate, specificity, precision, Youden index, expected calibration error) and ' +
        "Comments unchanged, added no metric name from the audit, and left out the audit's " +
        'summary, since Comments is yours.',
    ]);
  });

  it('treats an empty Model performance as not written by the author', () => {
    const exported = exportOf(fixtureCard({}));

    expect(exported.problems).toEqual([]);
    expect(performanceOf(exported.content).Comments).toMatch(/^Operating point/);
  });
});
