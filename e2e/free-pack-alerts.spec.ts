import { expect, test } from "./fixtures";
import { activate, createKey, postUsage } from "./metering-helpers";

// Issue 22 part 3, Reading FREE_PACK_IS_A_PACK: a scan customer holding only the month's free pack
// is warned below 20% and at 0 (seed 000), in Messages, each once.
test("a scan customer with only the free pack is warned below 20% and when it is used up", async ({ page, customer: _customer }) => {
  await activate(page, "scan");
  const key = await createKey(page, "gateway");
  const at = new Date().toISOString();
  const report = async (id: string, calls: number) => expect((await postUsage(page.request, key, { events: [{ id: `${id}-${Date.now()}`, api: "scan.code-recognition", calls, at }] })).status()).toBe(200);

  await report("a", 850);
  await page.goto("/messages");
  const low = page.getByRole("listitem").filter({ hasText: "Pack running low: free QR and barcode recognition" });
  await expect(low).toBeVisible();
  await expect(low).toContainText("150 calls left (15% of 1,000)");
  await expect(page.getByRole("listitem").filter({ hasText: "Pack used up" })).toHaveCount(0);

  await report("b", 100);
  await report("c", 100);
  await page.goto("/messages");
  await expect(page.getByRole("listitem").filter({ hasText: "Pack used up: free QR and barcode recognition" })).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ hasText: "Pack running low" })).toHaveCount(1);
  await page.getByRole("link", { name: /Pack used up/ }).click();
  await expect(page).toHaveURL(/\/packs$/);
});
