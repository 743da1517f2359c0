export function installMethodGate(target: { emit: (...args: never[]) => boolean }): void;
