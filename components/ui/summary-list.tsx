import type { ReactNode } from "react";

/**
 * A label on the left, its value on the right: the rows of an order summary (checkout, the sandbox
 * payment page, the calculator's totals). `total` is the closing row, ruled off and large.
 */
export function SummaryRow({ label, children, testId, total = false, strongLabel = false }: { label: ReactNode; children: ReactNode; testId?: string; total?: boolean; strongLabel?: boolean }) {
  return (
    <div className={total ? "flex items-baseline justify-between gap-4 border-t border-line pt-3" : "flex justify-between gap-4"}>
      <dt className={strongLabel ? "font-semibold text-ink" : "text-muted"}>{label}</dt>
      {/* min-w-0 + break-word: a value wraps between words and breaks inside one only when a single word
          (a long app id) is wider than the row; break-all used to cut "10,000 calls" as "ca / lls". */}
      <dd className={total ? "tabular text-2xl font-semibold text-ink" : "min-w-0 text-right [overflow-wrap:break-word]"} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
