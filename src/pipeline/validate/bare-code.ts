/**
 * The bare form of a code under an ATLAS pattern. The schemas' patterns are not anchored
 * (`RID[0-9]+` accepts `see RID10345 and others`), but tools reading a card expect exactly the
 * code; this module says what the exact code looks like and finds it inside a longer value.
 */
import { describePattern } from './pattern-shape.ts';

/** What a value under an ATLAS pattern should be exactly, and how to say so. */
export interface BareCode {
  /** The pattern as the schema writes it (unanchored). */
  pattern: string;
  /** The anchored pattern of a bare value. */
  bare: string;
  /** The expected shape, for hints. */
  shape: string;
  /** What every bare value starts with, when a value may be written without it (an ORCID iD). */
  prefix?: string;
}

/**
 * Bare forms that differ from simply anchoring the schema's pattern: RadElement value codes
 * carry a `.n` suffix (`RDE397.1`), and an ORCID iD has a fixed shape.
 */
const knownBareCodes: readonly BareCode[] = [
  {
    pattern: 'RDE[S]?[0-9]+',
    bare: '^RDES?[0-9]+(?:\\.[0-9]+)?$',
    shape: 'RDE<digits> or RDES<digits>, with .<digits> for a value (RDE397.1)',
  },
  {
    pattern: 'https://orcid.org/.+',
    bare: '^https://orcid\\.org/[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$',
    shape: 'https://orcid.org/0000-0002-1825-0097',
    prefix: 'https://orcid.org/',
  },
];

/** The bare form of a schema pattern. */
export function bareCodeOf(pattern: string): BareCode {
  const known = knownBareCodes.find((code) => code.pattern === pattern);
  return known ?? { pattern, bare: `^(?:${pattern})$`, shape: describePattern(pattern) };
}

/**
 * The bare code a value seems to hold, when it is not the whole value: a word of the value that
 * is a bare code (`see RID10345 and others` → `RID10345`), or the part of a word the pattern
 * matches (`https://doi.org/10.1148/ryai.230060` → `10.1148/ryai.230060`), or the value in
 * capitals or without its spaces (`rid123`, `RID 123` → `RID123`), or the last part of a word after the code's prefix
 * (`0000-0002-1825-0097` → `https://orcid.org/0000-0002-1825-0097`). Undefined when nothing
 * fits.
 */
export function bareCodeInside(value: string, code: BareCode): string | undefined {
  const bare = new RegExp(code.bare, 'u');
  const pattern = new RegExp(code.pattern, 'u');
  const words = value.split(/[\s,;()[\]<>"']+/).filter((word) => word !== '');
  const candidates = words.flatMap((word) => {
    const trimmed = word.replace(/[.:]+$/, '');
    const inner = pattern.exec(trimmed)?.[0];
    const prefixed = code.prefix === undefined ? [] : [code.prefix + trimmed.split(/[/:]/).pop()];
    return [trimmed, ...(inner === undefined ? [] : [inner]), ...prefixed];
  });
  const squeezed = value.replace(/\s+/g, '');
  candidates.push(squeezed, squeezed.toUpperCase());
  return candidates.find((candidate) => candidate !== value && bare.test(candidate));
}
