import { z } from "zod";
import { MAX_QPS_PER_GROUP, QPS_GROUP_IDS } from "@/lib/pricing";

/** A scan.sdk licence is bound to one app: its name and its iOS and Android build ids (SPEC §2.7). */
export const appBindingSchema = z.object({
  name: z.string().trim().min(1).max(100),
  iosBundleId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, "bundle-id")
    .max(155),
  androidPackage: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, "package")
    .max(155),
});
export type AppBinding = z.infer<typeof appBindingSchema>;

export const qpsModeInput = z.object({ group: z.enum(QPS_GROUP_IDS), mode: z.enum(["calls", "qps"]) });
export type QpsModeInput = z.infer<typeof qpsModeInput>;

/** SPEC §2.6: more than 200 QPS must be requested from support at least a week ahead. */
export const QPS_REQUEST_NOTICE_DAYS = 7;

export const qpsIncreaseInput = z.object({
  group: z.enum(QPS_GROUP_IDS),
  totalQps: z.coerce.number().int().min(MAX_QPS_PER_GROUP + 1).max(100_000),
  neededBy: z.coerce.date(),
  note: z.string().trim().max(1000).default(""),
});
export type QpsIncreaseInput = z.infer<typeof qpsIncreaseInput>;

export const scanSdkTrialInput = z.object({ app: appBindingSchema });
export type ScanSdkTrialInput = z.infer<typeof scanSdkTrialInput>;

/** Device ids as the offline SDK reports them: letters, digits, dashes, colons, underscores. */
const deviceId = z.string().trim().regex(/^[A-Za-z0-9:_-]{4,64}$/, "device-id");

export const offlineTrialInput = z.object({
  deviceIds: z
    .array(deviceId)
    .min(1)
    .max(4)
    .refine((ids) => new Set(ids).size === ids.length, "duplicate-device"),
});
export type OfflineTrialInput = z.infer<typeof offlineTrialInput>;

export const formalLicenceInput = z.object({
  packageName: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, "package"),
  years: z.coerce.number().int().min(1).max(5).default(1),
  note: z.string().trim().max(1000).default(""),
});
export type FormalLicenceInput = z.infer<typeof formalLicenceInput>;
