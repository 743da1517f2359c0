import { describe, expect, it } from "vitest";
import { chooseLocale } from "@/lib/i18n/locales";
import { PRODUCT_IDS } from "@/lib/pricing";
import { PRERENDERED_PAGES } from "@/lib/security/headers.mjs";
import { prerenderedLocale, publicAddressOfCopy } from "./prerendered";
import { PRERENDERED_LOCALE_HEADER, prerenderedRewrites } from "./prerendered-rewrites.mjs";

const visitor = (pathname: string, facts: { locale?: string; acceptLanguage?: string } = {}) => ({
  pathname,
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
    expect(prerenderedLocale(visitor("/calculator"))).toBe("en");
    expect(prerenderedLocale(visitor("/calculator", { locale: "zh-CN" }))).toBe("zh-CN");
    expect(prerenderedLocale(visitor("/sign-in", { acceptLanguage: "zh-CN,zh;q=0.9" }))).toBe("zh-CN");
    expect(prerenderedLocale(visitor("/prices/body", { locale: "en", acceptLanguage: "zh" }))).toBe("en");
  });

  it("serves a session the same copy: the signed-in header is a client island, not a second page", () => {
    for (const path of ["/calculator", "/sign-in", "/terms", "/prices/scan", "/sign-up", "/forgot-password"]) {
      expect(prerenderedLocale(visitor(path, { locale: "zh-CN" }))).toBe("zh-CN");
    }
  });

  it("leaves every other page per request (and so with a nonce)", () => {
    for (const path of ["/", "/usage", "/staff/sign-in", "/reset-password", "/prices/nope", "/calculator/x", "/en/calculator"]) {
      expect(prerenderedLocale(visitor(path))).toBeNull();
    }
  });

  it("knows a copy asked for by its own path", () => {
    expect(publicAddressOfCopy("/zh-CN/sign-in")).toBe("/sign-in");
    expect(publicAddressOfCopy("/en/prices/body")).toBe("/prices/body");
    expect(publicAddressOfCopy("/fr/sign-in")).toBeNull();
    expect(publicAddressOfCopy("/en/usage")).toBeNull();
    expect(publicAddressOfCopy("/en")).toBeNull();
  });

  it("rewrites each public address to its locale's copy only when the proxy said which", () => {
    const rules = prerenderedRewrites(PRERENDERED_PAGES);
    expect(rules.map((rule) => rule.source)).toEqual([...PRERENDERED_PAGES]);
    const prices = rules.find((rule) => rule.source === "/prices/body");
    expect(prices).toEqual({ source: "/prices/body", has: [{ type: "header", key: PRERENDERED_LOCALE_HEADER, value: "(?<lang>[A-Za-z-]+)" }], destination: "/:lang/prices/body" });
  });
});
