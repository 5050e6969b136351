import { auditVersion } from '/work/main/src/pipeline/audit/index.ts';
import { studySpec } from '/work/main/test/pipeline/audit/study-spec.ts';
const t0 = performance.now();
const { results, problems } = await auditVersion('/work/shared/data/cxr-foundation-bias', studySpec(Number(process.argv[2] ?? 2000)), { model: 'chexpert', version: '1' });
console.log('ms', performance.now() - t0, problems.map(p => p.code + ' ' + p.message));
const g = results!.targets[0]!.groups;
for (const x of g) console.log(x.attribute, x.value, x.n, JSON.stringify(x.metrics.auc), JSON.stringify(x.metrics.tprDifference ?? null));
console.log(results!.targets.map(t => t.operatingPoint));
