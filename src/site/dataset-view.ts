/**
 * Turns an ATLAS 2025-11 dataset card into sections of labelled values for its page, with the
 * machinery of `card-view.ts`: the same links and rules for the definitions both schemas share,
 * and a table per partition for its total and subsets (counts, sex, demographic, age range).
 */
import {
  closingSections,
  escapePointer,
  isObject,
  planSections,
  scalarText,
  sharedRules,
  viewField,
  type CardSection,
  type Json,
  type SectionPlan,
  type ViewContext,
  type ViewField,
  type ViewRules,
  type ViewTable,
  type ViewTableRow,
  type ViewValue,
} from './card-view.ts';

/** Columns of a partition's table, in order; properties the schema does not name follow. */
const subsetColumns = [
  'Criterion',
  'Sex',
  'Demographic',
  'Age range',
  'Site count',
  'Patient count',
  'Exam count',
  'Series count',
  'Image count',
  'Comments',
];

/** Rules of the dataset card. */
export const datasetRules: ViewRules = {
  codes: sharedRules.codes,
  labels: sharedRules.labels,
  special: {
    ...sharedRules.special,
    '/Partitions/*': partitionView,
    '/Partitions/*/Total/Age range': ageRangeView,
    '/Partitions/*/Subsets/*/Age range': ageRangeView,
  },
};

/** Where each property of an ATLAS 2025-11 dataset card is shown, in page order. */
export const datasetPlan: SectionPlan[] = [
  { id: 'overview', title: 'Overview', from: '/Dataset', keys: ['Name', 'Link'] },
  { id: 'indexing', title: 'Indexing', from: '/Dataset/Indexing', keys: 'rest' },
  { id: 'authors', title: 'Authors', from: '/Dataset/Descriptors', keys: ['Authors'] },
  {
    id: 'organizations',
    title: 'Organizations',
    from: '/Dataset/Descriptors',
    keys: ['Organizations'],
  },
  {
    id: 'details',
    title: 'Version, license and funding',
    from: '/Dataset/Descriptors',
    keys: ['Version', 'License', 'Funding', 'Ethical review'],
  },
  { id: 'dates', title: 'Dates', from: '/Dataset/Descriptors/Date', keys: 'rest' },
  { id: 'references', title: 'References', from: '/Dataset/Descriptors', keys: ['References'] },
  { id: 'imaging', title: 'Imaging', from: '/Dataset/Imaging', keys: 'rest' },
  {
    id: 'properties',
    title: 'Dataset properties',
    from: '/Dataset/Dataset properties',
    keys: 'rest',
  },
  { id: 'partitions', title: 'Partitions', from: '/Dataset', keys: ['Partitions'] },
  ...closingSections('/Dataset', 'dataset'),
];

/**
 * Builds the sections of a dataset card page. Sections without fields are left out.
 *
 * @param card The validated dataset card as parsed.
 * @param rawIntegers Digits of integers beyond 2^53, by JSON pointer.
 */
export function datasetSections(
  card: Record<string, unknown>,
  rawIntegers: Record<string, string> = {},
): CardSection[] {
  return planSections(card, datasetPlan, { rules: datasetRules, rawIntegers });
}

/** The card's `Dataset.Name`, when it is a string. */
export function datasetName(card: Record<string, unknown>): string | undefined {
  const dataset = card.Dataset as { Name?: unknown } | undefined;
  return typeof dataset?.Name === 'string' ? dataset.Name : undefined;
}

/**
 * A partition as its fields, with its `Total` and `Subsets` merged into one table (the total
 * first), in the place of whichever of them comes first.
 */
function partitionView(value: Json, pointer: string, context: ViewContext): ViewValue | null {
  if (!isObject(value)) return null;
  const table = subsetTable(value, pointer, context);
  if (!table) return null;

  const fields: ViewField[] = [];
  let placed = false;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'Total' || key === 'Subsets') {
      if (!placed) fields.push({ label: 'Subjects', pointer: `${pointer}/${key}`, value: table });
      placed = true;
      continue;
    }
    fields.push(viewField(key, item, `${pointer}/${escapePointer(key)}`, context));
  }
  return { kind: 'fields', fields };
}

/** The table of a partition's total and subsets, or null when they are not all records. */
function subsetTable(
  partition: Record<string, Json>,
  pointer: string,
  context: ViewContext,
): ViewTable | null {
  const records: { label: string; pointer: string; record: Record<string, Json> }[] = [];
  const { Total: total, Subsets: subsets } = partition;

  if (total !== undefined) {
    if (!isObject(total)) return null;
    records.push({ label: 'Total', pointer: `${pointer}/Total`, record: total });
  }
  if (subsets !== undefined) {
    if (!Array.isArray(subsets) || !subsets.every(isObject)) return null;
    subsets.forEach((record, index) =>
      records.push({
        label: `Subset ${index + 1}`,
        pointer: `${pointer}/Subsets/${index}`,
        record,
      }),
    );
  }
  if (records.length === 0) return null;

  const present = new Set(records.flatMap(({ record }) => Object.keys(record)));
  const columns = [
    ...subsetColumns.filter((column) => present.has(column)),
    ...[...present].filter((column) => !subsetColumns.includes(column)),
  ];
  const rows: ViewTableRow[] = records.map(({ label, pointer: rowPointer, record }) => ({
    label: label === 'Total' ? label : (rowLabel(record) ?? label),
    pointer: rowPointer,
    cells: columns.map((column) =>
      Object.hasOwn(record, column)
        ? viewField(
            column,
            record[column] as Json,
            `${rowPointer}/${escapePointer(column)}`,
            context,
          )
        : null,
    ),
  }));
  const name = typeof partition.Partition === 'string' ? partition.Partition : 'partition';
  const numeric = (column: string) =>
    records.every(
      ({ record }) => record[column] === undefined || typeof record[column] === 'number',
    );
  return {
    kind: 'table',
    label: `Subjects of ${name}`,
    rowHeader: 'Subset',
    columns: columns.map((column) => ({ label: column, numeric: numeric(column) })),
    rows,
  };
}

/**
 * What a subset is, to name its row: its `Criterion`, else its `Sex` and `Demographic`; else
 * undefined (the row is then `Subset <n>`). The values stay in their columns too.
 */
function rowLabel(record: Record<string, Json>): string | undefined {
  const { Criterion: criterion, Sex: sex, Demographic: demographic } = record;
  if (typeof criterion === 'string' && criterion.trim() !== '') return criterion;
  const parts = [sex, demographic].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** `18–90 years` for `[[18, "years"], [90, "years"]]`, `6 months – 2 years` across units. */
function ageRangeView(value: Json, pointer: string, context: ViewContext): ViewValue | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const bounds = value.map((bound, index) =>
    Array.isArray(bound) &&
    bound.length === 2 &&
    typeof bound[0] === 'number' &&
    typeof bound[1] === 'string'
      ? {
          amount: scalarText(bound[0], `${pointer}/${index}/0`, context.rawIntegers),
          unit: bound[1],
        }
      : null,
  );
  const [low, high] = bounds;
  if (!low || !high) return null;

  const text =
    low.unit === high.unit
      ? `${low.amount}–${high.amount} ${low.unit}`
      : `${low.amount} ${low.unit} – ${high.amount} ${high.unit}`;
  return { kind: 'text', parts: [{ text }] };
}
