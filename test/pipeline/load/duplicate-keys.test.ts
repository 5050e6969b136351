import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../src/pipeline/load/index.ts';

describe('duplicate keys', () => {
  it('are named by line, or by line and column when they share a line', () => {
    const lines = loadDocument('{\n "a": 1,\n "a": 2\n}', 'x.json', 'card').problems[0];
    expect(lines?.message).toBe('the top-level object defines "a" 2 times, at lines 2 and 3');
    const oneLine = loadDocument('{"a": 1, "a": 2}', 'x.json', 'card').problems[0];
    expect(oneLine?.message).toBe('the top-level object defines "a" 2 times, at 1:2 and 1:10');
    expect(oneLine?.hint).toBe(
      'Keep one "a": parsers silently keep the last one (at 1:10), so the others are lost.',
    );
    const flow = loadDocument('{a: 1, a: 2}\n', 'x.yaml', 'card').problems[0];
    expect(flow?.message).toBe('the top-level object defines "a" 2 times, at 1:2 and 1:8');
  });
});
