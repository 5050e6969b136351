import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  formatProblems,
  summarizeProblems,
} from '../../../src/pipeline/problems/format.ts';
import type { Problem } from '../../../src/pipeline/problems/problem.ts';

const error: Problem = {
  code: 'CardSchemaViolation',
  severity: 'error',
  message: '/Model/Link: "www.x" is not a valid URI',
  hint: 'Write an absolute URL.',
  file: 'content/m/1,0/card.json',
  line: 4,
  column: 13,
  pointer: '/Model/Link',
};
const warning: Problem = {
  code: 'CardLinkNotHttp',
  severity: 'warning',
  message: '100% not http\r\nreally',
  file: 'content/m/1/card.yaml',
};

describe('formatProblems', () => {
  it('prints human lines with the hint indented', () => {
    expect(formatProblems([error, warning], 'human')).toBe(
      'content/m/1,0/card.json:4:13  /Model/Link: "www.x" is not a valid URI  [CardSchemaViolation]\n' +
        '    hint: Write an absolute URL.\n' +
        'content/m/1/card.yaml  warning: 100% not http\r\nreally  [CardLinkNotHttp]\n',
    );
    expect(formatProblems([], 'human')).toBe('');
  });

  it('prints the problems as a JSON array', () => {
    expect(JSON.parse(formatProblems([error, warning], 'json'))).toEqual([error, warning]);
    expect(formatProblems([], 'json')).toBe('[]\n');
  });

  it('prints GitHub workflow commands, escaped', () => {
    expect(formatProblems([error, warning], 'github')).toBe(
      '::error file=content/m/1%2C0/card.json,line=4,col=13,title=CardSchemaViolation::' +
        '/Model/Link: "www.x" is not a valid URI%0Ahint: Write an absolute URL.\n' +
        '::warning file=content/m/1/card.yaml,title=CardLinkNotHttp::100%25 not http%0D%0Areally\n',
    );
  });

  it('escapes data and properties as GitHub requires', () => {
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('C:\\a,b%')).toBe('C%3A\\a%2Cb%25');
  });
});

describe('summarizeProblems', () => {
  const inFile = (found: Problem, file: string): Problem => ({ ...found, file });
  const spec = 'content/m/1.0/audit.yaml';

  it('counts the files that have problems, not the files checked', () => {
    const three = [error, error, error];
    expect(summarizeProblems(three, 2)).toBe('3 errors in 1 file (2 files checked)');
    const four = [error, error, error, error].map((found) => inFile(found, spec));
    expect(summarizeProblems(four, 2)).toBe('4 errors in 1 file (2 files checked)');
  });

  it('counts each file once, whatever the severities', () => {
    const two = [error, inFile(error, spec)];
    expect(summarizeProblems(two, 1)).toBe('2 errors in 2 files (1 file checked)');
    expect(summarizeProblems([error, error, warning], 3)).toBe(
      '2 errors, 1 warning in 2 files (3 files checked)',
    );
    expect(summarizeProblems([warning], 1)).toBe('1 warning in 1 file (1 file checked)');
  });

  it('says how many files were checked when there is nothing to report', () => {
    expect(summarizeProblems([], 2)).toBe('no problems in 2 files checked');
    expect(summarizeProblems([], 1)).toBe('no problems in 1 file checked');
  });

  it('leaves out the files checked when not told', () => {
    expect(summarizeProblems([error])).toBe('1 error in 1 file');
    expect(summarizeProblems([warning, inFile(warning, spec)])).toBe('2 warnings in 2 files');
    expect(summarizeProblems([])).toBe('no problems');
  });
});
