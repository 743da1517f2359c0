import { describe, expect, it } from "vitest";
import { groupStaffOpenings, OPENING_ACTION } from "./staff-openings";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const opened = (staff: string, minute: number) => ({ action: OPENING_ACTION, at: at(minute), staff });
const group = (items: { action: string; at: Date; staff: string }[]) => groupStaffOpenings(items, (item) => item.staff);

describe("groupStaffOpenings", () => {
  it("makes one row of one staff member's page loads within 30 minutes of each other, with a count and a span", () => {
    const rows = group([opened("Sam", 50), opened("Sam", 40), opened("Sam", 15), opened("Sam", 0)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ staff: "Sam", count: 4, at: at(50), firstAt: at(0) });
  });

  it("starts a new row after a gap of more than 30 minutes", () => {
    const rows = group([opened("Sam", 59), opened("Sam", 20), opened("Sam", 10)]);
    expect(rows.map((r) => r.count ?? 1)).toEqual([1, 2]);
    expect(rows[1]).toMatchObject({ at: at(20), firstAt: at(10) });
  });

  it("keeps different staff members, and openings split by another action, apart", () => {
    const rows = group([opened("Sam", 30), opened("Mei", 25), opened("Mei", 20), { action: "wallet.credit", at: at(15), staff: "Mei" }, opened("Mei", 10)]);
    expect(rows.map((r) => [r.staff, r.action, r.count ?? 1])).toEqual([
      ["Sam", OPENING_ACTION, 1],
      ["Mei", OPENING_ACTION, 2],
      ["Mei", "wallet.credit", 1],
      ["Mei", OPENING_ACTION, 1],
    ]);
  });

  it("leaves single openings and other actions as they are", () => {
    const rows = group([opened("Sam", 5), { action: "wallet.credit", at: at(4), staff: "Sam" }, { action: "wallet.credit", at: at(3), staff: "Sam" }]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.count === undefined && r.firstAt === undefined)).toBe(true);
  });
});
