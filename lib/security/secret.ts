import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The session-signing secret. `AUTH_SECRET` wins. Without it, the embedded default (no DATABASE_URL)
 * generates one into the git-ignored data folder on first use, so a bare `npm start` works and no
 * secret is ever committed. A PostgreSQL deployment must set AUTH_SECRET explicitly.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL) {
    throw new Error("AUTH_SECRET must be set when DATABASE_URL is set (generate one with `openssl rand -base64 33`).");
  }
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR ?? ".data");
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
