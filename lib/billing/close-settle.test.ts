import { describe, expect, it } from "vitest";
import { Dec, priceBookForMonth } from "@/lib/pricing";
import { settleBatch, type SettleInput } from "./close-settle";

const at = new Date("2025-04-01T00:05:00+08:00");
const crop = [{ api: "processing.crop" as const, calls: 500_000, free: 1000, fromPacks: 0 }]; // SPEC §9 example 8: 998.00

function settle(wallet: { cash: string; income?: string; gift?: string }, overrides: Partial<SettleInput> = {}) {
  return settleBatch({
    month: "2025-03",
    book: priceBookForMonth("2025-03"),
    at,
    wallets: [{ accountId: "a", cash: wallet.cash, income: wallet.income ?? "0", gift: wallet.gift ?? "0" }],
    usageOf: new Map([["a", crop]]),
    releaseOf: new Map(),
    statusOf: new Map([["a", "active"]]),
    ...overrides,
  });
}

const postingsOf = (s: ReturnType<typeof settleBatch>) =>
  s.postings.map((p) => ({ kind: p.kind, key: p.idempotencyKey, lines: Object.fromEntries(p.lines.map((l) => [l.book, l.amount.toFixed(2)])) }));

describe("settleBatch: the money of a close", () => {
  it("prices the month and takes the bill gift → income → cash (SPEC §7.2)", () => {
    const s = settle({ cash: "1000", income: "300", gift: "500" });
    expect(postingsOf(s)).toEqual([{ kind: "bill", key: "bill:2025-03", lines: { gift: "-500.00", income: "-300.00", cash: "-198.00", revenue: "998.00" } }]);
    expect(s.billRows).toMatchObject([{ accountId: "a", month: "2025-03", priceBook: "2023-12", status: "paid", usageTotal: "998.00", balanceBefore: "1800.00", balanceAfter: "802.00", frozen: "0.00", released: "0.00", closedAt: at }]);
    expect(s.linesOf.get("a")).toMatchObject([{ api: "processing.crop", billable: 499_000, amountText: "998.00" }]);
    expect(s.arrears).toEqual([]);
  });

  it("bills the whole amount into a negative balance and lists an active account for arrears (SPEC §6)", () => {
    const s = settle({ cash: "100" });
    expect(s.billRows[0]).toMatchObject({ status: "arrears", balanceAfter: "-898.00" });
    expect(s.arrears.map((a) => [a.accountId, a.balance.toFixed(2)])).toEqual([["a", "-898.00"]]);
    // Already suspended (or in arrears): the bill says arrears, the account is not moved again.
    expect(settle({ cash: "100" }, { statusOf: new Map([["a", "suspended"]]) }).arrears).toEqual([]);
  });

  it("releases last month's freeze first and freezes this month's estimate under the 2022 books (SPEC §7.4)", () => {
    const s = settle({ cash: "2000" }, { month: "2022-12", book: priceBookForMonth("2022-12"), releaseOf: new Map([["a", new Dec("500")]]) });
    expect(postingsOf(s)).toEqual([
      { kind: "release", key: "release:2022-11", lines: { frozen: "-500.00", cash: "500.00" } },
      { kind: "bill", key: "bill:2022-12", lines: { gift: "0.00", income: "0.00", cash: "-998.00", revenue: "998.00" } },
      { kind: "freeze", key: "freeze:2022-12", lines: { cash: "-998.00", frozen: "998.00" } },
    ]);
    expect(s.billRows[0]).toMatchObject({ priceBook: "2022-11", balanceBefore: "2500.00", balanceAfter: "504.00", frozen: "998.00" });
    expect(s.postings.every((p) => p.documentType === "bill" && p.documentId === "a:2022-12" && p.at === at)).toBe(true);
  });

  it("issues an empty bill and posts nothing for a month without usage", () => {
    const s = settle({ cash: "5" }, { usageOf: new Map() });
    expect(s.postings).toEqual([]);
    expect(s.billRows[0]).toMatchObject({ status: "paid", usageTotal: "0.00", balanceBefore: "5.00", balanceAfter: "5.00" });
    expect(s.linesOf.get("a")).toEqual([]);
  });
});
