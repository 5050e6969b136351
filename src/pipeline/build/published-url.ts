/**
 * Where a file of the published site will be found, for links written into files that leave
 * the site (the exported card's `Comments`). With the site's own URL known the link is
 * absolute; without it, it is the path from the site's root (`/audits/models/m/1.0/results.json`),
 * which a reader resolves against wherever the site is published.
 */
import { downloadPath, withBase } from '../../site/urls.ts';

/**
 * The URL of a file published beside a version's pages.
 *
 * @param site The site's absolute http(s) URL (`https://example.org`); only its origin counts,
 *   the path comes from `base`, as Astro joins its `site` and `base`. Undefined: a root path.
 * @param base The site's base path (`/` or `/audits/`).
 * @param model The model folder name.
 * @param version The version folder name.
 * @param file The file name, such as `results.json`.
 */
export function publishedUrl(
  site: string | undefined,
  base: string,
  model: string,
  version: string,
  file: string,
): string {
  const path = withBase(base, downloadPath(model, version, file));
  return site === undefined ? path : new URL(path, checkSiteUrl(site)).href;
}

/**
 * `site` as a URL, or a TypeError when it is not an absolute http(s) URL.
 *
 * @param site The configured site URL.
 */
export function checkSiteUrl(site: string): URL {
  const url = URL.canParse(site) ? new URL(site) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(
      `site: expected an absolute http(s) URL such as https://example.org, got "${site}"`,
    );
  }
  return url;
}
