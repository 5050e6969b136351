import { describe, expect, it } from 'vitest';
import { auditPath, downloadPath, modelPath, versionPath, withBase } from '../../src/site/urls.ts';

describe('withBase', () => {
  it.each([
    ['/', ''],
    ['/', '/'],
  ])('gives the root for base %j', (base, path) => {
    expect(withBase(base, path)).toBe('/');
  });

  it.each(['/audits', '/audits/', 'audits', '/audits//'])(
    'joins base %j without double slashes',
    (base) => {
      expect(withBase(base, 'models/x/')).toBe('/audits/models/x/');
      expect(withBase(base, '')).toBe('/audits/');
    },
  );
});

describe('permanent paths', () => {
  it('follows /models/<model>/<version>/audit/', () => {
    expect(modelPath('chest')).toBe('models/chest/');
    expect(versionPath('chest', '1.0.0')).toBe('models/chest/1.0.0/');
    expect(auditPath('chest', '1.0.0')).toBe('models/chest/1.0.0/audit/');
    expect(downloadPath('chest', '1.0.0', 'card.json')).toBe('models/chest/1.0.0/card.json');
  });

  it('encodes characters that are not safe in a path segment', () => {
    expect(versionPath('a b', '1/2')).toBe('models/a%20b/1%2F2/');
  });
});
