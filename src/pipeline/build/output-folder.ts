/**
 * Which folders a build may replace. Publishing swaps the whole output folder, so a wrong
 * `--out` (the working directory, the content folder, a home folder) would throw away files the
 * user never meant to give up. A build therefore replaces only a folder that does not exist, is
 * empty, or carries the marker file that every published site gets; and never one that holds
 * the content or the project.
 */
import { readdir, stat } from 'node:fs/promises';
import { parse, relative, resolve, sep } from 'node:path';
import { problem } from '../problems/catalogue.ts';
import type { Problem } from '../problems/problem.ts';

/** Written into every published site; its presence allows the next build to replace it. */
export const siteMarkerFile = '.auditcard-site';

/** The marker's text: why the file is there. */
export const siteMarkerText =
  'This folder was published by auditcard build, which replaces it whole on the next build.\n';

/**
 * Returns a problem when `outDir` must not be replaced by a build, or null when it may.
 * @param guarded folders whose loss would lose user files (content, project, working directory)
 * @param read folders the build reads (content, the site's sources): a site published inside
 *   one would become input of every later build
 */
export async function checkOutputFolder(
  outDir: string,
  guarded: readonly string[],
  read: readonly string[] = [],
): Promise<Problem | null> {
  const out = resolve(outDir);

  if (out === parse(out).root) return unsafe(out, 'it is the root of the file system');
  for (const folder of guarded.map((path) => resolve(path))) {
    if (contains(out, folder)) {
      return unsafe(out, `it holds ${folder}, which would be deleted with it`);
    }
  }
  for (const folder of read.map((path) => resolve(path))) {
    if (contains(folder, out)) {
      return unsafe(out, `it is inside ${folder}, which the build reads`);
    }
  }

  const entries = await listFolder(out);
  if (entries === 'missing' || entries.length === 0) return null;
  if (entries === 'not a folder') return unsafe(out, 'it is a file, not a folder');
  if (!entries.includes(siteMarkerFile)) {
    return unsafe(out, `it is not empty and has no ${siteMarkerFile} file from an earlier build`);
  }
  return null;
}

/** True when `folder` is `outer` itself or lies inside it. */
function contains(outer: string, folder: string): boolean {
  const path = relative(outer, folder);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !parse(path).root);
}

async function listFolder(path: string): Promise<string[] | 'missing' | 'not a folder'> {
  try {
    if (!(await stat(path)).isDirectory()) return 'not a folder';
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function unsafe(out: string, why: string): Problem {
  return problem('BuildOutputUnsafe', {
    file: out,
    message: `refusing to publish into ${out}: ${why}`,
    hint:
      'A build replaces its output folder whole. Choose a new or empty folder with --out ' +
      '(the default is dist/), or one that an earlier auditcard build published.',
  });
}
