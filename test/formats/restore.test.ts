import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/model/formats/json';
import { restore, type FormatSpec } from '../../src/model/formats/restore';
import { line } from './helpers';

const V1: FormatSpec = { format: 'vsml-demo', version: 1 };
const V3: FormatSpec = {
  format: 'vsml-demo',
  version: 3,
  migrations: { 1: (d) => ({ ...d, b: 'from v1' }), 2: (d) => ({ ...d, c: `${String(d.b)}, from v2` }) },
};

describe('restore', () => {
  it.each([
    [[1], 'must be an object, got an array of 1'],
    [{ version: 1 }, 'format: missing (expected "vsml-demo")'],
    [{ format: 'vsml-other', version: 1 }, 'format: expected "vsml-demo", got "vsml-other"'],
    [{ format: 'vsml-demo' }, 'version: missing (expected 1)'],
    [{ format: 'vsml-demo', version: 2 }, 'version: unsupported version 2 (supported: 1)'],
    [{ format: 'vsml-demo', version: '1' }, 'version: unsupported version "1" (supported: 1)'],
  ])('rejects %j: %s', (doc, message) => {
    expect(line(parseWith(() => restore(doc, V1)))).toBe(message);
  });

  it('applies the migrations from an old version up to the current one, in order', () => {
    const r = parseWith(() => restore({ format: 'vsml-demo', version: 1, a: 1 }, V3));
    expect(r).toEqual({
      ok: true,
      value: { format: 'vsml-demo', version: 3, a: 1, b: 'from v1', c: 'from v1, from v2' },
    });
    expect(line(parseWith(() => restore({ format: 'vsml-demo', version: 4 }, V3)))).toBe(
      'version: unsupported version 4 (supported: 1, 2, 3)',
    );
  });
});
