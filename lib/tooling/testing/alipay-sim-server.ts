/**
 * The Alipay gateway simulator as a process (the Alipay browser journey, playwright.alipay.config.ts):
 * ALIPAY_SIM_PORT, and the key pair file ALIPAY_SIM_KEYS (JSON of `AlipayTestKeys`) the console's
 * configuration was made from.
 */
import { readFileSync } from "node:fs";
import { startAlipaySimulator, type AlipayTestKeys } from "./alipay-simulator";

async function main(): Promise<void> {
  const port = Number(process.env.ALIPAY_SIM_PORT);
  const keysFile = process.env.ALIPAY_SIM_KEYS;
  if (!port || !keysFile) throw new Error("ALIPAY_SIM_PORT and ALIPAY_SIM_KEYS are required");
  const keys = JSON.parse(readFileSync(keysFile, "utf8")) as AlipayTestKeys;
  const sim = await startAlipaySimulator({ keys, port });
  process.stdout.write(`alipay simulator on ${sim.gateway}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
