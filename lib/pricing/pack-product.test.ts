import { describe, expect, it } from "vitest";
import { API_IDS, productOfApi, VEHICLE_SHARED_POOL_ID } from "./index";
import { packsOnSaleFor, productOfPack, productSellsPacks, UnknownPackApiError } from "./pack-product";

describe("productOfPack", () => {
  it("gives every API's pack the API's product", () => {
    for (const api of API_IDS) expect(productOfPack(api)).toBe(productOfApi(api));
  });

  it("gives a shared free pool the product of its APIs", () => {
    expect(productOfPack(VEHICLE_SHARED_POOL_ID)).toBe("recognition");
  });

  it.each(["recognition.nope", "nope", "", "scan.code-recognition:10k"])("refuses %j with UnknownPackApiError (code unknown-api)", (packApi) => {
    expect(() => productOfPack(packApi)).toThrow(UnknownPackApiError);
    expect(() => productOfPack(packApi)).toThrow(expect.objectContaining({ code: "unknown-api", packApi }));
  });
});

describe("packs on sale (alerts suggest buying only where packs exist)", () => {
  it("knows which pack apis have offers", () => {
    expect(packsOnSaleFor("scan.code-recognition")).toBe(true);
    expect(packsOnSaleFor("scan.code-recognition:10k")).toBe(true);
    expect(packsOnSaleFor("body.search")).toBe(true);
    expect(packsOnSaleFor(VEHICLE_SHARED_POOL_ID)).toBe(true);
    expect(packsOnSaleFor("processing.quality")).toBe(false);
    expect(packsOnSaleFor("recognition.product")).toBe(false);
  });

  it("image processing sells no packs; the others do", () => {
    expect(productSellsPacks("processing")).toBe(false);
    expect(["scan", "recognition", "body"].every((p) => productSellsPacks(p as "scan"))).toBe(true);
  });
});
