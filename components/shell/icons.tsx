/**
 * The navigation's icons as small inline SVGs (24×24, stroked with the text colour). Text glyphs
 * such as "⛨" are missing from many fonts and render as an empty box; an SVG renders everywhere.
 * Decorative: the link's text names it, so every icon is aria-hidden.
 */
const paths = {
  overview: ["M4 4h7v7H4z", "M13 4h7v4h-7z", "M13 10h7v10h-7z", "M4 13h7v7H4z"],
  messages: ["M3 6h18v12H3z", "m3 7 9 6 9-6"],
  shield: ["M12 3 5 6v5c0 4.5 3 8.2 7 10 4-1.8 7-5.5 7-10V6z", "m9 12 2 2 4-4"],
  services: ["M4 4h6v6H4z", "M14 4h6v6h-6z", "M4 14h6v6H4z", "M14 14h6v6h-6z"],
  packs: ["M3 8l9-5 9 5-9 5z", "M3 8v8l9 5 9-5V8", "M12 13v8"],
  qps: ["M4 18a8 8 0 1 1 16 0", "m12 18 4-6"],
  sdk: ["m8 8-4 4 4 4", "m16 8 4 4-4 4", "m14 5-4 14"],
  usage: ["M4 20V10", "M10 20V4", "M16 20v-7", "M22 20H2"],
  freeQuota: ["M12 3a9 9 0 1 0 9 9h-9z", "M15 3.5A9 9 0 0 1 20.5 9H15z"],
  alerts: ["M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9", "M10.3 21a1.94 1.94 0 0 0 3.4 0"],
  key: ["M14.5 9.5a4.5 4.5 0 1 1-9 0 4.5 4.5 0 0 1 9 0z", "m13 13 8 8", "m17 17 2-2", "m19 19 2-2"],
  balance: ["M3 7h18v12H3z", "M3 7l3-3h12l3 3", "M16 13h2"],
  orders: ["M8 4h11v16H5V7z", "M8 4v3H5", "M9 11h6", "M9 15h4"],
  bills: ["M6 3h12v18l-3-2-3 2-3-2-3 2z", "M9 8h6", "M9 12h6"],
  refunds: ["M4 10a8 8 0 1 1 2 6", "M4 4v6h6"],
  budgets: ["M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z", "M12 11v2"],
  calculator: ["M5 3h14v18H5z", "M8 7h8", "M8 12h2", "M14 12h2", "M8 16h2", "M14 16h2"],
  // A page with a corner folded and lines: an invoice (发票).
  invoice: ["M6 3h9l4 4v14H6z", "M15 3v4h4", "M9 11h7", "M9 15h7", "M9 18h4"],
  // A bank: pediment, columns, base.
  transfer: ["M3 9 12 4l9 5", "M5 10v7", "M10 10v7", "M14 10v7", "M19 10v7", "M3 20h18"],
  accounts: ["M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M2 21a7 7 0 0 1 14 0", "M16 3.5a4 4 0 0 1 0 7", "M22 21a7 7 0 0 0-4-6.3"],
} as const;

export type NavIconName = keyof typeof paths;

export function NavIcon({ name, className = "h-4 w-4" }: { name: NavIconName; className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className={`shrink-0 ${className}`} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
