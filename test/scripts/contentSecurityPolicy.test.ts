// The Content-Security-Policy: what it allows, and docs/DEPLOY.md giving the same header for static hosts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../scripts/contentSecurityPolicy';

const deploy = readFileSync(resolve(import.meta.dirname, '../../docs/DEPLOY.md'), 'utf8');

describe('CONTENT_SECURITY_POLICY', () => {
  it('names each directive once', () => {
    const names = CSP_DIRECTIVES.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(11);
  });

  it('allows no inline script or style and no JavaScript eval; WebAssembly and own-origin workers only', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:;");
  });

  it('is the header docs/DEPLOY.md gives for preview, nginx, _headers and Apache, word for word', () => {
    expect(deploy).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    expect(deploy).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
    expect(deploy).toContain(`  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    expect(deploy).toContain(`Header always set Content-Security-Policy "${CONTENT_SECURITY_POLICY}"`);
  });
});
