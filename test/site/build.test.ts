/**
 * Builds the site from the fixture site model with Astro's programmatic `build()`, under a base
 * path that is not `/`, and checks the pages: URLs, content, safety and links.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteModelVariable } from '../../src/site/site-model.ts';
import { expectFragmentLinksResolve, expectSafeHtml } from './html-checks.ts';
import { fixturePath } from './site-fixture.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const base = '/audits/';
let outDir = '';

function page(path: string): string {
  return readFileSync(join(outDir, path, 'index.html'), 'utf8');
}

/** The text a reader sees (without markup, styles or SVG internals), whitespace collapsed. */
function visibleText(html: string): string {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll('style, script, svg')) element.remove();
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'auditcard-site-test-'));
  const saved = process.env[siteModelVariable];
  process.env[siteModelVariable] = fixturePath;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root, outDir, base, logLevel: 'error', mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env[siteModelVariable];
    else process.env[siteModelVariable] = saved;
  }
}, 240_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('site build', () => {
  it('writes the permanent URLs, and an audit page only where results exist', () => {
    for (const path of [
      '',
      'models/chest-demo',
      'models/chest-demo/1.0.0',
      'models/chest-demo/1.1.0',
      'models/chest-demo/1.1.0/audit',
      'models/chest-demo/1.1.0/dataset',
      'models/minimal',
      'models/minimal/0.1',
    ]) {
      expect(existsSync(join(outDir, path, 'index.html')), path).toBe(true);
    }
    expect(existsSync(join(outDir, 'models/chest-demo/1.0.0/audit'))).toBe(false);
    expect(existsSync(join(outDir, 'models/minimal/0.1/audit'))).toBe(false);
    expect(existsSync(join(outDir, 'models/chest-demo/1.0.0/dataset'))).toBe(false);
  });

  it('lists models on the index with latest version and audit status', () => {
    const text = visibleText(page(''));
    expect(text).toContain('Chest Demo Classifier');
    expect(text).toContain('Minimal Model');
    expect(text).toContain('Latest version 1.1.0');
    expect(text).toContain('No audit');
    expect(page('')).toContain(`href="${base}models/chest-demo/1.1.0/audit/"`);
  });

  it('lists a model’s versions newest first', () => {
    const html = page('models/chest-demo');
    expect(html.indexOf('Version 1.1.0')).toBeGreaterThan(0);
    expect(html.indexOf('Version 1.1.0')).toBeLessThan(html.indexOf('Version 1.0.0'));
  });

  it('shows the card’s fields, raw big integers and registry links', () => {
    const html = page('models/chest-demo/1.1.0');
    const text = visibleText(html);
    for (const expected of [
      'Apache-2.0 for code; synthetic data CC0',
      '900000000000207008',
      '12345678901234567890',
      'Not required: synthetic data only.',
      'AI governance board',
      'Any system that reads DICOM SR.',
      'Local extension',
      'Reviewed by',
      'Board B',
      'RPID2486',
      'javascript:alert(1)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('900000000000207000');
    expect(html).toContain('href="https://radlex.org/RID/RID5352"');
    expect(html).toContain('href="https://doi.org/10.1148/ryai.230060"');
    expect(html).toContain(`href="${base}models/chest-demo/1.1.0/audit/"`);
    expect(html).toContain(`href="${base}models/chest-demo/1.1.0/results.json"`);
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });

  it('shows a license given as text and URL', () => {
    const html = page('models/chest-demo/1.0.0');
    expect(visibleText(html)).toContain('CC BY 4.0');
    expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
    expect(visibleText(html)).toContain('a newer version, 1.1.0, exists');
  });

  it('renders the audit report with intervals, undefined metrics and their reasons', () => {
    const html = page('models/chest-demo/1.1.0/audit');
    const text = visibleText(html);
    for (const expected of [
      'Target false positive rate 0.200 (full-curve convention)',
      '−0.4137',
      '2 000 replicates, 95% percentile intervals, seed 1, stratified by label (patients with and without a positive row), resampling 412 patients whole (rows sharing an id)',
      '3f1c5a0e9b7d2c4f6a8e0b1d3c5f7a9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a',
      'label value -1 is neither positive nor negative',
      'p0017, p0102, p0333',
      '0.871 (0.842–0.898)',
      'AUC is undefined: no positives in this group.',
      'not tested: group race=Other has no rows in features.csv',
      'the largest AUC gap is race: Black',
      'Fixed threshold',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/\bNaN\b|Infinity/);
    expect(html).toContain('title="AUC is undefined: no positives in this group."');
  });

  it('lists the rows in no subgroup of an attribute beside the excluded rows', () => {
    const html = page('models/chest-demo/1.1.0/audit');
    const { document } = parseHTML(html);
    const [first, second] = [...document.querySelectorAll('section.target')];
    const items = [...(first?.querySelectorAll('h3 ~ ul.exclusions li') ?? [])].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(items).toContain(
      '12 rows in no group of sex: value not listed: "f" ×10, "U" ×2 (for example p0007, p0081, …)',
    );
    expect(items).toContain('1 row in no group of sex: blank (for example p0450)');
    const text = visibleText(html);
    expect(text.indexOf('Excluded rows')).toBeLessThan(text.indexOf('Rows in no subgroup'));
    expect((second?.textContent ?? '').replace(/\s+/g, ' ')).toContain(
      'Every row is in a subgroup of each attribute.',
    );
  });

  it('draws forest plots and ROC curves as accessible inline SVG', () => {
    const html = page('models/chest-demo/1.1.0/audit');
    const { document } = parseHTML(html);
    const charts = [...document.querySelectorAll('figure.chart > svg')];
    // Two targets × four forest plots, plus ROC curves by race and by sex for the first target
    // (the second has no ROC points).
    expect(charts).toHaveLength(2 * 4 + 2);
    expect(visibleText(html)).toContain('The results hold no ROC points for this target.');
    for (const svg of charts) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toBeTruthy();
    }
    expect(html).not.toContain('NaN');
  });

  it('renders the author’s report safely, with working footnote and heading links', () => {
    const html = page('models/chest-demo/1.1.0/audit');
    const { document } = parseHTML(html);
    const report = document.querySelector('#report .prose')?.innerHTML ?? '';
    expect(report).toContain('<table>');
    expectSafeHtml(report);
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    const links = expectFragmentLinksResolve(
      html.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, ''),
    );
    expect(links).toEqual(
      expect.arrayContaining(['user-content-limitations', 'user-content-fn-small']),
    );
  });

  it('renders the dataset card: every field, a table per partition, registry links', () => {
    const html = page('models/chest-demo/1.1.0/dataset');
    const text = visibleText(html);
    for (const expected of [
      'Chest Demo test set',
      'Consecutive adult outpatients, 2019–2020.',
      'Resized to 1024 × 1024.',
      'RPID2486',
      '900000000000207008',
      'External testing',
      '18–96 years',
      'Black or African American',
      'نزيف داخل الجمجمة',
      'Held out from training by site.',
      'data/test-set.yaml',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const { document } = parseHTML(html);
    const rows = [...document.querySelectorAll('table.subsets tbody tr')].map((row) =>
      [...row.children].map((cell) => (cell.textContent ?? '').trim()),
    );
    expect(rows[0]).toEqual(['Total', '—', '—', '—', '18–96 years', '2', '412', '1000', '—']);
    expect(rows.map((row) => row[0])).toEqual([
      'Total',
      'Female',
      'Black or African American',
      'نزيف داخل الجمجمة',
    ]);
    expect(html).toContain('href="https://radlex.org/RID/RID10351"');
    expect(html).toContain('href="https://loinc.org/36572-6/"');
    expect(html).toContain('conceptId1=900000000000207008');
    expect(html).toContain(`href="${base}models/chest-demo/1.1.0/dataset.json"`);
    expect(html).toContain(`href="${base}models/chest-demo/1.1.0/audit/"`);
    expectSafeHtml(html.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, ''));
    expectFragmentLinksResolve(html.replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, ''));
  });

  it('links the dataset card from the version, model and audit pages', () => {
    const link = `href="${base}models/chest-demo/1.1.0/dataset/"`;
    for (const path of [
      'models/chest-demo',
      'models/chest-demo/1.1.0',
      'models/chest-demo/1.1.0/audit',
    ]) {
      expect(page(path), path).toContain(link);
    }
    expect(page('models/chest-demo/1.0.0')).not.toContain('/dataset/');
  });

  it('links only to pages that exist under the base (downloads are copied later)', () => {
    const pages = [
      '',
      'models/chest-demo',
      'models/chest-demo/1.1.0',
      'models/chest-demo/1.1.0/audit',
      'models/chest-demo/1.1.0/dataset',
    ];
    for (const path of pages) {
      const { document } = parseHTML(page(path));
      for (const anchor of document.querySelectorAll('a[href^="/"]')) {
        const href = anchor.getAttribute('href') ?? '';
        expect(href.startsWith(base), href).toBe(true);
        if (!href.endsWith('/')) continue;
        const file = join(outDir, decodeURIComponent(href.slice(base.length)), 'index.html');
        expect(existsSync(file), `${path} → ${href}`).toBe(true);
      }
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        expect(link.getAttribute('href')?.startsWith(base)).toBe(true);
      }
    }
  });
});
