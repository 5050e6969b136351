/**
 * `auditcard build [--content DIR] [--out DIR] [--base PATH] [--site URL]
 * [--format human|json|github]`: validates and audits every version, then builds and publishes
 * the site. `--site` is the site's absolute address (`https://audits.example.org`), used for the
 * links in files that leave the site, such as the results link in each exported card.json.
 */
import { resolve } from 'node:path';
import { buildSite } from '../../pipeline/build/build-site.ts';
import { formatProblems, summarizeProblems } from '../../pipeline/problems/format.ts';
import { exitStatus } from '../exit-status.ts';
import type { CommandIo } from '../io.ts';
import { parseOptions, type OutputFormat } from '../options.ts';

/** Runs `auditcard build` and returns its exit status. */
export async function runBuild(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseOptions(args, {
    values: ['--content', '--out', '--base', '--site', '--format', '--title'],
    flags: ['--quiet'],
  });
  if ('error' in parsed) {
    io.stderr(`auditcard build: ${parsed.error}`);
    return exitStatus.usage;
  }
  if (parsed.positionals.length > 0) {
    io.stderr(`auditcard build: unexpected argument '${parsed.positionals[0]}'.`);
    io.stderr('Name the content folder with --content DIR.');
    return exitStatus.usage;
  }

  const site = parsed.values.get('--site');
  if (site !== undefined && !/^https?:\/\/[^/\s]+/.test(site)) {
    io.stderr(
      `auditcard build: --site ${site} is not an http(s) address such as https://audits.example.org.`,
    );
    return exitStatus.usage;
  }

  const format = parsed.format;
  const quiet = parsed.flags.has('--quiet') || format !== 'human';
  const outDir = resolve(io.cwd, parsed.values.get('--out') ?? 'dist');
  const outcome = await buildSite({
    contentDir: resolve(io.cwd, parsed.values.get('--content') ?? 'content'),
    outDir,
    base: parsed.values.get('--base'),
    ...(site === undefined ? {} : { site }),
    title: parsed.values.get('--title'),
    cwd: io.cwd,
    log: quiet ? undefined : (line) => io.stderr(line),
  });

  report(outcome.problems, format, io);
  if (!outcome.published) {
    io.stderr('auditcard build: nothing was published; fix the errors above and build again.');
    return exitStatus.contentErrors;
  }
  if (!quiet) io.stderr(`Published ${outDir} (${plural(outcome.versions, 'version')}).`);
  return exitStatus.ok;
}

function report(
  problems: Parameters<typeof formatProblems>[0],
  format: OutputFormat,
  io: CommandIo,
) {
  if (format === 'json') {
    io.stdout(formatProblems(problems, 'json'));
    return;
  }
  if (problems.length === 0) return;
  io.stdout(formatProblems(problems, format));
  if (format === 'human') io.stderr(summarizeProblems(problems));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
