import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { activate, createKey, postUsage, topUp } from "./metering-helpers";

/**
 * Every console page at a phone and a desktop size, in both languages: no sideways page scroll,
 * nothing clipped, the navigation reachable through the menu, axe clean, and a screenshot of each
 * attached to the report.
 */
const PAGES = [
  "/",
  "/messages",
  "/messages/subscriptions",
  "/services",
  "/packs",
  "/qps",
  "/sdk",
  "/usage",
  "/free-quota",
  "/alerts",
  "/api-keys",
  "/balance",
  "/bills",
  "/refunds",
  "/invoices",
  "/profile",
  "/checkout?item=body.detection:10k&quantity=1",
  "/calculator",
  "/prices/body",
  "/terms",
];

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

/** A customer with something on most pages: a balance, an active product, a pack, a key, usage and an alert. */
async function seed(page: Page): Promise<void> {
  await topUp(page, "200");
  await activate(page, "body");
  await page.goto("/checkout?item=body.detection:10k&quantity=1");
  await page.getByRole("button", { name: /^Confirm and pay/ }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  const secret = await createKey(page, "sweep gateway");
  const response = await postUsage(page.request, secret, { events: [{ id: "sweep-1", api: "body.detection", calls: 9600, at: new Date().toISOString() }] });
  expect(response.status()).toBe(200);
}

/** What overflows: the page sideways, and (at desktop width) any table region or truncated cell. */
async function overflow(page: Page, desktop: boolean) {
  return page.evaluate((checkClipping) => {
    const root = document.documentElement;
    const clipped: string[] = [];
    if (checkClipping) {
      for (const element of document.querySelectorAll<HTMLElement>('main [role="region"], main .truncate, main table')) {
        if (element.scrollWidth > element.clientWidth + 1) clipped.push(`${element.tagName.toLowerCase()} ${element.getAttribute("aria-label") ?? element.textContent?.slice(0, 40)}`);
      }
    }
    // The outermost elements that stick out on the right, to say what makes the page scroll sideways.
    const wide: string[] = [];
    if (root.scrollWidth > root.clientWidth) {
      for (const element of document.querySelectorAll<HTMLElement>("body *")) {
        const parent = element.parentElement;
        if (element.getBoundingClientRect().right > root.clientWidth + 1 && parent && parent.getBoundingClientRect().right <= root.clientWidth + 1) {
          wide.push(`${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)}`);
        }
      }
    }
    return { page: root.scrollWidth - root.clientWidth, clipped, wide: wide.slice(0, 3) };
  }, desktop);
}

/** Attached to the report; SHOTS_DIR also writes them to a folder to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
  if (process.env.SHOTS_DIR) await writeFile(path.join(process.env.SHOTS_DIR, `${name}.png`), body);
}

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const locale of ["en", "zh-CN"] as const) {
    test(`every console page at ${size} size in ${locale}: fits, nothing clipped, menu navigation, axe clean`, async ({ page, customer: _customer, baseURL }, testInfo) => {
      // 19 pages, each loaded, audited and photographed: minutes on a busy machine.
      test.setTimeout(420_000);
      await page.setViewportSize(viewport);
      await seed(page);
      await page.context().addCookies([{ name: "locale", value: locale, url: baseURL ?? "" }]);
      const problems: string[] = [];
      for (const url of PAGES) {
        await page.goto(url);
        await expect(page.locator("main, body").first()).toBeVisible();
        const { page: sideways, clipped, wide } = await overflow(page, size === "desktop");
        if (sideways > 0) problems.push(`${url}: page scrolls sideways by ${sideways}px (${wide.join(", ")})`);
        for (const c of clipped) problems.push(`${url}: clipped ${c}`);
        if (size === "desktop") {
          // Issue 11: nothing clipped from 1280 px up (the screenshot stays at 1440).
          await page.setViewportSize({ width: 1280, height: viewport.height });
          for (const c of (await overflow(page, true)).clipped) problems.push(`${url} at 1280 px: clipped ${c}`);
          await page.setViewportSize(viewport);
        }
        // axe runs on every page.goto (the axeAudit fixture in fixtures.ts) and fails the test at its end.
        await shoot(page, testInfo, `${size}-${locale}${url.replace(/[/?&=:]+/g, "-")}`);
      }
      if (size === "phone") {
        // The side navigation is hidden at this width: the menu button opens it as a drawer.
        await page.goto("/");
        const menu = page.getByRole("button", { name: locale === "en" ? "Menu" : "菜单", exact: true });
        await menu.click();
        const drawer = page.getByRole("dialog");
        await expect(drawer).toBeVisible();
        await shoot(page, testInfo, `${size}-${locale}-menu`);
        await drawer.getByRole("link", { name: locale === "en" ? "Bills" : "账单" }).click();
        await expect(page).toHaveURL(/\/bills$/);
        await expect(drawer).toBeHidden();
      }
      if (size === "desktop") {
        // Every navigation icon is an inline SVG: text glyphs (⛨) were missing from common fonts.
        await page.goto("/");
        await expect(page.locator("aside nav a")).not.toHaveCount(0);
        await expect(page.locator("aside nav a:not(:has(svg))")).toHaveCount(0);
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}
