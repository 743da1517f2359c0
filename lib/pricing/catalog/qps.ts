import type { ApiId } from "./products";

/**
 * SPEC §2.6: QPS quota, body analysis only. The group's three APIs share its QPS. The
 * price per QPS depends on the quantity bought, all units at the tier reached.
 */
export const QPS_GROUP_IDS = ["body"] as const;
export type QpsGroupId = (typeof QPS_GROUP_IDS)[number];

export const QPS_GROUP_APIS: Readonly<Record<QpsGroupId, readonly ApiId[]>> = {
  body: ["body.detection", "body.library", "body.search"],
};

export type QpsPeriod = "month" | "day";

export interface QpsTier {
  /** Smallest quantity of the tier (inclusive). */
  readonly fromQps: number;
  readonly perMonth: string;
  readonly perDay: string;
}

export const QPS_TIERS: readonly QpsTier[] = [
  { fromQps: 1, perMonth: "480", perDay: "48" },
  { fromQps: 10, perMonth: "415", perDay: "40" },
  { fromQps: 50, perMonth: "350", perDay: "35" },
  { fromQps: 100, perMonth: "300", perDay: "30" },
];

/** At most 200 QPS per group; more must be requested from support (SPEC §2.6). */
export const MAX_QPS_PER_GROUP = 200;

export function qpsItemId(group: QpsGroupId): string {
  return `qps:${group}`;
}

export function qpsGroupOfApi(api: ApiId): QpsGroupId | null {
  for (const group of QPS_GROUP_IDS) {
    if (QPS_GROUP_APIS[group].includes(api)) return group;
  }
  return null;
}
