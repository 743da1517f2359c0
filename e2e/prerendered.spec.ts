import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { locales } from "../lib/i18n/locales";
import { PRERENDERED_PAGES } from "../lib/security/headers.mjs";
import { expect, test } from "./fixtures";

/**
 * Issue 12: the public pages are prerendered, one copy per locale, and proxy.ts serves the copy of
 * the visitor's locale at the public address (lib/routing/prerendered.ts). These fail when a page
 * under app/[lang] turns dynamic again (reads cookies, headers, the session or searchParams).
 * Issue 18: a signed-in visitor gets the same copy; what a session changes is a client island.
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

test("a signed-in visitor gets the same prerendered copy, with the way back to the console drawn by its island", async ({ page, customer }) => {
  expect(customer.email).toContain("@");
  // The session cookie changes nothing about which page is served.
  for (const address of ["/calculator", "/prices/scan", "/terms", "/sign-in"]) {
    const answer = await page.request.get(address);
    expect(answer.headers()["x-nextjs-prerender"], address).toBeTruthy();
    expect(answer.headers()["content-security-policy"], address).not.toContain("nonce-");
  }
  await page.goto("/calculator");
  await expect(page.getByRole("link", { name: "Back to the console" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await page.goto("/prices/scan");
  await expect(page.getByRole("link", { name: "Back to the console" })).toHaveAttribute("href", "/services");
  await page.getByRole("link", { name: "Back to the console" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
});

test("a visitor without a session is offered sign-in on the same copy", async ({ page }) => {
  await page.goto("/prices/scan");
  const viewer = await page.request.get("/api/console/viewer");
  expect(await viewer.json()).toEqual({ role: null });
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
});

test("sign-in with a session goes on to its callbackUrl, and only to a safe one", async ({ page, customer }) => {
  expect(customer.email).toContain("@");
  // Opened as a link would be, not with page.goto: the fixture's axe audit of a page.goto would run
  // into the island's redirect (the sign-in page itself is audited by the other tests).
  const open = (url: string) => page.evaluate((target) => window.location.assign(target), url);
  await open("/sign-in?callbackUrl=%2Fusage");
  await expect(page).toHaveURL(/\/usage$/);
  await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
  for (const hostile of ["https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "/%09/evil.example/x"]) {
    await open("/usage");
    await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
    await open(`/sign-in?callbackUrl=${hostile}`);
    await expect(page.getByRole("heading", { name: `Welcome, ${customer.company}` })).toBeVisible();
    expect(new URL(page.url()).host, hostile).toBe(new URL(test.info().project.use.baseURL ?? "").host);
    expect(new URL(page.url()).pathname, hostile).toBe("/");
  }
});
