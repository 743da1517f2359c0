import "server-only";
import type { Database } from "@/db/client";
import { currentSessionVersion } from "@/lib/identity/session-version";

/**
 * Whether a decoded session token may still be used: its user exists and its session version is
 * the user's current one (sign-out, a password change or reset bump it). Tokens minted before the
 * version existed carry none and count as version 0, the column's default.
 */
export async function tokenIsCurrent(db: Database, token: { uid?: string; sv?: number }): Promise<boolean> {
  if (!token.uid) return false;
  const current = await currentSessionVersion(db, token.uid);
  return current !== null && current === (token.sv ?? 0);
}
