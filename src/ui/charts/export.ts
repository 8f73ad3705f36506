// Charts to files: SVG (computed styles inlined so the file looks like the screen), PNG, and the
// accuracy data as CSV/JSON. The DOM is touched only inside the functions, so the pure parts
// (imageSvgMarkup, accuracyCsv, accuracyJson) import and test in Node.
export {
  accuracyCsv,
  accuracyJson,
  showingsCsv,
  ACCURACY_FORMAT,
  ACCURACY_VERSION,
  type AccuracyExport,
} from './accuracyFile';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The computed style properties copied onto every exported element: what SVG text and shapes need to look the same. */
export const INLINED_STYLES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
  'image-rendering',
  'visibility',
  'display',
] as const;

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** A standalone SVG document showing one raster image (a data: URL) at width x height. */
export function imageSvgMarkup(href: string, width: number, height: number): string {
  return (
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<image href="${escapeAttribute(href)}" width="${width}" height="${height}" style="image-rendering:pixelated"/>` +
    `</svg>`
  );
}

/** The size of an SVG in its own user units: the viewBox when it has one, else its rendered box. */
function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  const r = svg.getBoundingClientRect();
  return { width: r.width, height: r.height };
}

/**
 * The SVG as standalone markup: the computed INLINED_STYLES on every element, xmlns, explicit size, a
 * white background, and without the elements marked data-export="skip" (hover rules, readouts).
 * `underlay`: a canvas drawn beneath the SVG's content (a chart painted on a canvas with the SVG on top),
 * embedded as a PNG <image> at the canvas's place relative to the SVG.
 */
export function svgToString(svg: SVGSVGElement, underlay?: HTMLCanvasElement | null): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < from.length; i++) {
    const computed = getComputedStyle(from[i]);
    // Through the CSSOM, not setAttribute('style'): the Content-Security-Policy (style-src 'self')
    // refuses inline style attributes but not CSSOM writes; the serialised markup is the same.
    const style = (to[i] as SVGElement).style;
    style.cssText = '';
    for (const p of INLINED_STYLES) {
      const v = computed.getPropertyValue(p);
      if (v !== '') style.setProperty(p, v);
    }
  }
  for (const el of clone.querySelectorAll('[data-export="skip"]')) el.remove();

  const { width, height } = svgSize(svg);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const layers: Element[] = [];
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  layers.push(background);
  if (underlay) {
    const s = svg.getBoundingClientRect();
    const c = underlay.getBoundingClientRect();
    const k = s.width > 0 ? width / s.width : 1;
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', underlay.toDataURL('image/png'));
    image.setAttribute('x', String((c.left - s.left) * k));
    image.setAttribute('y', String((c.top - s.top) * k));
    image.setAttribute('width', String(c.width * k));
    image.setAttribute('height', String(c.height * k));
    image.setAttribute('preserveAspectRatio', 'none');
    layers.push(image);
  }
  clone.prepend(...layers);
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the SVG could not be rasterised'));
    image.src = url;
  });
}

/** A canvas's pixels as a PNG blob. */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png');
  });
}

/** The SVG (as svgToString makes it, `underlay` included) rasterised to a PNG at `scale` pixels per unit. */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2, underlay?: HTMLCanvasElement | null): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svgToString(svg, underlay)], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas context');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasToPngBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** An SVG document embedding the canvas as a PNG <image>, at the canvas's CSS size (its pixel size if not laid out). */
export function canvasToSvgString(canvas: HTMLCanvasElement): string {
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  return imageSvgMarkup(canvas.toDataURL('image/png'), width, height);
}

/** Save `blob` as `filename` through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
