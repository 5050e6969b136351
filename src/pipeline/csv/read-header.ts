/**
 * The header of a CSV file without reading the rest: validation checks the columns a spec
 * names before any audit runs, and prediction files can be large.
 */
import { closeSync, openSync, readSync } from 'node:fs';

import type { ParsedCsv } from './parse-csv.ts';
import { readCsv } from './read-csv.ts';

/** Bytes read at a time while looking for the end of the header. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads the first record of a CSV file (blank lines before it skipped, a quoted cell may span
 * lines) and parses it as {@link readCsv} would, so the header and its problems (`CsvEncoding`,
 * `CsvEmpty`, `CsvMalformed`, `CsvWrongDelimiter`) are the same as when the whole file is read.
 *
 * @param file the path of the file, also used in problems
 * @returns a table with the header and no rows, or null with the problems
 * @throws the file system's error when the file cannot be opened or read
 */
export function readCsvHeader(file: string): ParsedCsv {
  const descriptor = openSync(file, 'r');
  try {
    return readCsv(firstRecord(descriptor), file);
  } finally {
    closeSync(descriptor);
  }
}

/** The bytes up to the end of the first non-blank record, or of the file. */
function firstRecord(descriptor: number): Uint8Array {
  let bytes: Uint8Array = new Uint8Array(0);
  let scanned = 0;
  let quoted = false;
  let blank = true;

  for (;;) {
    const chunk = new Uint8Array(CHUNK_BYTES);
    const length = readSync(descriptor, chunk, 0, CHUNK_BYTES, bytes.length);
    if (length === 0) return bytes;
    bytes = concat(bytes, chunk.subarray(0, length));
    if (scanned === 0 && startsWithByteOrderMark(bytes)) scanned = 3;

    // A quote, CR and LF are single bytes in UTF-8 and never part of a longer character.
    for (; scanned < bytes.length; scanned += 1) {
      const byte = bytes[scanned]!;
      if (byte === 0x22) quoted = !quoted;
      if (quoted || (byte !== 0x0a && byte !== 0x0d)) {
        blank = false;
        continue;
      }
      if (!blank) return bytes.subarray(0, scanned);
    }
  }
}

function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
