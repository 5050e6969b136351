import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createStagingFolder,
  discardStagingFolder,
  recoverInterruptedBuilds,
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

describe('recovering from builds that were killed', () => {
  /** A pid that no process has: beyond Linux's largest possible pid. */
  const deadPid = 4_194_304 + 17;

  it('removes the staging leftovers of dead processes, and keeps those of running ones', async () => {
    const root = await scratch();
    const out = join(root, 'site');
    await mkdir(out);
    await mkdir(join(root, `site.tmp-${deadPid}-1700000000000`));
    await writeFile(join(root, `site.tmp-${deadPid}-1700000000000.site-model.json`), '{}');
    await mkdir(join(root, `site.old-${deadPid}-1700000000001`));
    const running = `site.tmp-${process.ppid}-1700000000002`;
    await mkdir(join(root, running));
    await mkdir(join(root, 'site.tmp-notes'));

    await recoverInterruptedBuilds(out);

    expect((await readdir(root)).sort()).toEqual(['site', 'site.tmp-notes', running].sort());
  });

  it('puts back the newest old site when a swap was cut short', async () => {
    const root = await scratch();
    const out = join(root, 'site');
    for (const [time, text] of [
      ['1700000000000', 'older'],
      ['1700000000009', 'newest'],
    ]) {
      await mkdir(join(root, `site.old-${deadPid}-${time}`));
      await writeFile(join(root, `site.old-${deadPid}-${time}`, 'index.html'), text!);
    }

    await recoverInterruptedBuilds(out);

    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('newest');
    expect(await readdir(root)).toEqual(['site']);
  });
});
