import { describe, expect, it } from 'vitest';
import { attributesOf, describePolicy, groupTable } from '../../src/site/audit-view.ts';
import { fixtureVersion } from './site-fixture.ts';

function firstTarget() {
  const target = fixtureVersion().results?.targets[0];
  if (!target) throw new Error('fixture: target expected');
  return target;
}

describe('groupTable', () => {
  it('puts the whole sample first and marks reference and small groups', () => {
    const { rows } = groupTable(firstTarget(), 2000);
    expect(rows[0]?.whole).toBe(true);
    expect(rows.find((r) => r.value === 'White')?.reference).toBe(true);
    expect(rows.filter((r) => r.small).map((r) => r.value)).toEqual(['Other']);
  });

  it('shows undefined metrics as a dash with a numbered reason', () => {
    const { rows, notes } = groupTable(firstTarget(), 2000);
    const other = rows.find((r) => r.value === 'Other');
    expect(other?.cells.auc.text).toBe('—');
    expect(other?.cells.auc.missing).toBe(true);
    const note = notes.find((n) => n.number === other?.cells.auc.note);
    expect(note?.text).toBe('AUC is undefined: no positives in this group.');
    expect(other?.cells.auc.title).toBe(note?.text);
  });

  it('explains a missing interval and replicates left out', () => {
    const { rows, notes } = groupTable(firstTarget(), 2000);
    expect(rows.find((r) => r.value === 'Other')?.cells.fpr.text).toBe('0.250');
    expect(notes.map((n) => n.text)).toContain(
      'Youden J was undefined in 3 of 2000 bootstrap replicates, which the interval leaves out.',
    );
    expect(notes.map((n) => n.number)).toEqual(notes.map((_, i) => i + 1));
  });

  it('formats defined metrics with their interval', () => {
    const { rows } = groupTable(firstTarget(), 2000);
    expect(rows[0]?.cells.auc.text).toBe('0.871 (0.842–0.898)');
  });
});

describe('describePolicy', () => {
  it('names the policy and convention', () => {
    expect(describePolicy(firstTarget().operatingPoint)).toBe(
      'Target false positive rate 0.200 (full-curve convention)',
    );
  });
});

describe('attributesOf', () => {
  it('lists attributes in order without the whole sample', () => {
    expect(attributesOf(firstTarget())).toEqual(['race', 'sex']);
  });
});
