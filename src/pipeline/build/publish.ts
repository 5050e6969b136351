/**
 * Publishing a built site without ever leaving a half-written one: the site is built into a
 * staging folder beside the output folder, and only a complete staging folder replaces it.
 *
 * Names beside the output folder `site`: `site.tmp-<pid>-<time>` (staging, with
 * `site.tmp-<pid>-<time>.site-model.json` for the pages' data) and `site.old-<pid>-<time>` (the
 * previous site during the swap). A build that was killed leaves them behind; the next build
 * removes those of processes that no longer run, and puts back an old site that a killed swap
 * had moved aside.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessRunning } from './process-running.ts';

/** A fresh staging folder on the same file system as `outDir`, so the final rename is atomic. */
export async function createStagingFolder(outDir: string): Promise<string> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  await recoverInterruptedBuilds(outDir);

  const stage = join(parent, `${basename(outDir)}.tmp-${process.pid}-${Date.now()}`);
  await mkdir(stage);
  return stage;
}

/**
 * Puts the complete `stage` folder in place of `outDir`. The old site is moved aside first and
 * removed only once the new one is in place; if the swap fails the old site is put back.
 */
export async function replaceFolder(stage: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}-${Date.now()}`;
  let movedAside = false;

  try {
    await rename(outDir, old);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  try {
    await rename(stage, outDir);
  } catch (error) {
    if (movedAside) await rename(old, outDir);
    throw error;
  }

  if (movedAside) await rm(old, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build; the published site is untouched. */
export async function discardStagingFolder(stage: string): Promise<void> {
  await rm(stage, { recursive: true, force: true });
}

/**
 * Cleans up after builds into `outDir` that were killed: removes their staging files and, when
 * the output folder is missing because a swap was cut short, restores the site moved aside.
 */
export async function recoverInterruptedBuilds(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const pattern = new RegExp(
    `^${escapeRegExp(basename(outDir))}\\.(tmp|old)-(\\d+)-(\\d+)(\\.site-model\\.json)?$`,
  );
  const leftovers = (await readdir(parent))
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter(({ match }) => match !== null && !isProcessRunning(Number(match[2])));

  const newestOldSite = leftovers
    .filter(({ match }) => match![1] === 'old' && match![4] === undefined)
    .sort((a, b) => Number(b.match![3]) - Number(a.match![3]))[0];
  let restored: string | undefined;
  if (newestOldSite && !(await exists(outDir))) {
    await rename(join(parent, newestOldSite.name), outDir);
    restored = newestOldSite.name;
  }

  for (const { name } of leftovers) {
    if (name !== restored) await rm(join(parent, name), { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
