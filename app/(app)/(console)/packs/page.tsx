import { InvalidateLive } from "@/components/live/invalidate-live";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "@/components/ui/app-link";
import { BuyPacksForm } from "@/components/packs/buy-packs-form";
import { PackTable } from "@/components/packs/pack-table";
import { RoleNote } from "@/components/members/role-note";
import { PageHeader } from "@/components/shell/page-header";
import { Pager } from "@/components/ui/pager";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { can, customerContext, requireCustomer } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { activeProducts } from "@/lib/packs/activation";
import { countSpentFreePacks, packPage } from "@/lib/packs/list";
import { refundPreviews } from "@/lib/refunds/preview";
import { liveKeys } from "@/lib/live/keys";
import { packsRemainingJson, serverQueryClient } from "@/lib/live/server";
import { PACK_STATUSES, type PackStatus } from "@/lib/packs/status";
import { Dec, formatYuan, PRODUCT_IDS, type ProductId } from "@/lib/pricing";
import { listRefunds } from "@/lib/refunds/list";
import { refundAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("packs.title") };
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

export default async function PacksPage({ searchParams }: { searchParams: Promise<{ product?: string; status?: string; refund?: string; page?: string }> }) {
  const customer = await requireCustomer("/packs");
  const ctx = await customerContext(customer);
  const { t, locale } = await getTranslator();
  const params = await searchParams;
  const product = oneOf<ProductId>(PRODUCT_IDS, params.product);
  const status = oneOf<PackStatus>(PACK_STATUSES, params.status);
  // Without a status chosen, past months' free packs (one per API a month, used up or expired) would
  // bury the packs that matter: they are hidden (in SQL, so the page does not grow with the account's age) until the customer asks for a status.
  const filters = { product, status, hideSpentFree: !status };
  // A page at a time (25 packs): bought packs of ten years stay in the database, not in the page.
  const [{ packs, page, pages, total }, hiddenFree, active, refunds, previews] = await Promise.all([
    packPage({ ctx, filters, page: Number.parseInt(params.page ?? "1", 10) }),
    status ? 0 : countSpentFreePacks({ ctx, product }),
    activeProducts({ ctx }),
    params.refund ? listRefunds({ ctx }) : [],
    refundPreviews({ ctx }),
  ]);
  // The remaining bars are a live query, prefetched here so the first paint has the figures.
  const queries = serverQueryClient();
  await queries.prefetchQuery({ queryKey: liveKeys.packs, queryFn: () => packsRemainingJson(ctx) });
  // Only the customer's own refund is found: the id in the URL is not trusted.
  const refund = refunds.find((r) => r.id === params.refund);
  const activeSelling = [...active.keys()].filter((p) => p !== "processing");
  // Issue 19 item 10: an empty table says why. Someone with no packs at all is told so, with the way
  // to buy one; "No packs match" is only for filters that hide packs the account has.
  const filtered = product !== undefined || status !== undefined;
  const hasAny = total > 0 || hiddenFree > 0 || (filtered && (await packPage({ ctx, page: 1, pageSize: 1 })).total > 0);
  const empty = hasAny ? (
    t("packs.none")
  ) : (
    <span data-testid="packs-none-yet">
      {t("packs.noneYet")}{" "}
      <Link href={activeSelling.length > 0 ? "#buy" : "/services"} className="font-medium text-brand-600 hover:underline">
        {t(activeSelling.length > 0 ? "packs.noneYet.buy" : "packs.noneYet.activate")}
      </Link>
    </span>
  );
  return (
    <>
      <PageHeader title={t("packs.title")} description={t("packs.description")} />
      <div className="space-y-6">
        {refund ? <InvalidateLive queries={["balance", "standing", "packs", "unread"]} /> : null}
        {refund ? (
          <Alert tone={refund.status === "approved" ? "success" : "warning"}>
            {refund.status === "approved"
              ? t("packs.refund.approved", {
                  total: formatYuan(new Dec(refund.returnedCash).plus(refund.returnedIncome).plus(refund.returnedGift)),
                  voucher: formatYuan(refund.voucherNotReturned),
                })
              : t("packs.refund.pending")}
          </Alert>
        ) : null}
        <Card title={t("packs.title")}>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="filter-product" className="block text-xs font-medium text-muted">
                {t("packs.filter.product")}
              </label>
              <select id="filter-product" name="product" defaultValue={product ?? ""} className={`${inputClass} w-48`}>
                <option value="">{t("packs.filter.all")}</option>
                {PRODUCT_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t(`product.${id}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="filter-status" className="block text-xs font-medium text-muted">
                {t("packs.filter.status")}
              </label>
              <select id="filter-status" name="status" defaultValue={status ?? ""} className={`${inputClass} w-48`}>
                <option value="">{t("packs.filter.all")}</option>
                {PACK_STATUSES.map((id) => (
                  <option key={id} value={id}>
                    {t(`packs.status.${id}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              {t("packs.filter.apply")}
            </button>
          </form>
          <HydrationBoundary state={dehydrate(queries)}>
            <PackTable t={t} locale={locale} packs={packs} previews={previews} refund={can(customer, "packs#refundAction") ? refundAction : undefined} empty={empty} />
          </HydrationBoundary>
          <Pager
            page={page}
            pages={pages}
            href={(target) => `/packs?${new URLSearchParams({ ...(product ? { product } : {}), ...(status ? { status } : {}), ...(target > 1 ? { page: String(target) } : {}) }).toString()}`}
            label={t("packs.pagination")}
            status={t("packs.page", { page, pages, count: total })}
            previous={t("packs.previous")}
            next={t("packs.next")}
            testId="packs-page"
          />
          {hiddenFree > 0 ? <p className="mt-3 text-xs text-muted">{t("packs.hiddenFree", { count: hiddenFree })}</p> : null}
        </Card>
        <div id="buy">
          <Card title={t("packs.buy")}>
            {!can(customer, "checkout#purchaseAction") ? (
              <RoleNote t={t} role={customer.memberRole} />
            ) : activeSelling.length > 0 ? (
              <BuyPacksForm t={t} products={activeSelling} />
            ) : (
              <p className="text-sm text-muted">
                <Link href="/services" className="text-brand-600 hover:underline">
                  {t("packs.buy.activateFirst")}
                </Link>
              </p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
