"use client";

import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type Variant } from "./button";
import { useReadOnlyViewNote } from "./read-only-view";

/**
 * In a read-only support view a submit button is off (the server would refuse the write anyway) and says why
 * beside it; `quietInView` keeps the note to the button's title, for small buttons in table rows.
 */
export function Button({ variant = "primary", className = "", quietInView = false, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; quietInView?: boolean }) {
  const viewNote = useReadOnlyViewNote();
  const submits = props.type !== "button" && props.type !== "reset";
  if (!viewNote || !submits) return <button className={buttonClass(variant, className)} {...props} />;
  const button = <button className={buttonClass(variant, className)} {...props} disabled title={viewNote} data-read-only-view="" />;
  if (quietInView) return button;
  return (
    <>
      {button}
      <span className="text-xs text-muted" data-testid="read-only-view-note">
        {viewNote}
      </span>
    </>
  );
}
