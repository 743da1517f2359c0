import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The browser the suite drives: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download (on machines that can fetch it). `null` when there is none at all.
 */
export function chromiumExecutable(): { path: string | undefined; found: boolean } {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return { path: configured, found: existsSync(configured) };
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", found: true };
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  return { path: undefined, found: Boolean(own && existsSync(own)) };
}

/** A free port on loopback, chosen once by a Playwright config's main process and inherited by its workers. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
