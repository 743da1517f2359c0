import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/**
 * A full-page screenshot attached to the report; SHOTS_DIR also writes it to a folder to look at.
 * In CI (CI set, no SHOTS_DIR) nobody looks at the report's pictures and each full-page capture costs
 * the shared two cores a fraction of a second, so none is taken; SHOTS=1 takes them anyway.
 */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  if (process.env.CI && !process.env.SHOTS_DIR && process.env.SHOTS !== "1") return;
  const body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
  if (process.env.SHOTS_DIR) await writeFile(path.join(process.env.SHOTS_DIR, `${name}.png`), body);
}

/** The page at a phone's and a desktop's width in English and Chinese (the `locale` cookie), photographed; back to English at `width` after. */
export async function shootEverywhere(page: Page, testInfo: TestInfo, name: string, baseURL: string | undefined): Promise<void> {
  const size = page.viewportSize() ?? { width: 390, height: 844 };
  for (const locale of ["en", "zh-CN"] as const) {
    await page.context().addCookies([{ name: "locale", value: locale, url: baseURL ?? "" }]);
    await page.reload();
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(viewport);
      await shoot(page, testInfo, `${name}-${viewport.width}-${locale}`);
    }
  }
  await page.context().addCookies([{ name: "locale", value: "en", url: baseURL ?? "" }]);
  await page.setViewportSize(size);
  await page.reload();
}
