export { CsvTable } from './csv-table.ts';
export { parseCsv, type ParsedCsv } from './parse-csv.ts';
export { readCsv } from './read-csv.ts';
export { checkColumns, type ColumnUse, type CsvHeader, type SpecPlace } from './check-columns.ts';
export { readCsvHeader } from './read-header.ts';
export { wrongDelimiter, wrongDelimiterProblem, type OtherDelimiter } from './wrong-delimiter.ts';
export { closestNames } from './closest-names.ts';
export { parseCellNumber, type CellNumber } from '../../core/audit/cell-number.ts';
