/**
 * The spec's label lists as written, and a better pair when the data's labels are written
 * differently (`yes`/`no` where the spec says `[1]`/`[0]`, `Positive` where it says `positive`).
 */
import { parseCellNumber } from './cell-number.ts';
import type { LabelValue, TargetSpec } from './spec.ts';
import { specListText, specValueText } from './spec-text.ts';
import type { ValueCount } from './value-counts.ts';

type Label = TargetSpec['label'];

/** Label cells that commonly mean positive and negative, compared trimmed and case-folded. */
const POSITIVE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'positive', 'pos', 'present']);
const NEGATIVE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'negative', 'neg', 'absent']);

/**
 * Label values from the spec as a YAML flow sequence: numbers plain, text quoted when YAML would
 * read it as something else (the text `'1'` stays text).
 */
export function labelValuesText(values: readonly LabelValue[]): string {
  const text = (value: LabelValue) =>
    typeof value === 'number' ? String(value) : specValueText(value, 'group');
  return `[${values.map(text).join(', ')}]`;
}

/** The label lists as the spec would write them: `positive: [1], negative: [0]`. */
export function labelListsText(label: Label): string {
  const negative = label.negative === 'rest' ? 'rest' : labelValuesText(label.negative);
  return `positive: ${labelValuesText(label.positive)}, negative: ${negative}`;
}

/**
 * Label lists that would give both classes on these values, or null when none can be inferred.
 *
 * First each configured value is matched loosely (trimmed, case-folded, numbers as numbers) to
 * the values found, which fixes a difference of case or spaces; failing that, the values found
 * are read as common words (`yes`/`no`, `true`/`false`, `1`/`0`, `positive`/`negative`, …).
 * A negative `rest` stays `rest`.
 *
 * @param found the label values of the rows with a usable score, most frequent first
 * @returns the lists as spec text (`positive: [yes], negative: [no]`), or null
 */
export function suggestLabels(found: readonly ValueCount[], label: Label): string | null {
  const values = found.map((entry) => entry.value).filter((value) => value.trim() !== '');
  // A number in the spec already matches every spelling of it, so it is kept as the spec has it.
  const near = (wanted: readonly LabelValue[]) => [
    ...new Set(
      values.flatMap((value) => {
        const match = wanted.find((want) => looseMatch(value, want));
        return match === undefined
          ? []
          : [typeof match === 'number' && parseCellNumber(value).ok ? String(match) : value];
      }),
    ),
  ];

  const loose = suggestion(
    near(label.positive),
    label.negative === 'rest' ? 'rest' : near(label.negative),
  );
  if (loose && loose !== specText(label)) return loose;

  const words = (set: Set<string>) => values.filter((value) => set.has(wordOf(value)));
  const guessed = suggestion(
    words(POSITIVE_WORDS),
    label.negative === 'rest' ? 'rest' : words(NEGATIVE_WORDS),
  );
  return guessed && guessed !== specText(label) ? guessed : null;
}

function suggestion(positive: string[], negative: string[] | 'rest'): string | null {
  if (positive.length === 0 || (negative !== 'rest' && negative.length === 0)) return null;
  const negativeText = negative === 'rest' ? 'rest' : specListText(negative, 'label');
  return `positive: ${specListText(positive, 'label')}, negative: ${negativeText}`;
}

/** The spec's lists in the same notation as a suggestion, to tell whether one changes anything. */
function specText(label: Label): string {
  const text = (values: readonly LabelValue[]) => values.map((value) => String(value));
  const negative = label.negative === 'rest' ? 'rest' : text(label.negative);
  return suggestion(text(label.positive), negative) ?? '';
}

function looseMatch(cell: string, wanted: LabelValue): boolean {
  const trimmed = cell.trim();
  if (typeof wanted === 'number') {
    const number = parseCellNumber(trimmed);
    return number.ok && number.value === wanted;
  }
  return trimmed.toLowerCase() === wanted.trim().toLowerCase();
}

function wordOf(cell: string): string {
  const trimmed = cell.trim();
  const number = parseCellNumber(trimmed);
  return number.ok ? String(number.value) : trimmed.toLowerCase();
}
