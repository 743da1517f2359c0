import type { Browser, Page } from "@playwright/test";
import { expect, newCustomer, signUp, test } from "./fixtures";
import { activate, createKey, getSummary, postUsage, shanghaiMonth } from "./metering-helpers";

/** A new customer in its own browser context with processing activated and a key. */
async function accountWithKey(browser: Browser, name: string): Promise<{ page: Page; key: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, newCustomer(name));
  await activate(page, "processing");
  return { page, key: await createKey(page, name) };
}

const event = (id: string, calls = 1, api = "processing.quality") => ({ id, api, calls, at: new Date().toISOString() });

test.describe("metering HTTP API (API.md §1)", () => {
  test("401 without a key, with a wrong key and with a revoked key; nothing is recorded", async ({ browser, request }) => {
    const a = await accountWithKey(browser, "auth");
    for (const key of [null, "not-a-key", `${a.key}x`]) {
      const response = await postUsage(request, key, { events: [event(`auth-${String(key)}`)] });
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await request.get("/api/v1/usage/summary")).status()).toBe(401);
    const second = await createKey(a.page, "second");
    await a.page.getByRole("button", { name: "I have saved it" }).click();
    await a.page.getByRole("button", { name: "Revoke auth" }).click();
    await a.page.getByRole("button", { name: "Revoke key" }).click();
    // By the name cell: since keys have scopes, another row's text can contain "auth" too (the scopes' descriptions).
    await expect(a.page.getByTestId("api-key-row").filter({ has: a.page.getByRole("cell", { name: "auth", exact: true }) })).toContainText("Revoked");
    expect((await postUsage(request, a.key, { events: [event("after-revoke")] })).status()).toBe(401);
    const summary = await (await getSummary(request, second)).json();
    expect(summary.apis).toEqual([]);
    await a.page.context().close();
  });

  test("400 names the field; 413 for 1,001 events; nothing of either is recorded", async ({ browser, request }) => {
    const a = await accountWithKey(browser, "shape");
    const cases: [unknown, RegExp][] = [
      [{ events: "nope" }, /events/],
      [{}, /events/],
      [{ events: [] }, /events/],
      [{ events: [event("ok"), 7] }, /events\[1\]/],
    ];
    for (const [body, field] of cases) {
      const response = await postUsage(request, a.key, body);
      expect(response.status()).toBe(400);
      const json = await response.json();
      expect(json).toEqual({ error: { code: expect.any(String), message: expect.stringMatching(field) } });
    }
    const raw = await request.post("/api/v1/usage", { headers: { Authorization: `Bearer ${a.key}`, "Content-Type": "application/json" }, data: "{not json" });
    expect(raw.status()).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });

    const tooMany = await postUsage(request, a.key, { events: Array.from({ length: 1001 }, (_, i) => event(`big-${i}`)) });
    expect(tooMany.status()).toBe(413);
    expect(await tooMany.json()).toMatchObject({ error: { code: "too-many-events" } });
    expect((await (await getSummary(request, a.key)).json()).apis).toEqual([]);

    // An event's own bad field is answered per event, naming it, beside the good ones.
    const mixed = await (await postUsage(request, a.key, { events: [event("good"), { ...event("bad"), calls: 0 }] })).json();
    expect(mixed.results[0]).toMatchObject({ id: "good", status: "accepted" });
    expect(mixed.results[1]).toMatchObject({ id: "bad", status: "rejected", error: { code: "invalid", message: expect.stringContaining("calls") } });
    await a.page.context().close();
  });

  test("a repeated id is answered duplicate and counted once; the summary has the API.md shape", async ({ browser, request }) => {
    const a = await accountWithKey(browser, "dup");
    const first = await (await postUsage(request, a.key, { events: [event("d-1", 600), event("d-1", 600)] })).json();
    expect(first.results).toEqual([{ id: "d-1", status: "accepted", free: 600, fromPacks: 0, billable: 0 }, { id: "d-1", status: "duplicate" }]);
    const again = await (await postUsage(request, a.key, { events: [event("d-1", 600), event("d-2", 600)] })).json();
    expect(again.results).toEqual([{ id: "d-1", status: "duplicate" }, { id: "d-2", status: "accepted", free: 400, fromPacks: 0, billable: 200 }]);

    const month = shanghaiMonth(new Date());
    const response = await getSummary(request, a.key, month);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({
      month,
      apis: [{ api: "processing.quality", calls: 1200, free: 1000, fromPacks: 0, billable: 200, tier: 1, unitPrice: "0.003", estimatedAmount: "0.60", formula: expect.any(String) }],
      estimatedTotal: "0.60",
    });
    expect((await getSummary(request, a.key, "2026-13")).status()).toBe(400);
    await a.page.context().close();
  });

  test("two accounts' keys are isolated: B never sees or changes A's usage", async ({ browser, request }) => {
    const a = await accountWithKey(browser, "iso-a");
    const b = await accountWithKey(browser, "iso-b");
    await postUsage(request, a.key, { events: [event("shared-id", 5)] });
    // The same event id under B's key is B's own event, not a duplicate of A's.
    const fromB = await (await postUsage(request, b.key, { events: [event("shared-id", 7)] })).json();
    expect(fromB.results).toEqual([{ id: "shared-id", status: "accepted", free: 7, fromPacks: 0, billable: 0 }]);
    const summaryA = await (await getSummary(request, a.key)).json();
    const summaryB = await (await getSummary(request, b.key)).json();
    expect(summaryA.apis.map((x: { calls: number }) => x.calls)).toEqual([5]);
    expect(summaryB.apis.map((x: { calls: number }) => x.calls)).toEqual([7]);

    await a.page.goto("/usage");
    await expect(a.page.getByTestId("usage-total-calls")).toContainText("5");
    await expect(a.page.getByTestId("usage-total-calls")).not.toContainText("12");
    await a.page.context().close();
    await b.page.context().close();
  });
});
