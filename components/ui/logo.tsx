/** The mark and the app name; `compact` keeps the name for screen readers only below 640 px (the phone top bar). */
export function Logo({ label, compact = false }: { label: string; compact?: boolean }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-2 font-semibold text-ink">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7 shrink-0">
        <rect width="32" height="32" rx="7" className="fill-brand-600" />
        <path d="M8 21.5 13 10h2.2l5 11.5h-2.4l-1.1-2.7h-5.2l-1.1 2.7H8Zm4.3-4.6h3.7l-1.85-4.6-1.85 4.6Z" fill="#fff" />
        <circle cx="23" cy="11" r="2.2" fill="#9cc0ff" />
      </svg>
      <span className={compact ? "truncate max-sm:sr-only" : "truncate"}>{label}</span>
    </span>
  );
}
