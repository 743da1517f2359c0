import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { onBalanceMoved, runBalanceMovedHooks, type BalanceMovedHook } from "./posting-hooks";

const registry = () => (globalThis as unknown as { __balanceMovedHooks: Map<string, BalanceMovedHook> }).__balanceMovedHooks;
const tx = {} as Database;
const at = new Date("2026-12-02T00:00:00Z");

describe("ledger posting hooks (issue 18 item 4: the wallet reaches budgets through a hook, not an import)", () => {
  const saved = new Map(registry());
  afterEach(() => {
    registry().clear();
    for (const [name, hook] of saved) registry().set(name, hook);
  });

  it("are wired in every test process as at server start: the balance alert is registered", () => {
    expect([...registry().keys()]).toContain("budgets:balance-alert");
  });

  it("run in the posting's transaction with the account and the instant, in registration order", async () => {
    registry().clear();
    const calls: string[] = [];
    onBalanceMoved("first", async (db, accountId, when) => calls.push(`first ${db === tx} ${accountId} ${when.toISOString()}`));
    onBalanceMoved("second", async () => calls.push("second"));
    await runBalanceMovedHooks(tx, "acct", at);
    expect(calls).toEqual(["first true acct 2026-12-02T00:00:00.000Z", "second"]);
  });

  it("refuse to post in a process that never wired them, rather than skip the balance alert", async () => {
    registry().clear();
    await expect(runBalanceMovedHooks(tx, "acct", at)).rejects.toThrow(/not wired/);
  });
});
