/**
 * `auditcard build`: validate every card and spec, run every audit, then build the Astro site
 * and publish it with its downloads. Nothing is written to the output folder unless every
 * step succeeded, and a failed build leaves the previously published site as it was.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditResults } from '../../core/audit/results.ts';
import { problem } from '../problems/catalogue.ts';
import { hasErrors, type Problem } from '../problems/problem.ts';
import { siteModelVariable, type SiteModel, type SiteVersion } from '../../site/site-model.ts';
import { createStagingFolder, discardStagingFolder, replaceFolder } from './publish.ts';
import { renderMarkdown } from '../../site/markdown.ts';
import { exportCard } from './export-card.ts';
import { versionDataset } from './dataset-card.ts';
import { checkSiteUrl, publishedUrl } from './published-url.ts';
import { withProjectLock } from './project-lock.ts';
import { checkOutputFolder, siteMarkerFile, siteMarkerText } from './output-folder.ts';
import { ksTestsCsv, metricsCsv } from './results-csv.ts';
import type { ContentVersion } from '../content/discover-content.ts';
import { validateContent, type ValidatedContent } from '../validate/index.ts';
import { auditVersion, serializeResults } from '../audit/index.ts';

/** The project's own folder: where `astro.config.mjs` and `src/pages/` live. */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Base path the site is served under; `/` by default. */
  base?: string;
  /**
   * The site's absolute URL (`https://example.org`), for links in files that leave the site
   * (the exported card's `Comments`); without it those links are paths from the site's root.
   */
  site?: string;
  title?: string;
  /** The working directory of the command, which a build must never replace. */
  cwd: string;
  /** One line per step, for the console. */
  log?: (line: string) => void;
}

export interface BuildOutcome {
  published: boolean;
  problems: Problem[];
  /** Versions published (0 when nothing was). */
  versions: number;
}

/** Runs the whole build; see the module comment for what is guaranteed on failure. */
export async function buildSite(options: BuildOptions): Promise<BuildOutcome> {
  const log = options.log ?? (() => {});
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  if (options.site !== undefined) checkSiteUrl(options.site);

  const outputProblem = await checkOutputFolder(
    outDir,
    [contentDir, projectRoot, options.cwd],
    [contentDir, join(projectRoot, 'src')],
  );
  if (outputProblem) return { published: false, problems: [outputProblem], versions: 0 };

  log(`Validating ${contentDir}`);
  const content = await validateContent(contentDir);
  const problems: Problem[] = [...content.problems];
  if (hasErrors(problems)) return { published: false, problems, versions: 0 };

  const prepared: PreparedVersion[] = [];
  for (const entry of content.versions) {
    const spec = content.specs.get(entry.dir);
    let results: AuditResults | null = null;
    if (spec) {
      log(`Auditing ${entry.model} ${entry.version}`);
      const audit = await auditVersion(entry.dir, spec, {
        model: entry.model,
        version: entry.version,
        onProgress: ({ target, done, total }) => {
          if (done === total) log(`  ${target}: ${total} bootstrap replicates done`);
        },
      });
      problems.push(...audit.problems);
      results = audit.results;
    }
    prepared.push(await describeVersion(entry, content, results, options, problems));
  }
  if (hasErrors(problems)) return { published: false, problems, versions: 0 };

  const model = assembleSiteModel(
    prepared.map((version) => version.site),
    options,
  );
  log(`Building the site (${prepared.length} ${prepared.length === 1 ? 'version' : 'versions'})`);
  await renderAndPublish(model, prepared, outDir);
  return { published: true, problems, versions: prepared.length };
}

/** A file to publish beside a version's pages. */
interface DownloadFile {
  name: string;
  description: string;
  content: string | Uint8Array;
}

/** A version ready to publish: what its pages show and the files beside them. */
interface PreparedVersion {
  site: SiteVersion;
  files: DownloadFile[];
}

/** Describes a version; problems of its exported card are pushed onto `problems`. */
async function describeVersion(
  entry: ContentVersion,
  content: ValidatedContent,
  results: AuditResults | null,
  options: BuildOptions,
  problems: Problem[],
): Promise<PreparedVersion> {
  const card = content.cards.get(entry.dir) as Record<string, unknown>;
  const reportMarkdown = entry.reportPath ? await readFile(entry.reportPath, 'utf8') : null;
  if (entry.reportPath && reportMarkdown !== null) {
    const found = reportProblem(entry.reportPath, reportMarkdown);
    if (found) problems.push(found);
  }
  const rawIntegers = content.rawIntegers.get(entry.dir) ?? {};
  const exported = exportCard({
    model: entry.model,
    version: entry.version,
    cardPath: entry.cardPath,
    cardBytes: await readFile(entry.cardPath),
    card,
    rawIntegers,
    results,
    resultsLink: publishedUrl(
      options.site,
      normalizeBase(options.base ?? '/'),
      entry.model,
      entry.version,
      'results.json',
    ),
  });
  problems.push(...exported.problems);
  const cardFile: DownloadFile = {
    name: 'card.json',
    description: exported.fromAudit
      ? 'ATLAS model card (JSON), Model performance from the audit'
      : 'ATLAS model card (JSON)',
    content: exported.content,
  };
  const dataset = await versionDataset(entry, content);
  const files = [cardFile, ...(dataset ? [dataset.download] : []), ...resultFiles(results)];

  const site: SiteVersion = {
    model: entry.model,
    version: entry.version,
    // The card page shows the card as published, Model performance from the audit included
    // (big integers keep their digits through `rawIntegers`, whose pointers are unchanged).
    card: exported.fromAudit
      ? (JSON.parse(textOf(exported.content)) as Record<string, unknown>)
      : card,
    rawIntegers,
    results,
    reportMarkdown,
    dataset: dataset?.site ?? null,
    downloads: files.map(({ name, description, content: bytes }) => ({
      name,
      description,
      bytes: Buffer.byteLength(bytes),
    })),
  };
  return { site, files };
}

/**
 * The audit's machine-readable files of a version (the card is `export-card.ts`'s: with an
 * audit, its Model performance is filled from it; without, a JSON card is published byte for
 * byte as written and a YAML card as JSON, integers too large for a number written as in it).
 */
function resultFiles(results: AuditResults | null): DownloadFile[] {
  const files: DownloadFile[] = [];
  if (results) {
    files.push(
      {
        name: 'results.json',
        description: 'Audit results (JSON)',
        content: serializeResults(results),
      },
      {
        name: 'metrics.csv',
        description: 'Subgroup metrics with intervals (CSV, one row per metric)',
        content: metricsCsv(results),
      },
    );
    if (results.projections.length > 0) {
      files.push({
        name: 'ks-tests.csv',
        description: 'Kolmogorov–Smirnov tests with adjusted p-values (CSV)',
        content: ksTestsCsv(results),
      });
    }
  }
  return files;
}

function assembleSiteModel(versions: SiteVersion[], options: BuildOptions): SiteModel {
  const byModel = new Map<string, SiteVersion[]>();
  for (const version of versions) {
    const list = byModel.get(version.model) ?? [];
    list.push(version);
    byModel.set(version.model, list);
  }

  return {
    title: options.title ?? 'Model cards and bias audits',
    base: normalizeBase(options.base ?? '/'),
    models: [...byModel].map(([id, list]) => ({
      id,
      name: modelName(list[list.length - 1]!) ?? id,
      versions: list,
    })),
  };
}

function modelName(version: SiteVersion): string | undefined {
  const model = version.card.Model as { Name?: unknown } | undefined;
  return typeof model?.Name === 'string' ? model.Name : undefined;
}

function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function renderAndPublish(
  model: SiteModel,
  versions: PreparedVersion[],
  outDir: string,
): Promise<void> {
  const stage = await createStagingFolder(outDir);
  const modelPath = `${stage}.site-model.json`;

  try {
    await writeFile(modelPath, JSON.stringify(model));
    await runAstro(stage, model.base, modelPath);
    await removeServerLeftovers(stage);
    await writeFile(join(stage, siteMarkerFile), siteMarkerText);
    await writeDownloads(stage, versions);
    await replaceFolder(stage, outDir);
  } catch (error) {
    await discardStagingFolder(stage);
    throw error;
  } finally {
    await rm(modelPath, { force: true });
  }
}

/**
 * Astro's programmatic build, with the site model handed over through the environment.
 *
 * Astro renders static pages by importing server chunks it writes into the output folder when
 * that folder lies under the working directory, else into a folder under the working directory.
 * Those chunks import Astro's own packages, which Node finds only from inside the project. So
 * the build runs with the project as working directory, whatever folder the user is in, and
 * holds the project's build lock (`project-lock.ts`) meanwhile.
 */
async function runAstro(outDir: string, base: string, modelPath: string): Promise<void> {
  const { build } = await import('astro');
  const savedModel = process.env[siteModelVariable];
  const savedCwd = process.cwd();
  process.env[siteModelVariable] = modelPath;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  await withProjectLock(projectRoot, async () => {
    process.chdir(projectRoot);
    try {
      await build({ root: projectRoot, outDir, base, logLevel: 'warn', mode: 'production' });
    } finally {
      process.chdir(savedCwd);
      if (savedModel === undefined) delete process.env[siteModelVariable];
      else process.env[siteModelVariable] = savedModel;
    }
  });
}

/**
 * Astro 5 writes its content-layer modules (`content-assets.mjs`, `content-modules.mjs`) into a
 * static build's output folder even when no collection is used; they are build internals, not
 * part of the site.
 */
async function removeServerLeftovers(stage: string): Promise<void> {
  for (const name of await readdir(stage)) {
    if (name.endsWith('.mjs')) await rm(join(stage, name), { force: true });
  }
}

async function writeDownloads(stage: string, versions: PreparedVersion[]): Promise<void> {
  for (const { site, files } of versions) {
    const folder = join(stage, 'models', site.model, site.version);
    await mkdir(folder, { recursive: true });
    for (const file of files) {
      await writeFile(join(folder, file.name), file.content);
    }
  }
}

function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/** Markdown nested deeper than this (quotes, lists) is refused: renderers recurse per level. */
export const MAX_REPORT_NESTING = 50;

/**
 * Why a report cannot be published, or null: nesting beyond {@link MAX_REPORT_NESTING} levels
 * at the start of a line, or a failure of the renderer itself (such as a stack overflow on
 * thousands of nested HTML elements). Checked before the site build, so that a bad report is a
 * located error rather than a crash of the build.
 */
function reportProblem(file: string, markdown: string): Problem | null {
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const prefix = /^[\s>*+\-0-9.)]*/.exec(lines[index]!)![0];
    const depth = (prefix.match(/[>*+-]|\d+[.)]/g) ?? []).length;
    if (depth > MAX_REPORT_NESTING) {
      return problem('ContentReportUnrenderable', {
        message: `this line nests quotes or lists ${depth} levels deep; at most ${MAX_REPORT_NESTING} are published`,
        hint: 'Flatten the nesting; a report is read by people, and no reader follows 50 levels.',
        file,
        line: index + 1,
        column: 1,
      });
    }
  }
  try {
    renderMarkdown(markdown);
    return null;
  } catch (error) {
    return problem('ContentReportUnrenderable', {
      message: `this report cannot be rendered: ${(error as Error).message}`,
      hint: 'Simplify it: deeply nested HTML elements or quotes are the usual cause.',
      file,
    });
  }
}
