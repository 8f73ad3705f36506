// The Content-Security-Policy every page of the built app is served with: the app's own origin only,
// its module workers, WebAssembly, and the images it makes itself (data:/blob: for the PNG/SVG exports).
// Vite's preview sends it (vite.config.ts); docs/DEPLOY.md gives the same line for static hosts, and a
// test keeps the two equal.

/** Directive by directive; joined into the header value below. */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  // Module scripts from the app's origin; WebAssembly may compile, JavaScript eval may not.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // The session, trainer, check and bench workers are module scripts from the app's origin.
  ['worker-src', "'self'"],
  // Learners, built-in data and the presets are fetched from the app's origin; nothing else.
  ['connect-src', "'self'"],
  // Chart exports draw an SVG (blob:) into a canvas and embed canvases as PNG data: URLs.
  ['img-src', "'self' data: blob:"],
  // Stylesheets from the app's origin; React and d3 set styles through the CSSOM, which CSP allows.
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'self'"],
];

/** The header value: `Content-Security-Policy: <this>`. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
