/**
 * The columns an audit spec uses, checked against the headers of its data files. One function
 * for validation (headers only, problems located in the spec) and the audit (whole files).
 */
import { isColumnGroup } from '../../core/audit/group-attribute.ts';
import { parseSelector } from '../../core/audit/projections.ts';
import type { AuditSpec } from '../../core/audit/spec.ts';
import { checkColumns, type ColumnUse, type CsvHeader } from '../csv/check-columns.ts';
import { positionOf, type SourcePosition } from '../load/index.ts';
import type { Problem } from '../problems/problem.ts';

/** The spec file and where each of its values is written (JSON pointer → position). */
export interface SpecSource {
  file: string;
  positions: ReadonlyMap<string, SourcePosition>;
}

/**
 * Every data file the spec reads, each once: `data` first, then each projection's `data`, as
 * written in the spec (relative to its folder).
 */
export function specDataFiles(spec: AuditSpec): string[] {
  return [...new Set([spec.data, ...spec.projections.map((projection) => projection.data)])];
}

/**
 * Problems of the columns the spec uses: missing or repeated in a file's header, or a file that
 * is not comma-separated (see {@link checkColumns}). Messages name each file as the spec writes
 * it.
 *
 * @param spec the completed spec
 * @param headers data path as written in the spec → that file's header; a file left out (it
 *   could not be read, which is reported elsewhere) is not checked
 * @param source the spec file with its positions; when given, a problem about a name is located
 *   at the name in the spec (`audit.yaml:6:12`), otherwise on the data file
 */
export function checkSpecColumns(
  spec: AuditSpec,
  headers: ReadonlyMap<string, CsvHeader>,
  source?: SpecSource,
): Problem[] {
  const uses = columnUses(spec, source);
  return [...uses].flatMap(([file, list]) => {
    const header = headers.get(file);
    return header ? checkColumns(header, list, file) : [];
  });
}

/** Data path → the columns the spec uses from it, in spec order. */
function columnUses(spec: AuditSpec, source: SpecSource | undefined): Map<string, ColumnUse[]> {
  const uses = new Map<string, ColumnUse[]>();
  const use = (file: string, name: string, role: string, pointer: string) => {
    const place = source && { file: source.file, ...positionOf(source.positions, pointer) };
    const list = uses.get(file) ?? [];
    list.push({ name, role, pointer, ...(place ? { place } : {}) });
    uses.set(file, list);
  };

  if (spec.id !== undefined) use(spec.data, spec.id, 'row id', '/id');
  spec.targets.forEach((target, t) => {
    const label = `label of target "${target.name}"`;
    use(spec.data, target.label.column, label, `/targets/${t}/label/column`);
    use(spec.data, target.score, `score of target "${target.name}"`, `/targets/${t}/score`);
  });
  // An intersection's columns are column groups of the spec, checked at their own group.
  spec.groups.forEach((group, g) => {
    if (isColumnGroup(group))
      use(spec.data, group.column, 'group attribute', `/groups/${g}/column`);
  });
  spec.projections.forEach((projection, p) => {
    projection.columns.forEach((column, c) =>
      use(projection.data, column, 'projection', `/projections/${p}/columns/${c}`),
    );
    projection.comparisons.forEach((pair, c) =>
      pair.forEach((selector, side) =>
        use(
          projection.data,
          parseSelector(selector).column,
          'comparison',
          `/projections/${p}/comparisons/${c}/${side}`,
        ),
      ),
    );
  });
  return uses;
}
