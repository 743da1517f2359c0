import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A console data table: horizontal scroll on small screens, tabular numbers. */
export function Table({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="-mx-5 overflow-x-auto">
      <table aria-label={label} className="tabular w-full min-w-max text-left text-sm">
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
