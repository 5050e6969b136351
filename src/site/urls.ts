/**
 * Permanent URLs of the site, built under Astro's `base` so that the pages work when the site is
 * published in a subfolder (`/audits/`) as well as at the root.
 */

/**
 * Joins the site's base path and a path inside the site.
 *
 * @param base Astro's base, such as `/`, `/audits` or `/audits/` (from `astro:config/client`; not `import.meta.env.BASE_URL`, which an environment variable named BASE_URL overrides).
 * @param path A path inside the site without a leading slash, such as `models/x/`; `''` is the
 *   site's root.
 * @returns An absolute path that starts and, for folders, ends with `/`.
 */
export function withBase(base: string, path: string): string {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return prefix + path.replace(/^\/+/, '');
}

/** Encodes one URL segment (a model or version folder name). */
function segment(name: string): string {
  return encodeURIComponent(name);
}

/** Path of a model's page, relative to the base: `models/<model>/`. */
export function modelPath(model: string): string {
  return `models/${segment(model)}/`;
}

/** Path of a version's card page, relative to the base: `models/<model>/<version>/`. */
export function versionPath(model: string, version: string): string {
  return `${modelPath(model)}${segment(version)}/`;
}

/** Path of a version's audit report, relative to the base: `models/<model>/<version>/audit/`. */
export function auditPath(model: string, version: string): string {
  return `${versionPath(model, version)}audit/`;
}

/** Path of a version's dataset card page, relative to the base: `models/<model>/<version>/dataset/`. */
export function datasetPath(model: string, version: string): string {
  return `${versionPath(model, version)}dataset/`;
}

/** Path of a file published beside a version's pages: `models/<model>/<version>/<file>`. */
export function downloadPath(model: string, version: string, file: string): string {
  return `${versionPath(model, version)}${segment(file)}`;
}
