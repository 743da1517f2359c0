import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

/** bcrypt cost: ~100 ms per hash on this class of machine; high enough to slow guessing, low enough for sign-in. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random secret, so an unknown email costs the same time as a wrong password.
const dummyHash = bcrypt.hashSync(randomBytes(16).toString("hex"), COST);

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) {
    await bcrypt.compare(password, dummyHash);
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
