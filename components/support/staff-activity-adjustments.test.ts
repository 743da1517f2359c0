import { describe, expect, it } from "vitest";
import { staffActivityText } from "@/components/support/staff-activity-list";
import { translatorFor } from "@/lib/i18n/translate";
import type { StaffActivity } from "@/lib/support/access-log";

const item = (action: string, details: Record<string, string>): StaffActivity => ({ id: 1, at: new Date("2026-12-03T02:00:00Z"), action, staffName: "Dee", reason: "retries counted twice", details });

describe("bill adjustments in the customer's staff-activity card (issue 22)", () => {
  it("names who did what, the amount and the month, in both languages", () => {
    const en = translatorFor("en");
    expect(staffActivityText(en, "en", item("bill.adjustment-requested", { amount: "1200.00", month: "2026-08", approval: "required" }))).toBe(
      "Dee requested a credit of ¥1,200.00 on your bill for August 2026, awaiting approval",
    );
    expect(staffActivityText(en, "en", item("bill.adjustment-requested", { amount: "100.00", month: "2026-08", approval: "not-required" }))).toBe("Dee requested a credit of ¥100.00 on your bill for August 2026");
    expect(staffActivityText(en, "en", item("bill.adjustment-approved", { amount: "1200.00", month: "2026-08" }))).toBe("Dee approved a credit of ¥1,200.00 on your bill for August 2026");
    expect(staffActivityText(en, "en", item("bill.adjustment-posted", { amount: "1200.00", month: "2026-08" }))).toBe("Dee credited ¥1,200.00 on your bill for August 2026");
    const zh = translatorFor("zh-CN");
    expect(staffActivityText(zh, "zh-CN", item("bill.adjustment-rejected", { amount: "50.00", month: "2026-08" }))).toBe("Dee 拒绝为您2026年8月的账单贷记 ¥50.00");
  });
});
