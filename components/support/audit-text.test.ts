import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { createTranslator } from "@/lib/i18n/translator";
import { attemptName, auditText, consolePageName } from "./audit-text";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "tooling" ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** Every audit action lib/ declares (the AuditAction union) or writes (`action: "…"` beside recordAudit). */
function auditActions(): string[] {
  const union = readFileSync(path.join(root, "lib/audit/index.ts"), "utf8");
  const declared = [...union.matchAll(/\|\s*"([a-z-]+\.[a-z-]+)"/g)].map((m) => m[1] ?? "");
  const written = sources(path.join(root, "lib"))
    .map((file) => readFileSync(file, "utf8"))
    .filter((source) => source.includes("recordAudit"))
    .flatMap((source) => [...source.matchAll(/action: "([a-z-]+\.[a-z-]+)"/g)].map((m) => m[1] ?? ""));
  return [...new Set([...declared, ...written])].sort();
}

describe("every audit action is described in words (issue 19 item 5)", () => {
  const actions = auditActions();

  it("finds the actions lib/ records", () => {
    expect(actions.length).toBeGreaterThan(50);
    expect(actions).toContain("wallet.top-up-paid");
    expect(actions).toContain("support.write-refused");
  });

  it.each(actions)("%s has a description in both languages", (action) => {
    expect(en).toHaveProperty(`audit.${action}`);
    expect(zhCN).toHaveProperty(`audit.${action}`);
  });

  const t = createTranslator(en, "en");
  const zh = createTranslator(zhCN, "zh-CN");

  it("renders a row's own figures, never its id", () => {
    expect(auditText(t, "en", { action: "wallet.top-up-paid", after: { status: "paid", amount: "100.00" } })).toBe("Top-up of ¥100.00 paid into the cash balance");
    expect(auditText(t, "en", { action: "support.page-viewed", after: { path: "/balance", kind: "page" } })).toBe("Support view opened Balance");
    expect(auditText(t, "en", { action: "support.write-refused", after: { action: "checkout#purchaseAction" } })).toBe("Support view tried to buy a pack: refused (read-only)");
    expect(auditText(t, "en", { action: "packs.gift-granted", after: { pack: "recognition.vehicle-enhanced:10k" } })).not.toContain("recognition.vehicle-enhanced");
    expect(auditText(zh, "zh-CN", { action: "wallet.credit", after: { amount: "20.00", to: "gift", reason: "sorry" } })).toBe("¥20.00 已计入赠送金余额");
  });

  it("names the console's pages, a bill by its month, and what a refused write would have done", () => {
    expect(consolePageName(t, "en", "/")).toBe("Overview");
    expect(consolePageName(t, "en", "/checkout")).toBe("Checkout");
    expect(consolePageName(t, "en", "/bills/2026-11")).toBe("Bill for November 2026");
    expect(consolePageName(t, "en", "/balance/transactions-csv?from=2026-11-01")).toBe("Transactions (CSV download) · 2026-11-01");
    expect(consolePageName(zh, "zh-CN", "/balance")).toBe("余额");
    expect(consolePageName(t, "en", "/somewhere-new")).toBe("/somewhere-new");
    expect(attemptName(t, "balance#topUpAction")).toBe("top up");
    expect(attemptName(t, "nothing#known")).toBe("make a change");
  });
});
