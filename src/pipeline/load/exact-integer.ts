/**
 * Whether a number literal is an integer that a JavaScript number cannot hold exactly, such as
 * the SNOMED CT id `900000000000207008` (which JSON.parse turns into `900000000000207000`).
 */
import { problem } from '../problems/catalogue.ts';
import { loaderCode, loaderMessages } from './messages.ts';
import type { DocumentSubject, LoadedDocument } from './source-map.ts';

const decimalLiteral = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const radixLiteral = /^[+-]?0[xo][0-9a-fA-F]+$/;

/**
 * True when `raw` denotes an integer and `value` (what the parser made of it) is not exactly
 * that integer. Fractions are never flagged: losing digits there is ordinary floating point.
 * @param raw the literal as written (JSON or YAML 1.2 core: decimal, exponent, `0x`, `0o`)
 * @param value the number the parser produced from it
 */
export function integerLosesDigits(raw: string, value: number): boolean {
  const exact = exactInteger(raw.replaceAll('_', ''));
  if (exact === null) return false;
  if (!Number.isFinite(value) || !Number.isInteger(value)) return true;
  return BigInt(value) !== exact;
}

/** The exact integer a literal denotes, or null when it denotes a fraction or is not a literal. */
function exactInteger(raw: string): bigint | null {
  const negative = raw.startsWith('-');
  if (radixLiteral.test(raw)) {
    const digits = raw.replace(/^[+-]/, '');
    const magnitude = BigInt(digits.startsWith('0o') ? `0o${digits.slice(2)}` : digits);
    return negative ? -magnitude : magnitude;
  }

  const match = decimalLiteral.exec(raw);
  if (!match) return null;
  const [, whole = '', fraction = '', exponentText = '0'] = match;
  let digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  let exponent = Number(exponentText) - fraction.length;
  if (digits === '') return null;
  while (exponent < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1) || '0';
    exponent += 1;
  }
  if (digits === '0') return 0n;
  if (exponent < 0) return null;
  // Past this size the parser's value is Infinity anyway; avoid building a huge bigint.
  if (exponent > 400) return 10n ** 400n;

  const magnitude = BigInt(digits) * 10n ** BigInt(exponent);
  return negative ? -magnitude : magnitude;
}

/**
 * Records a number literal as written (`document.rawNumbers`), and reports it when it is an
 * integer whose digits the parsed number lost. Shared by the JSON and YAML loaders.
 */
export function recordNumber(
  document: LoadedDocument,
  source: { subject: DocumentSubject; file: string },
  pointer: string,
  raw: string,
  value: number,
): void {
  document.rawNumbers.set(pointer, raw);
  if (!integerLosesDigits(raw, value)) return;

  document.problems.push(
    problem(loaderCode(source.subject, 'UnsafeInteger'), {
      ...loaderMessages.unsafeInteger(pointer, raw, value),
      file: source.file,
      ...document.positions.get(pointer),
      pointer,
    }),
  );
}
