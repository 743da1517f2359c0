import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { signUp } from "./sign-up";

export const DEMO_EMAIL = "demo@example.com";
export const DEMO_COMPANY = "Demo Retail Co., Ltd.";

export interface DemoLogin {
  email: string;
  password: string;
  accountId: string;
  created: boolean;
}

/**
 * The demo customer `npm start` creates on first run. Its password is random per installation and
 * kept in the git-ignored data folder, so the printed login keeps working across restarts.
 */
export async function ensureDemoCustomer(ctx: ServiceContext, dataDir: string): Promise<DemoLogin> {
  const file = path.join(dataDir, "demo-login.json");
  const [existing] = await ctx.db.select({ accountId: users.accountId }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  if (existing?.accountId && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as { password: string };
    return { email: DEMO_EMAIL, password: saved.password, accountId: existing.accountId, created: false };
  }
  if (existing?.accountId) {
    return { email: DEMO_EMAIL, password: "(set before; see the data folder's demo-login.json)", accountId: existing.accountId, created: false };
  }
  const password = `demo-${randomBytes(6).toString("hex")}`;
  const created = await signUp({ ctx, input: { email: DEMO_EMAIL, password, company: DEMO_COMPANY } });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ email: DEMO_EMAIL, password }, null, 2), { mode: 0o600 });
  return { email: DEMO_EMAIL, password, accountId: created.accountId, created: true };
}
