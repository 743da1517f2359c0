"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import { locales, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Public: choosing a language needs no session and changes no data (a cookie), so a support view may switch too. */
export const setLocaleAction = defineAction({
  name: "locale#setLocaleAction",
  audience: "public",
  writes: false,
  input: z.object({ locale: z.enum(locales) }),
  from: (locale: string) => ({ locale }),
  fail: (): void => undefined,
  run: async ({ input }): Promise<void> => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  },
});
