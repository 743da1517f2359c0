import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { locales } from "../lib/i18n/locales";
import { PRERENDERED_PAGES } from "../lib/security/headers.mjs";
import { expect, newCustomer, signUp, test } from "./fixtures";

/**
 * Issue 12: the public pages are prerendered, one copy per locale, and proxy.ts serves the copy of
 * the visitor's locale at the public address (lib/routing/prerendered.ts). These fail when a page
 * under app/[lang] turns dynamic again (reads cookies, headers, the session or searchParams).
 */

async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  // zod's refused `new Function("")` probe is the policy working (e2e/security.spec.ts says more).
  return async () => (await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).filter((v) => v !== "script-src eval");
}

test("the build prerendered every public page in every locale", () => {
  const manifest = JSON.parse(readFileSync(path.resolve(".next", "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const prerendered = Object.keys(manifest.routes);
  for (const page of PRERENDERED_PAGES) for (const locale of locales) expect(prerendered).toContain(`/${locale}${page}`);
});

test("one public address, served from the copy of the visitor's language", async ({ request }) => {
  for (const page of PRERENDERED_PAGES) {
    const byDefault = await request.get(page, { headers: { "accept-language": "en-US" } });
    expect(byDefault.status(), page).toBe(200);
    // Next marks an answer from a prerendered copy; a page rendered per request has no such header.
    expect(byDefault.headers()["x-nextjs-prerender"], page).toBeTruthy();
    expect(byDefault.headers()["cache-control"], page).toBe("private, no-cache");
    expect(byDefault.headers()["content-security-policy"], page).not.toContain("nonce-");
    expect(await byDefault.text(), page).toContain('<html lang="en"');

    const byCookie = await request.get(page, { headers: { cookie: "locale=zh-CN", "accept-language": "en-US" } });
    expect(byCookie.headers()["x-nextjs-prerender"], page).toBeTruthy();
    expect(await byCookie.text(), page).toContain('<html lang="zh-CN"');

    const byBrowser = await request.get(page, { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    expect(await byBrowser.text(), page).toContain('<html lang="zh-CN"');
  }
  // A console page is still rendered per request (with its nonce).
  const console = await request.get("/staff/sign-in");
  expect(console.headers()["x-nextjs-prerender"]).toBeUndefined();
  expect(console.headers()["content-security-policy"]).toContain("nonce-");
});

test("the cookie picks the language of the prerendered page in the browser, and the page works under its policy", async ({ page, baseURL }) => {
  const violations = await watchCsp(page);
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: baseURL ?? "" }]);
  await page.goto("/calculator");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "价格计算器" })).toBeVisible();
  await page.getByLabel("图像质量评估", { exact: true }).fill("2000000");
  await expect(page.getByTestId("total")).toHaveText("¥4,997.50");
  expect(await violations()).toEqual([]);
});

test("the language switch on a prerendered page lands on the other language's copy at the same address", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
});

test("the calculator is filled from its link's query (read in the browser)", async ({ page }) => {
  await page.goto("/calculator?month=2024-05&api=processing.quality&calls=2000000");
  await expect(page.getByLabel("Billing month")).toHaveValue("2024-05");
  await expect(page.getByTestId("formula-processing.quality")).toHaveText("(2,000,000 − 1,000) × 0.0025 = 4,997.50");
  await expect(page.getByTestId("total")).toHaveText("¥4,997.50");
});

test("a signed-in customer gets the per-request sign-in page, which sends them on", async ({ page }) => {
  await signUp(page, newCustomer("prerendered"));
  await page.goto("/sign-in?callbackUrl=%2Fusage");
  await expect(page).toHaveURL(/\/usage$/);
});
