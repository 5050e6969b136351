import { describe, expect, it } from 'vitest';
import {
  clusterLabelStrata,
  countIdClusters,
  idClusters,
} from '../../../src/core/audit/id-clusters.ts';
import type { AuditSpec, BootstrapSpec } from '../../../src/core/audit/spec.ts';
import { tableFromColumns } from '../../../src/core/audit/table.ts';
import { createRandom } from '../../../src/core/stats/random.ts';
import { audit, caseSpec, group } from './helpers.ts';

describe('idClusters', () => {
  it('numbers ids as written in order of first appearance, over the given rows only', () => {
    const ids = ['p1', 'p2', 'p1', 'P1', ' p1', 'p3', 'p2'];
    const { clusters, count } = idClusters(ids, Int32Array.of(0, 1, 2, 3, 4, 6));
    expect([...clusters]).toEqual([0, 1, 0, 2, 3, 1]);
    expect(count).toBe(4);
  });

  it('makes each blank id a cluster of its own row', () => {
    const ids = ['', 'p1', ' ', '', 'p1'];
    const { clusters, count } = idClusters(ids, Int32Array.of(0, 1, 2, 3, 4));
    expect([...clusters]).toEqual([0, 1, 2, 3, 1]);
    expect(count).toBe(4);
    expect(countIdClusters(ids)).toBe(4);
  });

  it('puts a patient with any positive row in stratum 1', () => {
    const clusters = Int32Array.of(0, 0, 1, 2, 2);
    expect([...clusterLabelStrata(clusters, Uint8Array.of(0, 1, 0, 0, 0), 3)]).toEqual([1, 0, 0]);
  });
});

/**
 * 200 patients with 10 near-duplicate images each: the patient's latent score plus a little
 * noise, the label the patient's. Rows carry 200 patients' worth of information, not 2,000.
 */
function correlatedTable() {
  const random = createRandom(20261204);
  const columns: Record<string, string[]> = { id: [], score: [], label: [], sex: [] };
  for (let patient = 0; patient < 200; patient += 1) {
    const label = random() < 0.3 ? 1 : 0;
    const latent = label + 1.2 * (random() - 0.5) * 2;
    for (let image = 0; image < 10; image += 1) {
      columns.id!.push(`p${patient}`);
      columns.score!.push(String(latent + 0.01 * random()));
      columns.label!.push(String(label));
      columns.sex!.push(patient % 2 === 0 ? 'F' : 'M');
    }
  }
  return tableFromColumns('images.csv', columns);
}

function bootstrapSpec(resample: BootstrapSpec['resample']): AuditSpec {
  const bootstrap: BootstrapSpec = {
    replicates: 400,
    level: 0.95,
    seed: 3,
    stratify: 'label',
    resample,
  };
  return caseSpec('images.csv', [{ column: 'sex', values: ['F', 'M'] }], { bootstrap });
}

function aucWidth(spec: AuditSpec, attribute = 'all', value = 'all'): number {
  const auc = group(audit(spec, correlatedTable()), attribute, value).metrics.auc;
  if (auc.estimate === null || auc.low === null || auc.high === null) {
    throw new Error('AUC interval expected');
  }
  return auc.high - auc.low;
}

describe('resample: id (cluster bootstrap in the audit)', () => {
  it('widens AUC intervals when images of a patient are near duplicates', () => {
    const rows = aucWidth(bootstrapSpec('rows'));
    const byPatient = aucWidth(bootstrapSpec('id'));
    // Ten copies of each patient: rows understate the variance about tenfold, widths ~√10.
    expect(byPatient / rows).toBeGreaterThan(1.8);
    const rowsF = aucWidth(bootstrapSpec('rows'), 'sex', 'F');
    expect(aucWidth(bootstrapSpec('id'), 'sex', 'F') / rowsF).toBeGreaterThan(1.8);
  });

  it('records the unit and the number of patients, and is deterministic', () => {
    const spec = bootstrapSpec('id');
    const first = audit(spec, correlatedTable());
    expect(first.bootstrap).toEqual({ ...spec.bootstrap, clusters: 200 });
    expect(audit(spec, correlatedTable())).toEqual(first);
    expect(audit(bootstrapSpec('rows'), correlatedTable()).bootstrap.clusters).toBeNull();
  });

  it('matches row resampling when every patient has one image', () => {
    const table = tableFromColumns('one.csv', {
      id: Array.from({ length: 60 }, (_, i) => `p${i}`),
      score: Array.from({ length: 60 }, (_, i) => String((i * 37) % 61)),
      label: Array.from({ length: 60 }, (_, i) =>
        String(((i * 37) % 61) + (i % 7) * 6 > 40 ? 1 : 0),
      ),
    });
    const spec = (resample: BootstrapSpec['resample']) =>
      caseSpec('one.csv', [], {
        bootstrap: { replicates: 200, level: 0.95, seed: 9, stratify: 'none', resample },
      });
    const rows = audit(spec('rows'), table);
    const byId = audit(spec('id'), table);
    expect(byId.targets).toEqual(rows.targets);
  });
});
