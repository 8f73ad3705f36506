// The state heatmap of run 0 and its pickers: layer, state vector (h or c), dimension j and the
// colour-scale normalisation. The worker reads back only the slice on screen, and only while the
// heatmap is scrolled into view (in presentation mode it is one of the four views, so on screen). It
// takes its card's width (and, in presentation mode, its grid cell's height).
import { useEffect, useState } from 'react';
import { useStudio, useStudioState } from '../session/context';
import type { Normalisation } from '../state/urlSettings';
import { StateHeatmap } from '../charts/StateHeatmap';
import { useSize } from '../layout/useSize';
import { HeatmapInfo } from '../help/chartHelp';

export function HeatmapPanel() {
  const info = useStudioState((s) => s.info);
  const heatmap = useStudioState((s) => s.frame?.heatmap ?? null);
  const { layer, vector, j, norm } = useStudioState((s) => s.settings);
  const update = useStudioState((s) => s.update);
  const [box, size] = useSize<HTMLDivElement>({ width: 800, height: 400 });
  const present = useStudioState((s) => s.settings.present);
  const studio = useStudio();
  const [section, setSection] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!section) return;
    const observer = new IntersectionObserver(([entry]) => studio.setHeatmapVisible(entry.isIntersecting));
    observer.observe(section);
    return () => observer.disconnect();
  }, [section, studio]);
  if (!info) return null;
  const layers = info.layers;
  const L = Math.min(layer, layers.length - 1);
  const last = L === layers.length - 1;
  return (
    <section className="card wide" aria-label="state heatmap" ref={setSection}>
      <header className="card-head">
        <div className="with-info">
          <h2>What each sub-RNN remembers (state s_ab)</h2>
          <HeatmapInfo />
        </div>
        <div className="row small view-options">
          <label>
            layer
            <select value={L} onChange={(e) => update({ layer: Number(e.target.value) })}>
              {layers.map((l, i) => (
                <option key={i} value={i}>
                  {i} ({l.A}×{l.B})
                </option>
              ))}
            </select>
          </label>
          <label>
            state
            <select value={vector} onChange={(e) => update({ vector: e.target.value as 'h' | 'c' })}>
              <option value="c">cell state c</option>
              <option value="h">hidden state h</option>
            </select>
          </label>
          <label>
            state dimension j = {Math.min(j, info.stateSize - 1)}
            <input
              type="range"
              min={0}
              max={info.stateSize - 1}
              value={Math.min(j, info.stateSize - 1)}
              onChange={(e) => update({ j: Number(e.target.value) })}
            />
          </label>
          <label>
            colour scale
            <select
              value={norm}
              data-testid="heatmap-norm"
              onChange={(e) => update({ norm: e.target.value as Normalisation })}
            >
              <option value="class">each class column on its own</option>
              <option value="layer">one scale for the layer</option>
              <option value="fixed">fixed, −1 to 1</option>
            </select>
          </label>
        </div>
      </header>
      <div className="chart-box" ref={box}>
        {heatmap ? (
          <StateHeatmap
            width={present ? size.width : Math.min(size.width, 1100)}
            height={present ? size.height : undefined}
            values={heatmap.values}
            rows={heatmap.rows}
            cols={heatmap.cols}
            imageShape={L === 0 ? info.imageShape : null}
            normalisation={norm}
            columnNames={last ? info.classNames : undefined}
            title={`layer ${heatmap.view.layer}, ${heatmap.view.vector === 'c' ? 'cell state' : 'hidden state'} ${heatmap.view.vector}[${heatmap.view.j}], run 0`}
            slice={heatmap.view}
          />
        ) : (
          <p className="muted">waiting for a frame (the state is read back only while this panel is on screen)…</p>
        )}
      </div>
    </section>
  );
}
