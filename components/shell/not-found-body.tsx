import Link from "@/components/ui/app-link";
import type { Translate } from "@/lib/i18n/translate";

/** The 404 itself, for a page's notFound() (app/(app)/not-found.tsx) and an unmatched address (app/global-not-found.tsx). */
export function NotFoundBody({ t }: { t: Translate }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <p className="text-5xl font-semibold text-brand-600">404</p>
      <h1 className="text-lg font-medium">{t("notFound.title")}</h1>
      <Link href="/" className="text-sm text-brand-600 hover:underline">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
