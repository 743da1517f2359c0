"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

function hms(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/**
 * Time left until `deadline`, ticking each second. It counts from the server's "now" (passed in),
 * not the browser's clock, so a wrong clock in the browser, or the fixed clock of a test server,
 * gives the same figure the server computed; only the elapsed time since the page loaded is local.
 */
export function Countdown({ deadlineMs, serverNowMs }: { deadlineMs: number; serverNowMs: number }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(deadlineMs - serverNowMs);
  useEffect(() => {
    const loaded = performance.now();
    const tick = () => setLeft(deadlineMs - serverNowMs - (performance.now() - loaded));
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadlineMs, serverNowMs]);
  if (left <= 0) return <span data-testid="arrears-countdown">{t("banner.arrears.due")}</span>;
  return (
    <span>
      {t("banner.arrears.countdown")}{" "}
      <time className="tabular font-semibold" data-testid="arrears-countdown" role="timer" aria-live="off">
        {hms(left)}
      </time>
    </span>
  );
}
