export { loadDocument, isPlainObject } from './load-document.ts';
export { loadJson } from './load-json.ts';
export { loadYaml } from './load-yaml.ts';
export { integerLosesDigits } from './exact-integer.ts';
export { decodeUtf8, type DecodedText } from './decode-utf8.ts';
export { maxNestingDepth } from './nesting-depth.ts';
export {
  childPointer,
  positionOf,
  type DocumentSubject,
  type LoadedDocument,
  type SourcePosition,
} from './source-map.ts';
