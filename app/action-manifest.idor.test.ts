import { and, eq, isNull } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { actionModules } from "@/app/action-manifest";
import type { Database } from "@/db/client";
import { apiKeys, budgets, invitations, invoices, licenceQuotes, licences, messages, packs, qpsGrants, supportSessions, topUpOrders, users, vouchers } from "@/db/schema";
import { addTitle } from "@/lib/invoices/titles";
import { memberRoles } from "@/lib/identity/roles";
import { acceptInvitation, inviteMember } from "@/lib/members/invitations";
import { saveBudget } from "@/lib/budgets/budgets";
import { createStaff } from "@/lib/identity/staff";
import { notify } from "@/lib/messaging/notify";
import { createApiKey } from "@/lib/metering/api-keys";
import { activateProduct } from "@/lib/packs/activation";
import { purchase } from "@/lib/purchases/purchase";
import { requestFormalLicence } from "@/lib/quota/requests";
import { startSupportView } from "@/lib/support/impersonation";
import { quoteLicence } from "@/lib/support/licence-quote";
import { describeEachDatabase, uniqueEmail } from "@/lib/tooling/testing/databases";
import { newAccount, topUp } from "@/lib/tooling/testing/wallet-fixtures";
import { grantVoucher } from "@/lib/wallet/credit";
import { topUpProvider } from "@/lib/wallet/providers";
import { createTopUp } from "@/lib/wallet/top-up";
import { actionMeta } from "@/lib/actions/define";
import type { Viewer } from "@/lib/actions/viewer";

/**
 * The IDOR matrix (issue 9): every customer action that names an object is called by customer B with
 * customer A's ids, through the real action and the real database: refused, and A's objects are
 * unchanged. Every other customer action must be declared here as naming no object, so a new action
 * fails this test until it is classified. Since issue 21 B calls as every member role
 * (lib/identity/roles.ts): whatever the role, A's objects stay A's (refused with forbidden-role by the
 * matrix, or not found by the service). The own-account dimension: app/action-manifest.roles.test.ts.
 */
const state: { db: Database | null; viewer: Viewer } = { db: null, viewer: { kind: "anonymous" } };
vi.mock("@/db", () => ({
  getDb: async () => {
    if (!state.db) throw new Error("no database");
    return state.db;
  },
}));
vi.mock("@/lib/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/actions/viewer", () => ({
  currentViewer: async () => state.viewer,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: vi.fn(), headers: vi.fn() }));

/** Customer actions whose input names no object of an account (the account comes from the session). */
const NAMES_NO_OBJECT = new Set([
  "alerts#updateThresholdAction",
  "api-keys#createApiKeyAction",
  "balance#topUpAction",
  "budgets#saveBudgetAction",
  "budgets#saveBalanceAlertAction",
  "members#inviteMemberAction",
  "change-password#changePasswordAction",
  "profile#updateProfileAction",
  "messages#updateSubscriptionAction",
  "qps#switchModeAction",
  "qps#requestMoreQpsAction",
  "sdk#scanTrialAction",
  "sdk#offlineTrialAction",
  "sdk#formalLicenceAction",
  "services#activateAction",
  "invoices#addTitleAction",
]);

const at = new Date("2026-11-22T02:00:00Z");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

describeEachDatabase("IDOR matrix: customer actions with another account's ids", (database) => {
  it("every customer action is in the matrix or declared to name no object; each refuses A's ids from B and changes nothing", async () => {
    const db = database().db;
    state.db = db;
    const a = await newAccount(db, at, "idor-a");
    const b = await newAccount(db, at, "idor-b");
    await activateProduct({ ctx: a.customer(), input: { product: "scan", acceptTerms: true } });
    await topUp(a, "1000");
    const bought = await purchase({ ctx: a.customer(), input: { idempotencyKey: `idor-${Date.now()}`, item: "scan.code-recognition:1k", quantity: 1 } });
    const [pack] = await db.select().from(packs).where(eq(packs.purchaseId, bought.purchaseId));
    const key = await createApiKey({ ctx: a.customer(), input: { name: "a-key" } });
    await notify(a.system(), { accountId: a.accountId, kind: "restored", product: null, params: { balance: "¥1.00" }, dedupeKey: `idor-${Date.now()}` });
    const [message] = await db.select().from(messages).where(eq(messages.accountId, a.accountId));
    const voucher = await grantVoucher({ ctx: a.system(), input: { accountId: a.accountId, amount: "50", products: ["scan"], expiresAt: new Date(at.getTime() + 30 * 86_400_000), reason: "idor test" } });
    const staff = await createStaff({ ctx: a.system(), input: { email: uniqueEmail("idor-staff"), role: "support" } });
    const view = await startSupportView({
      ctx: { db, actor: { type: "staff", userId: staff.userId, role: "support" }, now: at },
      input: { accountId: a.accountId, reason: "idor matrix test view" },
      origin: { ip: "t", userAgent: "t" },
    });
    await activateProduct({ ctx: a.customer(), input: { product: "body", acceptTerms: true } });
    // Issue 22: A's monthly QPS grant, whose auto-renew B must not turn on.
    const aQps = await purchase({ ctx: a.customer(), input: { idempotencyKey: `idor-qps-${Date.now()}`, item: "qps:body", quantity: 1, period: "month", periods: 1 } });
    const [aGrant] = await db.select().from(qpsGrants).where(eq(qpsGrants.purchaseId, aQps.purchaseId));
    if (!aGrant) throw new Error("fixtures missing");
    // Issue 22: A's formal offline-SDK licence, whose auto-renew B must not turn on.
    const [aLicence] = await db
      .insert(licences)
      .values({ accountId: a.accountId, kind: "offline-sdk-formal", androidPackage: "com.idor.licensed", startsAt: at, endsAt: new Date(at.getTime() + 365 * 86_400_000), createdAt: at })
      .returning();
    if (!aLicence) throw new Error("fixtures missing");
    const licenceRequest = await requestFormalLicence({ ctx: a.customer(), input: { packageName: "com.idor.kiosk", years: 1, note: "" } });
    const staffCtx = { db, actor: { type: "staff" as const, userId: staff.userId, role: "support" as const }, now: at };
    const quote = await quoteLicence({ ctx: staffCtx, input: { requestId: licenceRequest.requestId, price: "900.00", years: 1 } });
    const quoteStillOpen = async () => (await db.select().from(licenceQuotes).where(and(eq(licenceQuotes.id, quote.quoteId), eq(licenceQuotes.status, "open"), isNull(licenceQuotes.purchaseId)))).length === 1;
    const budget = await saveBudget({ ctx: a.customer(), input: { scope: "account", amount: "100", thresholds: [50, 80, 100] } });
    // Issue 20 item 4: A's invoice title and a requested invoice of A's (inserted as the request would).
    const aTitle = await addTitle({ ctx: a.customer(), input: { companyName: "A Co", taxId: "91330100799655058B" } });
    const [aInvoice] = await db
      .insert(invoices)
      .values({ accountId: a.accountId, type: "normal", amount: "10.00", basis: "month", month: "2026-11", title: { companyName: "A Co" }, email: "a@x.test", status: "requested", requestedAt: at })
      .returning();
    const bTitle = await addTitle({ ctx: b.customer(), input: { companyName: "B Co", taxId: "91440300708461136T" } });
    const noInvoiceOfB = async () => (await db.select().from(invoices).where(eq(invoices.accountId, b.accountId))).length === 0;
    const provider = topUpProvider();
    if (!aInvoice) throw new Error("fixtures missing");
    if (!pack || !message || !provider) throw new Error("fixtures missing");
    const order = await createTopUp({ ctx: a.customer(), input: { amount: "100" }, provider, returnUrl: "/balance" });
    const secret = "idor-invitations";
    const invited = await inviteMember({ ctx: a.customer(), input: { email: uniqueEmail("idor-dev"), role: "developer" }, secret, appUrl: "https://x.example" });
    const aDev = await acceptInvitation({ ctx: { db, actor: { type: "anonymous" }, now: at }, input: { token: new URL(invited.link).searchParams.get("token") ?? "", name: "A dev", password: "password-1" }, secret });
    const openInvite = await inviteMember({ ctx: a.customer(), input: { email: uniqueEmail("idor-open"), role: "finance" }, secret, appUrl: "https://x.example" });
    const aDevUnchanged = async () => (await db.select().from(users).where(and(eq(users.id, aDev.userId), eq(users.memberRole, "developer"), isNull(users.removedAt)))).length === 1;

    /** What customer B sends, and how to see that A's object is untouched. */
    type Row = { args: unknown[]; unchanged: () => Promise<boolean>; refused?: (result: unknown) => boolean };
    /** One row per action, or several when an action names more than one kind of object. */
    const matrix: Record<string, Row | Row[]> = {
      "packs#refundAction": {
        args: [{}, form({ packId: pack.id })],
        unchanged: async () => (await db.select().from(packs).where(and(eq(packs.id, pack.id), isNull(packs.refundedAt), eq(packs.refundHold, false)))).length === 1,
      },
      "api-keys#revokeApiKeyAction": {
        args: [key.key.id],
        unchanged: async () => (await db.select().from(apiKeys).where(and(eq(apiKeys.id, key.key.id), isNull(apiKeys.revokedAt)))).length === 1,
      },
      "messages#markReadAction": {
        args: [[message.id]],
        // Marking is scoped to the caller's own messages: foreign ids match nothing.
        refused: (result) => JSON.stringify(result) === '{"ok":true,"value":0}',
        unchanged: async () => (await db.select().from(messages).where(and(eq(messages.id, message.id), isNull(messages.readAt)))).length === 1,
      },
      "checkout#purchaseAction": [
        {
          args: [{}, form({ idempotencyKey: `idor-b-${Date.now()}`, item: "scan.code-recognition:1k", quantity: "1", voucherId: voucher.voucherId })],
          unchanged: async () => (await db.select().from(vouchers).where(eq(vouchers.id, voucher.voucherId)))[0]?.remaining === "50.00",
        },
        {
          // B paying A's licence quote: "not found", nothing charged, A's quote still open.
          args: [{}, form({ idempotencyKey: `idor-bq-${Date.now()}`, item: "body.offline-sdk:formal", quantity: "1", quoteId: quote.quoteId })],
          refused: (result) => JSON.stringify(result).includes('"error":"quote-not-found"'),
          unchanged: quoteStillOpen,
        },
      ],
      "sdk#declineQuoteAction": {
        args: [{}, form({ quoteId: quote.quoteId })],
        refused: (result) => JSON.stringify(result).includes('"error":"quote-not-found"'),
        unchanged: quoteStillOpen,
      },
      "budgets#deleteBudgetAction": {
        args: [{}, form({ id: budget.id })],
        unchanged: async () => (await db.select().from(budgets).where(eq(budgets.id, budget.id))).length === 1,
      },
      "sandbox#sandboxPayAction": {
        args: [{}, form({ orderId: order.orderId, return: "/balance" })],
        // Another customer's order is a 404, as if it did not exist.
        refused: (result) => result === "NEXT_HTTP_ERROR_FALLBACK;404",
        unchanged: async () => (await db.select().from(topUpOrders).where(eq(topUpOrders.id, order.orderId)))[0]?.status === "pending",
      },
      "orders#cancelPaymentAction": {
        args: [{}, form({ orderId: order.orderId })],
        unchanged: async () => (await db.select().from(topUpOrders).where(eq(topUpOrders.id, order.orderId)))[0]?.status === "pending",
      },
      "invoices#requestInvoiceAction": [
        {
          args: [{}, form({ titleId: aTitle.titleId, type: "normal", basis: "month", month: "2026-11", amount: "1.00", email: "b@x.test" })],
          refused: (result) => JSON.stringify(result).includes('"error":"invoice-title-not-found"'),
          unchanged: noInvoiceOfB,
        },
        {
          args: [{}, form({ titleId: bTitle.titleId, type: "normal", basis: "orders", orderIds: bought.purchaseId, email: "b@x.test" })],
          refused: (result) => JSON.stringify(result).includes('"error":"invoice-order-not-invoiceable"'),
          unchanged: noInvoiceOfB,
        },
      ],
      "invoices#requestReversalAction": {
        args: [{}, form({ invoiceId: aInvoice.id, reason: "not mine to reverse" })],
        refused: (result) => JSON.stringify(result).includes('"error":"invoice-not-found"'),
        unchanged: async () => (await db.select().from(invoices).where(eq(invoices.id, aInvoice.id)))[0]?.status === "requested",
      },
      "members#revokeInvitationAction": {
        args: [{}, form({ invitationId: openInvite.invitationId })],
        unchanged: async () => (await db.select().from(invitations).where(and(eq(invitations.id, openInvite.invitationId), isNull(invitations.revokedAt)))).length === 1,
      },
      "members#changeRoleAction": { args: [{}, form({ userId: aDev.userId, role: "owner" })], unchanged: aDevUnchanged },
      "members#removeMemberAction": { args: [{}, form({ userId: aDev.userId, keys: "keep" })], unchanged: aDevUnchanged },
      "members#transferOwnershipAction": { args: [{}, form({ userId: aDev.userId, myRole: "owner" })], unchanged: aDevUnchanged },
      "qps#autoRenewAction": {
        args: [{}, form({ grantId: aGrant.id, on: "true" })],
        unchanged: async () => (await db.select().from(qpsGrants).where(and(eq(qpsGrants.id, aGrant.id), eq(qpsGrants.autoRenew, false)))).length === 1,
      },
      "sdk#autoRenewAction": {
        args: [{}, form({ licenceId: aLicence.id, on: "true" })],
        unchanged: async () => (await db.select().from(licences).where(and(eq(licences.id, aLicence.id), eq(licences.autoRenew, false)))).length === 1,
      },
      "security#revokeSupportViewAction": {
        args: [{}, form({ sessionId: view.id })],
        unchanged: async () => (await db.select().from(supportSessions).where(and(eq(supportSessions.id, view.id), isNull(supportSessions.endedAt)))).length === 1,
      },
    };

    await topUp(b, "1000");
    await activateProduct({ ctx: b.customer(), input: { product: "scan", acceptTerms: true } });
    let checked = 0;
    for (const role of memberRoles) {
    state.viewer = { kind: "customer", userId: b.userId, accountId: b.accountId, email: "b@x", name: "B", memberRole: role };
    for (const entry of Object.values(actionModules)) {
      if (!("load" in entry)) continue;
      for (const action of Object.values(await entry.load())) {
        const meta = actionMeta(action);
        if (!meta || meta.audience !== "customer") continue;
        if (NAMES_NO_OBJECT.has(meta.name)) continue;
        const entry = matrix[meta.name];
        expect(entry, `${meta.name} names an object but is not in the IDOR matrix`).toBeDefined();
        if (!entry) continue;
        for (const row of Array.isArray(entry) ? entry : [entry]) {
          const result = await (action as (...args: unknown[]) => Promise<unknown>)(...row.args).catch((error: unknown) => {
            // Next's notFound() is a refusal too: keep its digest as the answer.
            const digest = (error as { digest?: unknown }).digest;
            if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return digest;
            throw error;
          });
          const label = `${meta.name} as ${role}`;
          const byRole = JSON.stringify(result)?.includes('"error":"forbidden-role"') ?? false;
          if (row.refused && !byRole) expect(row.refused(result), `${label}: ${JSON.stringify(result)}`).toBe(true);
          else if (!row.refused) expect(JSON.stringify(result), label).toMatch(/"error":"[a-z-]+"/);
          expect(await row.unchanged(), `${label} changed account A's object`).toBe(true);
        }
        checked += 1;
      }
    }
    }
    expect(checked).toBe(Object.keys(matrix).length * memberRoles.length);
  });
});
