import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { emailSchema, newPasswordSchema, staffRoleSchema } from "@/lib/identity/schemas";
import { signUp } from "@/lib/identity/sign-up";
import { createStaff } from "@/lib/identity/staff";
import { OpsError } from "./args";

export interface OpsEnvironment {
  handle: DatabaseHandle;
  now: Date;
}

type Command = (env: OpsEnvironment, flags: Record<string, string>) => Promise<unknown>;

function systemContext(env: OpsEnvironment): ServiceContext {
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

function notAvailableYet(name: string, flag?: string): never {
  throw new OpsError("not-available", `${flag ? `--${flag} of ` : ""}${name} is not available yet in this version of the console`);
}

const createStaffFlags = z.object({ email: emailSchema, role: staffRoleSchema });
const createCustomerFlags = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().min(1).max(100).optional(),
  activate: z.string().optional(),
  "top-up": z.string().optional(),
  "api-key": z.string().optional(),
});

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
    // These flags belong to later capabilities (activation, wallet, API keys): refuse rather than pretend.
    if (input.activate !== undefined) notAvailableYet("create-customer", "activate");
    if (input["top-up"] !== undefined) notAvailableYet("create-customer", "top-up");
    if (input["api-key"] !== undefined) notAvailableYet("create-customer", "api-key");
    const created = await signUp({
      ctx: systemContext(env),
      input: { email: input.email, password: input.password, company: input.name ?? input.email },
    });
    return { accountId: created.accountId };
  },

  credit: async () => notAvailableYet("credit"),
  "issue-free-packs": async () => notAvailableYet("issue-free-packs"),
  "close-month": async () => notAvailableYet("close-month"),
  "run-due": async () => notAvailableYet("run-due"),
  "seed-demo": async () => notAvailableYet("seed-demo"),
};

/** Maps a service error to the ops error shape. */
export function opsErrorOf(error: unknown): OpsError | null {
  if (error instanceof OpsError) return error;
  if (error instanceof ServiceError) {
    const messages: Record<string, string> = { "email-taken": "--email: a user with this email already exists" };
    return new OpsError(error.code, messages[error.code] ?? `${error.code}${error.field ? ` (--${error.field})` : ""}`);
  }
  return null;
}
