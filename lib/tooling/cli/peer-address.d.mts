export function trustedProxyHops(value: string | undefined): number;
export function installPeerAddress(target: { emit: (...args: never[]) => boolean }, env?: Record<string, string | undefined>): void;
