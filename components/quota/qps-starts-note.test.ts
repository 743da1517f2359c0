import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QpsStartsNote } from "@/components/quota/qps-starts-note";
import { translatorFor } from "@/lib/i18n/translate";

describe("the QPS page says what happens to days bought before the switch (issue 22)", () => {
  it("says it in English", () => {
    const html = renderToStaticMarkup(createElement(QpsStartsNote, { t: translatorFor("en") }));
    expect(html).toContain('data-testid="qps-starts-note"');
    expect(html).toContain("Days that pass while the group is still billed by calls are not added back or refunded");
  });
  it("says it in Simplified Chinese", () => {
    const html = renderToStaticMarkup(createElement(QpsStartsNote, { t: translatorFor("zh-CN") }));
    expect(html).toContain("仍按调用次数计费期间已过去的天数不会顺延，也不退款");
  });
});
