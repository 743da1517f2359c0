"use client";

import { useEffect, useState } from "react";

/**
 * The full text of the option chosen in the select `selectId`, in small wrapping type under it, on a
 * phone only: there a long option ("… pack · 1,000 calls · ¥…", "November 2026 · whole bill (left
 * ¥12,3…") is cut at the select's edge and its end, often the price, was hidden. Hidden from screen
 * readers, which read the select's own value.
 */
export function SelectedOptionText({ selectId }: { selectId: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const select = document.getElementById(selectId);
    if (!(select instanceof HTMLSelectElement)) return;
    const read = () => setText(select.selectedOptions[0]?.text ?? "");
    read();
    select.addEventListener("change", read);
    return () => select.removeEventListener("change", read);
  }, [selectId]);
  if (!text) return null;
  return (
    <p aria-hidden="true" className="text-xs break-words text-muted sm:hidden" data-testid={`${selectId}-chosen`}>
      {text}
    </p>
  );
}
