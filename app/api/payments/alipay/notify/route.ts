import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { NON_PAGE_HEADERS } from "@/lib/security/headers.mjs";
import { ALIPAY_PROVIDER_ID } from "@/lib/wallet/providers/alipay";
import { paymentProvider } from "@/lib/wallet/providers";
import { recordProviderNotice } from "@/lib/wallet/provider-notice";

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { ...NON_PAGE_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * Alipay's asynchronous notification (docs/payments.md): the only thing that credits an Alipay
 * top-up. A forged or malformed notice is refused and not recorded (`fail`: Alipay would retry a
 * real one); an authentic one is recorded and, when it checks out, credited once, in one
 * transaction, and answered `success` so Alipay stops redelivering it.
 */
export async function POST(request: Request): Promise<Response> {
  const provider = paymentProvider(ALIPAY_PROVIDER_ID);
  if (!provider?.readNotice) return text("not found", 404);
  const raw = await request.text();
  if (raw.length > 20_000) return text("fail", 413);
  const notice = provider.readNotice(raw, request.headers);
  if (!notice) return text("fail", 400);
  await recordProviderNotice({ ctx: { db: await getDb(), actor: { type: "system", reason: `payment:${provider.id}` }, now: now() }, input: { providerId: provider.id, notice } });
  return text("success", 200);
}
