import { expect, newCustomer, signUp, test } from "./fixtures";
import { activate, createKey, postUsage, topUp } from "./metering-helpers";

test("key → usage through the API → usage, free quota, pack remaining and an alert message show it", async ({ page }) => {
  await signUp(page, newCustomer("meter"));
  await topUp(page, "100");
  await activate(page, "body");

  // A bought body.detection 10k pack (SPEC §2.4: ¥18), through the purchase flow.
  await page.goto("/packs");
  await page.getByLabel("Pack", { exact: true }).selectOption("body.detection:10k");
  await page.getByRole("button", { name: "Continue to checkout" }).click();
  await page.getByRole("button", { name: "Confirm and pay ¥18.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();

  const secret = await createKey(page, "e2e gateway");
  await expect(page.getByTestId("api-key-row")).toContainText("e2e gateway");
  await expect(page.getByTestId("api-key-row")).toContainText("Never");

  // 1,000 free, then 8,600 from the pack: 1,400 left = 14% < 15% (SPEC §5 body threshold).
  const at = new Date().toISOString();
  const response = await postUsage(page.request, secret, { events: [{ id: "e2e-1", api: "body.detection", calls: 9600, at }] });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ results: [{ id: "e2e-1", status: "accepted", free: 1000, fromPacks: 8600, billable: 0 }] });

  await page.goto("/usage");
  await expect(page.getByTestId("usage-total-calls")).toContainText("9,600");
  await expect(page.getByTestId("usage-total-free")).toContainText("1,000");
  await expect(page.getByTestId("usage-total-packs")).toContainText("8,600");
  await expect(page.getByTestId("daily-body.detection")).toContainText("9,600 calls this month");
  await expect(page.getByTestId("estimate-body.detection")).toContainText("Tier 1");
  await expect(page.getByTestId("estimate-total")).toHaveText("¥0.00");
  const draining = page.getByTestId("draining-pack");
  await expect(draining).toContainText("1,400 of 10,000 left");
  await expect(draining).toContainText(/Around .* \(in \d+ days\)/);

  await page.goto("/free-quota");
  await expect(page.getByTestId("free-body.detection")).toContainText("1,000");
  await expect(page.getByTestId("free-body.detection").getByText("0 of 1,000 left", { exact: true })).toBeVisible();
  await expect(page.getByTestId("free-body.search")).toContainText("1,000 of 1,000 left");

  await page.goto("/packs");
  await expect(page.locator('[data-testid="pack-row"][data-pack-spec="body.detection:10k"]')).toContainText("1,400");

  await page.goto("/messages");
  await expect(page.getByRole("heading", { name: "Pack running low: Body detection and attributes" })).toBeVisible();
});

test("thresholds: defaults, a field-named error, a saved change", async ({ page }) => {
  await signUp(page, newCustomer("alerts"));
  await page.goto("/alerts");
  const body = page.getByTestId("threshold-row-body");
  const input = body.getByLabel("Low-remaining threshold for Body analysis, percent");
  await expect(input).toHaveValue("15");
  await expect(page.getByTestId("threshold-row-scan").getByRole("spinbutton")).toHaveValue("20");
  await expect(page.getByText("only when it is the product's last usable pack")).toBeVisible();
  await input.fill("120");
  await body.getByRole("button", { name: "Save" }).click();
  await expect(body.getByRole("alert")).toHaveText("Enter a whole number from 1 to 99.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await input.fill("40");
  await body.getByRole("button", { name: "Save" }).click();
  await expect(body.getByText("Saved: alert below 40% left.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("threshold-row-body").getByRole("spinbutton")).toHaveValue("40");
  await expect(page.getByTestId("threshold-row-body")).toContainText("Your setting (default 15%)");
});

test("revoking a key asks first, then refuses its calls", async ({ page }) => {
  await signUp(page, newCustomer("revoke"));
  await activate(page, "processing");
  const secret = await createKey(page, "to revoke");
  await page.getByRole("button", { name: "I have saved it" }).click();
  await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke to revoke" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Revoke to revoke" }).click();
  await expect(page.getByText("Calls with this key are refused at once")).toBeVisible();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId("api-key-row")).toContainText("Revoked");
  const response = await postUsage(page.request, secret, { events: [{ id: "r-1", api: "processing.quality", calls: 1, at: new Date().toISOString() }] });
  expect(response.status()).toBe(401);
});

test("the pages read in Chinese", async ({ page, context }) => {
  await signUp(page, newCustomer("zh"));
  await context.addCookies([{ name: "locale", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto("/usage");
  await expect(page.getByRole("heading", { name: "用量", exact: true })).toBeVisible();
  await page.goto("/free-quota");
  await expect(page.getByRole("heading", { name: "免费额度", exact: true })).toBeVisible();
  await page.goto("/alerts");
  await expect(page.getByText("仅当该资源包是该产品最后一个可用资源包时")).toBeVisible();
  await page.goto("/api-keys");
  await expect(page.getByRole("button", { name: "创建密钥" })).toBeVisible();
});
