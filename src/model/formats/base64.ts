// Base64 (RFC 4648, standard alphabet, '=' padding) for numbers stored compactly in JSON files:
// float32 arrays as little-endian bytes. Written out here because src/model runs in browsers,
// workers and Node alike (no Buffer); the decoder is strict and says where a text goes wrong.
import { fail, ok, type Result } from '../result';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODE = ALPHABET.split('').map((c) => c.charCodeAt(0));
const VALUE = new Int16Array(128).fill(-1);
CODE.forEach((c, v) => (VALUE[c] = v));
const PAD = '='.charCodeAt(0);

export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(4 * Math.ceil(n / 3));
  let o = 0;
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const w = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = CODE[w >>> 18];
    out[o++] = CODE[(w >>> 12) & 63];
    out[o++] = CODE[(w >>> 6) & 63];
    out[o++] = CODE[w & 63];
  }
  if (i < n) {
    const w = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[o++] = CODE[w >>> 18];
    out[o++] = CODE[(w >>> 12) & 63];
    out[o++] = i + 1 < n ? CODE[(w >>> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder('ascii').decode(out);
}

/** The bytes of a base64 text; the error (field '') names the first bad character or the bad length. */
export function decodeBase64(s: string): Result<Uint8Array> {
  if (s.length % 4 !== 0) return fail('base64', '', `base64 length ${s.length} is not a multiple of 4`);
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  const end = s.length - pad;
  let o = 0;
  let w = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return fail('base64', '', `character ${i} (${JSON.stringify(s[i])}) is not base64`);
    w = (w << 6) | v;
    if ((i & 3) === 3) {
      out[o++] = w >>> 16;
      out[o++] = (w >>> 8) & 255;
      out[o++] = w & 255;
      w = 0;
    }
  }
  if (pad === 2) out[o] = (w << 12) >>> 16;
  if (pad === 1) {
    out[o++] = (w << 6) >>> 16;
    out[o] = ((w << 6) >>> 8) & 255;
  }
  return ok(out);
}

/** values[start..end) as float32 little-endian bytes, in base64. */
export function f32ToBase64(values: ArrayLike<number>, start = 0, end = values.length): string {
  const view = new DataView(new ArrayBuffer(4 * (end - start)));
  for (let i = start; i < end; i++) view.setFloat32(4 * (i - start), values[i], true);
  return encodeBase64(new Uint8Array(view.buffer));
}

/** Little-endian float32 bytes (length a multiple of 4) into `out` at `offset`. */
export function bytesToF32(bytes: Uint8Array, out: Float32Array, offset = 0): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; 4 * i < bytes.length; i++) out[offset + i] = view.getFloat32(4 * i, true);
}
