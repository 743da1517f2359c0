import { describe, expect, it } from "vitest";
import { Dec, priceBookForMonth } from "@/lib/pricing";
import { arrearsNotifications, billReadyNotifications } from "./close-notify";
import { groupUsage } from "./close-read";
import { settleBatch } from "./close-settle";
import { billLineRows } from "./close-write";

describe("the close's steps", () => {
  it("groupUsage: sums per account as numbers and leaves out an API the catalog no longer has", () => {
    const usage = groupUsage([
      { accountId: "a", api: "processing.crop", calls: "10", free: "2", fromPacks: "3" },
      { accountId: "a", api: "processing.retired", calls: "7", free: "0", fromPacks: "0" },
      { accountId: "b", api: "body.search", calls: "1", free: "1", fromPacks: "0" },
    ]);
    expect(Object.fromEntries(usage)).toEqual({
      a: [{ api: "processing.crop", calls: 10, free: 2, fromPacks: 3 }],
      b: [{ api: "body.search", calls: 1, free: 1, fromPacks: 0 }],
    });
  });

  it("billLineRows: only the bills this run inserted get lines, each in line order", () => {
    const settled = settleBatch({
      month: "2025-03",
      book: priceBookForMonth("2025-03"),
      at: new Date("2025-04-01T00:05:00+08:00"),
      wallets: [{ accountId: "a", cash: "0", income: "0", gift: "0" }, { accountId: "b", cash: "0", income: "0", gift: "0" }],
      usageOf: new Map([["a", [{ api: "processing.quality", calls: 2000, free: 1000, fromPacks: 0 }, { api: "processing.crop", calls: 1500, free: 1000, fromPacks: 0 }]], ["b", [{ api: "processing.crop", calls: 1500, free: 1000, fromPacks: 0 }]]]),
      releaseOf: new Map(),
      statusOf: new Map(),
    });
    expect(billLineRows([{ id: "bill-a", accountId: "a" }], settled.linesOf)).toEqual([
      { billId: "bill-a", position: 0, api: "processing.quality", calls: 2000, free: 1000, fromPacks: 0, billable: 1000, tier: 1, unitPrice: "0.003", amount: "3.00", formula: "(2,000 − 1,000) × 0.003 = 3.00" },
      { billId: "bill-a", position: 1, api: "processing.crop", calls: 1500, free: 1000, fromPacks: 0, billable: 500, tier: 1, unitPrice: "0.002", amount: "1.00", formula: "(1,500 − 1,000) × 0.002 = 1.00" },
    ]);
  });

  it("arrearsNotifications: the balance left and the suspension deadline 24 hours later, on Shanghai time", () => {
    const notes = arrearsNotifications("2025-03", new Date("2025-04-01T00:05:00+08:00"), [{ accountId: "a", balance: new Dec("-898") }]);
    expect(notes).toEqual([{ accountId: "a", kind: "arrears", product: null, params: { balance: expect.stringContaining("898.00"), month: "2025-03", deadline: "2025-04-01T16:05:00.000Z" }, dedupeKey: "arrears:2025-03" }]);
  });

  it("billReadyNotifications: one per new bill, with its total", () => {
    expect(billReadyNotifications("2025-03", [{ id: "x", accountId: "a" }], new Map([["a", "998.00"]]))).toEqual([
      { accountId: "a", kind: "bill-ready", product: null, params: { month: "2025-03", total: expect.stringContaining("998.00") }, dedupeKey: "bill-ready:2025-03" },
    ]);
  });
});
