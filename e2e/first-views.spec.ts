import { expect, test } from "./fixtures";

/**
 * First views (issue 19 item 11, docs/scaling.md "First views"): what a console page asks of the
 * server and sends to the browser, counted, never timed.
 */
test("a console page makes no prefetch requests for its links (every console page is dynamic: they bought nothing and cost the server 25–39 requests a view)", async ({ page, customer: _customer }) => {
  for (const path of ["/", "/usage", "/balance"]) {
    const prefetches: string[] = [];
    const listener = (request: { url(): string; headers(): Record<string, string> }) => {
      const headers = request.headers();
      if (request.url().includes("_rsc=") || headers["next-router-prefetch"] !== undefined) prefetches.push(request.url());
    };
    page.on("request", listener);
    await page.goto(path, { waitUntil: "load" });
    // Next schedules viewport prefetches just after hydration: give it the time it took before.
    await page.waitForTimeout(1_500);
    page.off("request", listener);
    expect(prefetches, path).toEqual([]);
  }
});

test("the overview and usage pages send neither zod nor the price book to the browser", async ({ page, customer: _customer }) => {
  for (const path of ["/", "/usage"]) {
    const scripts: Promise<string>[] = [];
    const listener = (response: { url(): string; text(): Promise<string> }) => {
      if (response.url().endsWith(".js")) scripts.push(response.text().catch(() => ""));
    };
    page.on("response", listener);
    await page.goto(path, { waitUntil: "load" });
    page.off("response", listener);
    const bodies = await Promise.all(scripts);
    expect(bodies.length, path).toBeGreaterThan(0);
    // zod's own error text and a price book's field: neither belongs in a page that shows server figures.
    expect(bodies.filter((body) => body.includes("Unexpected value in exhaustive check")).length, `${path}: scripts with zod`).toBe(0);
    expect(bodies.filter((body) => body.includes("maxPerAccount")).length, `${path}: scripts with the price catalog`).toBe(0);
  }
});
