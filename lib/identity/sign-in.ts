import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import { signInAttempts, users, type UserRole } from "@/db/schema";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { verifyPassword } from "./passwords";
import type { SignInInput } from "./schemas";

/** Throttling policy, in one place: after this many failures in the window, sign-in is refused until it passes. */
export const THROTTLE = { perEmail: 5, perIp: 30, windowMinutes: 15 } as const;

export interface SignedInUser {
  userId: string;
  role: UserRole;
  accountId: string | null;
  email: string;
  name: string;
  /** Carried in the session token; see session-version.ts. */
  sessionVersion: number;
}

export type SignInAudience = "customer" | "staff";

async function recentFailures(ctx: ServiceContext, column: "email" | "ip", value: string): Promise<number> {
  const since = new Date(ctx.now.getTime() - THROTTLE.windowMinutes * 60_000);
  const where = and(
    eq(column === "email" ? signInAttempts.email : signInAttempts.ip, value),
    eq(signInAttempts.succeeded, false),
    gt(signInAttempts.at, since),
  );
  const [row] = await ctx.db.select({ n: count() }).from(signInAttempts).where(where);
  return row?.n ?? 0;
}

/**
 * Checks an email and password for one audience. Wrong password, unknown email and a user of the
 * other audience all get the same `invalid-credentials`; too many failures get `throttled`.
 */
export async function verifySignIn({
  ctx,
  input,
  ip,
  audience,
}: {
  ctx: ServiceContext;
  input: SignInInput;
  ip: string;
  audience: SignInAudience;
}): Promise<SignedInUser> {
  if ((await recentFailures(ctx, "email", input.email)) >= THROTTLE.perEmail || (await recentFailures(ctx, "ip", ip)) >= THROTTLE.perIp) {
    throw new ServiceError("throttled", { minutes: THROTTLE.windowMinutes });
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const audienceMatches = user ? (audience === "customer") === (user.role === "customer") : false;
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null);
  const succeeded = Boolean(user && audienceMatches && passwordOk);
  await ctx.db.insert(signInAttempts).values({ email: input.email, ip, succeeded, at: ctx.now });
  if (!succeeded || !user) throw new ServiceError("invalid-credentials");
  return { userId: user.id, role: user.role, accountId: user.accountId, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
