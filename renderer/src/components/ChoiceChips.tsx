/** A row of toggle chips choosing one value (the analysis segmentations, the quote scopes…). */
export function ChoiceChips<T extends string>({
  values,
  chosen,
  label,
  onChoose,
}: {
  values: readonly T[];
  chosen: T;
  label: (value: T) => string;
  onChoose: (value: T) => void;
}) {
  return (
    <div className="chips">
      {values.map((value) => (
        <button
          key={value}
          type="button"
          className={`chip${value === chosen ? ' active' : ''}`}
          aria-pressed={value === chosen}
          onClick={() => onChoose(value)}
        >
          {label(value)}
        </button>
      ))}
    </div>
  );
}
