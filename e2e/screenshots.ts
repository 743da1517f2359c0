/**
 * Screenshots of the console from the demo data: the README's (docs/screenshots/) and, with
 * `--pages`, every page given, at 390 and 1440 px in English and Chinese, to look at by eye.
 *
 *   npm start   # with the demo company; then, in another shell:
 *   npx tsx e2e/screenshots.ts http://localhost:3000 <demo email> <demo password>
 *   npx tsx e2e/screenshots.ts http://localhost:3000 <email> <password> --pages /usage /messages --out /tmp/shots
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable } from "./browser";

const WIDTHS = [390, 1440] as const;
const LANGUAGES = [
  { id: "en", button: "English" },
  { id: "zh", button: "简体中文" },
] as const;

async function shoot(browser: Browser, base: string, email: string, password: string, pages: string[], out: string, fullPage: boolean, only?: (width: number, language: string) => boolean): Promise<void> {
  for (const width of WIDTHS) {
    for (const language of LANGUAGES) {
      if (only && !only(width, language.id)) continue;
      const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, locale: "en-US", deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: language.button }).click();
      // The switch is remembered in a cookie once the page has answered: wait for the page in that language.
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language.id === "zh" ? "zh-CN" : "en");
      for (const target of pages) {
        await page.goto(`${base}${target}`);
        await page.waitForLoadState("networkidle");
        const name = target === "/" ? "overview" : target.replace(/^\//, "").replace(/[/?=&]+/g, "-");
        const file = path.join(out, `${name}-${width}-${language.id}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(file);
      }
      await context.close();
    }
  }
}

async function main(): Promise<void> {
  const [base, email, password, ...rest] = process.argv.slice(2);
  if (!base || !email || !password) throw new Error("usage: npx tsx e2e/screenshots.ts <base URL> <email> <password> [--pages /a /b] [--out dir]");
  const outAt = rest.indexOf("--out");
  const out = outAt >= 0 ? (rest[outAt + 1] ?? "docs/screenshots") : "docs/screenshots";
  const pagesAt = rest.indexOf("--pages");
  const pages = pagesAt >= 0 ? rest.slice(pagesAt + 1).filter((p, i, all) => p.startsWith("/") && all[i - 1] !== "--out") : null;
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutable().path, args: CHROMIUM_FLAGS });
  try {
    if (pages) await shoot(browser, base, email, password, pages, out, true);
    // The README's two: the overview on a desktop in English and on a phone in Chinese, first screen only.
    else await shoot(browser, base, email, password, ["/"], out, false, (width, language) => (width === 1440 && language === "en") || (width === 390 && language === "zh"));
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
