export { CsvTable } from './csv-table.ts';
export { parseCsv, type ParsedCsv } from './parse-csv.ts';
export { readCsv } from './read-csv.ts';
export { requireColumns, type ColumnUse } from './require-columns.ts';
export { closestNames } from './closest-names.ts';
export { parseCellNumber, type CellNumber } from '../../core/audit/cell-number.ts';
