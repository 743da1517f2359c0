/**
 * One Intl formatter per locale and options, made once: constructing an Intl.DateTimeFormat costs
 * tens of microseconds (it resolves the locale's data), and tables format a date or two per row on
 * every page render (the pages bench's profile found it the hottest function of our own code).
 */
const made = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = made.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    made.set(key, format);
  }
  return format;
}
