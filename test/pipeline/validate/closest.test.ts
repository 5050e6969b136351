import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../../src/pipeline/validate/closest.ts';

const modalities = [
  'Computed radiography (RID10349)',
  'Computed tomography (RID10321)',
  'Dual-energy CT (RID38660)',
  'Mammography (RID10357)',
];

describe('closestMatches', () => {
  it('finds a misspelt key regardless of case', () => {
    expect(closestMatches('Ethical Review', ['Ethical review', 'Funding'])).toEqual([
      'Ethical review',
    ]);
    expect(closestMatches('Sumary', ['Summary', 'Name'], 1)).toEqual(['Summary']);
  });

  it('finds a vocabulary value from its name alone, even misspelt, without the code', () => {
    expect(closestMatches('Computed tomograpy', modalities)[0]).toBe(
      'Computed tomography (RID10321)',
    );
    expect(closestMatches('mammography', modalities)).toEqual(['Mammography (RID10357)']);
  });

  it('finds a value from its initials, its first letters, or its code alone', () => {
    expect(closestMatches('CT', modalities)[0]).toBe('Computed tomography (RID10321)');
    expect(closestMatches('F', ['Female', 'Male', 'Unknown'])).toEqual(['Female']);
    expect(closestMatches('RID10357', modalities)[0]).toBe('Mammography (RID10357)');
  });

  it('counts one edit, not two, as near between values of three characters or fewer', () => {
    expect(closestMatches('XX', ['BR', 'CH', 'CT'])).toEqual([]);
    expect(closestMatches('ch', ['BR', 'CH', 'CT'])[0]).toBe('CH');
  });

  it('suggests nothing for a value that is near nothing', () => {
    expect(closestMatches('Ultrasound elastography of the liver', modalities)).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
