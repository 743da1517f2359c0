"use client";

import type { InputHTMLAttributes } from "react";
import { inputClass } from "@/components/ui/field";
import { formatCountText } from "@/lib/calculator/form";

/**
 * A whole-number input: typed freely (separators allowed), grouped with thousands separators
 * when it loses focus. The text goes to the pricing module as typed, which refuses negative
 * and fractional counts with the field named.
 */
export function CountInput({
  value,
  onValueChange,
  invalid,
  className = "",
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: string;
  onValueChange: (value: string) => void;
  invalid?: boolean;
}) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      value={value}
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => onValueChange(event.target.value)}
      onBlur={(event) => onValueChange(formatCountText(event.target.value))}
      className={`${inputClass} tabular text-right ${className}`}
      {...props}
    />
  );
}
