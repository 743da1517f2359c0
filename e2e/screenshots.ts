/**
 * Screenshots of the console from the demo data: the README's (docs/screenshots/) and, with
 * `--pages`, every page given, at 390 and 1440 px in English and Chinese, to look at by eye.
 *
 *   npm start   # with the demo company; then, in another shell:
 *   npx tsx e2e/screenshots.ts http://localhost:3000 <demo email> <demo password>
 *   npx tsx e2e/screenshots.ts http://localhost:3000 <email> <password> --pages /usage /messages --out /tmp/shots
 *   npx tsx e2e/screenshots.ts http://localhost:3000 <staff email> <password> --staff --pages /staff /staff/invoices
 *
 * `--tiles` writes one picture per screenful (name-width-lang-1.png, -2 …) instead of one tall one.
 * `--staff` signs in at /staff/sign-in; a staff member's one-time password (from `npm run ops --
 * create-staff`) is replaced on the first sign-in by `<password>-chosen`, which later runs sign in with.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumExecutable } from "./browser";

const WIDTHS = [390, 1440] as const;
const LANGUAGES = [
  { id: "en", button: "English" },
  { id: "zh", button: "简体中文" },
] as const;

interface Login {
  email: string;
  password: string;
  staff: boolean;
}

/** Signs in as a customer or a staff member; a staff member's first sign-in replaces the one-time password. */
async function signIn(page: Page, base: string, login: Login): Promise<void> {
  const chosen = `${login.password}-chosen`;
  for (const password of login.staff ? [login.password, chosen] : [login.password]) {
    await page.goto(`${base}${login.staff ? "/staff/sign-in" : "/sign-in"}`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Email").fill(login.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/sign-in")).catch(() => undefined);
    // A staff member with a one-time password lands on /staff first and is sent on to change it.
    await page.waitForLoadState("networkidle");
    if (!new URL(page.url()).pathname.endsWith("/sign-in")) break;
  }
  // The staff console sends a one-time password on to change it after its first render: wait for that.
  if (login.staff) await page.waitForURL((url) => url.pathname === "/staff/change-password", { timeout: 5_000 }).catch(() => undefined);
  if (new URL(page.url()).pathname === "/staff/change-password") {
    // Typed before the form is hydrated, the values would be lost to the first render.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Current password").fill(login.password);
    await page.getByLabel("New password").fill(chosen);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL((url) => url.pathname !== "/staff/change-password");
  }
  if (new URL(page.url()).pathname.endsWith("/sign-in")) throw new Error(`could not sign in as ${login.email}`);
}

async function shoot(browser: Browser, base: string, login: Login, pages: string[], out: string, fullPage: boolean, tiles: boolean, only?: (width: number, language: string) => boolean): Promise<void> {
  for (const width of WIDTHS) {
    for (const language of LANGUAGES) {
      if (only && !only(width, language.id)) continue;
      const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, locale: "en-US", deviceScaleFactor: 1 });
      const page = await context.newPage();
      await signIn(page, base, login);
      await page.waitForLoadState("networkidle");
      await page.getByRole("button", { name: language.button }).click();
      // The switch is remembered in a cookie once the page has answered: wait for the page in that language.
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language.id === "zh" ? "zh-CN" : "en");
      for (const target of pages) {
        await page.goto(`${base}${target}`);
        await page.waitForLoadState("networkidle");
        const name = target === "/" ? "overview" : target.replace(/^\//, "").replace(/[/?=&:]+/g, "-");
        if (tiles) {
          // One picture per screenful, top to bottom: a tall page shrunk into one picture is unreadable.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const screen = page.viewportSize()?.height ?? 900;
          for (let top = 0, index = 1; top < height; top += screen, index += 1) {
            const file = path.join(out, `${name}-${width}-${language.id}-${index}.png`);
            await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(screen, height - top) } });
            console.log(file);
          }
          continue;
        }
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
  const pages = pagesAt >= 0 ? rest.slice(pagesAt + 1).filter((p, i, all) => p.startsWith("/") && all[i - 1] !== "--out" && !p.startsWith("--")) : null;
  const login: Login = { email, password, staff: rest.includes("--staff") };
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutable().path, args: CHROMIUM_FLAGS });
  try {
    if (pages) await shoot(browser, base, login, pages, out, true, rest.includes("--tiles"));
    // The README's two: the overview on a desktop in English and on a phone in Chinese, first screen only.
    else await shoot(browser, base, login, ["/"], out, false, false, (width, language) => (width === 1440 && language === "en") || (width === 390 && language === "zh"));
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
