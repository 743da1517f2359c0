/** Months and dates a page reads from its address (lib/params/calendar, issue 17 item 2). `{field}` is the form field's label. */
export const params = {
  "params.required": "{field}: required.",
  "params.repeated": "{field}: given more than once; give it once.",
  "params.month.malformed": "{field}: enter a month as YYYY-MM.",
  "params.day.malformed": "{field}: enter a real date as YYYY-MM-DD.",
  "params.month.out-of-range": "{field}: choose a month from {first} to {last}.",
  "params.day.out-of-range": "{field}: choose a date from {first} to {last}.",
  "params.after": "{field} must be on or before {other}.",
  "params.month.not-offered": "{field}: {month} is not one of the months listed; showing this month instead.",
  "errors.calendar-required": "Enter a date.",
  "errors.calendar-repeated": "Give the date once.",
  "errors.calendar-malformed": "Enter a real date as YYYY-MM-DD.",
  "errors.calendar-out-of-range": "Choose a date from {first} to {last}.",
  "errors.calendar-after": "The start must not be after the end.",
} as const;
