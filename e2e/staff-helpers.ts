import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
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
