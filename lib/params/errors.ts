import { ValidationError } from "@/lib/context/errors";
import { parseDayParam, shanghaiDayOf, type CalendarProblem } from "./calendar";

/** A refused month or date as a service's typed error: the field, and `calendar-<rule>` with the range (errors.calendar-* in the catalogs). */
export function calendarValidationError(problem: CalendarProblem): ValidationError {
  return new ValidationError(problem.field, `calendar-${problem.rule}`, problem.rule === "out-of-range" ? { first: problem.first, last: problem.last } : {});
}

/** For a service given a form's date as an instant: its Shanghai day must be in lib/params/calendar's range, or a ValidationError naming `field`. */
export function assertDayInRange(field: string, at: Date, now: Date): void {
  const day = parseDayParam(field, Number.isNaN(at.getTime()) ? "invalid" : shanghaiDayOf(at), now, { required: true });
  if (!day.ok) throw calendarValidationError(day.problem);
}
