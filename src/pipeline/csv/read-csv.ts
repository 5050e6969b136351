/**
 * CSV bytes → {@link CsvTable}: decodes UTF-8 strictly, then parses.
 */
import { problem } from '../problems/catalogue.ts';
import { parseCsv, type ParsedCsv } from './parse-csv.ts';

/**
 * Decodes and parses the bytes of a CSV file.
 *
 * Bytes that are not valid UTF-8 are an error (`CsvEncoding`) rather than being replaced by
 * U+FFFD, which would silently change labels and group values.
 *
 * @param bytes the file contents
 * @param file the file name used in problems
 */
export function readCsv(bytes: Uint8Array, file: string): ParsedCsv {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const message = 'The file is not valid UTF-8 text.';
    const hint = 'Save the file as UTF-8 (for example "CSV UTF-8" in a spreadsheet).';
    return { table: null, problems: [problem('CsvEncoding', { message, hint, file })] };
  }
  return parseCsv(text, file);
}
