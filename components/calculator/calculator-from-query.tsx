"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { prefilledForm } from "@/lib/calculator/prefill";
import { monthOf } from "@/lib/pricing/months";
import { Calculator, type Calculate } from "./calculator";

/**
 * The calculator with its form from the link's query (issue 13: advice links here with the
 * account's numbers). Read in the browser so the page itself is prerendered: this sits in a
 * <Suspense>, which a static page renders on the client. The quote engine is loaded after the first
 * paint (lib/pricing with zod's input schema, ~55 kB gzip: most of the page's JavaScript); the
 * calculator shows once it is there.
 */
export function CalculatorFromQuery() {
  const params = useSearchParams();
  const initial = useMemo(() => prefilledForm(Object.fromEntries(params.entries()), monthOf(new Date())), [params]);
  const [calculate, setCalculate] = useState<Calculate | null>(null);
  useEffect(() => {
    let mounted = true;
    void import("@/lib/calculator/compute").then((engine) => {
      if (mounted) setCalculate(() => engine.calculate);
    });
    return () => {
      mounted = false;
    };
  }, []);
  if (!calculate) return <div aria-busy="true" className="min-h-96" />;
  return <Calculator initial={initial} calculate={calculate} />;
}
