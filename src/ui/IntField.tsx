/**
 * A whole-number field that clamps to [min, max] as it is typed (the dialogs' settings: nothing runs until
 * the user presses Run). An empty field is left alone, so clearing it to type a new number does not jump to min.
 */
export function IntField({ id, label, value, min, max, disabled = false, onChange }: { id: string; label: string; value: number; min: number; max: number; disabled?: boolean; onChange: (n: number) => void }) {
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n)) onChange(Math.max(min, Math.min(max, n)));
        }}
        onKeyDown={(e) => e.stopPropagation()}
      />
    </label>
  );
}
