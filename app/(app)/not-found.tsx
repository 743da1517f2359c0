import { NotFoundBody } from "@/components/shell/not-found-body";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return <NotFoundBody t={t} />;
}
