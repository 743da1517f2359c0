import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { setFixedNow } from "@/lib/clock";
import { translatorFor } from "@/lib/i18n/translate";
import { describeEachDatabase } from "@/lib/tooling/testing/databases";
import { paramValuesArbitrary } from "@/lib/tooling/testing/hostile-params";
import { meteredAccount } from "@/lib/tooling/testing/metering-fixtures";
import { useDatabaseForRoutes } from "@/lib/tooling/testing/route-database";
import { topUp } from "@/lib/tooling/testing/wallet-fixtures";

/**
 * Issue 17 item 2: every GET route handler, called in-process with generated values for every one of
 * its query parameters (and path segments), never answers 5xx, and a month or date outside
 * lib/params/calendar's range, malformed or repeated is a 400 that names the field (a 404 for a path).
 * The routes are found on disk (app/**\/route.ts exporting GET): a new one fails here until it is in
 * ROUTES, and a parameter a route reads that ROUTES does not list fails too.
 */
type Session = { user: { id: string; role: string; accountId?: string } } | null;
const state: { session: Session } = { session: null };
vi.mock("@/lib/auth", () => ({ auth: async () => state.session, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "en", getTranslator: async () => ({ locale: "en", t: translatorFor("en") }) }));

// 2026-12-03 02:00 in Shanghai: the accepted range is 2022-09(-01) to 2027-12(-03) (docs/api.md).
const NOW = new Date("2026-12-02T18:00:00Z");
const RANGE = { firstMonth: "2022-09", lastMonth: "2027-12", currentMonth: "2026-12", firstDay: "2022-09-01", lastDay: "2027-12-03" };

type ParamKind = "month" | "month-to-now" | "day" | "page" | "pageSize" | "uuid" | "email" | "choice";
type Style = "api" | "console" | "csv" | "test-only";
interface RouteSpec {
  url: string;
  auth: "api-key" | "customer" | "none";
  style: Style;
  query: Record<string, { kind: ParamKind; required?: boolean }>;
  /** Path segments (`[month]`): a refused one is a 404. */
  path?: Record<string, ParamKind>;
  /** Statuses a request with only valid months and dates may get (a bill that does not exist is a 404). */
  ok?: number[];
  /** `from` must not be after `to`. */
  range?: true;
  /** Not fuzzed, and why. */
  skip?: string;
}

/** Every GET route of the app and every parameter it reads. */
const ROUTES: Record<string, RouteSpec> = {
  "app/api/v1/bills/route.ts": { url: "/api/v1/bills", auth: "api-key", style: "api", query: { month: { kind: "month", required: true } }, ok: [404] },
  "app/api/v1/packs/route.ts": { url: "/api/v1/packs", auth: "api-key", style: "api", query: {} },
  "app/api/v1/transactions/route.ts": { url: "/api/v1/transactions", auth: "api-key", style: "api", query: { from: { kind: "day" }, to: { kind: "day" }, page: { kind: "page" }, pageSize: { kind: "pageSize" } }, range: true },
  "app/api/v1/usage/daily/route.ts": { url: "/api/v1/usage/daily", auth: "api-key", style: "api", query: { month: { kind: "month", required: true }, page: { kind: "page" }, pageSize: { kind: "pageSize" } } },
  "app/api/v1/usage/summary/route.ts": { url: "/api/v1/usage/summary", auth: "api-key", style: "api", query: { month: { kind: "month" } } },
  "app/api/console/balance/route.ts": { url: "/api/console/balance", auth: "customer", style: "console", query: { topup: { kind: "uuid" } } },
  "app/api/console/orders/[id]/route.ts": { url: "/api/console/orders/[id]", auth: "customer", style: "console", query: {}, path: { id: "uuid" }, ok: [404] },
  "app/(app)/(console)/orders/csv/route.ts": { url: "/orders/csv", auth: "customer", style: "csv", query: { month: { kind: "month" }, kind: { kind: "choice" }, status: { kind: "choice" }, method: { kind: "choice" } } },
  "app/api/console/packs/route.ts": { url: "/api/console/packs", auth: "customer", style: "console", query: {} },
  "app/api/console/standing/route.ts": { url: "/api/console/standing", auth: "customer", style: "console", query: {} },
  "app/api/console/unread/route.ts": { url: "/api/console/unread", auth: "customer", style: "console", query: {} },
  "app/api/console/viewer/route.ts": { url: "/api/console/viewer", auth: "customer", style: "console", query: {} },
  "app/api/console/usage/route.ts": { url: "/api/console/usage", auth: "customer", style: "console", query: { month: { kind: "month-to-now" } } },
  "app/api/console/forecast/route.ts": { url: "/api/console/forecast", auth: "customer", style: "console", query: {} },
  "app/api/console/free-quota/route.ts": { url: "/api/console/free-quota", auth: "customer", style: "console", query: {} },
  "app/(app)/(console)/balance/transactions-csv/route.ts": { url: "/balance/transactions-csv", auth: "customer", style: "csv", query: { from: { kind: "day" }, to: { kind: "day" } }, range: true },
  "app/(app)/(console)/usage/daily-csv/route.ts": { url: "/usage/daily-csv", auth: "customer", style: "csv", query: { month: { kind: "month", required: true } } },
  "app/(app)/(console)/bills/[month]/csv/route.ts": { url: "/bills/[month]/csv", auth: "customer", style: "csv", query: {}, path: { month: "month" }, ok: [404] },
  "app/(app)/(console)/invoices/[invoiceId]/pdf/route.ts": { url: "/invoices/[invoiceId]/pdf", auth: "customer", style: "csv", query: {}, path: { invoiceId: "uuid" }, ok: [404] },
  "app/api/test/outbox/route.ts": { url: "/api/test/outbox", auth: "none", style: "test-only", query: { email: { kind: "email" } }, ok: [404] },
  "app/api/test/fail/route.ts": { url: "/api/test/fail", auth: "none", style: "test-only", query: {}, ok: [404] },
  "app/api/auth/[...nextauth]/route.ts": { url: "/api/auth/[...nextauth]", auth: "none", style: "api", query: {}, skip: "next-auth's own handlers (sign-in pages, CSRF, session); no month or date, and callbackUrl is issue 17 item 1's" },
};

function routeFiles(dir = "app"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full.split(path.sep).join("/")] : [];
  });
}

const servesGet = (file: string) => /export\s+(async\s+)?function\s+GET\b|export\s+const\s+GET\b|export\s+(const\s+)?\{[^}]*\bGET\b/.test(readFileSync(file, "utf8"));

/** The accepted range and form, written out again here (not lib/params/calendar's code). */
function realDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value);
}
function calendarVerdict(kind: ParamKind, values: string[], required: boolean): "absent" | "valid" | "invalid" {
  if (values.length > 1) return "invalid";
  const value = (values[0] ?? "").trim();
  if (value === "") return required ? "invalid" : "absent";
  if (kind === "day") return realDay(value) && value >= RANGE.firstDay && value <= RANGE.lastDay ? "valid" : "invalid";
  const last = kind === "month-to-now" ? RANGE.currentMonth : RANGE.lastMonth;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && value >= RANGE.firstMonth && value <= last ? "valid" : "invalid";
}
/** What each kind of parameter normally holds, mixed by the fuzz with hostile values. */
const USUAL: Record<ParamKind, fc.Arbitrary<string> | undefined> = {
  month: undefined,
  "month-to-now": undefined,
  day: undefined,
  page: fc.integer({ min: 1, max: 5 }).map(String),
  pageSize: fc.integer({ min: 1, max: 1000 }).map(String),
  uuid: fc.uuid(),
  email: fc.emailAddress(),
  // The order list's filters (issue 20): one of a fixed list, or not.
  choice: fc.constantFrom("top-up", "pack", "licence", "paid", "partly-refunded", "alipay", "balance", "transfer", "Paid", "x"),
};
const isCalendar = (kind: ParamKind) => kind === "month" || kind === "month-to-now" || kind === "day";

/** The field a 400 names, in each style's error shape (docs/api.md: the API's message starts with it). */
async function namedField(style: Style, response: Response): Promise<string> {
  if (style === "console") return ((await response.json()) as { field?: string }).field ?? "";
  const text = style === "api" ? ((await response.json()) as { error: { code: string; message: string } }).error.message : await response.text();
  return /^(\w+)[: ]/.exec(text)?.[1] ?? text;
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handlers = new Map<string, Handler>();
const READERS = ["get", "getAll", "has", "entries", "keys", "values", "forEach"] as const;

/** Calls a route with the query given and records which query names it read (URLSearchParams is spied on during the call). */
async function call(file: string, spec: RouteSpec, query: Record<string, string[]>, pathValues: Record<string, string>, secret: string): Promise<{ response: Response; read: Set<string> }> {
  const handler = handlers.get(file);
  if (!handler) throw new Error(`not loaded: ${file}`);
  const search = new URLSearchParams();
  for (const [name, values] of Object.entries(query)) for (const value of values) search.append(name, value);
  let url = spec.url;
  for (const [name, value] of Object.entries(pathValues)) url = url.replace(`[${name}]`, encodeURIComponent(value));
  const request = new NextRequest(`http://localhost${url}?${search.toString()}`, { headers: spec.auth === "api-key" ? { authorization: `Bearer ${secret}` } : {} });
  const read = new Set<string>();
  const spies = READERS.map((reader) => {
    const original = URLSearchParams.prototype[reader] as (...args: unknown[]) => unknown;
    return vi.spyOn(URLSearchParams.prototype, reader).mockImplementation(function (this: URLSearchParams, ...args: unknown[]) {
      read.add(reader === "get" || reader === "getAll" || reader === "has" ? String(args[0]) : `*${reader}`);
      return original.apply(this, args);
    } as never);
  });
  try {
    return { response: await handler(request, { params: Promise.resolve(pathValues) }), read };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

it("ROUTES lists exactly the app's GET route handlers, with their path segments", () => {
  const onDisk = routeFiles().filter(servesGet).sort();
  expect(onDisk).toEqual(Object.keys(ROUTES).sort());
  for (const [file, spec] of Object.entries(ROUTES)) {
    if (spec.skip) continue;
    const segments = [...file.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
    expect(Object.keys(spec.path ?? {}), file).toEqual(segments);
  }
});

describeEachDatabase("every GET route under generated query values (issue 17 item 2)", (database) => {
  let secret = "";
  beforeAll(async () => {
    setFixedNow(NOW);
    useDatabaseForRoutes(database());
    for (const file of Object.keys(ROUTES)) if (!ROUTES[file]?.skip) handlers.set(file, ((await import(/* @vite-ignore */ path.resolve(file))) as { GET: Handler }).GET);
    const account = await meteredAccount(database().db, new Date(NOW.getTime() - 40 * 86_400_000), ["processing", "scan"]);
    await topUp(account, "100", new Date(NOW.getTime() - 30 * 86_400_000));
    await account.report([{ id: "fuzz-1", api: "processing.quality", calls: 5, at: "2026-12-01T10:00:00+08:00" }], NOW);
    secret = account.secret;
    state.session = { user: { id: account.userId, role: "customer", accountId: account.accountId } };
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => setFixedNow(null));

  it("the reported requests are 400s naming the field, not 500s", async () => {
    const cases: [string, Record<string, string[]>, string][] = [
      ["app/api/v1/usage/daily/route.ts", { month: ["9999-12"] }, "month"],
      ["app/api/v1/usage/summary/route.ts", { month: ["9999-12"] }, "month"],
      ["app/(app)/(console)/usage/daily-csv/route.ts", { month: ["9999-12"] }, "month"],
      ["app/api/v1/transactions/route.ts", { from: ["0001-01-01"] }, "from"],
      ["app/(app)/(console)/balance/transactions-csv/route.ts", { from: ["0001-01-01"] }, "from"],
      ["app/api/v1/transactions/route.ts", { page: ["1e20"] }, "page"],
    ];
    for (const [file, query, field] of cases) {
      const spec = ROUTES[file];
      if (!spec) throw new Error(file);
      const { response } = await call(file, spec, query, {}, secret);
      expect(response.status, `${file} ${JSON.stringify(query)}`).toBe(400);
      expect(await namedField(spec.style, response)).toBe(field);
    }
  });

  for (const [file, spec] of Object.entries(ROUTES)) {
    if (spec.skip) continue;
    it(`${spec.url}: no 5xx, and a refused month or date is a 400 naming it`, { timeout: 120_000 }, async () => {
      const names = Object.keys(spec.query);
      const query = fc.record(Object.fromEntries(names.map((name) => [name, paramValuesArbitrary(2022, 2027, USUAL[spec.query[name]?.kind ?? "day"])])) as Record<string, fc.Arbitrary<string[]>>);
      const pathArb = fc.record(Object.fromEntries(Object.keys(spec.path ?? {}).map((name) => [name, paramValuesArbitrary(2022, 2027).map((v) => v[0] ?? "")])) as Record<string, fc.Arbitrary<string>>);
      await fc.assert(
        fc.asyncProperty(query, pathArb, async (values, pathValues) => {
          const { response, read } = await call(file, spec, values, pathValues, secret);
          const label = `${file} ${JSON.stringify(values).slice(0, 300)} ${JSON.stringify(pathValues).slice(0, 100)}`;
          expect(response.status, label).toBeLessThan(500);
          // Every name the route read is in the table (and it did not read the whole query).
          for (const name of read) expect(names, `${file} reads "${name}": list it in ROUTES`).toContain(name);

          const pathInvalid = Object.entries(spec.path ?? {}).some(([name, kind]) => calendarVerdict(kind, [pathValues[name] ?? ""], true) !== "valid");
          if (pathInvalid) {
            expect(response.status, label).toBe(404);
            return;
          }
          const verdicts = Object.fromEntries(names.map((name) => [name, isCalendar(spec.query[name]?.kind ?? "page") ? calendarVerdict(spec.query[name]?.kind ?? "day", values[name] ?? [], spec.query[name]?.required ?? false) : (values[name] ?? []).length > 0 ? "unknown" : "absent"]));
          const [from, to] = [values.from?.[0]?.trim() ?? "", values.to?.[0]?.trim() ?? ""];
          if (spec.range && verdicts.from === "valid" && verdicts.to === "valid" && from > to) verdicts.from = "invalid";
          const invalid = names.filter((name) => verdicts[name] === "invalid");
          const unknown = names.filter((name) => verdicts[name] === "unknown");
          if (invalid.length > 0) expect(response.status, label).toBe(400);
          else if (unknown.length === 0) expect([200, ...(spec.ok ?? [])], label).toContain(response.status);
          if (response.status === 400) expect([...invalid, ...unknown], label).toContain(await namedField(spec.style, response));
        }),
        { numRuns: 120 },
      );
    });
  }
});
