import { describe, expect, it } from "vitest";
import { chooseLocale } from "@/lib/i18n/locales";
import { PRODUCT_IDS } from "@/lib/pricing";
import { PRERENDERED_PAGES } from "@/lib/security/headers.mjs";
import { prerenderedCopy, publicAddressOfCopy } from "./prerendered";

const visitor = (pathname: string, facts: { session?: boolean; locale?: string; acceptLanguage?: string } = {}) => ({
  pathname,
  hasSession: facts.session ?? false,
  cookie: (name: string) => (name === "locale" ? facts.locale : undefined),
  acceptLanguage: facts.acceptLanguage ?? null,
});

describe("the locale rule shared by proxy.ts and the server", () => {
  it("takes the cookie's choice, else Accept-Language, else English", () => {
    expect(chooseLocale("zh-CN", "en-US")).toBe("zh-CN");
    expect(chooseLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(chooseLocale(undefined, "zh-TW")).toBe("zh-CN");
    expect(chooseLocale("fr", "zh")).toBe("zh-CN");
    expect(chooseLocale(undefined, null)).toBe("en");
  });
});

describe("prerendered public pages", () => {
  it("lists every price page (headers.mjs is plain JavaScript and spells the products out)", () => {
    for (const id of PRODUCT_IDS) expect(PRERENDERED_PAGES).toContain(`/prices/${id}`);
  });

  it("serves a visitor without a session the copy of their locale", () => {
    expect(prerenderedCopy(visitor("/calculator"))).toBe("/en/calculator");
    expect(prerenderedCopy(visitor("/calculator", { locale: "zh-CN" }))).toBe("/zh-CN/calculator");
    expect(prerenderedCopy(visitor("/sign-in", { acceptLanguage: "zh-CN,zh;q=0.9" }))).toBe("/zh-CN/sign-in");
    expect(prerenderedCopy(visitor("/prices/body", { locale: "en", acceptLanguage: "zh" }))).toBe("/en/prices/body");
  });

  it("gives a session cookie the per-request page where a session changes the page", () => {
    for (const path of ["/calculator", "/sign-in", "/terms", "/prices/scan"]) expect(prerenderedCopy(visitor(path, { session: true }))).toBeNull();
    expect(prerenderedCopy(visitor("/sign-up", { session: true, locale: "zh-CN" }))).toBe("/zh-CN/sign-up");
    expect(prerenderedCopy(visitor("/forgot-password", { session: true }))).toBe("/en/forgot-password");
  });

  it("leaves every other page per request (and so with a nonce)", () => {
    for (const path of ["/", "/usage", "/staff/sign-in", "/reset-password", "/prices/nope", "/calculator/x", "/en/calculator"]) {
      expect(prerenderedCopy(visitor(path))).toBeNull();
    }
  });

  it("knows a copy asked for by its own path", () => {
    expect(publicAddressOfCopy("/zh-CN/sign-in")).toBe("/sign-in");
    expect(publicAddressOfCopy("/en/prices/body")).toBe("/prices/body");
    expect(publicAddressOfCopy("/fr/sign-in")).toBeNull();
    expect(publicAddressOfCopy("/en/usage")).toBeNull();
    expect(publicAddressOfCopy("/en")).toBeNull();
  });
});
