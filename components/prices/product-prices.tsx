import { Card } from "@/components/ui/card";
import { QpsTierTable } from "@/components/quota/qps-tier-table";
import { Table, Td, Th } from "@/components/ui/table";
import { tierRows } from "@/lib/calculator/tier-rows";
import { apiLabel } from "@/lib/i18n/names";
import type { Translate } from "@/lib/i18n/translate";
import {
  APIS,
  bookOffersApi,
  formatCount,
  formatYuan,
  freePoolOf,
  oneTimeGrantOf,
  ONE_TIME_ITEMS,
  PACKS,
  type ApiId,
  type PriceBook,
  type ProductId,
} from "@/lib/pricing";

function freeText(t: Translate, book: PriceBook, api: ApiId): string {
  const once = oneTimeGrantOf(api);
  if (once) return t("prices.free.once", { calls: formatCount(once.calls), years: once.validYears });
  const pool = freePoolOf(book, api);
  if (!pool) return t("prices.free.none");
  const others = pool.apis.filter((other) => other !== api);
  if (others.length === 0) return t("prices.free.monthly", { calls: formatCount(pool.callsPerMonth) });
  return t("prices.free.shared", { calls: formatCount(pool.callsPerMonth), other: others.map((other) => apiLabel(t, other)).join(", ") });
}

/** One product's prices from lib/pricing: per API the free quota, the volume tiers and the packs; QPS and the SDK where sold. */
export function ProductPrices({ t, book, product }: { t: Translate; book: PriceBook; product: ProductId }) {
  const apis = APIS.filter((api) => api.product === product && bookOffersApi(book, api.id));
  const sdk = product === "scan" ? ONE_TIME_ITEMS.find((item) => item.id === "scan.sdk") : undefined;
  return (
    <div className="space-y-6">
      {apis.map((api) => {
        const packs = PACKS.filter((pack) => pack.api === api.id);
        const name = apiLabel(t, api.id);
        return (
          <Card key={api.id} title={name} actions={<span className="font-mono text-xs text-muted">{api.id}</span>}>
            <div className="grid gap-6 lg:grid-cols-3" data-testid={`prices-${api.id}`}>
              <div>
                <h3 className="text-xs font-semibold text-muted uppercase">{t("prices.free")}</h3>
                <p className="mt-1 text-sm" data-testid={`free-${api.id}`}>
                  {freeText(t, book, api.id)}
                </p>
              </div>
              <div className="min-w-0">
                <h3 className="mb-1 text-xs font-semibold text-muted uppercase">{t("prices.tiers")}</h3>
                {/* Two short columns fit a phone as a table (e2e/console-pages.spec.ts checks each amount is on screen). */}
                <Table label={`${name}: ${t("prices.tiers")}`} phone="scroll">
                  <thead>
                    <tr>
                      <Th>{t("calculator.tiers.range")}</Th>
                      <Th className="text-right">{t("calculator.tiers.price")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {tierRows(api.id).map((row) => (
                      <tr key={row.number}>
                        {/* Its only spaces are around the dash: on a phone it may break there, and nowhere else. */}
                        <Td className="sm:whitespace-nowrap">
                          {row.lastCall === null
                            ? t("calculator.tiers.andAbove", { from: formatCount(row.firstCall) })
                            : t("calculator.tiers.between", { from: formatCount(row.firstCall), to: formatCount(row.lastCall) })}
                        </Td>
                        <Td className="text-right whitespace-nowrap">
                          {row.per === 1 ? t("calculator.tiers.perCall", { price: `¥${row.unitPrice}` }) : t("calculator.tiers.perThousand", { price: `¥${row.publishedPrice}` })}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              <div className="min-w-0">
                <h3 className="mb-1 text-xs font-semibold text-muted uppercase">{t("prices.packs")}</h3>
                {packs.length === 0 ? (
                  <p className="text-sm text-muted">{t("prices.packs.none")}</p>
                ) : (
                  <Table label={`${name}: ${t("prices.packs")}`} phone="scroll">
                    <thead>
                      <tr>
                        <Th className="text-right">{t("prices.packs.size")}</Th>
                        <Th className="text-right">{t("prices.packs.price")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {packs.map((pack) => (
                        <tr key={pack.id}>
                          <Td className="text-right whitespace-nowrap">{formatCount(pack.calls)}</Td>
                          <Td className="text-right whitespace-nowrap">{formatYuan(pack.price)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </div>
            </div>
          </Card>
        );
      })}
      {apis.length > 0 ? <p className="text-xs text-muted">{t("prices.free.note")} {t("prices.packs.note")}</p> : null}
      {product === "body" ? (
        <Card title={t("prices.qps")}>
          <QpsTierTable t={t} label={t("prices.qps")} />
          <p className="mt-3 text-xs text-muted">{t("prices.qps.note")}</p>
        </Card>
      ) : null}
      {sdk ? <p className="rounded-lg border border-line bg-white px-5 py-4 text-sm">{t("prices.sdk", { price: formatYuan(sdk.price ?? "0") })}</p> : null}
    </div>
  );
}
