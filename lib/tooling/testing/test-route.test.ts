import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The routes under app/api/test/ let browser tests close months, grant vouchers and make staff: on a
 * real server they must not exist. Every one of them answers 404 unless APP_TEST_MODE=1, before it
 * reads its body or touches the database (a test that would fail if a new route forgot the gate).
 */
const root = path.resolve("app/api/test");
const routes = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

type Handler = (request: Request) => Promise<Response>;

async function handlers(name: string): Promise<[string, Handler][]> {
  const exported = (await import(/* @vite-ignore */ path.join(root, name, "route.ts"))) as Record<string, unknown>;
  return Object.entries(exported).filter((entry): entry is [string, Handler] => ["GET", "POST"].includes(entry[0]) && typeof entry[1] === "function");
}

describe("test-only routes", () => {
  const saved = process.env.APP_TEST_MODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_TEST_MODE;
    else process.env.APP_TEST_MODE = saved;
  });

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
  });

  it.each(routes)("%s answers 404 outside test mode", async (name) => {
    delete process.env.APP_TEST_MODE;
    const found = await handlers(name);
    expect(found.length).toBeGreaterThan(0);
    for (const [method, handle] of found) {
      const request = new Request(`http://localhost/api/test/${name}?email=a@b.example`, method === "POST" ? { method, body: JSON.stringify({ email: "a@b.example" }), headers: { "content-type": "application/json" } } : { method });
      expect((await handle(request)).status, `${method} /api/test/${name}`).toBe(404);
    }
  });
});
