// The four live views (the example and its probabilities, cumulative accuracy, the introspection
// strip, the state heatmap), or, while the chosen dataset waits for files, the card that asks for
// them. While a change is on its way the old frame shows greyed ("stale"); in presentation mode the
// charts take the larger theme (ticks of 16 px, thick lines) and the grid fills the viewport.
import { forwardRef } from 'react';
import { ChartThemeContext, DEFAULT_CHART_THEME, PRESENTATION_CHART_THEME } from '../charts/chartTheme';
import { AccuracyPanel } from '../components/AccuracyPanel';
import { FilesNeededCard } from '../components/FilesNeededCard';
import { HeatmapPanel } from '../components/HeatmapPanel';
import { ExampleCard, StripCard } from '../components/OutputPanel';
import { useStudioState } from '../session/context';

export const Views = forwardRef<HTMLElement>(function Views(_props, ref) {
  const status = useStudioState((s) => s.status);
  const pending = useStudioState((s) => s.pending);
  const present = useStudioState((s) => s.settings.present);
  return (
    <ChartThemeContext.Provider value={present ? PRESENTATION_CHART_THEME : DEFAULT_CHART_THEME}>
      <section
        id="views"
        ref={ref}
        tabIndex={-1}
        className={pending ? 'views stale' : 'views'}
        aria-label="live views"
        aria-busy={pending !== null}
      >
        {status === 'starting' && <p className="muted">Starting the engine in a worker…</p>}
        {status === 'waiting-for-files' ? (
          <FilesNeededCard />
        ) : (
          <>
            <ExampleCard />
            <AccuracyPanel />
            <StripCard />
            <HeatmapPanel />
          </>
        )}
      </section>
    </ChartThemeContext.Provider>
  );
});
