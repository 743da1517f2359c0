export const PRERENDERED_LOCALE_HEADER: string;
export function prerenderedRewrites(pages: readonly string[]): { source: string; has: { type: "header"; key: string; value: string }[]; destination: string }[];
