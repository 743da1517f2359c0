/**
 * The quote command end to end (QUOTE.md): runs the real `lib/tooling/cli/quote.ts` with tsx on
 * fixture files and standard input, and checks the JSON printed and the exit code.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const FIXTURES = join(ROOT, "lib", "tooling", "cli", "quote-fixtures");

interface Run {
  readonly exitCode: number;
  readonly json: unknown;
}

function runQuote(args: readonly string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(TSX, [join(ROOT, "lib", "tooling", "cli", "quote.ts"), ...args], { cwd: ROOT }, (error, stdout) => {
      const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      try {
        resolve({ exitCode, json: JSON.parse(stdout) });
      } catch {
        reject(new Error(`not JSON (exit ${exitCode}): ${stdout}`));
      }
    });
    child.stdin?.end(stdin ?? "");
  });
}

const fixture = (name: string): string => join(FIXTURES, name);
const expected = (name: string): unknown => JSON.parse(readFileSync(fixture(`${name}.expected.json`), "utf8"));

describe.concurrent("npm run quote -- FILE", () => {
  it.each(["quote-md-example", "spec-example-2", "shared-pool-2022", "qps-billing"])("prices %s (exit 0)", async (name) => {
    const run = await runQuote([fixture(`${name}.json`)]);
    expect(run).toEqual({ exitCode: 0, json: expected(name) });
  });

  it("reads standard input with -", async () => {
    const run = await runQuote(["-"], JSON.stringify({ month: "2024-05", usage: { "processing.enhance": 3_500_000 } }));
    expect(run.exitCode).toBe(0);
    expect(run.json).toMatchObject({
      month: "2024-05",
      priceBook: "2023-12",
      lines: [{ api: "processing.enhance", tier: 3, unitPrice: "0.007", amount: "24493.00", formula: "(3,500,000 − 1,000) × 0.007 = 24,493.00" }],
      packDraws: [],
      purchases: [],
      usageTotal: "24493.00",
      purchaseTotal: "0.00",
      total: "24493.00",
    });
  });

  it.each([
    ["invalid-json", "invalid-json", "input is not valid JSON"],
    ["invalid-input", "invalid-input", 'input: unknown field "usgae"'],
    ["invalid-month", "invalid-month", 'month: must be YYYY-MM, got "May 2024"'],
    ["no-price-book", "no-price-book", 'month "2022-08" has no price book'],
    ["unknown-api", "unknown-api", 'usage["recognition.cat"]: unknown API "recognition.cat"'],
    ["api-not-in-book", "api-not-in-book", 'usage["recognition.chef-attire"]: API "recognition.chef-attire" is not offered in price book 2022-11'],
    ["unknown-item", "unknown-item", 'purchases[0].item: unknown item "processing.crop:10k"'],
    ["invalid-count", "invalid-count", 'usage["body.search"] must be an integer from 0 to 10^12, got -5'],
    ["count-too-large", "invalid-count", "got 1000000000001"],
    ["qps-out-of-range", "qps-out-of-range", "purchases[0].quantity: QPS must be an integer from 1 to 200, got 201"],
    ["shared-pool-mismatch", "shared-pool-mismatch", "give the same number for both, got 100 and 200"],
    ["invalid-instant", "invalid-instant", 'packs[0].expiresAt: must be an ISO-8601 instant with an offset, got "next year"'],
    ["duplicate-pack-id", "duplicate-pack-id", 'packs[1].id: pack id "A" is listed twice'],
    ["price-on-request", "price-on-request", "purchases[0].quotedPrice: body.offline-sdk:formal is priced on request"],
  ])("refuses %s with code %s (exit 2)", async (name, code, message) => {
    const run = await runQuote([fixture(`${name}.json`)]);
    expect(run.exitCode).toBe(2);
    expect(run.json).toEqual({ error: { code, message: expect.stringContaining(message) } });
  });

  it("refuses a file that cannot be read (exit 2)", async () => {
    const run = await runQuote([fixture("no-such-file.json")]);
    expect(run).toEqual({ exitCode: 2, json: { error: { code: "unreadable-file", message: expect.stringContaining("ENOENT") } } });
  });

  it("refuses to run without an input argument (exit 2)", async () => {
    const run = await runQuote([]);
    expect(run).toEqual({ exitCode: 2, json: { error: { code: "missing-argument", message: expect.stringContaining("usage:") } } });
  });
});
