import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as balanceCsv } from "@/app/(app)/(console)/balance/transactions-csv/route";
import { GET as billCsv } from "@/app/(app)/(console)/bills/[month]/csv/route";
import { GET as dailyCsv } from "@/app/(app)/(console)/usage/daily-csv/route";
import { GET as unread } from "@/app/api/console/unread/route";
import { staffActivityText } from "@/components/support/staff-activity-list";
import type { Database } from "@/db/client";
import { auditLog, bills, packs } from "@/db/schema";
import { requireCustomer } from "@/lib/auth/session";
import { setFixedNow } from "@/lib/clock";
import type { ServiceContext } from "@/lib/context";
import { translatorFor } from "@/lib/i18n/translate";
import { createStaff } from "@/lib/identity/staff";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestFormalLicence, requestQpsIncrease } from "@/lib/quota/requests";
import { requestRefund } from "@/lib/refunds/request";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { accessLog, type StaffActivity } from "@/lib/support/access-log";
import { accountPageInput, staffAccountPage } from "@/lib/support/account-page";
import { goodwillCredit } from "@/lib/support/goodwill";
import { startSupportView } from "@/lib/support/impersonation";
import { quoteLicence } from "@/lib/support/licence-quote";
import { approveQpsRequest, declineQpsRequest } from "@/lib/support/qps-review";
import { approveRefund, rejectRefund } from "@/lib/support/refund-review";
import { SUPPORT_VIEW_COOKIE } from "@/lib/support/view-cookie";
import { liftViolation, markViolation } from "@/lib/support/violation";

/**
 * Issue 17 item 5: the customer's access log shows every staff access to their data (each page,
 * download and live read of a support view; each opening of their staff account page) and every
 * staff action on the account, with the staff member's display name and reason.
 */
type Session = { user: { id: string; role: string; accountId?: string; email?: string; name?: string } } | null;
const state: { db: Database | null; session: Session; viewCookie: string | undefined } = { db: null, session: null, viewCookie: undefined };
vi.mock("@/db", () => ({
  getDb: async () => {
    if (!state.db) throw new Error("no database");
    return state.db;
  },
}));
vi.mock("@/lib/auth", () => ({ auth: async () => state.session, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === SUPPORT_VIEW_COOKIE && state.viewCookie ? { value: state.viewCookie } : undefined) }),
  headers: async () => new Headers({ "accept-language": "en" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

const at = new Date("2026-11-22T02:00:00Z");
const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
const origin = { ip: "10.1.2.3", userAgent: "test-agent" };
let n = 0;
const key = () => `staff-access-${Date.now()}-${++n}`;

beforeAll(() => setFixedNow(new Date(at.getTime() + 60_000)));

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesNamed(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : []));
}

describe("no console page or route can read the account without the access-log row", () => {
  it("every console page asks requireCustomer with its path; every console route resolves through consoleRouteContext", () => {
    const pages = filesNamed("app/(app)/(console)", "page.tsx");
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.filter((f) => !/requireCustomer\(["`]\//.test(readFileSync(f, "utf8")))).toEqual([]);
    // /api/console/viewer answers only the session's own role (for the public pages' island), no account data.
    const ACCOUNTLESS = ["app/api/console/viewer/route.ts"];
    const routes = [...filesNamed("app/(app)/(console)", "route.ts"), ...filesNamed("app/api/console", "route.ts")].filter((f) => !ACCOUNTLESS.some((free) => f.endsWith(free)));
    expect(routes.length).toBeGreaterThan(6);
    expect(routes.filter((f) => !/consoleRouteContext\(request|csvCustomerContext\(request|customerRouteContext\(request/.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});

describeEachDatabase("the customer's access log shows staff access and actions (issue 17 item 5)", (database) => {
  const db = () => database().db;

  async function staffMember(name: string, role: "support" | "admin" = "support") {
    const created = await createStaff({ ctx: { db: db(), actor: { type: "system" }, now: at }, input: { email: uniqueEmail("access"), role, name } });
    const ctx = (now = at): ServiceContext => ({ db: db(), actor: { type: "staff", userId: created.userId, role }, now });
    return { userId: created.userId, role, ctx };
  }

  const viewRows = async (accountId: string, sessionId: string) =>
    (await db().select().from(auditLog).where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, "support.page-viewed"), eq(auditLog.target, sessionId)))).map((r) => r.after);

  it("a support view's CSV downloads, live reads and pages each leave a row; a live route polled twice, one", async () => {
    state.db = db();
    const customer = await newAccount(db(), at, "downloads");
    await topUp(customer, "50");
    await db().insert(bills).values({ accountId: customer.accountId, month: "2026-10", priceBook: "2023-12", status: "paid", usageTotal: "12.34", balanceBefore: "50", balanceAfter: "37.66", closedAt: days(-21) });
    const staff = await staffMember("Lin");
    const view = await startSupportView({ ctx: staff.ctx(), input: { accountId: customer.accountId, reason: "checking a disputed bill" }, origin });

    // Staff without a live view read nothing, and leave nothing.
    state.session = { user: { id: staff.userId, role: "support" } };
    state.viewCookie = undefined;
    expect((await billCsv(new Request("http://localhost/bills/2026-10/csv"), { params: Promise.resolve({ month: "2026-10" }) })).status).toBe(401);
    expect((await unread(new Request("http://localhost/api/console/unread"))).status).toBe(401);

    state.viewCookie = view.id;
    const bill = await billCsv(new Request("http://localhost/bills/2026-10/csv"), { params: Promise.resolve({ month: "2026-10" }) });
    expect(bill.status).toBe(200);
    expect(await bill.text()).toContain("12.34");
    expect((await balanceCsv(new Request("http://localhost/balance/transactions-csv?from=2026-11-01"))).status).toBe(200);
    expect((await dailyCsv(new Request("http://localhost/usage/daily-csv?month=2026-11"))).status).toBe(200);
    expect((await unread(new Request("http://localhost/api/console/unread"))).status).toBe(200);
    expect((await unread(new Request("http://localhost/api/console/unread"))).status).toBe(200);
    const page = await requireCustomer("/balance");
    expect(page.supportView?.id).toBe(view.id);

    expect(await viewRows(customer.accountId, view.id)).toEqual([
      { path: "/bills/2026-10/csv", kind: "download" },
      { path: "/balance/transactions-csv?from=2026-11-01", kind: "download" },
      { path: "/usage/daily-csv?month=2026-11", kind: "download" },
      { path: "/api/console/unread", kind: "data" },
      { path: "/balance", kind: "page" },
    ]);
    const [session] = (await accessLog({ ctx: customer.customer(at) })).sessions;
    expect(session).toMatchObject({ staffName: "Lin", reason: "checking a disputed bill", pages: ["/api/console/unread", "/balance"] });
    expect(session?.downloads).toEqual(["/bills/2026-10/csv", "/balance/transactions-csv?from=2026-11-01", "/usage/daily-csv?month=2026-11"]);

    // The customer's own downloads are not staff access.
    state.session = { user: { id: customer.userId, role: "customer", accountId: customer.accountId } };
    state.viewCookie = undefined;
    expect((await billCsv(new Request("http://localhost/bills/2026-10/csv"), { params: Promise.resolve({ month: "2026-10" }) })).status).toBe(200);
    expect(await viewRows(customer.accountId, view.id)).toHaveLength(5);
  });

  it("staff opening the account page leaves a row the customer sees, with the display name, not the email", async () => {
    const customer = await newAccount(db(), at, "account-page");
    const staff = await staffMember("Mei");
    await staffAccountPage({ ctx: staff.ctx(), input: accountPageInput.parse({ accountId: customer.accountId }) });
    const again = await staffAccountPage({ ctx: staff.ctx(), input: accountPageInput.parse({ accountId: customer.accountId }) });
    // Staff's own page loads stay out of the trail the page shows them.
    expect(again.audit.map((r) => r.action)).not.toContain("support.account-viewed");
    const { staffActivity } = await accessLog({ ctx: customer.customer() });
    // Two page loads in a row are one visit: one line with its count (lib/support/staff-openings.ts).
    expect(staffActivity).toMatchObject([{ action: "support.account-viewed", staffName: "Mei", reason: null, count: 2 }]);
    expect(staffActivityText(translatorFor("en"), "en", staffActivity[0]!)).toBe("Mei opened your account in the support console 2 times in one visit (contact details, balance, packs, bills)");
    expect(staffActivityText(translatorFor("zh-CN"), "zh-CN", staffActivity[0]!)).toBe("Mei 在一次访问中于支持控制台打开了您的账号 2 次（联系方式、余额、资源包、账单）");
    const once = { ...staffActivity[0]!, count: undefined, firstAt: undefined };
    expect(staffActivityText(translatorFor("en"), "en", once)).toBe("Mei opened your account in the support console (contact details, balance, packs, bills)");
    expect(staffActivityText(translatorFor("zh-CN"), "zh-CN", once)).toBe("Mei 在支持控制台中打开了您的账号（联系方式、余额、资源包、账单）");
  });

  it("goodwill credit, disable and lift, refund approve and reject, QPS decisions and a licence quote appear with name and reason", async () => {
    const customer = await newAccount(db(), at, "actions");
    for (const product of ["scan", "body"] as const) await activateProduct({ ctx: customer.customer(), input: { product, acceptTerms: true } });
    await topUp(customer, "1000");
    const support = await staffMember("Ana");
    const admin = await staffMember("Bo", "admin");

    await goodwillCredit({ ctx: admin.ctx(), input: { accountId: customer.accountId, amount: "10", reason: "sorry for the outage" } });
    await markViolation({ ctx: support.ctx(), input: { accountId: customer.accountId, reason: "prohibited content found" } });
    await liftViolation({ ctx: support.ctx(), input: { accountId: customer.accountId, reason: "content removed by customer" } });

    // Five packs, three refunds at once; the 4th and 5th are held for review (REFUNDS_BEFORE_REVIEW = 3).
    const bought = [];
    for (let i = 0; i < 5; i++) {
      const p = await purchase({ ctx: customer.customer(), input: { idempotencyKey: key(), item: "scan.code-recognition:1k", quantity: 1 } });
      const [pack] = await db().select().from(packs).where(eq(packs.purchaseId, p.purchaseId));
      bought.push(pack!);
    }
    for (const pack of bought.slice(0, 3)) await requestRefund({ ctx: customer.customer(), input: { packId: pack.id } });
    const held = await requestRefund({ ctx: customer.customer(), input: { packId: bought[3]!.id } });
    await approveRefund({ ctx: support.ctx(), input: { refundId: held.refundId } });
    const heldAgain = await requestRefund({ ctx: customer.customer(), input: { packId: bought[4]!.id } });
    await rejectRefund({ ctx: support.ctx(), input: { refundId: heldAgain.refundId, reason: "too many refunds this month" } });

    const first = await requestQpsIncrease({ ctx: customer.customer(), input: { group: "body", totalQps: 500, neededBy: days(10), note: "" } });
    await declineQpsRequest({ ctx: support.ctx(), input: { requestId: first.requestId, reason: "capacity is not available" } });
    const second = await requestQpsIncrease({ ctx: customer.customer(), input: { group: "body", totalQps: 300, neededBy: days(10), note: "" } });
    await approveQpsRequest({ ctx: support.ctx(), input: { requestId: second.requestId, appliesFrom: days(8) } });

    const formal = await requestFormalLicence({ ctx: customer.customer(), input: { packageName: "com.example.kiosk", years: 2, note: "two shops" } });
    await quoteLicence({ ctx: support.ctx(), input: { requestId: formal.requestId, price: "1234.56", years: 2 } });

    const { staffActivity } = await accessLog({ ctx: customer.customer() });
    const line = (item: StaffActivity) => ({ staff: item.staffName, en: staffActivityText(translatorFor("en"), "en", item), zh: staffActivityText(translatorFor("zh-CN"), "zh-CN", item), reason: item.reason });
    expect(staffActivity.map(line).reverse()).toEqual([
      { staff: "Bo", en: "Bo credited ¥10.00 to your gift balance", zh: "Bo 向您的赠送余额充入 ¥10.00", reason: "sorry for the outage" },
      { staff: "Ana", en: "Ana disabled your account", zh: "Ana 停用了您的账号", reason: "prohibited content found" },
      { staff: "Ana", en: "Ana lifted the restriction on your account", zh: "Ana 解除了对您账号的限制", reason: "content removed by customer" },
      { staff: "Ana", en: "Ana approved your refund of ¥100.00", zh: "Ana 批准了您 ¥100.00 的退款", reason: null },
      { staff: "Ana", en: "Ana rejected your refund request", zh: "Ana 拒绝了您的退款申请", reason: "too many refunds this month" },
      { staff: "Ana", en: "Ana declined your request for more QPS", zh: "Ana 拒绝了您提升 QPS 的申请", reason: "capacity is not available" },
      { staff: "Ana", en: "Ana approved up to 300 QPS for Body analysis from Nov 30, 2026", zh: "Ana 批准人体分析自 2026年11月30日 起最高 300 QPS", reason: null },
      { staff: "Ana", en: "Ana quoted ¥1,234.56 for an offline SDK licence for com.example.kiosk, 2 years", zh: "Ana 为 com.example.kiosk 的离线 SDK 授权报价 ¥1,234.56，2 年", reason: null },
    ]);
  });
});
