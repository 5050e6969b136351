/**
 * The rule for every path in an audit spec: relative, inside the version folder (no `..`, no
 * absolute path, no symbolic link leading out), and naming a file that exists. A path naming
 * a folder (`.`, `data/`) is refused as a folder, wherever the folder is.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep, win32 } from 'node:path';
import type { ParsedCsv } from '../csv/parse-csv.ts';
import { readCsvHeader } from '../csv/read-header.ts';
import { specMessages, type Wording } from './messages.ts';
import { closestMatches } from './closest.ts';

/** What the path checks need of the file system; the real one by default. */
export interface SpecFileSystem {
  /** The path with every symbolic link resolved, or null when nothing exists there. */
  realPath(path: string): string | null;
  isFile(path: string): boolean;
  isDirectory(path: string): boolean;
  /** File names in a folder, for "did you mean" hints; empty when it cannot be read. */
  list(dir: string): string[];
  /**
   * The header of a CSV file (a table without rows), reading no more of the file than the
   * header needs; throws when the file cannot be read.
   */
  readHeader(path: string): ParsedCsv;
}

export const nodeSpecFileSystem: SpecFileSystem = {
  realPath: (path) => (existsSync(path) ? realpathSync(path) : null),
  isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false,
  isDirectory: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  readHeader: readCsvHeader,
};

/** Why a path was refused: which code and which words. */
export interface PathRefusal extends Wording {
  code: 'SpecPathOutsideFolder' | 'SpecFileMissing';
}

/**
 * Checks one spec path; null when it is fine.
 * @param versionDir the folder of the spec
 * @param path the path as written in the spec
 * @param pointer where the path is in the spec, for the message
 */
export function checkSpecPath(
  versionDir: string,
  path: string,
  pointer: string,
  files: SpecFileSystem = nodeSpecFileSystem,
): PathRefusal | null {
  if (isAbsolute(path) || win32.isAbsolute(path) || /^[a-zA-Z]:/.test(path)) {
    return { code: 'SpecPathOutsideFolder', ...specMessages.absolutePath(pointer, path) };
  }
  if (path.split(/[\\/]/).includes('..')) {
    return { code: 'SpecPathOutsideFolder', ...specMessages.parentPath(pointer, path) };
  }

  const target = files.realPath(join(versionDir, path));
  if (target === null) {
    const near = closestMatches(path, files.list(versionDir), 1);
    return { code: 'SpecFileMissing', ...specMessages.fileMissing(pointer, path, near) };
  }
  const folder = files.realPath(versionDir) ?? resolve(versionDir);
  const inside = relative(folder, target);
  const isFolder = files.isDirectory(target);
  if (inside === '') {
    return { code: 'SpecFileMissing', ...specMessages.namesVersionFolder(pointer, path) };
  }
  if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    const kind = isFolder ? 'folder' : 'file';
    return { code: 'SpecPathOutsideFolder', ...specMessages.linkEscapes(pointer, path, kind) };
  }
  if (isFolder) return { code: 'SpecFileMissing', ...specMessages.namesFolder(pointer, path) };
  if (!files.isFile(target)) {
    return { code: 'SpecFileMissing', ...specMessages.notAFile(pointer, path) };
  }
  return null;
}
