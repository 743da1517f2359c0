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

