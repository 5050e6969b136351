/**
 * Turns the simple regular expressions of card and spec schemas into a shape a person reads:
 * `RID[0-9]+` → `RID<digits>`, `https://orcid.org/.+` → `https://orcid.org/<text>`.
 */

/** A readable shape of `pattern`; falls back to the pattern itself for anything unusual. */
export function describePattern(pattern: string): string {
  let shape = '';
  let index = 0;

  while (index < pattern.length) {
    const rest = pattern.slice(index);
    const token = /^(\[[^\]]*\]|\\.|\.|[^[\\.?*+^$(){}|])([?*+]?)/.exec(rest);
    if (rest.startsWith('^') || rest.startsWith('$')) {
      index += 1;
      continue;
    }
    if (!token) return pattern;

    const [whole, atom = '', quantifier] = token;
    shape += describeAtom(atom, quantifier ?? '');
    index += whole.length;
  }
  return shape;
}

function describeAtom(atom: string, quantifier: string): string {
  const many = quantifier === '+' || quantifier === '*';
  let text: string;
  if (atom === '[0-9]' || atom === '\\d') text = many ? '<digits>' : '<digit>';
  // A lone unescaped `.` between letters (orcid.org) is meant as a dot, not "any character".
  else if (atom === '.') text = many ? '<text>' : quantifier === '' ? '.' : '<character>';
  else if (atom.startsWith('\\')) text = atom.slice(1);
  else if (/^\[[^\]^-]\]$/.test(atom)) text = atom.slice(1, -1);
  else if (atom.startsWith('[^'))
    text = many ? `<text without ${atom.slice(2, -1)}>` : '<character>';
  else if (atom.startsWith('[')) text = `<one of ${atom.slice(1, -1)}>`;
  else text = atom;

  if (quantifier === '?') return `[${text}]`;
  if (quantifier === '+' && text.length === 1) return `${text}…`;
  return text;
}
