export {
  discoverContent,
  describeVersion,
  folderNameProblem,
  safeFolderName,
  cardFileNames,
  specFileNames,
  datasetCardFileNames,
  reportFileName,
  type ContentVersion,
} from './discover-content.ts';
export { compareNatural, compareVersions } from './natural-order.ts';
