import { describe, expect, it } from "vitest";
import { staffPackList, type StaffPackRow } from "./staff-packs";

const at = new Date("2026-12-03T08:00:00Z");
const day = 86_400_000;
const pack = (id: string, over: Partial<StaffPackRow> = {}): StaffPackRow => ({
  id,
  api: "vehicle.recognition",
  packSpec: null,
  size: 1000,
  remaining: 1000,
  source: "free",
  freeMonth: "2026-12",
  expiresAt: new Date(at.getTime() + 30 * day),
  refundedAt: null,
  refundHold: false,
  ...over,
});

describe("staffPackList", () => {
  it("lists usable packs first (soonest to expire first), then held and used-up ones; ended ones apart", () => {
    const { current, ended } = staffPackList(
      [
        pack("used", { remaining: 0 }),
        pack("late", { expiresAt: new Date(at.getTime() + 300 * day), source: "purchase", freeMonth: null }),
        pack("soon", { expiresAt: new Date(at.getTime() + 2 * day) }),
        pack("held", { refundHold: true }),
        pack("old", { expiresAt: new Date(at.getTime() - 10 * day) }),
        pack("back", { refundedAt: new Date(at.getTime() - day), source: "purchase", freeMonth: null }),
      ],
      at,
    );
    expect(current.map((p) => [p.id, p.status])).toEqual([
      ["soon", "active"],
      ["late", "active"],
      ["held", "refund-pending"],
      ["used", "exhausted"],
    ]);
    expect(ended.map((p) => [p.id, p.status])).toEqual([
      ["back", "refunded"],
      ["old", "expired"],
    ]);
  });
});
