/** What is left of a pack as a bar with its words; the width is a display ratio of call counts, not money. */
export function QuotaBar({ left, size, label }: { left: number; size: number; label: string }) {
  const percent = size > 0 ? Math.round((left * 100) / size) : 0;
  const tone = left === 0 ? "bg-slate-300" : percent < 20 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="w-44">
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="meter" aria-valuemin={0} aria-valuemax={size} aria-valuenow={left} aria-label={label}>
        <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-muted tabular">{label}</p>
    </div>
  );
}
