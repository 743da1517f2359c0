import { formatCount } from "@/lib/pricing/money-text";

/** Remaining calls as a bar; the width is a display ratio of two call counts, not money. */
export function RemainingBar({ remaining, size, label }: { remaining: number; size: number; label: string }) {
  const percent = size > 0 ? Math.round((remaining * 100) / size) : 0;
  // The label is a template ("{remaining} of {size}"): filled once, for the text and for screen readers.
  const text = label.replace("{remaining}", formatCount(remaining)).replace("{size}", formatCount(size));
  const tone = percent === 0 ? "bg-slate-300" : percent < 20 ? "bg-amber-500" : "bg-brand-500";
  return (
    <div className="w-32">
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="meter" aria-valuemin={0} aria-valuemax={size} aria-valuenow={remaining} aria-label={text}>
        <div className={`h-full ${tone}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-muted">{text}</p>
    </div>
  );
}

/**
 * A refunded pack's remaining cell: its row still holds the calls it had, but none can be drawn
 * (SPEC §4), so the bar is empty and grey and the text says so instead of "10,000 of 10,000"; the
 * status column's Refunded badge is beside it.
 */
export function RefundedBar({ text }: { text: string }) {
  return (
    <div className="w-32" data-testid="refunded-remaining">
      <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={0} aria-label={text} />
      <p className="mt-1 text-xs text-muted">{text}</p>
    </div>
  );
}
