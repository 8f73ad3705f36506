// The presets the worker offers (the paper's configurations and a quick demo, selected at start): a
// choice replaces the document with the preset's config; "reset" puts every field back to the preset's.
import { isActive } from '../frameChange';
import { useTrainer } from '../trainerStore';

export function PresetPicker() {
  const presets = useTrainer((s) => s.presets);
  const name = useTrainer((s) => s.presetName);
  const selectPreset = useTrainer((s) => s.selectPreset);
  const active = useTrainer((s) => isActive(s.frame?.state));
  const current = presets.find((p) => p.name === name);
  const edited = useTrainer((s) => current !== undefined && s.doc !== current.config);
  return (
    <div className="preset-picker">
      <label>
        <span className="field-label">preset</span>
        <select
          value={name ?? ''}
          disabled={active || presets.length === 0}
          data-testid="trainer-preset"
          onChange={(e) => selectPreset(e.target.value)}
        >
          {presets.length === 0 && <option value="">loading…</option>}
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="link small"
        data-testid="reset-config"
        disabled={active || !edited}
        onClick={() => name !== null && selectPreset(name)}
      >
        reset to the preset
      </button>
      {current && <p className="small muted">{current.blurb}</p>}
    </div>
  );
}
