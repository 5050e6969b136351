/**
 * The `auditcard` command: reads the subcommand and hands over to it. This folder is the only
 * place that talks to the console and the process; everything below it takes what it needs as
 * parameters.
 */
import { readFileSync } from 'node:fs';
import { exitStatus } from './exit-status.ts';
import { processIo, type CommandIo } from './io.ts';

const usage = `auditcard: model cards and subgroup bias audits, published as a static site

Usage:
  auditcard validate [PATH…] [--format human|json|github]
      Check cards (card.json, card.yaml) and audit specs (audit.yaml), and that every column a
      spec uses is in the header of its data file. PATH may be a file, a version folder or a
      content folder (default: ./content).
  auditcard audit VERSION_DIR [--out FILE] [--format human|json|github]
      Run one version's audit and write its results JSON to FILE (default: results.json in
      the working directory, never inside VERSION_DIR); prints the full path written.
  auditcard build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--title TEXT]
                  [--quiet] [--format human|json|github]
      Validate and audit every version, then build the site (default: ./content → ./dist).
      --base: the sub-path the site is served under (/audits/); --site: its origin
      (https://example.org), so that exported cards link absolutely; --title: the site's name
      (default "Model cards and bias audits"); --quiet: no progress lines.

Exit status: 0 fine, 1 the content has errors (nothing is written), 2 usage or internal error.
`;

type Command = (args: string[], io: CommandIo) => Promise<number>;

/** Loads a command module only when it is used, so `validate` never pays for Astro. */
const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.ts')).runValidate,
  audit: async () => (await import('./commands/audit.ts')).runAuditCommand,
  build: async () => (await import('./commands/build.ts')).runBuild,
};

/**
 * Runs the command line `args` (without `node` and the script) and returns the exit status.
 * @param io where output goes; the real console by default.
 */
export async function main(args: string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = args;

  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage);
    return name === undefined ? exitStatus.usage : exitStatus.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(packageVersion());
    return exitStatus.ok;
  }

  const load = commands[name];
  if (!load) {
    io.stderr(
      `auditcard: unknown command '${name}'. Commands: ${Object.keys(commands).join(', ')}.`,
    );
    io.stderr('Run `auditcard --help` for usage.');
    return exitStatus.usage;
  }

  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    io.stderr(`auditcard ${name}: internal error: ${describe(error)}`);
    io.stderr(
      'This is a bug in auditcard, not in your content; please report it with this output.',
    );
    return exitStatus.usage;
  }
}

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return process.env.AUDITCARD_DEBUG ? String(error.stack) : error.message;
  return String(error);
}
