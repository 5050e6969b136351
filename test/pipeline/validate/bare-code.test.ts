import { describe, expect, it } from 'vitest';
import { bareCodeInside, bareCodeOf } from '../../../src/pipeline/validate/bare-code.ts';

describe('bareCodeOf', () => {
  it('anchors a plain pattern and describes its shape', () => {
    expect(bareCodeOf('RID[0-9]+')).toEqual({
      pattern: 'RID[0-9]+',
      bare: '^(?:RID[0-9]+)$',
      shape: 'RID<digits>',
    });
  });

  it('knows the exact forms of CDE value codes and ORCID iDs', () => {
    expect(new RegExp(bareCodeOf('RDE[S]?[0-9]+').bare).test('RDE397.1')).toBe(true);
    const orcid = new RegExp(bareCodeOf('https://orcid.org/.+').bare);
    expect(orcid.test('https://orcid.org/0000-0001-5109-370X')).toBe(true);
    expect(orcid.test('https://orcid.org/not-an-orcid')).toBe(false);
  });
});

describe('bareCodeInside', () => {
  it.each([
    ['see RID10345 and others', 'RID[0-9]+', 'RID10345'],
    ['rid123', 'RID[0-9]+', 'RID123'],
    ['RID 10345', 'RID[0-9]+', 'RID10345'],
    ['https://doi.org/10.1148/ryai.230060', '[0-9]+\\.[0-9]+/.+', '10.1148/ryai.230060'],
    ['doi: 10.1148/ryai.0 (preprint)', '[0-9]+\\.[0-9]+/.+', '10.1148/ryai.0'],
    ['0000-0002-1825-0097', 'https://orcid.org/.+', 'https://orcid.org/0000-0002-1825-0097'],
    ['orcid:0000-0002-1825-0097', 'https://orcid.org/.+', 'https://orcid.org/0000-0002-1825-0097'],
  ])('finds the code in %j', (value, pattern, code) => {
    expect(bareCodeInside(value, bareCodeOf(pattern))).toBe(code);
  });

  it('finds nothing in a value without a code, or in a bare code itself', () => {
    expect(bareCodeInside('10345', bareCodeOf('RID[0-9]+'))).toBeUndefined();
    expect(bareCodeInside('RID10345', bareCodeOf('RID[0-9]+'))).toBeUndefined();
    expect(
      bareCodeInside('https://orcid.org/x', bareCodeOf('https://orcid.org/.+')),
    ).toBeUndefined();
  });
});
