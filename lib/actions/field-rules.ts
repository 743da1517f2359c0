import type { z } from "zod";
import type { FieldError } from "./form-state";

type Issue = z.core.$ZodIssue;

/**
 * The rule a zod issue says a field broke, as a catalog code (`errors.field-…`) with its figures: a
 * form names the rule ("Enter at least 5 characters.") beside the field, never only "Check this
 * field." An action with its own wording for a field (`invalid`) overrides this.
 */
export function ruleOf(issue: Issue): FieldError {
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? { error: "field-required" } : { error: "field-too-short", params: { minimum } };
      if (issue.origin === "array" || issue.origin === "set") return { error: "field-too-few", params: { minimum } };
      return { error: issue.inclusive ? "field-at-least" : "field-more-than", params: { minimum } };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return { error: "field-too-long", params: { maximum } };
      if (issue.origin === "array" || issue.origin === "set") return { error: "field-too-many", params: { maximum } };
      return { error: issue.inclusive ? "field-at-most" : "field-less-than", params: { maximum } };
    }
    // A form sends text: a missing value is an empty field.
    case "invalid_type":
      return { error: issue.expected === "number" || issue.expected === "int" ? "field-number" : "field-required" };
    case "invalid_value":
      return { error: "field-choice" };
    case "invalid_format":
      return { error: issue.format === "uuid" ? "field-reference" : "field-format" };
    default:
      return { error: "invalid-field" };
  }
}

/** Each refused field (the issue path's first segment, the input's name) with its first rule broken. */
export function fieldErrorsOf(issues: readonly Issue[], own?: (path: string) => FieldError & { field?: string }): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    const custom = own?.(path);
    const field = custom?.field ?? String(issue.path[0] ?? "");
    if (field in errors) continue;
    errors[field] = custom && custom.error !== "invalid-field" ? { error: custom.error, params: custom.params } : ruleOf(issue);
  }
  return errors;
}
