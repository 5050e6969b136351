export {
  discoverContent,
  describeVersion,
  cardFileNames,
  specFileNames,
  reportFileName,
  type ContentVersion,
} from './discover-content.ts';
export { compareNatural, compareVersions } from './natural-order.ts';
