import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { monthOf } from "../lib/pricing/months";

export async function topUp(page: Page, amount: string): Promise<void> {
  await page.goto("/balance");
  await page.getByLabel("Amount (¥)").fill(amount);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByText("SANDBOX — test payments only")).toBeVisible();
  await page.getByRole("button", { name: /^Pay ¥/ }).click();
  await expect(page.getByText(/Top-up of .* received/)).toBeVisible();
}

export async function activate(page: Page, product: "scan" | "recognition" | "processing" | "body"): Promise<void> {
  await page.goto("/services");
  const card = page.getByTestId(`service-${product}`);
  await card.getByRole("checkbox").check();
  await card.getByRole("button", { name: "Activate" }).click();
  // While the action runs the button reads "Activating…"; once the product is active the page shows
  // it without the form, so the card has no button left.
  await expect(card.getByRole("button")).toHaveCount(0);
}

/** Creates a key on the API keys page and reads its secret, which the page shows this once. */
export async function createKey(page: Page, name: string): Promise<string> {
  await page.goto("/api-keys");
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("You won't see it again", { exact: false })).toBeVisible();
  const secret = await page.getByTestId("api-key-secret").inputValue();
  expect(secret.length).toBeGreaterThan(20);
  return secret;
}

/** POST /api/v1/usage as the gateway does (API.md §1). */
export function postUsage(request: APIRequestContext, key: string | null, data: unknown) {
  return request.post("/api/v1/usage", { headers: key === null ? {} : { Authorization: `Bearer ${key}` }, data });
}

export function getSummary(request: APIRequestContext, key: string, month?: string) {
  return request.get(`/api/v1/usage/summary${month ? `?month=${month}` : ""}`, { headers: { Authorization: `Bearer ${key}` } });
}

/** The Shanghai month of an instant (SPEC §1), as the API's summary names it. */
export function shanghaiMonth(at: Date): string {
  return monthOf(at);
}
