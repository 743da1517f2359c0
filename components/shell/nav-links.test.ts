import { describe, expect, it } from "vitest";
import { isActive } from "./nav-links";

const staff = ["/staff", "/staff/bank-transfers", "/staff/invoices"];

// Screenshot review: "Accounts" stayed highlighted beside "Invoices" and "Bank transfers".
describe("the current navigation link", () => {
  it("is only the deepest link that matches", () => {
    expect(staff.filter((href) => isActive(href, "/staff/invoices", staff))).toEqual(["/staff/invoices"]);
    expect(staff.filter((href) => isActive(href, "/staff/bank-transfers", staff))).toEqual(["/staff/bank-transfers"]);
    expect(staff.filter((href) => isActive(href, "/staff", staff))).toEqual(["/staff"]);
  });

  it("keeps a link current on the pages under it that have no link of their own", () => {
    expect(staff.filter((href) => isActive(href, "/staff/accounts/abc", staff))).toEqual(["/staff"]);
    expect(isActive("/bills", "/bills/2026-11", ["/", "/bills"])).toBe(true);
    expect(isActive("/", "/bills", ["/", "/bills"])).toBe(false);
  });
});
