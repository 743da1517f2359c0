import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { FreePackUsage } from "@/lib/metering/free-quota";
import { apiName } from "./api-name";

/** A free pack's API cell: one API, or the APIs of a shared pool (book 2022-09's vehicle pool). */
export function FreePackApiCell({ t, locale, pack }: { t: Translate; locale: Locale; pack: FreePackUsage }) {
  return (
    <Td>
      <div className="flex flex-wrap items-center gap-2 font-medium">
        {pack.apis.map((api) => apiName(locale, api)).join(" + ")}
        {pack.apis.length > 1 ? <Badge tone="blue">{t("freeQuota.shared")}</Badge> : null}
      </div>
      <div className="font-mono text-xs text-muted">{pack.apis.join(" + ")}</div>
    </Td>
  );
}
