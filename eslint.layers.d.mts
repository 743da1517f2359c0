// Types of eslint.layers.mjs for the TypeScript that reads it (lib/tooling/testing/layers.test.ts).
export declare const DOMAIN_LEVELS: readonly (readonly string[])[];
export declare const TOOLING: string;
export declare const PENDING_REMOVAL: readonly { file: string; reason: string }[];
