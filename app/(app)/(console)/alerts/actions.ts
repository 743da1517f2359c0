"use server";

import { revalidatePath } from "next/cache";
import type { ThresholdState } from "@/components/metering/threshold-form";
import { defineAction } from "@/lib/actions/define";
import { thresholdInput, updateThreshold } from "@/lib/metering/thresholds";

export const updateThresholdAction = defineAction({
  name: "alerts#updateThresholdAction",
  audience: "customer",
  writes: true,
  input: thresholdInput,
  from: (_prev: ThresholdState, formData: FormData) => {
    const raw = String(formData.get("lowPercent") ?? "").trim();
    // An empty or non-numeric entry reaches zod as NaN, so it is refused with the field named.
    return { product: formData.get("product"), lowPercent: /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN };
  },
  invalid: (field) => ({ error: field === "lowPercent" ? "threshold-range" : "invalid-field", field: field || "lowPercent" }),
  fail: ({ error, field }): ThresholdState => ({ error, field }),
  run: async ({ ctx, input }): Promise<ThresholdState> => {
    const result = await updateThreshold({ ctx, input });
    revalidatePath("/alerts");
    return { saved: result.lowPercent };
  },
});
