/**
 * A sign-in's device as a customer reads it in their security events ("Chrome on macOS"), from the
 * browser's User-Agent. Names only, from the tokens browsers send; anything unrecognised is left out
 * rather than guessed. Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari",
 * and WeChat's and Alipay's in-app browsers name themselves alongside their engine.
 */
const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger\//, "WeChat"],
  [/AlipayClient\//, "Alipay"],
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera\//, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/(Headless)?Chrome\/|CriOS\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/, "HarmonyOS"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows NT/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

export interface Device {
  browser: string | null;
  os: string | null;
}

export function deviceOf(userAgent: string | null | undefined): Device | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return browser || os ? { browser, os } : null;
}
