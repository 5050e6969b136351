/**
 * Messages and hints of the problems found while discovering content. Codes and severities
 * live in the catalogue; the wording lives here so tests can pin it.
 */

/** A message with its hint, as spread into a problem. */
export interface Wording {
  message: string;
  hint?: string;
}

export const contentMessages = {
  folderMissing: (dir: string): Wording => ({
    message: `the content folder ${dir} does not exist or is not a folder`,
    hint: 'Create content/<model>/<version>/ with a card.json or card.yaml in it.',
  }),
  cardMissing: (): Wording => ({
    message: 'this version folder has no card.json, card.yaml or card.yml',
    hint: 'Every content/<model>/<version>/ folder needs a card; remove the folder if it is not a version.',
  }),
  ambiguous: (role: string, names: string[]): Wording => ({
    message: `found ${names.join(' and ')}; only one ${role} per version is allowed`,
    hint: `Keep one of them and delete the other${names.length > 2 ? 's' : ''}.`,
  }),
  nameNotPortable: (kind: 'model' | 'version', name: string): Wording => ({
    message: `the ${kind} folder name "${name}" becomes part of URLs but has characters that need escaping`,
    hint: 'Use letters, digits, ".", "_" and "-" only, starting with a letter or digit.',
  }),
};
