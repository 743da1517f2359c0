export const ROUTE_HANDLERS: readonly (readonly [string, readonly string[]])[];
export const PAGE_METHODS: readonly string[];
export function allowedMethods(pathname: string): { kind: "route" | "page" | "none"; methods: readonly string[] };
