import type { ApiId, ProductId } from "./products";

/** SPEC §2.7: one-time items and licences. */
export interface OneTimeItem {
  readonly id: "scan.sdk" | "body.offline-sdk:trial" | "body.offline-sdk:formal";
  readonly product: ProductId;
  /** Price per unit; null when support quotes it ("priced on request"). */
  readonly price: string | null;
  readonly unit: string;
  readonly refundable: false;
  /** How long it lasts; null = forever. */
  readonly validDays: number | null;
  /** Most units an account may hold; null = no limit. */
  readonly maxPerAccount: number | null;
}

export const ONE_TIME_ITEMS: readonly OneTimeItem[] = [
  // 50,000 元 per app, bound to its iOS and Android builds, valid forever, never refundable.
  { id: "scan.sdk", product: "scan", price: "50000", unit: "app", refundable: false, validDays: null, maxPerAccount: null },
  // Trial: 60 days, at most 4 devices per account, free.
  { id: "body.offline-sdk:trial", product: "body", price: "0", unit: "device", refundable: false, validDays: 60, maxPerAccount: 4 },
  // Formal: per app package name per year, any number of devices, priced on request.
  { id: "body.offline-sdk:formal", product: "body", price: null, unit: "app package per year", refundable: false, validDays: 365, maxPerAccount: null },
];

/** The 3-month free trial of scan.sdk is applied for in the console; it is not sold. */
export const SCAN_SDK_TRIAL_MONTHS = 3;

export function oneTimeItemById(id: string): OneTimeItem | undefined {
  return ONE_TIME_ITEMS.find((item) => item.id === id);
}

/**
 * SPEC §2.2: scan.barcode-lookup gets 50 free calls once per account, at first activation,
 * valid 5 years, never re-issued.
 */
export interface OneTimeGrant {
  readonly api: ApiId;
  readonly calls: number;
  readonly validYears: number;
}

export const ONE_TIME_GRANTS: readonly OneTimeGrant[] = [
  { api: "scan.barcode-lookup", calls: 50, validYears: 5 },
];
