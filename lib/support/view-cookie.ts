import "server-only";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { currentSupportView, SUPPORT_VIEW_MINUTES, type RequestOrigin, type SupportView } from "./impersonation";

/**
 * The staff browser's pointer to its support view. It only names a `support_sessions` row; the row
 * decides (owner, expiry, stop, revoke), so a copied or stale cookie grants nothing.
 */
export const SUPPORT_VIEW_COOKIE = "support_view";

export async function setSupportViewCookie(sessionId: string): Promise<void> {
  (await cookies()).set(SUPPORT_VIEW_COOKIE, sessionId, { path: "/", httpOnly: true, sameSite: "lax", maxAge: SUPPORT_VIEW_MINUTES * 60 });
}

export async function clearSupportViewCookie(): Promise<void> {
  (await cookies()).delete(SUPPORT_VIEW_COOKIE);
}

/** The live support view of this staff member's request, checked against the database every time. */
export async function supportViewOf(staffUserId: string): Promise<SupportView | null> {
  const id = (await cookies()).get(SUPPORT_VIEW_COOKIE)?.value;
  if (!id) return null;
  return currentSupportView(await getDb(), staffUserId, id, now());
}

/**
 * IP and user agent for the audit row. A forwarded address is believed only behind a configured
 * proxy (TRUST_PROXY); otherwise it is recorded as given, marked unverified.
 */
export async function requestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "";
  const trusted = process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true";
  const ip = forwarded ? (trusted ? forwarded : `${forwarded} (unverified)`) : "direct";
  return { ip, userAgent: h.get("user-agent") ?? "" };
}
