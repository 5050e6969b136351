/**
 * A small, strict parser for the commands' options: `--name value`, `--name=value` and flags.
 * Unknown options are usage errors, never silently ignored.
 */

export type OutputFormat = 'human' | 'json' | 'github';
const formats: readonly OutputFormat[] = ['human', 'json', 'github'];

export interface ParsedOptions {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
  /** `--format`, checked; `human` by default. */
  format: OutputFormat;
}

/**
 * @param spec which options take a value and which are flags; `--format` is always known.
 * @returns the parsed options, or `{ error }` with a sentence for the user.
 */
export function parseOptions(
  args: string[],
  spec: { values: string[]; flags?: string[] },
): ParsedOptions | { error: string } {
  const valueNames = new Set([...spec.values, '--format']);
  const flagNames = new Set(spec.flags ?? []);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];

  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index]!;
    if (argument === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }

    const [name, inline] = splitOption(argument);
    if (flagNames.has(name)) {
      flags.add(name);
    } else if (valueNames.has(name)) {
      const value = inline ?? args[++index];
      if (value === undefined) return { error: `${name} needs a value.` };
      values.set(name, value);
    } else {
      const known = [...valueNames, ...flagNames].sort().join(', ');
      return { error: `unknown option '${name}'. Known options: ${known}.` };
    }
  }

  const format = values.get('--format') ?? 'human';
  if (!formats.includes(format as OutputFormat)) {
    return { error: `--format must be one of ${formats.join(', ')}, not '${format}'.` };
  }
  return { values, flags, positionals, format: format as OutputFormat };
}

function splitOption(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=');
  return equals === -1
    ? [argument, undefined]
    : [argument.slice(0, equals), argument.slice(equals + 1)];
}
