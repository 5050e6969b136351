import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file `test/charts/golden/<name>`. With UPDATE_GOLDEN=1 the
 * file is (re)written instead, which is the only way golden files change.
 */
export function expectGolden(name: string, actual: string): void {
  const url = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(url)) {
    if (process.env.UPDATE_GOLDEN !== '1') {
      throw new Error(`golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1`);
    }
    writeFileSync(url, `${actual}\n`);
    return;
  }
  expect(actual).toBe(readFileSync(url, 'utf8').replace(/\n$/, ''));
}
