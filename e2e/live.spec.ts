import { expect, test } from "./fixtures";
import { activate, createKey, postUsage, topUp } from "./metering-helpers";

// Figures that change while you watch (issue 11): no reload between the API call and the check.

test("usage reported through the API while the Usage page is open changes its figures without a reload", async ({ page, customer: _customer }) => {
  await activate(page, "body");
  const secret = await createKey(page, "live gateway");
  await page.goto("/usage");
  await expect(page.getByTestId("usage-total-calls")).toContainText("0");
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  const response = await postUsage(page.request, secret, { events: [{ id: "live-1", api: "body.detection", calls: 1234, at: new Date().toISOString() }] });
  expect(response.status()).toBe(200);
  await expect(page.getByTestId("usage-total-calls")).toContainText("1,234");
  await expect(page.getByTestId("usage-total-free")).toContainText("1,000");
  expect(reloaded).toBe(false);
});

test("the bell's unread count rises when an alert fires and the pack's bar drops, without a reload", async ({ page, customer: _customer }) => {
  await topUp(page, "100");
  await activate(page, "body");
  await page.goto("/checkout?item=body.detection:10k&quantity=1");
  await page.getByRole("button", { name: /^Confirm and pay/ }).click();
  await expect(page.getByRole("heading", { name: "Payment complete" })).toBeVisible();
  const secret = await createKey(page, "bell gateway");
  await page.goto("/packs");
  const row = page.locator('[data-testid="pack-row"][data-pack-spec="body.detection:10k"]');
  await expect(row).toContainText("10,000 of 10,000");
  const badge = page.getByTestId("unread-count");
  const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;

  // 1,000 free, then 8,600 from the pack: 14% left crosses the 15% body threshold (SPEC §5).
  const response = await postUsage(page.request, secret, { events: [{ id: "bell-1", api: "body.detection", calls: 9600, at: new Date().toISOString() }] });
  expect(response.status()).toBe(200);
  await expect(badge).toHaveText(String(before + 1));
  await expect(page.getByRole("link", { name: `Messages, ${before + 1} unread` })).toBeVisible();
  await expect(row).toContainText("1,400 of 10,000");
});

test("the console's JSON routes need a session and answer only for its own account", async ({ page, customer: _customer, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/console/unread")).status()).toBe(401);
  expect((await anonymous.get("/api/console/usage")).status()).toBe(401);
  await anonymous.dispose();
  expect((await page.request.get("/api/console/usage?month=2026-13")).status()).toBe(400);
  expect((await page.request.get("/api/console/usage?month=1999-01")).status()).toBe(400);
  const own = await page.request.get("/api/console/usage");
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ calls: 0, estimatedTotal: "0.00" });
});
