import { describe, expect, it } from "vitest";
import { zhCN } from "./messages/zh-CN";

// Placeholders that hold Chinese names (an API, a pack, a product, a month…): Chinese runs them into
// the sentence, so a space between them and Chinese text reads as a gap (`您的 车辆识别 资源包`).
const NAMES = "pack|item|api|group|product|month|licence";
const HAN = "[\\u4e00-\\u9fff，。：、（）]";
const SPACED = new RegExp(`${HAN} \\{(?:${NAMES})\\}|\\{(?:${NAMES})\\} ${HAN}`);

describe("zh-CN catalog", () => {
  it("puts no space between Chinese text and an interpolated name", () => {
    const spaced = Object.entries(zhCN).filter(([, text]) => SPACED.test(text));
    expect(spaced).toEqual([]);
  });
});
