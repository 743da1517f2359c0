import { describe, expect, it } from "vitest";
import { PRICE_BOOKS } from "@/lib/pricing/catalog/price-books";
import { priceBookName } from "./price-book-name";
import { translatorFor } from "./translate";

describe("priceBookName", () => {
  it("names a book by the month it came into force, in words", () => {
    expect(priceBookName(translatorFor("en"), "en", "2023-12")).toBe("December 2023 prices");
    expect(priceBookName(translatorFor("zh-CN"), "zh-CN", "2023-12")).toBe("2023年12月价格");
  });

  it("never shows a book's YYYY-MM id", () => {
    for (const book of PRICE_BOOKS) {
      for (const locale of ["en", "zh-CN"] as const) expect(priceBookName(translatorFor(locale), locale, book.id)).not.toMatch(/\d{4}-\d{2}/);
    }
  });
});
