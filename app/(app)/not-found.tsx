import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
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
