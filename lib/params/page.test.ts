import { describe, expect, it } from "vitest";
import { MAX_PAGE, parsePageParam } from "./query";

describe("a list's page number from its URL", () => {
  it("absent or empty is page 1; digits are that page", () => {
    expect(parsePageParam([])).toBe(1);
    expect(parsePageParam([""])).toBe(1);
    expect(parsePageParam(["2"])).toBe(2);
    expect(parsePageParam([String(MAX_PAGE)])).toBe(MAX_PAGE);
  });

  it("anything else is no page", () => {
    for (const bad of ["0", "-1", "+2", "1.5", "1e3", "x", "0x10", String(MAX_PAGE + 1), "1234567"]) expect(parsePageParam([bad]), bad).toBeNull();
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});
