import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { axeFindings, describeFindings, type AxeFinding } from "./axe";

export interface Customer {
  email: string;
  password: string;
  company: string;
}

let counter = 0;

/** A unique customer per test (worker index + counter + time), so tests run in parallel without cleanup. */
export function newCustomer(prefix = "c"): Customer {
  counter += 1;
  const id = `${prefix}-${process.pid}-${counter}-${Date.now().toString(36)}`;
  return { email: `${id}@e2e.test`, password: "e2e-password-1", company: `Company ${id}` };
}

export async function signUp(page: Page, customer: Customer): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Company or your name").fill(customer.company);
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string, at = "/sign-in"): Promise<void> {
  if (at) await page.goto(at);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export function staffLogin(): { email: string; password: string } {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is set by playwright.config.ts");
  return JSON.parse(readFileSync(path.join(dir, "staff.json"), "utf8")) as { email: string; password: string };
}

/**
 * The pages this worker has audited, by width, language and route: a page is one route shape (ids,
 * months and numbers in its path read as one), with the names (not values) of its query parameters,
 * so an error state reached through a parameter is audited as its own page.
 */
const auditedInWorker = new Set<string>();

function auditKey(page: Page, width: number, language: string): string {
  const url = new URL(page.url());
  const shape = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id").replace(/\d+/g, "N");
  const names = [...new Set(url.searchParams.keys())].sort().join("&");
  return `${width} ${language} ${shape}?${names}`;
}

/**
 * Every page a test opens with `page.goto` is checked with axe once it has loaded (the check is
 * skipped for downloads and API answers); the test fails at its end if any had a serious or critical
 * violation. A page is audited once per worker at each width and language (`auditKey`): axe doubles
 * what a page visit costs, and the sweep that must see every page in its seeded state
 * (e2e/console-pages.spec.ts) opts into an audit on every visit with `test.use({ axeEveryVisit: true })`.
 * AXE=0 turns it off for a quick local run.
 */
export const test = base.extend<{ customer: Customer; axeEveryVisit: boolean; axeAudit: AxeFinding[] }>({
  axeEveryVisit: [false, { option: true }],
  axeAudit: [
    async ({ page, axeEveryVisit }, provide, testInfo) => {
      const findings: AxeFinding[] = [];
      if (process.env.AXE !== "0") {
        // Each audit takes a second or two on a busy machine: the test gets that time on top.
        testInfo.setTimeout(testInfo.timeout + 30_000);
        const goto = page.goto.bind(page);
        // Once per page and viewport width in a test: a second visit renders the same markup.
        const audited = new Set<string>();
        page.goto = async (url, options) => {
          const response = await goto(url, options);
          const type = response?.headers()["content-type"] ?? "";
          if (!type.includes("text/html")) return response;
          const width = page.viewportSize()?.width ?? 0;
          const key = `${width} ${new URL(page.url()).pathname}`;
          // A page that sends the browser on (a client redirect) has no language left to read: audit it as "".
          const language = await page.evaluate(() => document.documentElement.lang).catch(() => "");
          const workerKey = auditKey(page, width, language);
          if (!audited.has(key) && (axeEveryVisit || !auditedInWorker.has(workerKey))) {
            audited.add(key);
            auditedInWorker.add(workerKey);
            findings.push(...(await axeFindings(page)));
          }
          return response;
        };
      }
      await provide(findings);
      if (findings.length > 0) {
        await testInfo.attach("axe", { body: describeFindings(findings), contentType: "text/plain" });
        expect(findings, describeFindings(findings)).toEqual([]);
      }
    },
    { auto: true },
  ],
  customer: async ({ page }, provide) => {
    const customer = newCustomer();
    await signUp(page, customer);
    await provide(customer);
  },
});

export { expect };

/** The form's own error box (Next's route announcer also has role="alert", outside forms). */
export function formError(page: Page) {
  return page.locator("form [role=alert]");
}
