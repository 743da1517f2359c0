import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const DEMO_EMAIL = "demo@example.com";
export const DEMO_COMPANY = "Demo Retail Co., Ltd.";

/**
 * The demo login `seed-demo` wrote to the data folder (the password is random per installation and
 * never committed), so `npm start` can print it on every start.
 */
export function readDemoLogin(dataDir: string): { email: string; password: string } | null {
  const file = path.join(dataDir, "demo-login.json");
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, "utf8")) as { email?: unknown; password?: unknown };
  return typeof saved.email === "string" && typeof saved.password === "string" ? { email: saved.email, password: saved.password } : null;
}
