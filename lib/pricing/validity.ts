import { ONE_TIME_GRANTS } from "./catalog/one-time";
import { PACK_VALIDITY_YEARS } from "./catalog/packs";
import type { ApiId } from "./catalog/products";
import { addShanghaiYears, type InstantInput } from "./months";

/**
 * When a prepaid pack expires: one year after delivery (SPEC §2.4), at the same Shanghai
 * wall-clock time (Reading CALENDAR_YEAR_VALIDITY). Usable while now < expiresAt.
 */
export function packExpiresAt(deliveredAt: InstantInput): Date {
  return addShanghaiYears(deliveredAt, PACK_VALIDITY_YEARS);
}

/** The one-time free grant of an API (scan.barcode-lookup: 50 calls, 5 years), if any. */
export function oneTimeGrantOf(api: ApiId): { calls: number; validYears: number } | null {
  const grant = ONE_TIME_GRANTS.find((candidate) => candidate.api === api);
  return grant ? { calls: grant.calls, validYears: grant.validYears } : null;
}

/**
 * The one-time grant given at first activation and when it expires (SPEC §2.2); null for
 * APIs without one. Never re-issued: the caller grants it only on the first activation.
 */
export function oneTimeGrantAt(api: ApiId, activatedAt: InstantInput): { calls: number; expiresAt: Date } | null {
  const grant = oneTimeGrantOf(api);
  if (!grant) return null;
  return { calls: grant.calls, expiresAt: addShanghaiYears(activatedAt, grant.validYears) };
}
