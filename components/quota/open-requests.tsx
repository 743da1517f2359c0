import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

/** Requests waiting for support (QPS above 200, a formal licence quote): a title and one line each. */
export function OpenRequests({ title, items }: { title: string; items: { id: string; status: string; text: ReactNode }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-4">
      <p className="mb-2 text-sm font-medium">{title}</p>
      <ul className="space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex gap-3">
            <Badge tone="amber">{item.status}</Badge>
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
