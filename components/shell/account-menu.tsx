import Link from "@/components/ui/app-link";
import type { Translate } from "@/lib/i18n/translate";
import { MenuDisclosure } from "./menu-disclosure";

/** The account menu: who is signed in, the account id, the profile, sign out. */
export function AccountMenu({
  t,
  email,
  roleLabel,
  accountId,
  audience,
  signOut,
}: {
  t: Translate;
  email: string;
  roleLabel: string;
  accountId?: string;
  audience: "customer" | "staff";
  /** The sign-out server action, passed in by the layout (components never import app/). */
  signOut: (formData: FormData) => Promise<void>;
}) {
  const initial = (email[0] ?? "?").toUpperCase();
  return (
    <MenuDisclosure
      button={
        <>
          <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
            {initial}
          </span>
          {/* The visible email is part of the button's name (axe: label-content-name-mismatch). */}
          <span className="hidden max-w-48 truncate sm:inline">{email}</span>
          <span className="sr-only">{t("menu.account")}</span>
          <span aria-hidden="true" className="hidden text-muted sm:inline">
            ▾
          </span>
        </>
      }
    >
      <p className="truncate text-sm font-medium text-ink">{t("menu.signedInAs", { email })}</p>
      <p className="text-xs text-muted">{roleLabel}</p>
      {accountId ? (
        <p className="mt-2 text-xs text-muted">
          {t("menu.accountId")}: <span className="font-mono break-all text-ink select-all">{accountId}</span>
        </p>
      ) : null}
      {audience === "customer" ? (
        <>
          <Link href="/profile" className="mt-3 block rounded-md px-2 py-1.5 text-sm text-ink hover:bg-canvas">
            {t("menu.profile")}
          </Link>
          <Link href="/change-password" className="block rounded-md px-2 py-1.5 text-sm text-ink hover:bg-canvas">
            {t("menu.changePassword")}
          </Link>
        </>
      ) : null}
      <form action={signOut} className="mt-3 border-t border-line pt-3">
        <input type="hidden" name="audience" value={audience} />
        <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-red-700 hover:bg-red-50">
          {t("menu.signOut")}
        </button>
      </form>
    </MenuDisclosure>
  );
}
