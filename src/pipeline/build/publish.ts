/**
 * Publishing a built site without ever leaving a half-written one: the site is built into a
 * staging folder beside the output folder, and only a complete staging folder replaces it.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A fresh staging folder on the same file system as `outDir`, so the final rename is atomic. */
export async function createStagingFolder(outDir: string): Promise<string> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
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
