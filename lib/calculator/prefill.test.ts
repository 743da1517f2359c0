import { expect, it } from "vitest";
import { prefilledForm } from "./prefill";

it("prefills the month, one API's calls and a pack purchase from a link", () => {
  const form = prefilledForm({ month: "2026-10", api: "recognition.vehicle-enhanced", calls: "59000", pack: "recognition.vehicle-enhanced:10k", quantity: "5" }, "2026-11");
  expect(form.month).toBe("2026-10");
  expect(form.usage).toEqual({ "recognition.vehicle-enhanced": "59000" });
  expect(form.purchases).toEqual([{ key: 0, kind: "pack", packId: "recognition.vehicle-enhanced:10k", quantity: "5" }]);
});

it("leaves out what it does not recognise", () => {
  const form = prefilledForm({ month: "2026-13", api: "nope", calls: "-1", pack: "x:1k", quantity: ["1", "2"] }, "2026-11");
  expect(form).toMatchObject({ month: "2026-11", usage: {}, purchases: [] });
});
