import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

/** A new staff member (as `ops create-staff` makes one: a one-time password), not signed in. */
export async function newStaff(page: Page, name: string, role: "support" | "admin" = "support"): Promise<{ email: string; password: string }> {
  const email = `staff-${name.toLowerCase()}-${process.pid}-${Date.now().toString(36)}@e2e.test`;
  const response = await page.request.post("/api/test/staff", { data: { email, role, name } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { email: string; password: string };
}

/** At first sign-in staff land on the change-password page: choose a password of their own. */
export async function changeOneTimePassword(page: Page, oneTime: string, chosen: string): Promise<void> {
  await expect(page).toHaveURL(/\/staff\/change-password$/);
  await page.getByLabel("Current password").fill(oneTime);
  await page.getByLabel("New password").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
}

/**
 * A staff member of this test's own (one support view at a time per staff member), signed in, their
 * one-time password already replaced (as every real staff member's first sign-in does). Returns the
 * password they chose.
 */
export async function signedInStaff(page: Page, name: string, role: "support" | "admin" = "support"): Promise<{ email: string; password: string }> {
  const staff = await newStaff(page, name, role);
  await signIn(page, staff.email, staff.password, "/staff/sign-in");
  const chosen = `chosen-${staff.password}`;
  await changeOneTimePassword(page, staff.password, chosen);
  await expect(page.getByRole("heading", { name: "Customer accounts" })).toBeVisible();
  return { email: staff.email, password: chosen };
}


/** Serious or critical axe violations on the page as it is now (the brief: zero). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * The formal offline-SDK licence's request and quote: the customer (on `page`, body analysis active)
 * asks for a licence for `pkg` on /sdk; a new staff member quotes `price` for `years` in a browser of
 * their own, which is closed after.
 */
export async function requestAndQuoteLicence(page: Page, browser: Browser, company: string, quote: { pkg: string; staffName: string; price: string; years: number; quoted: string }): Promise<void> {
  await page.goto("/sdk");
  await page.getByLabel("App package name").fill(quote.pkg);
  await page.getByRole("button", { name: "Request a formal licence" }).click();
  await expect(page.getByText("Request recorded. Support will send you a quote.")).toBeVisible();

  const staffPage = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signedInStaff(staffPage, quote.staffName);
  await staffPage.getByRole("region", { name: "Licence requests awaiting a quote" }).getByRole("link", { name: company }).click();
  const request = staffPage.getByTestId("licence-quote-request");
  await expect(request).toContainText(quote.pkg);
  await request.getByLabel("Price for the whole validity (¥)").fill(quote.price);
  await request.getByLabel("Validity (years, 1–5)").fill(String(quote.years));
  await request.getByRole("button", { name: "Send quote" }).click();
  await expect(staffPage.getByTestId("licence-quote-request")).toContainText(quote.quoted);
  await staffPage.context().close();
}
