import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

/** bcrypt cost: ~100 ms per hash on this class of machine; high enough to slow guessing, low enough for sign-in. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash (cost 11) of a random secret nobody kept, so an unknown email costs the same time as a
// wrong password. Written here rather than hashed when the module loads: that synchronous hash
// blocked the first page view of every server process for 100–200 ms (issue 19 item 11).
export const UNKNOWN_USER_HASH = "$2b$11$VSRACDiqXcNTPDX1IaOvOuD56wHH7.lx1YWsNW89mr1HM1gvbMx0.";

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, UNKNOWN_USER_HASH);
    return false;
  }
  return bcrypt.compare(password, hash);
}

/** A one-time password for staff created by the ops command: 20 characters, no look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
