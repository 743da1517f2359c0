import { describe, expect, it } from "vitest";
import { joinList } from "./list";

describe("joinList", () => {
  it("separates Chinese items with 、 and English ones with a comma", () => {
    expect(joinList("zh-CN", ["智能扫码", "图像识别", "人体分析"])).toBe("智能扫码、图像识别、人体分析");
    expect(joinList("en", ["Scanning", "Image recognition"])).toBe("Scanning, Image recognition");
    expect(joinList("zh-CN", ["概览"])).toBe("概览");
  });
});
