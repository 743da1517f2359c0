import { describe, expect, it } from "vitest";
import { accountMonths } from "./months";

describe("the order filter's months", () => {
  it("runs from this month back to the account's first, across a year's end", () => {
    expect(accountMonths("2025-11", "2026-02", undefined)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("a new account has one month", () => {
    expect(accountMonths("2026-12", "2026-12", undefined)).toEqual(["2026-12"]);
  });

  it("keeps a month the URL asked for in its place, once", () => {
    expect(accountMonths("2026-10", "2026-12", "2026-03")).toEqual(["2026-12", "2026-11", "2026-10", "2026-03"]);
    expect(accountMonths("2026-10", "2026-12", "2026-11")).toEqual(["2026-12", "2026-11", "2026-10"]);
  });

  it("offers at most 240 months of a very old account", () => {
    const months = accountMonths("1990-01", "2026-12", undefined);
    expect(months).toHaveLength(240);
    expect(months[0]).toBe("2026-12");
    expect(months.at(-1)).toBe("2007-01");
  });
});
