import "server-only";
import { and, asc, count, eq, gt, type SQL } from "drizzle-orm";
import { signInAttempts, users, type MemberRole, type UserRole } from "@/db/schema";
import { ServiceError, type ServiceContext } from "@/lib/context";
import { verifyPassword } from "./passwords";
import type { SignInInput } from "./schemas";

/**
 * Throttling policy, in one place (issue 9 item 6). Within the window, failures are limited per
 * (email, IP): the guesser is stopped without locking the owner out from elsewhere; per IP: one
 * address spraying many emails; and per email across every IP, with a higher ceiling: a guesser
 * with many addresses. Beyond a limit sign-in is refused, even with the right password, until
 * enough failures leave the window; the refusal says how long that is.
 */
export const THROTTLE = { perEmailIp: 5, perIp: 30, perEmail: 50, windowMinutes: 15 } as const;

/**
 * Recorded for an attempt whose address is not known (no trusted proxy in front, lib/auth/client-ip.ts).
 * Never counted as an address: one bucket for every such client would let anyone lock out everyone.
 */
export const UNKNOWN_IP = "unknown";

export interface SignedInUser {
  userId: string;
  role: UserRole;
  accountId: string | null;
  /** The member's role in their account (customers only). */
  memberRole: MemberRole | null;
  email: string;
  name: string;
  /** Carried in the session token; see session-version.ts. */
  sessionVersion: number;
}

export type SignInAudience = "customer" | "staff";

/**
 * Minutes until the failures matching `where` drop below `limit` (the oldest ones leave the window
 * first), when there are at least `limit` of them besides this attempt; null when under the limit.
 */
async function minutesUntilAllowed(ctx: ServiceContext, where: SQL | undefined, limit: number, windowMs: number): Promise<number | null> {
  const [row] = await ctx.db.select({ n: count() }).from(signInAttempts).where(where);
  const others = (row?.n ?? 0) - 1; // this attempt's own row is in the count
  if (others < limit) return null;
  const [freeing] = await ctx.db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(where)
    .orderBy(asc(signInAttempts.at))
    .offset(others - limit)
    .limit(1);
  const until = (freeing?.at.getTime() ?? ctx.now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((until - ctx.now.getTime()) / 60_000));
}

/**
 * Checks an email and password for one audience. Wrong password, unknown email and a user of the
 * other audience all get the same `invalid-credentials`; too many failures get `throttled` with the
 * minutes to wait.
 *
 * The attempt is recorded as a failure BEFORE the password is compared, then counted: concurrent
 * guesses each see every attempt committed before their count, so at most the limit of them reach
 * bcrypt (a count taken after the hash let 14 of 40 concurrent guesses through a limit of 5). A
 * refused attempt's row is removed (it did not guess), a right password marks its row succeeded.
 */
export async function verifySignIn({
  ctx,
  input,
  ip,
  userAgent = null,
  audience,
}: {
  ctx: ServiceContext;
  input: SignInInput;
  /** null: no trustworthy address; only the per-email limit applies. */
  ip: string | null;
  /** The browser's User-Agent header, kept (cut to 500 characters) to show the device in the access log. */
  userAgent?: string | null;
  audience: SignInAudience;
}): Promise<SignedInUser> {
  const [attempt] = await ctx.db.insert(signInAttempts).values({ email: input.email, ip: ip ?? UNKNOWN_IP, userAgent: userAgent?.slice(0, 500) ?? null, succeeded: false, at: ctx.now }).returning({ id: signInAttempts.id });
  if (!attempt) throw new Error("attempt insert returned nothing");
  const windowMs = THROTTLE.windowMinutes * 60_000;
  const failed = and(eq(signInAttempts.succeeded, false), gt(signInAttempts.at, new Date(ctx.now.getTime() - windowMs)));
  const perAddress =
    ip === null
      ? []
      : [
          minutesUntilAllowed(ctx, and(failed, eq(signInAttempts.email, input.email), eq(signInAttempts.ip, ip)), THROTTLE.perEmailIp, windowMs),
          minutesUntilAllowed(ctx, and(failed, eq(signInAttempts.ip, ip)), THROTTLE.perIp, windowMs),
        ];
  const waits = await Promise.all([...perAddress, minutesUntilAllowed(ctx, and(failed, eq(signInAttempts.email, input.email)), THROTTLE.perEmail, windowMs)]);
  const wait = Math.max(0, ...waits.map((w) => w ?? 0));
  if (wait > 0) {
    await ctx.db.delete(signInAttempts).where(eq(signInAttempts.id, attempt.id));
    throw new ServiceError("throttled", { minutes: wait });
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const audienceMatches = user ? (audience === "customer") === (user.role === "customer") : false;
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !audienceMatches || !passwordOk) throw new ServiceError("invalid-credentials");
  await ctx.db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attempt.id));
  return { userId: user.id, role: user.role, accountId: user.accountId, memberRole: user.memberRole, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
