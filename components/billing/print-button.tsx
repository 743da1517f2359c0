"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** The browser's print dialog, where "Save as PDF" makes the PDF; the print stylesheet hides the console's chrome. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {t("bill.print")}
    </Button>
  );
}
