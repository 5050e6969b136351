/**
 * One Astro build at a time per project. Astro renders pages from server chunks it writes under
 * the project (`.astro/` when the output folder lies outside it) and caches under
 * `node_modules/.astro`; two builds at once overwrite each other's chunks. Builds therefore take
 * a lock file in the project folder, and wait for it.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning } from './process-running.ts';

const lockName = '.auditcard-build.lock';
const pollMilliseconds = 250;

/**
 * Runs `work` while holding the project's build lock. A lock left by a process that no longer
 * runs is taken over.
 * @param timeoutMilliseconds how long to wait for another build before giving up (default 10 min)
 */
export async function withProjectLock<T>(
  projectRoot: string,
  work: () => Promise<T>,
  timeoutMilliseconds = 600_000,
): Promise<T> {
  const path = join(projectRoot, lockName);
  const deadline = Date.now() + timeoutMilliseconds;

  while (!(await tryLock(path))) {
    if (Date.now() > deadline) {
      throw new Error(`another build still holds ${path}; remove it if no build is running`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMilliseconds));
  }

  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

async function tryLock(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  const holder = Number(await readFile(path, 'utf8').catch(() => ''));
  if (Number.isInteger(holder) && holder > 0 && !isProcessRunning(holder)) {
    await rm(path, { force: true });
  }
  return false;
}
