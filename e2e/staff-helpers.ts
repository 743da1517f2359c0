import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

/** A staff member of this test's own (one support view at a time per staff member), signed in. */
export async function signedInStaff(page: Page, name: string): Promise<{ email: string; password: string }> {
  const email = `staff-${name.toLowerCase()}-${process.pid}-${Date.now().toString(36)}@e2e.test`;
  const response = await page.request.post("/api/test/staff", { data: { email, role: "support", name } });
  expect(response.ok()).toBe(true);
  const staff = (await response.json()) as { email: string; password: string };
  await signIn(page, staff.email, staff.password, "/staff/sign-in");
  await expect(page.getByRole("heading", { name: "Customer accounts" })).toBeVisible();
  return staff;
}


/** Serious or critical axe violations on the page as it is now (the brief: zero). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
