"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * Set by the console layout while staff view the account (SPEC §8). The server refuses every write then
 * (lib/actions/define.ts); this only makes the page say so: write buttons read it and turn themselves off.
 * `note`: the translated sentence shown beside a turned-off button; null outside a view.
 */
const ReadOnlyViewContext = createContext<string | null>(null);

export function ReadOnlyViewProvider({ note, children }: { note: string | null; children: ReactNode }) {
  return <ReadOnlyViewContext.Provider value={note}>{children}</ReadOnlyViewContext.Provider>;
}

/** The note to show when this page is a read-only support view, or null. */
export function useReadOnlyViewNote(): string | null {
  return useContext(ReadOnlyViewContext);
}
