// The paper's equations as readable text: a small notation ("y_b = 100·tanh(m_b/100)", "h^{(l)}_{ab}")
// split into plain, subscript and superscript runs that the view renders as HTML (<sub>, <sup>).
// `_x` / `^x` take one run of letters and digits (or primes); `_{…}` / `^{…}` take the braces' content.
// Pure (no DOM).

export interface EquationPart {
  readonly kind: 'text' | 'sub' | 'sup';
  readonly text: string;
}

const WORD = /^[\p{L}\p{N}′]+/u;

/** Split `source` into runs: text outside, and the script after each `_` or `^`. */
export function equationParts(source: string): EquationPart[] {
  const parts: EquationPart[] = [];
  const push = (kind: EquationPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind && kind === 'text') parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  let i = 0;
  let text = '';
  while (i < source.length) {
    const ch = source[i];
    if (ch !== '_' && ch !== '^') {
      text += ch;
      i++;
      continue;
    }
    const kind = ch === '_' ? 'sub' : 'sup';
    let script: string;
    if (source[i + 1] === '{') {
      const close = source.indexOf('}', i + 2);
      if (close < 0) throw new Error(`equation: unclosed "{" after "${ch}" at ${i} in "${source}"`);
      script = source.slice(i + 2, close);
      i = close + 1;
    } else {
      script = WORD.exec(source.slice(i + 1))?.[0] ?? '';
      if (script === '') throw new Error(`equation: nothing after "${ch}" at ${i} in "${source}"`);
      i += 1 + script.length;
    }
    push('text', text);
    text = '';
    push(kind, script);
  }
  push('text', text);
  return parts;
}
