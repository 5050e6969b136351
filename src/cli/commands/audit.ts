/**
 * `auditcard audit VERSION_DIR [--out FILE] [--format human|json|github]`: runs one version's
 * audit and writes its results JSON.
 *
 * The spec is `audit.yaml` in VERSION_DIR. The results go to `--out`, by default
 * `results.json` in the working directory (never into VERSION_DIR: a published version folder
 * is not edited). The model and version recorded in the results are the names of VERSION_DIR's
 * parent folder and of VERSION_DIR (`content/<model>/<version>/`).
 *
 * Problems are printed in the chosen format (stdout); with `human`, a summary of what was done
 * and the absolute path of the file written goes to stderr (the default lands wherever the
 * command was run, which should never be a surprise), with the bootstrap's progress (a bar on a
 * terminal, plain lines in a log).
 * Exit status: 0 written (warnings allowed), 1 the spec or data have errors (nothing written),
 * 2 usage error, unreadable folder or a failed write.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

import { auditVersion } from '../../pipeline/audit/audit-version.ts';
import { writeResults } from '../../pipeline/audit/write-results.ts';
import { formatProblems, summarizeProblems } from '../../pipeline/problems/format.ts';
import { hasErrors, type Problem } from '../../pipeline/problems/problem.ts';
import { loadAuditSpec } from '../../pipeline/validate/audit-spec.ts';
import { exitStatus } from '../exit-status.ts';
import type { CommandIo } from '../io.ts';
import { parseOptions } from '../options.ts';
import { progressReporter } from '../progress.ts';

/** The default of `--out`, relative to the working directory. */
export const DEFAULT_RESULTS_FILE = 'results.json';

/** Runs `auditcard audit` and returns its exit status. */
export async function runAuditCommand(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseOptions(args, { values: ['--out'] });
  if ('error' in parsed) return usageError(io, parsed.error);
  if (parsed.positionals.length !== 1) {
    return usageError(io, 'give exactly one VERSION_DIR, the folder holding audit.yaml.');
  }

  const given = parsed.positionals[0]!;
  const versionDir = resolve(io.cwd, given);
  const found = await stat(versionDir).catch(() => null);
  if (!found?.isDirectory()) return usageError(io, `${given}: no such folder.`);

  const out = resolve(io.cwd, parsed.values.get('--out') ?? DEFAULT_RESULTS_FILE);
  if (isInside(versionDir, out)) {
    return usageError(
      io,
      `--out ${parsed.values.get('--out')} is inside ${given}: a version folder holds the inputs ` +
        'and is never written to. Write the results elsewhere, for example --out results.json.',
    );
  }

  const loaded = loadAuditSpec(versionDir);
  if (loaded.spec === null && loaded.problems.length === 0) {
    return usageError(io, `${given}: no audit.yaml in this folder.`);
  }
  if (loaded.spec === null || hasErrors(loaded.problems)) {
    return report(io, parsed.format, loaded.problems, null);
  }

  const audited = await auditVersion(versionDir, loaded.spec, {
    model: basename(dirname(versionDir)),
    version: basename(versionDir),
    ...(parsed.format === 'human' ? { onProgress: progressReporter(io) } : {}),
  });
  const problems = [...loaded.problems, ...audited.problems];
  if (audited.results === null || hasErrors(problems))
    return report(io, parsed.format, problems, null);

  try {
    await writeResults(out, audited.results);
  } catch (error) {
    io.stderr(`auditcard audit: could not write ${out}: ${(error as Error).message}`);
    return exitStatus.usage;
  }

  const { targets, projections } = audited.results;
  const groups = targets[0]?.groups.length ?? 0;
  const written =
    `wrote ${out}: ${count(targets.length, 'target')}, ` +
    `${count(groups, 'group')} each, ${count(projections.length, 'projection test')}`;
  return report(io, parsed.format, problems, written);
}

/** True when `path` is `folder` itself or lies inside it. */
function isInside(folder: string, path: string): boolean {
  const inner = relative(folder, path);
  return inner === '' || (inner !== '..' && !inner.startsWith(`..${sep}`) && !isAbsolute(inner));
}

/** Prints problems and, for people, a summary; returns the exit status. */
function report(
  io: CommandIo,
  format: 'human' | 'json' | 'github',
  problems: Problem[],
  written: string | null,
): number {
  const shown = problems.map((found) => ({ ...found, file: relative(io.cwd, found.file) || '.' }));
  if (format === 'json' || shown.length > 0) io.stdout(formatProblems(shown, format));
  if (format === 'human') {
    const summary = shown.length > 0 ? ` (${summarizeProblems(shown)})` : '';
    io.stderr(
      written === null ? `${summarizeProblems(shown)}: nothing written` : `${written}${summary}`,
    );
  }
  return written === null ? exitStatus.contentErrors : exitStatus.ok;
}

function usageError(io: CommandIo, message: string): number {
  io.stderr(`auditcard audit: ${message}`);
  io.stderr('Usage: auditcard audit VERSION_DIR [--out FILE] [--format human|json|github]');
  io.stderr(
    `  --out FILE  where to write the results (default: ./${DEFAULT_RESULTS_FILE}, in the working directory)`,
  );
  return exitStatus.usage;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
