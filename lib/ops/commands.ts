import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { emailSchema, newPasswordSchema, staffRoleSchema } from "@/lib/identity/schemas";
import { signUp } from "@/lib/identity/sign-up";
import { createStaff } from "@/lib/identity/staff";
import { issueDueFreePacks, runDue } from "@/lib/billing/run-due";
import { closeMonth } from "@/lib/billing/close";
import { createApiKey } from "@/lib/metering/api-keys";
import { dropRawEvents } from "@/lib/metering/retention";
import { activateProduct } from "@/lib/packs/activation";
import { grantGiftPack } from "@/lib/packs/gift";
import { DAY_MS, FIRST_PRICED_MONTH, formatMoney, isMonth, PRODUCT_IDS, shanghaiDayStart } from "@/lib/pricing";
import { creditAccount, grantVoucher } from "@/lib/wallet/credit";
import { amountSchema } from "@/lib/wallet/schemas";
import { importBankStatement } from "@/lib/transfers/import";
import { OpsError } from "./args";

export interface OpsEnvironment {
  handle: DatabaseHandle;
  now: Date;
}

export type Command = (env: OpsEnvironment, flags: Record<string, string>) => Promise<unknown>;

export function systemContext(env: OpsEnvironment): ServiceContext {
  return { db: env.handle.db, actor: { type: "system", reason: "ops" }, now: env.now };
}

/** Parses flags with zod; the error names the flag and the bad value. */
function parse<T extends z.ZodType>(schema: T, flags: Record<string, string>): z.infer<T> {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const flag = String(issue?.path[0] ?? "");
  const value = flags[flag];
  throw new OpsError("invalid-argument", `--${flag}${value === undefined ? "" : ` "${value}"`}: ${issue?.message ?? "invalid"}`);
}


const createStaffFlags = z.object({ email: emailSchema, role: staffRoleSchema, name: z.string().trim().min(1).max(100).optional() });
const createCustomerFlags = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().min(1).max(100).optional(),
  activate: z.string().optional(),
  "top-up": amountSchema.optional(),
  "api-key": z.string().optional(),
});

const productList = z
  .string()
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PRODUCT_IDS)).min(1));
const productListFlags = z.object({ activate: productList });
const creditFlags = z.object({
  account: z.uuid(),
  amount: amountSchema,
  to: z.enum(["cash", "gift"]),
  reason: z.string().trim().min(1).max(500),
});
const grantVoucherFlags = z.object({
  account: z.uuid(),
  amount: amountSchema,
  products: productList,
  expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((value) => !Number.isNaN(shanghaiDayStart(value).getTime()), "not a date"),
  reason: z.string().trim().min(1).max(500).default("voucher granted by an operator"),
});
const grantPackFlags = z.object({ account: z.uuid(), pack: z.string().min(1) });

export const commands: Record<string, Command> = {
  async migrate(env) {
    await migrateDatabase(env.handle);
    return { migrated: true, database: env.handle.location };
  },

  async "create-staff"(env, flags) {
    const input = parse(createStaffFlags, flags);
    const staff = await createStaff({ ctx: systemContext(env), input });
    return { userId: staff.userId, email: staff.email, role: staff.role, password: staff.oneTimePassword };
  },

  async "create-customer"(env, flags) {
    const input = parse(createCustomerFlags, flags);
    const products = input.activate === undefined ? [] : parse(productListFlags, { activate: input.activate }).activate;
    // All or nothing: a failed step leaves no half-made account behind.
    return env.handle.db.transaction(async (db) => {
      const ctx = { ...systemContext(env), db };
      const created = await signUp({ ctx, input: { email: input.email, password: input.password, company: input.name ?? input.email } });
      for (const product of products) {
        await activateProduct({ ctx, input: { product, acceptTerms: true }, accountId: created.accountId });
      }
      // The opening balance is recorded as a real credit to cash: a ledger transaction with its audit row.
      if (input["top-up"] !== undefined) {
        await creditAccount({ ctx, input: { accountId: created.accountId, amount: input["top-up"], to: "cash", reason: "top-up at account creation (ops)" } });
      }
      const apiKey = input["api-key"] === undefined ? undefined : (await createApiKey({ ctx, input: { name: "ops" }, accountId: created.accountId })).secret;
      return apiKey ? { accountId: created.accountId, apiKey } : { accountId: created.accountId };
    });
  },

  async credit(env, flags) {
    const input = parse(creditFlags, flags);
    const result = await creditAccount({ ctx: systemContext(env), input: { accountId: input.account, amount: input.amount, to: input.to, reason: input.reason } });
    return { accountId: input.account, credited: formatMoney(input.amount), to: input.to, transactionId: result.transactionId, restored: result.restored };
  },

  async "grant-voucher"(env, flags) {
    const input = parse(grantVoucherFlags, flags);
    // Valid through its expiry date on the billing calendar (Asia/Shanghai): it ends at the next midnight there.
    const endOfDay = new Date(shanghaiDayStart(input.expires).getTime() + DAY_MS);
    const result = await grantVoucher({
      ctx: systemContext(env),
      input: { accountId: input.account, amount: input.amount, products: input.products, expiresAt: endOfDay, reason: input.reason },
    });
    return { accountId: input.account, voucherId: result.voucherId, amount: formatMoney(input.amount), products: input.products, expiresAt: endOfDay.toISOString() };
  },

  async "grant-pack"(env, flags) {
    const input = parse(grantPackFlags, flags);
    const result = await grantGiftPack({ ctx: systemContext(env), input: { accountId: input.account, packSpec: input.pack } });
    return { accountId: input.account, packId: result.packId, pack: input.pack };
  },
  async "import-bank-statement"(env, flags) {
    const input = parse(importStatementFlags, flags);
    let csv: string;
    try {
      csv = await readFile(input.file, "utf8");
    } catch {
      throw new OpsError("invalid-argument", `FILE "${input.file}": cannot be read`);
    }
    return importBankStatement({ ctx: systemContext(env), input: { csv } });
  },

  async "issue-free-packs"(env, flags) {
    const input = parse(monthFlags, flags);
    return issueDueFreePacks({ ctx: systemContext(env), input: { month: input.month } });
  },

  async "close-month"(env, flags) {
    const input = parse(monthFlags, flags);
    return closeMonth({ ctx: systemContext(env), input: { month: input.month } });
  },

  async "run-due"(env) {
    return runDue({ ctx: systemContext(env) });
  },

  async "drop-raw-events"(env, flags) {
    const input = parse(dropRawEventsFlags, flags);
    return dropRawEvents({ ctx: systemContext(env), input: { keepMonths: input["keep-months"], dryRun: input["dry-run"] === "true" } });
  },
};

const dropRawEventsFlags = z.object({
  "keep-months": z.coerce.number({ error: "is required (a whole number of months, at least 1)" }).int("expected a whole number").min(1, "at least 1: the month just closed keeps its raw events"),
  "dry-run": z.enum(["true"], { error: "takes no value" }).optional(),
});

const importStatementFlags = z.strictObject({ file: z.string({ error: "is required: import-bank-statement FILE.csv" }).min(1) });

const monthFlags = z.object({
  month: z
    .string({ error: "is required (YYYY-MM)" })
    .refine(isMonth, "expected YYYY-MM")
    .refine((month) => month >= FIRST_PRICED_MONTH, `no price book covers it (the first is ${FIRST_PRICED_MONTH})`),
});

/** Maps a service error to the ops error shape. */
export function opsErrorOf(error: unknown): OpsError | null {
  if (error instanceof OpsError) return error;
  if (error instanceof ServiceError) {
    const messages: Record<string, string> = {
      "email-taken": "--email: a user with this email already exists",
      "account-not-found": "--account: no such account",
      "unknown-pack": "--pack: no such pack is sold (e.g. scan.code-recognition:10k)",
      "month-not-ended": "--month: the month has not ended yet (use --now to act at a later time)",
      "statement-missing-column": `FILE: the header row lacks the column "${String(error.field)}" (date, amount, payer, reference, transaction_id)`,
      "statement-not-a-date": `FILE row ${String(error.params.row)}: ${String(error.field)} is not a date (YYYY-MM-DD)`,
      "statement-not-an-amount": `FILE row ${String(error.params.row)}: ${String(error.field)} is not an amount (e.g. 1200.50)`,
      "statement-not-a-transaction-id": `FILE row ${String(error.params.row)}: the bank transaction id is missing or malformed`,
      "statement-repeated-in-file": `FILE row ${String(error.params.row)}: this bank transaction id appears twice in the file`,
      "statement-too-many-lines": "FILE: more than 10000 lines; split the statement",
    };
    return new OpsError(error.code, messages[error.code] ?? `${error.code}${error.field ? ` (--${error.field})` : ""}`);
  }
  return null;
}
