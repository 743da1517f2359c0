"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { prefilledForm } from "@/lib/calculator/prefill";
import { monthOf } from "@/lib/pricing";
import { Calculator } from "./calculator";

/**
 * The calculator with its form from the link's query (issue 13: advice links here with the
 * account's numbers). Read in the browser so the page itself is prerendered: this sits in a
 * <Suspense>, which a static page renders on the client.
 */
export function CalculatorFromQuery() {
  const params = useSearchParams();
  const initial = useMemo(() => prefilledForm(Object.fromEntries(params.entries()), monthOf(new Date())), [params]);
  return <Calculator initial={initial} />;
}
