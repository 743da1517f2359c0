import Link from "next/link";
import { signOutAction } from "@/app/actions/session";
import type { Translate } from "@/lib/i18n/translate";

/** A disclosure menu (no script needed): who is signed in, the account id, sign out. */
export function AccountMenu({
  t,
  email,
  roleLabel,
  accountId,
  audience,
}: {
  t: Translate;
  email: string;
  roleLabel: string;
  accountId?: string;
  audience: "customer" | "staff";
}) {
  const initial = (email[0] ?? "?").toUpperCase();
  return (
    <details className="group relative">
      <summary
        aria-label={t("menu.account")}
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm text-ink hover:bg-canvas [&::-webkit-details-marker]:hidden"
      >
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">{initial}</span>
        <span className="hidden max-w-48 truncate sm:inline">{email}</span>
        <span aria-hidden="true" className="text-muted group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-line bg-white p-3 shadow-lg">
        <p className="truncate text-sm font-medium text-ink">{t("menu.signedInAs", { email })}</p>
        <p className="text-xs text-muted">{roleLabel}</p>
        {accountId ? (
          <p className="mt-2 text-xs text-muted">
            {t("menu.accountId")}: <span className="font-mono text-ink select-all">{accountId}</span>
          </p>
        ) : null}
        {audience === "customer" ? (
          <Link href="/change-password" className="mt-3 block rounded-md px-2 py-1.5 text-sm text-ink hover:bg-canvas">
            {t("menu.changePassword")}
          </Link>
        ) : null}
        <form action={signOutAction} className="mt-3 border-t border-line pt-3">
          <input type="hidden" name="audience" value={audience} />
          <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-red-600 hover:bg-red-50">
            {t("menu.signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
