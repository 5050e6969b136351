/**
 * The order of models and versions on the site and in messages.
 *
 * Names compare in "natural" order: runs of digits compare as numbers (`v2` < `v10`), other
 * text compares without case first, then with case, so the order never depends on a locale.
 * Versions are semver-ish: a leading `v` is ignored, and a pre-release (`1.0.0-rc.1`) sorts
 * before its release (`1.0.0`); dates such as `2024-05-01` sort by date.
 */

/** Natural order of two names: `model-2` before `model-10`. */
export function compareNatural(a: string, b: string): number {
  const left = chunks(a);
  const right = chunks(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const order = compareChunk(left[index] ?? '', right[index] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Semver-ish order of two version names (see the module comment). */
export function compareVersions(a: string, b: string): number {
  const [mainA, preA] = splitPrerelease(a);
  const [mainB, preB] = splitPrerelease(b);
  const main = compareNatural(mainA, mainB);
  if (main !== 0) return main;
  if (preA === null || preB === null) {
    if (preA !== preB) return preA === null ? 1 : -1;
    return compareNatural(a, b);
  }
  return compareNatural(preA, preB) || compareNatural(a, b);
}

function splitPrerelease(version: string): [string, string | null] {
  const bare = version.replace(/^[vV](?=\d)/, '');
  // A hyphen starts a pre-release only after a number.number form; dates keep their hyphens.
  const match = /^(\d+(?:\.\d+)+)-(.+)$/.exec(bare);
  return match ? [match[1] ?? bare, match[2] ?? null] : [bare, null];
}

function chunks(text: string): string[] {
  return text.match(/\d+|\D+/g) ?? [];
}

function compareChunk(a: string, b: string): number {
  const digitsA = /^\d/.test(a);
  const digitsB = /^\d/.test(b);
  if (digitsA && digitsB) {
    const [x, y] = [a.replace(/^0+(?=\d)/, ''), b.replace(/^0+(?=\d)/, '')];
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  }
  if (digitsA !== digitsB) return digitsA ? -1 : 1;
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
