import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ForecastCard } from "@/components/spend/forecast-card";
import { translatorFor } from "@/lib/i18n/translate";
import { forecastMonth } from "@/lib/forecast/model";

// The issue 19 customer: created at 00:03 on 2 December, 1,500 test calls in its first hour, seen at 01:00.
const forecast = forecastMonth({
  month: "2026-12",
  now: new Date("2026-12-02T01:00:00+08:00"),
  accountCreatedAt: new Date("2026-12-02T00:03:00+08:00"),
  apis: [{ api: "scan.code-recognition", days: [0, 1_500], free: 1_000, fromPacks: 0, freeLeft: 0, packsLeft: 0 }],
});

describe("the forecast card on too little history (issue 19)", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    it(`says there is not enough history yet and shows no forecast figure (${locale})`, () => {
      const t = translatorFor(locale);
      const html = renderToStaticMarkup(createElement(ForecastCard, { t, locale, forecast }));
      expect(html).toContain('data-testid="forecast-thin"');
      expect(html).toContain(t("forecast.thin.title"));
      expect(html).toContain(t("forecast.thin.body", { days: 1, full: 0 }));
      expect(html).not.toContain('data-testid="forecast-total"');
      expect(html).not.toContain('data-testid="forecast-range"');
    });
  }
});
