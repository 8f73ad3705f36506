// An equation (or a caption) in equation.ts notation as HTML: subscripts and superscripts as <sub> and
// <sup>, the rest as text. A string the notation cannot read is shown as it is.
import { equationParts, type EquationPart } from './equation';

function partsOf(source: string): EquationPart[] {
  try {
    return equationParts(source);
  } catch {
    return [{ kind: 'text', text: source }];
  }
}

export function Equation({ source }: { readonly source: string }) {
  return (
    <>
      {partsOf(source).map((p, k) =>
        p.kind === 'sub' ? (
          <sub key={k}>{p.text}</sub>
        ) : p.kind === 'sup' ? (
          <sup key={k}>{p.text}</sup>
        ) : (
          <span key={k}>{p.text}</span>
        ),
      )}
    </>
  );
}
