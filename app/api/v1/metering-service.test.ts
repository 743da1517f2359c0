import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authorizeRoute } from "@/app/api/v1/authorize/route";
import { POST as usageRoute } from "@/app/api/v1/usage/route";
import { MAX_USAGE_BODY_BYTES } from "@/lib/metering/api-answers";
import { NON_PAGE_HEADERS } from "@/lib/security/headers.mjs";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { useDatabaseForRoutes } from "@/lib/tooling/testing/route-database";
import { METERING_ROUTES } from "@/lib/tooling/server/metering-handler";
import { createMeteringService, type MeteringService } from "@/lib/tooling/server/metering-service";

/**
 * Issue 18 item 2 (and issue 17 item 3): the metering service answers as the route handlers do, and
 * every answer it writes — 200, 400, 401, 404, 405, 413, 500 — carries the non-page security headers.
 */
const HOUR = 3_600_000;

function expectNonPageHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(NON_PAGE_HEADERS)) expect(headers.get(name), name).toBe(value);
  expect(headers.get("cache-control")).toBe("no-store");
  expect(headers.get("content-type")).toBe("application/json");
}

/** Sends raw HTTP (a chunked body) and returns the raw answer. */
function rawRequest(port: number, head: string, body: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("utf8")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    socket.write(head);
    for (const part of body) socket.write(part);
  });
}

describeEachDatabase("the metering service", (database) => {
  let service: MeteringService;
  let url = "";
  let secret = "";
  const at = new Date(Date.now() - HOUR);
  const post = (path: string, body: unknown, key = secret) =>
    fetch(`${url}${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

  beforeAll(async () => {
    useDatabaseForRoutes(database());
    secret = (await meteredAccount(database().db, at)).secret;
    service = createMeteringService({ port: 0, hostname: "127.0.0.1" });
    url = `http://127.0.0.1:${await service.listening}`;
  });
  afterAll(async () => {
    await service.shutdown();
  });

  const event = (id: string) => ({ id, api: "processing.crop", calls: 2, at: new Date(Date.now() + 8 * HOUR).toISOString().replace("Z", "+08:00") });

  it("answers usage and authorize with the security headers", async () => {
    const usage = await post("/api/v1/usage", { events: [event("svc-1")] });
    expect(usage.status).toBe(200);
    expect(await usage.json()).toMatchObject({ results: [{ id: "svc-1", status: "accepted" }] });
    expectNonPageHeaders(usage.headers);
    const authorize = await post("/api/v1/authorize", { api: "processing.crop" });
    expect(authorize.status).toBe(200);
    expectNonPageHeaders(authorize.headers);
  });

  it("gives the same status and body as the route handlers for a refused request", async () => {
    const cases: { path: string; body: unknown; key?: string }[] = [
      { path: "/api/v1/usage", body: "{not json" },
      { path: "/api/v1/usage", body: { events: [] } },
      { path: "/api/v1/usage", body: { events: [event("svc-1")] }, key: "not-a-key" },
      { path: "/api/v1/authorize", body: { api: "" } },
      { path: "/api/v1/usage", body: { events: [event("svc-1")] } },
    ];
    for (const c of cases) {
      const fromService = await post(c.path, c.body, c.key);
      const request = new Request(`http://console.test${c.path}`, { method: "POST", headers: { authorization: `Bearer ${c.key ?? secret}`, "content-type": "application/json" }, body: typeof c.body === "string" ? c.body : JSON.stringify(c.body) });
      const fromRoute = await (c.path === "/api/v1/usage" ? usageRoute : authorizeRoute)(request);
      expect({ path: c.path, status: fromService.status, body: (await fromService.json()) as unknown }).toEqual({ path: c.path, status: fromRoute.status, body: (await fromRoute.json()) as unknown });
      expectNonPageHeaders(fromService.headers);
    }
  });

  it("answers 404 for other paths and 405 with Allow for other methods, with the headers", async () => {
    const missing = await fetch(`${url}/api/v1/bills`);
    expect(missing.status).toBe(404);
    expectNonPageHeaders(missing.headers);
    for (const method of ["GET", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
      const refused = await fetch(`${url}/api/v1/usage`, { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get("allow")).toBe("POST");
      expectNonPageHeaders(refused.headers);
    }
    const head = await fetch(`${url}/api/v1/authorize`, { method: "HEAD" });
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("POST");
  });

  it("answers 413 to a body over the limit, declared or chunked, with the headers", async () => {
    const big = JSON.stringify({ events: [], pad: "x".repeat(MAX_USAGE_BODY_BYTES) });
    const declared = await post("/api/v1/usage", big);
    expect(declared.status).toBe(413);
    expectNonPageHeaders(declared.headers);
    const port = Number(new URL(url).port);
    const chunk = "x".repeat(300_000);
    const chunked = await rawRequest(port, `POST /api/v1/usage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`, [
      ...Array.from({ length: 4 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`),
      "0\r\n\r\n",
    ]);
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked.toLowerCase()).toContain("content-security-policy: default-src 'none'; frame-ancestors 'none'");
  });

  it("answers 500 with the headers when an answer fails", async () => {
    const spy = vi.spyOn(METERING_ROUTES["/api/v1/authorize"] ?? { answer: () => Promise.reject(new Error("no route")) }, "answer").mockRejectedValueOnce(new Error("boom"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failed = await post("/api/v1/authorize", { api: "processing.crop" });
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ error: { code: "internal", message: "internal error" } });
      expectNonPageHeaders(failed.headers);
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
  });

  it("stops gracefully: a request in flight is answered (Connection: close), then nothing more is accepted", async () => {
    const second = createMeteringService({ port: 0, hostname: "127.0.0.1" });
    const port = await second.listening;
    const body = JSON.stringify({ events: [event("svc-drain")] });
    // The head is sent now, the body once the stop has begun: the request is in flight across it.
    const socket = connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    const ended = new Promise<void>((resolve, reject) => {
      socket.on("end", () => resolve());
      socket.on("error", reject);
    });
    socket.write(`POST /api/v1/usage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${secret}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    while (second.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const stopped = second.shutdown();
    socket.write(body);
    await ended;
    await stopped;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(text).toContain('"status":"accepted"');
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/usage`, { method: "POST" })).rejects.toThrow();
  });
});

describe("the metering service's routes", () => {
  it("are exactly the metering API's hot endpoints", () => {
    expect(Object.keys(METERING_ROUTES).sort()).toEqual(["/api/v1/authorize", "/api/v1/usage"]);
  });
});
