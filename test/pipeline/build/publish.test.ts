import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createStagingFolder,
  discardStagingFolder,
  replaceFolder,
} from '../../../src/pipeline/build/publish.ts';

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'auditcard-publish-'));
}

describe('publishing a staged site', () => {
  it('replaces an existing site whole and leaves no staging or old folder behind', async () => {
    const root = await scratch();
    const out = join(root, 'dist');
    await mkdir(out);
    await writeFile(join(out, 'old.html'), 'old');

    const stage = await createStagingFolder(out);
    await writeFile(join(stage, 'index.html'), 'new');
    await replaceFolder(stage, out);

    expect(await readdir(out)).toEqual(['index.html']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(root)).toEqual(['dist']);
  });

  it('publishes into a folder that does not exist yet', async () => {
    const root = await scratch();
    const out = join(root, 'nested', 'site');

    const stage = await createStagingFolder(out);
    await writeFile(join(stage, 'index.html'), 'first');
    await replaceFolder(stage, out);

    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('first');
  });

  it('discarding a staging folder leaves the published site untouched', async () => {
    const root = await scratch();
    const out = join(root, 'dist');
    await mkdir(out);
    await writeFile(join(out, 'index.html'), 'published');

    const stage = await createStagingFolder(out);
    await writeFile(join(stage, 'index.html'), 'half-built');
    await discardStagingFolder(stage);

    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('published');
    expect(await readdir(root)).toEqual(['dist']);
  });
});
