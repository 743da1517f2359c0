import { describe, expect, it } from "vitest";
import { PRICE_BOOKS } from "./catalog/price-books";
import { monthlyFreeCalls, freePoolOf } from "./free-quota";
import { bookOffersApi, priceBookForMonth, requireApiInBook } from "./price-book";
import { oneTimeGrantAt } from "./validity";

describe("which price book a month uses (SPEC §2.1)", () => {
  it.each([
    ["2022-09", "2022-09"],
    ["2022-10", "2022-09"],
    ["2022-11", "2022-11"],
    ["2023-11", "2022-11"],
    ["2023-12", "2023-12"],
    ["2031-07", "2023-12"],
  ])("month %s uses book %s", (month, book) => {
    expect(priceBookForMonth(month).id).toBe(book);
  });

  it("has no book before 2022-09", () => {
    expect(() => priceBookForMonth("2022-08")).toThrow(expect.objectContaining({ code: "no-price-book" }));
  });

  it("freezes the estimate under the 2022 books only (SPEC §7.4)", () => {
    expect(PRICE_BOOKS.map((book) => [book.id, book.estimateFreeze])).toEqual([
      ["2022-09", true],
      ["2022-11", true],
      ["2023-12", false],
    ]);
  });

  it("offers pet, chef-attire and safety-attributes only from 2023-12; scan, body and processing always", () => {
    for (const api of ["recognition.pet", "recognition.chef-attire", "recognition.safety-attributes"] as const) {
      expect(bookOffersApi(priceBookForMonth("2022-09"), api)).toBe(false);
      expect(bookOffersApi(priceBookForMonth("2023-11"), api)).toBe(false);
      expect(bookOffersApi(priceBookForMonth("2023-12"), api)).toBe(true);
    }
    for (const book of PRICE_BOOKS) {
      for (const api of ["scan.code-recognition", "scan.barcode-lookup", "body.detection", "body.library", "body.search", "processing.enhance"]) {
        expect(bookOffersApi(book, api)).toBe(true);
      }
    }
    expect(PRICE_BOOKS.map((book) => book.apis.length)).toEqual([13, 13, 16]);
  });

  it("names unknown APIs and APIs missing from the book differently", () => {
    const book = priceBookForMonth("2023-01");
    expect(() => requireApiInBook(book, "recognition.cat", "usage")).toThrow(expect.objectContaining({ code: "unknown-api" }));
    expect(() => requireApiInBook(book, "recognition.pet", "usage")).toThrow(expect.objectContaining({ code: "api-not-in-book" }));
  });
});

describe("free quotas per book (SPEC §2.2)", () => {
  const quotas = (month: string): Record<string, number> =>
    Object.fromEntries(priceBookForMonth(month).apis.map((api) => [api, monthlyFreeCalls(priceBookForMonth(month), api)]));

  it("book 2022-09: 10,000 shared by the vehicle APIs, 10,000 product and processing, 1,000 seal and enhance", () => {
    expect(quotas("2022-09")).toEqual({
      "scan.code-recognition": 1000,
      "scan.barcode-lookup": 0,
      "recognition.product": 10000,
      "recognition.product-wechat": 10000,
      "recognition.vehicle": 10000,
      "recognition.vehicle-enhanced": 10000,
      "recognition.seal": 1000,
      "processing.quality": 10000,
      "processing.crop": 10000,
      "processing.enhance": 1000,
      "body.detection": 1000,
      "body.library": 1000,
      "body.search": 1000,
    });
    const book = priceBookForMonth("2022-10");
    expect(freePoolOf(book, "recognition.vehicle")).toBe(freePoolOf(book, "recognition.vehicle-enhanced"));
  });

  it("book 2022-11: recognition cut to 1,000 each, processing still 10,000", () => {
    const q = quotas("2022-11");
    expect(q["recognition.vehicle"]).toBe(1000);
    expect(q["recognition.vehicle-enhanced"]).toBe(1000);
    expect(q["recognition.product"]).toBe(1000);
    expect(q["recognition.product-wechat"]).toBe(1000);
    expect(q["processing.quality"]).toBe(10000);
    expect(q["processing.crop"]).toBe(10000);
    const book = priceBookForMonth("2022-11");
    expect(freePoolOf(book, "recognition.vehicle")).not.toBe(freePoolOf(book, "recognition.vehicle-enhanced"));
  });

  it("book 2023-12: 1,000 for every API except barcode lookup", () => {
    const q = quotas("2024-05");
    expect(Object.values(q).filter((calls) => calls !== 1000)).toEqual([0]);
    expect(q["scan.barcode-lookup"]).toBe(0);
  });

  it("grants barcode lookup 50 calls once, valid 5 years from first activation", () => {
    expect(oneTimeGrantAt("scan.barcode-lookup", "2024-05-10T09:00:00+08:00")).toEqual({
      calls: 50,
      expiresAt: new Date("2029-05-10T09:00:00+08:00"),
    });
    expect(oneTimeGrantAt("scan.code-recognition", "2024-05-10T09:00:00+08:00")).toBeNull();
  });
});
