// One-click presets; each is a link (its settings in the URL) a lecturer can share. The active one's
// line says what it shows, then what to watch (a comparison not measured yet) or what to expect and
// why, with measured numbers (presets.ts); where VSML loses, that line says so in the warning colour.
import { matchPreset, PRESETS, presetQuery, presetSettings } from '../state/studioPresets';
import { useStudioState } from '../session/context';
import './presetBar.css';

export function PresetBar() {
  const settings = useStudioState((s) => s.settings);
  const replace = useStudioState((s) => s.replace);
  const active = matchPreset(settings);
  return (
    <nav className="presets" aria-label="presets">
      {PRESETS.map((p) => (
        <a
          key={p.id}
          href={`?${presetQuery(p)}`}
          data-testid={`preset-${p.id}`}
          title={[p.blurb, p.watch, p.expect].filter(Boolean).join(' ')}
          className={active?.id === p.id ? 'active' : ''}
          onClick={(e) => {
            if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
            e.preventDefault();
            replace(presetSettings(p));
          }}
        >
          {p.title}
        </a>
      ))}
      {active && <p className="muted small preset-blurb">{active.blurb}</p>}
      {active?.watch && (
        <p className="small preset-expect" data-testid="preset-watch">
          <b>What to watch:</b> {active.watch}
        </p>
      )}
      {active?.expect && (
        <p
          className={active.vsmlBehind ? 'small preset-expect behind' : 'small preset-expect'}
          data-testid="preset-expect"
        >
          <b>What to expect:</b> {active.expect}
        </p>
      )}
    </nav>
  );
}
