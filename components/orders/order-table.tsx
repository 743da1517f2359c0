import Link from "@/components/ui/app-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format-date";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { methodLabel, orderItemLabel, splitLabel, statusTone } from "@/lib/orders/labels";
import type { OrderView } from "@/lib/orders/list";
import { formatCount, formatYuan } from "@/lib/pricing";

/** The order list (issue 20 part 3): number (links to the receipt), time, items by name, amount, how it was paid, status. */
export function OrderTable({ t, locale, orders }: { t: Translate; locale: Locale; orders: OrderView[] }) {
  if (orders.length === 0) return <EmptyState>{t("orders.none")}</EmptyState>;
  return (
    <Table label={t("orders.table")}>
      <thead>
        <tr>
          <Th>{t("orders.col.number")}</Th>
          <Th>{t("orders.col.time")}</Th>
          <Th>{t("orders.col.items")}</Th>
          <Th className="text-right">{t("orders.col.amount")}</Th>
          <Th>{t("orders.col.method")}</Th>
          <Th>{t("orders.col.status")}</Th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id} data-testid="order-row" data-status={order.status} data-method={order.method}>
            <Td className="whitespace-nowrap font-mono text-xs">
              <Link href={`/orders/${order.id}`} className="text-brand-600 hover:underline">
                {order.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap text-muted">{formatDateTime(locale, order.createdAt)}</Td>
            <Td>
              <span className="block">{orderItemLabel(t, order)}{order.quantity > 1 ? ` × ${formatCount(order.quantity)}` : ""}</span>
              <span className="text-xs text-muted">{t(`orders.kind.${order.kind}`)}</span>
            </Td>
            <Td className="whitespace-nowrap text-right">{formatYuan(order.amount)}</Td>
            <Td>
              <span className="block">{methodLabel(t, order.method)}</span>
              {order.paid ? <span className="text-xs text-muted">{splitLabel(t, order.paid)}</span> : null}
            </Td>
            <Td>
              <Badge tone={statusTone(order.status)}>{t(`orders.status.${order.status}`)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
