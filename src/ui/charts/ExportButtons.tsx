// Two small buttons that save a chart as <name>.png and <name>.svg. With only an SVG, the SVG is
// exported and rasterised; with only a canvas, its pixels are saved and wrapped in an SVG; with both
// (a canvas under an SVG overlay), the canvas is embedded beneath the SVG's content. Sized by the theme.
import { useState, type CSSProperties } from 'react';
import { useChartTheme } from './chartTheme';
import { canvasToPngBlob, canvasToSvgString, downloadBlob, svgToPngBlob, svgToString } from './export';
import { GREY } from './palette';
import { errorMessage } from '../../model/result';

export interface ExportButtonsProps {
  readonly name: string;
  readonly getSvg?: () => SVGSVGElement | null;
  readonly getCanvas?: () => HTMLCanvasElement | null;
}

const buttonStyle: CSSProperties = {
  font: 'inherit',
  fontWeight: 400,
  padding: '0 5px',
  color: GREY.text,
  background: '#ffffff',
  border: `1px solid ${GREY.grid}`,
  borderRadius: 3,
  cursor: 'pointer',
};

async function pngOf(svg: SVGSVGElement | null, canvas: HTMLCanvasElement | null): Promise<Blob> {
  if (svg) return svgToPngBlob(svg, 2, canvas);
  if (canvas) return canvasToPngBlob(canvas);
  throw new Error('nothing to export yet');
}

function svgOf(svg: SVGSVGElement | null, canvas: HTMLCanvasElement | null): Blob {
  const text = svg ? svgToString(svg, canvas) : canvas ? canvasToSvgString(canvas) : null;
  if (text === null) throw new Error('nothing to export yet');
  return new Blob([text], { type: 'image/svg+xml' });
}

export function ExportButtons({ name, getSvg, getCanvas }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const { tickFont } = useChartTheme();
  const style: CSSProperties = { ...buttonStyle, fontSize: tickFont - 1, lineHeight: `${tickFont + 3}px` };
  const save = async (kind: 'png' | 'svg'): Promise<void> => {
    try {
      const svg = getSvg?.() ?? null;
      const canvas = getCanvas?.() ?? null;
      downloadBlob(kind === 'png' ? await pngOf(svg, canvas) : svgOf(svg, canvas), `${name}.${kind}`);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }} data-export="skip">
      {error !== null && (
        <span style={{ fontSize: tickFont - 1, color: GREY.text }} title={error}>
          export failed
        </span>
      )}
      <button type="button" style={style} title={`Save as ${name}.png`} onClick={() => void save('png')}>
        PNG
      </button>
      <button type="button" style={style} title={`Save as ${name}.svg`} onClick={() => void save('svg')}>
        SVG
      </button>
    </span>
  );
}
