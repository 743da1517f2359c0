import { describe, expect, it } from "vitest";
import { z } from "zod";
import { budgetInput, parseThresholdList } from "@/lib/budgets/schemas";
import { fieldErrorsOf, ruleOf } from "./field-rules";
import { submittedValues, valueOf } from "./form-state";

describe("a failed submit keeps what was typed (issue 19 item 4)", () => {
  it("returns every field as typed but passwords and Next's own fields", () => {
    const form = new FormData();
    form.set("email", "a@example.com");
    form.set("company", "Acme Robotics");
    form.set("password", "short");
    form.set("newPassword", "x");
    form.set("$ACTION_ID_abc", "");
    form.set("thresholds", "50, 80, abc");
    expect(submittedValues(form)).toEqual({ email: "a@example.com", company: "Acme Robotics", thresholds: "50, 80, abc" });
  });

  it("starts a field from what was typed, else from its initial value", () => {
    expect(valueOf({ values: { amount: "-5" } }, "amount", "100")).toBe("-5");
    expect(valueOf({}, "amount", "100")).toBe("100");
  });
});

describe("each refused field names the rule it broke", () => {
  const schema = z.object({ reason: z.string().trim().min(5).max(10), count: z.number().int().min(1).max(9), id: z.uuid(), kind: z.enum(["a", "b"]) });
  const issues = schema.safeParse({ reason: "ab", count: 0, id: "nope", kind: "c" }).error?.issues ?? [];

  it("maps zod's issues to rules with their figures", () => {
    expect(fieldErrorsOf(issues)).toEqual({
      reason: { error: "field-too-short", params: { minimum: 5 } },
      count: { error: "field-at-least", params: { minimum: 1 } },
      id: { error: "field-reference" },
      kind: { error: "field-choice" },
    });
  });

  it("says a missing or empty text is required, a long one too long", () => {
    const [missing] = z.object({ a: z.string() }).safeParse({}).error?.issues ?? [];
    const [empty] = z.object({ a: z.string().min(1) }).safeParse({ a: "" }).error?.issues ?? [];
    const [long] = z.object({ a: z.string().max(3) }).safeParse({ a: "abcd" }).error?.issues ?? [];
    expect(missing && ruleOf(missing)).toEqual({ error: "field-required" });
    expect(empty && ruleOf(empty)).toEqual({ error: "field-required" });
    expect(long && ruleOf(long)).toEqual({ error: "field-too-long", params: { maximum: 3 } });
  });

  it("lets an action word a field's rule itself", () => {
    expect(fieldErrorsOf(issues, (path) => (path === "reason" ? { error: "support-reason", field: "reason" } : { error: "invalid-field" })).reason).toEqual({ error: "support-reason" });
  });

  it("never reads 'abc' in a threshold list as something else: the list is refused", () => {
    const parsed = budgetInput.safeParse({ scope: "account", amount: "100", thresholds: parseThresholdList("50, 80, abc") });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error?.issues ?? [])).toHaveProperty("thresholds");
  });
});
