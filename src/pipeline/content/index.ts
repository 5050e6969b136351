export {
  discoverContent,
  describeVersion,
  folderNameProblem,
  safeFolderName,
  cardFileNames,
  specFileNames,
  reportFileName,
  type ContentVersion,
} from './discover-content.ts';
export { compareNatural, compareVersions } from './natural-order.ts';
