/**
 * Writing `results.json` so that readers never see a partial or invalid file.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { AuditResults } from '../../core/audit/results.ts';
import { checkResults } from './validate-results.ts';

/** The results as written: two-space indented JSON with a final newline. */
export function serializeResults(results: AuditResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/**
 * Validates the results, writes them to a temporary file beside `file`, then renames it over
 * `file` (atomic on one file system). On any failure the temporary file is removed and an
 * existing `file` is left as it was. Missing parent folders are created.
 *
 * @throws {TypeError} when the results break the results schema (nothing is written)
 * @throws {Error} when `file` exists and is not a regular file (a device, pipe, folder or link)
 * @throws the file system's error when writing or renaming fails
 */
export async function writeResults(file: string, results: AuditResults): Promise<void> {
  const errors = checkResults(results);
  if (errors.length > 0) {
    throw new TypeError(
      `results: not written, they break the results schema: ${errors.join('; ')}`,
    );
  }

  // Renaming over a device, pipe, folder or link would replace it (as root, even /dev/null):
  // only a missing path or a regular file may become the results file.
  const existing = await lstat(file).catch(() => null);
  if (existing !== null && !existing.isFile()) {
    throw new Error(`${file} exists and is not a regular file; give a new file name`);
  }

  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(
    folder,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, serializeResults(results), { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
