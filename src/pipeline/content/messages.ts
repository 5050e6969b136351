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
  empty: (dir: string, models: string[]): Wording => ({
    message:
      models.length === 0
        ? `the content folder ${dir} has no model folders, so there is nothing to publish`
        : `the content folder ${dir} has no version folders (its model folders ${models.map((model) => `"${model}"`).join(', ')} are empty)`,
    hint:
      'Lay the content out as <content>/<model>/<version>/card.json (or card.yaml), for ' +
      'example content/my-model/1.0/card.json, or name the content folder that holds them.',
  }),
  nameNotPortable: (kind: 'model' | 'version', name: string, suggestion: string): Wording => ({
    message: `the ${kind} folder name ${JSON.stringify(name)} is not a safe name: it becomes part of URLs and file paths of the site`,
    hint:
      `Rename the folder to "${suggestion}". Names may hold ASCII letters, digits, ".", "_" ` +
      'and "-", starting with a letter or digit.',
  }),
  linkOutside: (target: string): Wording => ({
    message: `this is a link to ${target}, outside the content folder; it is not read`,
    hint: 'Copy the file or folder into the content folder: a published site shows only what the content folder holds.',
  }),
  reportWithoutAudit: (): Wording => ({
    message: 'this report.md is never shown: the version has no audit.yaml',
    hint: 'The report is shown only with an audit; add audit.yaml or remove report.md.',
  }),
};

/**
 * A safe folder name close to `name`: accents dropped, every run of other characters turned
 * into one "-", no "-", "_" or "." at either end; `kind` followed by "-1" when nothing is left.
 */
export function suggestSafeName(name: string, kind: 'model' | 'version'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return slug === '' ? `${kind}-1` : slug;
}
