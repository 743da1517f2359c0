import { describe, expect, it } from "vitest";
import { API_IDS, productOfApi, VEHICLE_SHARED_POOL_ID } from "./index";
import { productOfPack, UnknownPackApiError } from "./pack-product";

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
