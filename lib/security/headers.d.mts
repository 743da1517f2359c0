export const PRERENDERED_PAGES: readonly string[];
export function contentSecurityPolicy(options: { nonce: string | null; allowEval: boolean }): string;
export const NON_PAGE_POLICY: string;
export const HSTS: string;
export const COMMON_HEADERS: Readonly<Record<string, string>>;
export const NON_PAGE_HEADERS: Readonly<Record<string, string>>;
export function pageHeaders(options: { nonce: string | null; allowEval: boolean }): Record<string, string>;
export function newNonce(): string;
export function servedOverHttps(forwardedProto: string | null, appUrl: string | undefined): boolean;
