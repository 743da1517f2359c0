import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { accountViolations, accounts, auditLog, bills, licenceQuotes, packs, refunds, serviceActivations, supportRequests, supportSessions, users, wallets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, type ServiceContext } from "@/lib/context";
import { assertStaff } from "@/lib/context/access";
import { listMembers } from "@/lib/members/members";
import { MAX_PAGE } from "@/lib/params/query";
import { staffPackList } from "./staff-packs";

/** `auditPage`: which page of the audit trail, AUDIT_ROWS a page, newest first. */
export const accountPageInput = z.object({ accountId: z.uuid(), auditPage: z.number().int().min(1).max(MAX_PAGE).default(1) });

const RECENT = 20;
const AUDIT_ROWS = 50;
/** Packs still usable (or used up but valid) are all listed; at most this many of any kind are read. */
const PACK_ROWS = 200;
/** How long a reviewed refund stays on the page as "decided": the confirmation outlives the click (issue 19 item 5). */
const DECIDED_HOURS = 24;

/**
 * Everything support needs on one account (issue 10 account page): status, balance, products, packs,
 * recent bills, open requests and the audit trail. Staff's own read path: customer services take the
 * account from the session only. Each call is recorded in the customer's access log.
 */
export async function staffAccountPage({ ctx, input }: { ctx: ServiceContext; input: { accountId: string; auditPage?: number } }) {
  assertStaff(ctx.actor);
  const auditPage = input.auditPage ?? 1;
  const db = ctx.db;
  const [account] = await db
    .select({ id: accounts.id, name: accounts.name, status: accounts.status, createdAt: accounts.createdAt, email: users.email })
    .from(accounts)
    // The account's first owner names it (issue 21: an account has members; at least one owner always).
    .innerJoin(users, and(eq(users.accountId, accounts.id), eq(users.memberRole, "owner"), isNull(users.removedAt)))
    .where(eq(accounts.id, input.accountId))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!account) throw new NotFoundError("account-not-found");
  const auditShown = and(eq(auditLog.accountId, account.id), ne(auditLog.action, "support.account-viewed"));
  const [wallet, products, packRows, billRows, requestRows, pendingRefunds, audit, [auditCount], liveView, violation, quotes, decidedRefunds, members] = await Promise.all([
    db.select({ cash: wallets.cash, income: wallets.income, gift: wallets.gift, frozen: wallets.frozen }).from(wallets).where(eq(wallets.accountId, account.id)),
    db.select({ product: serviceActivations.product, activatedAt: serviceActivations.activatedAt }).from(serviceActivations).where(eq(serviceActivations.accountId, account.id)),
    accountPacks(ctx, account.id),
    db.select({ id: bills.id, month: bills.month, status: bills.status, usageTotal: bills.usageTotal }).from(bills).where(eq(bills.accountId, account.id)).orderBy(desc(bills.month)).limit(6),
    db
      .select({ id: supportRequests.id, kind: supportRequests.kind, status: supportRequests.status, details: supportRequests.details, createdAt: supportRequests.createdAt })
      .from(supportRequests)
      .where(and(eq(supportRequests.accountId, account.id), inArray(supportRequests.status, ["open", "awaiting-quote", "quoted"])))
      .orderBy(desc(supportRequests.createdAt)),
    db
      .select({ id: refunds.id, pack: packs.packSpec, api: packs.api, requestedAt: refunds.requestedAt, returnedCash: refunds.returnedCash, returnedIncome: refunds.returnedIncome, returnedGift: refunds.returnedGift })
      .from(refunds)
      .innerJoin(packs, eq(packs.id, refunds.packId))
      .where(and(eq(refunds.accountId, account.id), eq(refunds.status, "pending-review"))),
    // Without staff's own page loads, which would soon be all the trail shows (the customer sees them).
    // The member who acted, by name (issue 21 item 5); other actors are named by their kind.
    db
      .select({ ...getTableColumns(auditLog), actorName: users.name })
      .from(auditLog)
      .leftJoin(users, and(eq(auditLog.actorType, "customer"), eq(sql`${users.id}::text`, auditLog.actorId)))
      .where(auditShown)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_ROWS)
      .offset((auditPage - 1) * AUDIT_ROWS),
    db.select({ n: count() }).from(auditLog).where(auditShown),
    db
      .select({ id: supportSessions.id })
      .from(supportSessions)
      .where(and(eq(supportSessions.staffUserId, ctx.actor.userId), isNull(supportSessions.endedAt))),
    db
      .select({ reason: accountViolations.reason, markedAt: accountViolations.markedAt })
      .from(accountViolations)
      .where(and(eq(accountViolations.accountId, account.id), isNull(accountViolations.liftedAt))),
    db.select().from(licenceQuotes).where(eq(licenceQuotes.accountId, account.id)).orderBy(desc(licenceQuotes.quotedAt)).limit(RECENT),
    // Refunds decided after a review (decided later than asked; an immediate one is decided as asked).
    db
      .select({
        id: refunds.id,
        status: refunds.status,
        pack: packs.packSpec,
        api: packs.api,
        reason: refunds.reason,
        decidedAt: refunds.decidedAt,
        returnedCash: refunds.returnedCash,
        returnedIncome: refunds.returnedIncome,
        returnedGift: refunds.returnedGift,
      })
      .from(refunds)
      .innerJoin(packs, eq(packs.id, refunds.packId))
      .where(and(eq(refunds.accountId, account.id), gte(refunds.decidedAt, new Date(ctx.now.getTime() - DECIDED_HOURS * 3_600_000)), gt(refunds.decidedAt, refunds.requestedAt)))
      .orderBy(desc(refunds.decidedAt))
      .limit(RECENT),
    listMembers({ ctx, accountId: account.id }),
  ]);
  const auditTotal = auditCount?.n ?? audit.length;
  const auditPages = Math.max(1, Math.ceil(auditTotal / AUDIT_ROWS));
  // A page past the trail's end is a page that does not exist (the URL was made up or the trail is shorter).
  if (auditPage > auditPages) throw new NotFoundError("audit-page-not-found");
  // The customer sees every staff look at their data (issue 17 item 5): this service is the staff's
  // only read path to one account, so the row is written here, once per page load — after the
  // reads, so a page refused above records nothing.
  await recordAudit(ctx, { action: "support.account-viewed", accountId: account.id, target: account.id });
  return {
    account,
    wallet: wallet[0] ?? { cash: "0", income: "0", gift: "0", frozen: "0" },
    products,
    packs: packRows,
    bills: billRows,
    requests: requestRows,
    pendingRefunds,
    audit,
    /** How many rows the trail has in all, and its pages of AUDIT_ROWS: the page pages through it. */
    auditTotal,
    auditPage,
    auditPages,
    /** The staff member's own live view (of any account): they stop it before starting another. */
    viewing: liveView.length > 0,
    violation: violation[0] ?? null,
    /** Licence quotes, newest first: the first one of a request is its latest. */
    quotes,
    /** Refunds decided after review in the last day, newest first: what approving or rejecting did. */
    decidedRefunds,
    /** Who can sign in to the account, with their roles (issue 21 item 6). */
    members,
  };
}

export type StaffAccountPage = Awaited<ReturnType<typeof staffAccountPage>>;

/** Every pack still valid, and the latest ended (expired or refunded) ones, with their states (lib/support/staff-packs.ts). */
async function accountPacks(ctx: ServiceContext, accountId: string) {
  const columns = { id: packs.id, api: packs.api, packSpec: packs.packSpec, size: packs.size, remaining: packs.remaining, source: packs.source, freeMonth: packs.freeMonth, expiresAt: packs.expiresAt, refundedAt: packs.refundedAt, refundHold: packs.refundHold };
  const live = and(eq(packs.accountId, accountId), isNull(packs.refundedAt), gt(packs.expiresAt, ctx.now));
  const over = and(eq(packs.accountId, accountId), or(isNotNull(packs.refundedAt), lte(packs.expiresAt, ctx.now)));
  const [current, ended, [endedCount]] = await Promise.all([
    ctx.db.select(columns).from(packs).where(live).orderBy(asc(packs.expiresAt)).limit(PACK_ROWS),
    ctx.db.select(columns).from(packs).where(over).orderBy(desc(packs.expiresAt)).limit(RECENT),
    ctx.db.select({ n: count() }).from(packs).where(over),
  ]);
  return { ...staffPackList([...current, ...ended], ctx.now), endedTotal: endedCount?.n ?? ended.length };
}
