import { useT } from './useT';

export const SPEED_PRESETS = [5, 10, 25, 60, 150, 500, 5000];

/** The speed control (virtual ms per wall second) of the single-pane toolbar and of compare mode. */
export function SpeedSelect({ speed, onChange }: { speed: number; onChange: (speed: number) => void }) {
  const t = useT();
  // A speed set by a link or a lesson that is not a preset is listed too, in order.
  const presets = SPEED_PRESETS.includes(speed) ? SPEED_PRESETS : [...SPEED_PRESETS, speed].sort((a, b) => a - b);
  return (
    <label className="field">
      <span>{t.speed}</span>
      <select aria-label={t.speed} value={speed} onChange={(e) => onChange(Number(e.target.value))} onKeyDown={(e) => e.stopPropagation()}>
        {presets.map((v) => (
          <option key={v} value={v}>
            {t.speedPresets[v] ?? t.speedCustom(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
