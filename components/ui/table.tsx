import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/**
 * A console data table, tabular numbers. When it is wider than the screen it scrolls inside its own
 * container, which is a named region reachable by keyboard (axe: scrollable-region-focusable), so the
 * page itself never scrolls sideways. It is `relative` so that screen-reader-only text (absolutely
 * positioned) inside a wide table is clipped with it instead of widening the page.
 */
export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative -mx-5 overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500">
      <table aria-label={label} className="tabular w-full text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`border-b border-line px-5 py-2 text-xs font-medium text-muted ${className}`} {...props} />;
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-b border-line/70 px-5 py-2.5 align-top ${className}`} {...props} />;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-muted">{children}</p>;
}
