/**
 * A console process receiving one Alipay notice, for the kill -9 test (lib/wallet/alipay-crash.test.ts):
 * exactly what the notify route does (verify, then one transaction), in a process of its own that
 * the test kills mid-way. argv: database URL; stdin: JSON { keys, gateway, body }.
 */
import { openDatabase } from "@/db/client";
import { wireDomainHooks } from "@/lib/hooks";
import { alipayProvider } from "@/lib/wallet/providers/alipay";
import { alipayConfig } from "@/lib/wallet/providers/alipay-config";
import { recordProviderNotice } from "@/lib/wallet/provider-notice";

async function main(): Promise<void> {
  const url = process.argv[2];
  if (!url) throw new Error("database url required");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { appId: string; privateKey: string; publicKey: string; gateway: string; body: string };
  wireDomainHooks();
  const handle = await openDatabase({ url, maxConnections: 2 });
  const provider = alipayProvider(alipayConfig({ ALIPAY_APP_ID: input.appId, ALIPAY_PRIVATE_KEY: input.privateKey, ALIPAY_PUBLIC_KEY: input.publicKey, ALIPAY_GATEWAY: input.gateway }, "http://console.test"));
  const notice = provider.readNotice?.(input.body, new Headers());
  if (!notice) throw new Error("forged");
  process.stdout.write("verified\n");
  const result = await recordProviderNotice({ ctx: { db: handle.db, actor: { type: "system", reason: "payment:alipay" }, now: new Date() }, input: { providerId: "alipay", notice } });
  process.stdout.write(`${result.outcome}\n`);
  await handle.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
