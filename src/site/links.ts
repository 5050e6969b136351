/**
 * Links the card pages make: from identifiers to the registries that resolve them, and from
 * free-text URLs. A link is only ever made to an `http:` or `https:` URL; anything else
 * (`javascript:`, `data:`, relative paths, malformed text) is shown as plain text.
 */

/**
 * Returns the URL when it is an absolute http(s) URL, else null.
 *
 * @param value Any text, such as a card's `Link` field.
 */
export function safeHttpUrl(value: string): string | null {
  const text = value.trim();
  // The URL parser forgives surrounding control characters and backslashes; refuse them first,
  // so that the href on the page is exactly the text that was checked.
  if (text !== value || /[\s\\<>"`]/.test(text)) return null;

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!/^https?:\/\//i.test(text)) return null;
  return text;
}

/** A RadLex term page, for a bare `RID<digits>` code; else null. */
export function radlexUrl(code: string): string | null {
  return /^RID\d+$/.test(code) ? `https://radlex.org/RID/${code}` : null;
}

/** The SNOMED CT browser page of a concept, for its digits as written; else null. */
export function snomedUrl(digits: string): string | null {
  return /^\d{6,18}$/.test(digits)
    ? `https://browser.ihtsdotools.org/?perspective=full&conceptId1=${digits}&edition=MAIN`
    : null;
}

/** The resolver page of a DOI such as `10.1148/ryai.230060`; else null. */
export function doiUrl(doi: string): string | null {
  if (!/^10\.\d+\/\S+$/.test(doi)) return null;
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** The PubMed page of a PMID, given as its digits; else null. */
export function pubmedUrl(digits: string): string | null {
  return /^\d{1,12}$/.test(digits) ? `https://pubmed.ncbi.nlm.nih.gov/${digits}/` : null;
}

/** The PubMed Central page of a PMCID such as `PMC10698597`; else null. */
export function pmcUrl(pmcid: string): string | null {
  return /^PMC\d+$/.test(pmcid) ? `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/` : null;
}

/**
 * The RadElement page of a common data element (`RDE1203`, or `RDE397.1` for one of its values)
 * or of a set (`RDES174`); else null.
 */
export function radElementUrl(code: string): string | null {
  const set = /^RDES(\d+)$/.exec(code);
  if (set) return `https://radelement.org/home/sets/set/RDES${set[1]}`;

  const element = /^RDE(\d+)(?:\.\d+)?$/.exec(code);
  if (element) return `https://radelement.org/home/sets/element/RDE${element[1]}`;
  return null;
}

/**
 * Splits a text such as `Computed tomography (RID10321)` into plain parts and RadLex links, one
 * for each `RID<digits>` that stands as a word of its own.
 */
export function linkRadlexCodes(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<![A-Za-z0-9])RID\d+(?![A-Za-z0-9])/g)) {
    const href = radlexUrl(match[0]);
    if (!href) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: match[0], href });
    last = match.index + match[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}

/** The LOINC page of a code such as `36813-4`; else null (Playbook `LP` parts are not linked). */
export function loincUrl(code: string): string | null {
  return /^\d{1,7}-\d$/.test(code) ? `https://loinc.org/${code}/` : null;
}

/**
 * A `mailto:` link for a plain e-mail address (no spaces, no URL syntax); else null. Characters
 * of the local part that mean something in a URL (`#`, `?`, `%`, `&`, `=`, …) are
 * percent-encoded (RFC 6068), so that `#a@example.org` does not become a link to nobody.
 */
export function mailtoUrl(address: string): string | null {
  if (!/^[A-Za-z0-9.!#$%&'*+=^_{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(address)) return null;
  const encoded = address.replace(
    /[^A-Za-z0-9\-._~!$'()*+,;:@]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `mailto:${encoded}`;
}

/** One piece of a text that may contain URLs: plain text, or a safe link. */
export type TextPart = { text: string; href?: string };

/**
 * Splits free text into plain parts and http(s) links, so that a URL written in a sentence
 * becomes clickable. Trailing punctuation stays outside the link.
 */
export function linkifyText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /https?:\/\/[^\s<>"]+/gi;
  let last = 0;

  for (const match of text.matchAll(pattern)) {
    const url = match[0].replace(/[.,;:!?)\]'’]+$/, '');
    const start = match.index;
    const href = safeHttpUrl(url);
    if (!href) continue;

    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href });
    last = start + url.length;
  }

  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
