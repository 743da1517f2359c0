import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { presentMessage, storedInstant } from "./present";
import { kindsOfTopic, messageKinds, messageTopic, parseInboxFilter } from "./kinds";

/** Issue 19 item 6: messages are rendered from their data at read time, in the reader's language. */
describe("messages show months by name and one 24-hour clock", () => {
  const en = translatorFor("en");
  const zh = translatorFor("zh-CN");

  it("names the month of a bill, in either language", () => {
    const message = { kind: "bill-ready", params: { month: "2026-11", total: "¥12.00" } };
    expect(presentMessage(en, "en", message)).toMatchObject({ title: "Your bill for November 2026 is ready", href: "/bills/2026-11" });
    expect(presentMessage(zh, "zh-CN", message).title).toContain("2026年11月");
  });

  it("shows a stored instant on the 24-hour Beijing clock", () => {
    const message = { kind: "arrears", params: { balance: "-¥5.00", month: "2026-03", deadline: "2026-04-01T16:10:00.000Z" } };
    const body = presentMessage(en, "en", message).body ?? "";
    expect(body).toContain("after the bill for March 2026");
    expect(body).toContain("Top up by Apr 2, 2026, 00:10");
    expect(presentMessage(zh, "zh-CN", message).body).toContain("2026年4月2日 00:10");
  });

  it("reads rows stored before: wall-clock text and a Chinese date become the reader's format", () => {
    const old = { kind: "arrears", params: { balance: "-¥5.00", month: "2026-03", deadline: "2026-04-02 00:10" } };
    expect(presentMessage(en, "en", old).body).toContain("Top up by Apr 2, 2026, 00:10");
    const quote = { kind: "licence-quoted", params: { package: "Face SDK", price: "¥1,000.00", years: 1, until: "2026年12月17日" } };
    expect(presentMessage(en, "en", quote).body).toContain("before Dec 17, 2026");
    const newQuote = { kind: "licence-quoted", params: { ...quote.params, until: "2026-12-16T16:00:00.000Z" } };
    expect(presentMessage(en, "en", newQuote).body).toContain("before Dec 17, 2026");
    expect(presentMessage(zh, "zh-CN", newQuote).body).toContain("2026年12月17日");
  });

  it("leaves text it cannot read as it was stored", () => {
    expect(storedInstant("x")).toBeNull();
    expect(storedInstant("2026-13-45 99:99")).toBeNull();
    expect(presentMessage(en, "en", { kind: "arrears", params: { balance: "-¥1.00", month: "soon", deadline: "x" } }).body).toContain("Top up by x");
  });
});

describe("inbox filters", () => {
  it("name every kind's topic and read a URL's filter strictly", () => {
    for (const kind of messageKinds) expect(["packs", "billing", "account"]).toContain(messageTopic[kind]);
    expect(kindsOfTopic("billing")).toContain("bill-ready");
    expect(kindsOfTopic("packs")).not.toContain("bill-ready");
    expect(parseInboxFilter(undefined)).toBe("all");
    expect(parseInboxFilter("")).toBe("all");
    expect(parseInboxFilter("billing")).toBe("billing");
    expect(parseInboxFilter("unread")).toBe("unread");
    expect(parseInboxFilter("Billing")).toBeNull();
    expect(parseInboxFilter(["billing", "packs"])).toBeNull();
    expect(parseInboxFilter("<script>")).toBeNull();
  });
});

/** Chinese reads names straight into the sentence: no spaces around them, the free pack named as free. */
describe("Chinese messages run names into the text", () => {
  const zh = translatorFor("zh-CN");

  it("names a month's free pack 免费… and puts no spaces around it", () => {
    const message = { kind: "pack-low", params: { pack: "scan.code-recognition", free: 1, size: "1,000", remaining: "150", percent: 15, threshold: 20 } };
    const { title, body } = presentMessage(zh, "zh-CN", message);
    expect(title).toBe("资源包余量不足：免费二维码和条形码识别");
    expect(body).toMatch(/^您的免费二维码和条形码识别资源包剩余 150 次/);
  });

  it("quotes a bought pack's full name, and a month is followed by a comma, not a space", () => {
    const bought = presentMessage(zh, "zh-CN", { kind: "purchase-complete", params: { item: "recognition.vehicle-enhanced:10k", quantity: 1, amount: "¥100.00" } });
    expect(bought.body).toMatch(/^您已购买「车辆识别（增强版）资源包 · 10,000 次」× 1/);
    expect(presentMessage(zh, "zh-CN", { kind: "bill-ready", params: { month: "2026-11", total: "¥12.00" } }).title).toBe("2026年11月账单已生成");
  });
});

describe("a pack alert suggests buying a pack only where packs are sold", () => {
  const en = translatorFor("en");
  const zh = translatorFor("zh-CN");
  const low = (pack: string) => ({ kind: "pack-low", params: { pack, size: "1,000", remaining: "150", percent: 15, threshold: 20, free: 1 } });
  const out = (pack: string) => ({ kind: "pack-exhausted", params: { pack, size: "1,000", remaining: "0", percent: 0, threshold: 0, free: 1 } });

  it("image processing's free pack: postpaid next, no buy suggestion", () => {
    expect(presentMessage(en, "en", low("processing.quality")).body).toContain("once it is used up, they are billed postpaid");
    expect(presentMessage(en, "en", low("processing.quality")).body).not.toContain("Buy");
    expect(presentMessage(en, "en", out("processing.quality")).body).toContain("Further calls are billed postpaid");
    expect(presentMessage(en, "en", out("processing.quality")).body).not.toContain("other packs");
    expect(presentMessage(zh, "zh-CN", low("processing.quality")).body).toContain("后付费");
    expect(presentMessage(zh, "zh-CN", low("processing.quality")).body).not.toContain("请及时购买");
  });

  it("a QR-code free pack still suggests buying one", () => {
    expect(presentMessage(en, "en", low("scan.code-recognition")).body).toContain("Buy another pack");
    expect(presentMessage(en, "en", out("scan.code-recognition")).body).toContain("draw from your other packs");
  });
});
