import postgres from "postgres";
import type { ServiceContext } from "@/lib/context";
import { signUp } from "@/lib/identity/sign-up";
import { activateProduct } from "@/lib/packs/activation";
import { FIRST_PRICED_MONTH, monthOf } from "@/lib/pricing";

export const TEN_YEAR_EMAIL = "ten-years@bench.test";
export const NEW_EMAIL = "new@bench.test";
export const BENCH_PASSWORD = "bench-password-1";

/** Copies of the demo's 24 closed months laid end to end: 4 more make 120 months (ten years). */
const EXTRA_COPIES = 4;

/**
 * A ten-year account made from the demo company's two years (seeded through the real paths): the
 * account signs up and activates through the services ten years ago, then the demo's rows are copied
 * to it as they are and, for its closed months, four more times shifted back 24, 48, 72 and 96
 * months — bills and their lines, hourly usage and raw events, ledger transactions and entries,
 * purchases and packs, messages and audit rows. Plain multi-row INSERT … SELECT: the real path
 * would take an hour for ten years of daily reports and monthly closes.
 */
export async function seedTenYearAccount(ctx: ServiceContext, url: string, demoAccountId: string): Promise<string> {
  const tenYearsAgo = new Date(ctx.now.getTime() - 3653 * 86_400_000);
  // The services refuse months before the first price book: sign up and activate then, and date the account back below.
  const firstPriced = new Date(`${FIRST_PRICED_MONTH}-02T10:00:00+08:00`);
  const { accountId, userId } = await signUp({ ctx: { ...ctx, now: firstPriced }, input: { email: TEN_YEAR_EMAIL, password: BENCH_PASSWORD, company: "Ten Years Ltd" } });
  const customer: ServiceContext = { db: ctx.db, actor: { type: "customer", userId, accountId }, now: firstPriced };
  for (const product of ["scan", "recognition", "processing", "body"] as const) await activateProduct({ ctx: customer, input: { product, acceptTerms: true } });
  const current = monthOf(ctx.now);
  // One connection: the id maps are temporary tables of this session.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const demo = demoAccountId;
    const to = accountId;
    for (let copy = 0; copy <= EXTRA_COPIES; copy++) {
      const shift = `${-24 * copy} months`;
      const tag = copy === 0 ? "" : `:copy${copy}`;
      // Copy 0 is the whole demo as it is (current month included); the others only its closed months.
      const closed = copy === 0 ? sql`true` : sql`month < ${current}`;
      const closedAt = (column: string) => (copy === 0 ? sql`true` : sql`${sql(column)} < ${new Date(`${current}-01T00:00:00+08:00`)}`);
      const shifted = (column: string) => sql`${sql(column)} + ${shift}::interval`;
      const monthOfShifted = (column: string) => sql`to_char((${sql(column)} + ${shift}::interval) at time zone 'Asia/Shanghai', 'YYYY-MM')`;

      await sql`drop table if exists bill_map, tx_map, purchase_map, pack_map`;
      await sql`create temp table bill_map as select id as old_id, gen_random_uuid() as new_id from bills where account_id = ${demo} and ${closed}`;
      await sql`insert into bills (id, account_id, month, price_book, status, usage_total, balance_before, balance_after, frozen, released, closed_at, settled_at)
        select m.new_id, ${to}, to_char(to_date(b.month, 'YYYY-MM') + ${shift}::interval, 'YYYY-MM'), b.price_book, b.status, b.usage_total, b.balance_before, b.balance_after, b.frozen, b.released, ${shifted("closed_at")}, ${shifted("settled_at")}
        from bills b join bill_map m on m.old_id = b.id`;
      await sql`insert into bill_lines (bill_id, position, api, calls, free, from_packs, billable, tier, unit_price, amount, formula)
        select m.new_id, l.position, l.api, l.calls, l.free, l.from_packs, l.billable, l.tier, l.unit_price, l.amount, l.formula from bill_lines l join bill_map m on m.old_id = l.bill_id`;
      await sql`insert into usage_hourly (account_id, api, hour, month, calls, free, from_packs, billable)
        select ${to}, api, ${shifted("hour")}, ${monthOfShifted("hour")}, calls, free, from_packs, billable from usage_hourly where account_id = ${demo} and ${closed}`;
      await sql`insert into usage_events (account_id, event_id, api, calls, at, month, free, from_packs, billable, key_id, received_at)
        select ${to}, event_id || ${tag}, api, calls, ${shifted("at")}, ${monthOfShifted("at")}, free, from_packs, billable, null, ${shifted("received_at")} from usage_events where account_id = ${demo} and ${closed}`;

      await sql`create temp table tx_map as select id as old_id, gen_random_uuid() as new_id from ledger_transactions where account_id = ${demo} and ${closedAt("at")}`;
      await sql`insert into ledger_transactions (id, account_id, kind, idempotency_key, document_type, document_id, memo, at)
        select m.new_id, ${to}, t.kind, t.idempotency_key || ${tag}, t.document_type, coalesce((select b.new_id::text from bill_map b where t.document_type = 'bill' and b.old_id::text = t.document_id), t.document_id), t.memo, ${shifted("at")}
        from ledger_transactions t join tx_map m on m.old_id = t.id`;
      await sql`insert into ledger_entries (transaction_id, account_id, book, voucher_id, amount)
        select m.new_id, ${to}, e.book, null, e.amount from ledger_entries e join tx_map m on m.old_id = e.transaction_id where e.voucher_id is null`;

      await sql`create temp table purchase_map as select id as old_id, gen_random_uuid() as new_id from purchases where account_id = ${demo} and ${closedAt("created_at")}`;
      await sql`insert into purchases (id, account_id, idempotency_key, item, kind, product, quantity, period, periods, unit_price, amount, voucher_id, paid_voucher, paid_gift, paid_income, paid_cash, details, ledger_transaction_id, created_at)
        select m.new_id, ${to}, p.idempotency_key || ${tag}, p.item, p.kind, p.product, p.quantity, p.period, p.periods, p.unit_price, p.amount, null, p.paid_voucher, p.paid_gift, p.paid_income, p.paid_cash, p.details, (select new_id from tx_map where old_id = p.ledger_transaction_id), ${shifted("created_at")}
        from purchases p join purchase_map m on m.old_id = p.id where p.voucher_id is null`;
      await sql`insert into packs (account_id, api, pack_spec, size, remaining, source, free_month, one_time_grant, delivered_at, expires_at, purchase_id, promotion_no_refund, paid_voucher, paid_gift, paid_income, paid_cash, refund_hold, refunded_at, created_at)
        select ${to}, api, pack_spec, size, remaining, source, case when free_month is null then null else to_char(to_date(free_month, 'YYYY-MM') + ${shift}::interval, 'YYYY-MM') end,
          case when ${copy} = 0 then one_time_grant else null end, ${shifted("delivered_at")}, ${shifted("expires_at")}, (select new_id from purchase_map where old_id = purchase_id), promotion_no_refund, paid_voucher, paid_gift, paid_income, paid_cash, refund_hold, ${shifted("refunded_at")}, ${shifted("created_at")}
        from packs where account_id = ${demo} and ${closedAt("delivered_at")} and (purchase_id is null or purchase_id in (select old_id from purchase_map))
        on conflict do nothing`;
      await sql`insert into messages (account_id, kind, product, params, dedupe_key, created_at, read_at)
        select ${to}, kind, product, params, dedupe_key || ${tag}, ${shifted("created_at")}, ${shifted("read_at")} from messages where account_id = ${demo} and ${closedAt("created_at")}
        on conflict do nothing`;
      await sql`insert into audit_log (at, actor_type, actor_id, account_id, action, target, before, after)
        select ${shifted("at")}, actor_type, actor_id, ${to}, action, target, before, after from audit_log where account_id = ${demo} and ${closedAt("at")}`;
    }
    await sql`update accounts set created_at = ${tenYearsAgo} where id = ${accountId}`;
    await sql`update users set created_at = ${tenYearsAgo} where account_id = ${accountId}`;
    await sql`update service_activations set activated_at = ${tenYearsAgo} where account_id = ${accountId}`;
    // Its balance is the demo's today (the copies' movements are history, not more money).
    await sql`update wallets w set cash = d.cash, income = d.income, gift = d.gift, frozen = d.frozen, external = d.external, revenue = d.revenue, promotion = d.promotion
      from wallets d where d.account_id = ${demoAccountId} and w.account_id = ${accountId}`;
    await sql`analyze`;
  } finally {
    await sql.end();
  }
  return accountId;
}

/** An account that has just signed up: nothing else. */
export async function seedNewAccount(ctx: ServiceContext): Promise<string> {
  return (await signUp({ ctx, input: { email: NEW_EMAIL, password: BENCH_PASSWORD, company: "Just Signed Up" } })).accountId;
}
