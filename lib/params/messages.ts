import type { Translate } from "@/lib/i18n/translator";
import type { CalendarProblem } from "./calendar";

/** A calendar problem in the reader's language, for a page's form; `labels` are the form fields' labels by parameter name. */
export function calendarProblemMessage(t: Translate, problem: CalendarProblem, labels: Readonly<Record<string, string>>): string {
  const field = labels[problem.field] ?? problem.field;
  switch (problem.rule) {
    case "required":
      return t("params.required", { field });
    case "repeated":
      return t("params.repeated", { field });
    case "malformed":
      return t(problem.kind === "month" ? "params.month.malformed" : "params.day.malformed", { field });
    case "out-of-range":
      return t(problem.kind === "month" ? "params.month.out-of-range" : "params.day.out-of-range", { field, first: problem.first, last: problem.last });
    case "after":
      return t("params.after", { field, other: labels[problem.other] ?? problem.other });
  }
}
