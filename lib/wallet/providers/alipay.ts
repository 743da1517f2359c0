import { AlipaySdk } from "alipay-sdk";
import { shanghaiIsoString } from "@/lib/pricing/calendar";
import type { AlipayConfig } from "./alipay-config";
import type { CheckoutRequest, CheckoutSession, PaymentProvider, ProviderNotice, TradeState } from "./types";

export const ALIPAY_PROVIDER_ID = "alipay";

const PAID = new Set(["TRADE_SUCCESS", "TRADE_FINISHED"]);

/** Our order id as Alipay's `out_trade_no` (letters and digits, at most 64): the uuid's 32 hex digits. */
export function alipayOutTradeNo(orderId: string): string {
  return orderId.replaceAll("-", "");
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, as Alipay's `time_expire` wants it. */
function beijingTime(at: Date): string {
  return shanghaiIsoString(at, "seconds").slice(0, 19).replace("T", " ");
}

function toFields(rawBody: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) fields[key] = value;
  return fields;
}

/**
 * Alipay through its official SDK (docs/payments.md): website pay on a desktop, mobile-website pay on
 * a phone, RSA2. The SDK signs our requests and verifies Alipay's; `gateway` points it at Alipay (or,
 * in tests, at lib/tooling/alipay-sim).
 */
export function alipayProvider(config: AlipayConfig): PaymentProvider {
  const sdk = new AlipaySdk({
    appId: config.appId,
    privateKey: config.privateKey,
    keyType: "PKCS8",
    alipayPublicKey: config.alipayPublicKey,
    gateway: config.gateway,
    timeout: 10_000,
  });
  return {
    id: ALIPAY_PROVIDER_ID,
    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const outTradeNo = alipayOutTradeNo(request.orderId);
      const phone = request.device === "phone";
      const method = phone ? "alipay.trade.wap.pay" : "alipay.trade.page.pay";
      const bizContent: Record<string, string> = {
        out_trade_no: outTradeNo,
        total_amount: request.amount,
        subject: request.description,
        product_code: phone ? "QUICK_WAP_WAY" : "FAST_INSTANT_TRADE_PAY",
      };
      if (request.expiresAt) bizContent.time_expire = beijingTime(request.expiresAt);
      const redirectUrl = sdk.pageExec(method, "GET", {
        bizContent,
        notifyUrl: config.notifyUrl,
        returnUrl: new URL(request.returnUrl, config.returnBase).toString(),
      });
      return { providerOrderId: outTradeNo, redirectUrl, channel: phone ? "wap" : "page" };
    },
    readNotice(rawBody: string): ProviderNotice | null {
      const fields = toFields(rawBody);
      // Values are already URL-decoded by URLSearchParams: verify them as they are (V2, no second decode).
      if (!fields.sign || !sdk.checkNotifySignV2(fields)) return null;
      const tradeStatus = fields.trade_status ?? "";
      return {
        providerOrderId: fields.out_trade_no ?? "",
        providerTradeNo: fields.trade_no ?? null,
        ourApp: fields.app_id === config.appId,
        amount: fields.total_amount ?? "",
        tradeStatus,
        paid: PAID.has(tradeStatus),
        closed: tradeStatus === "TRADE_CLOSED",
        fields,
      };
    },
    async queryTrade(providerOrderId: string): Promise<TradeState> {
      const result = await sdk.exec("alipay.trade.query", { bizContent: { out_trade_no: providerOrderId } }, { validateSign: true });
      if (result.code !== "10000") {
        if (result.subCode === "ACQ.TRADE_NOT_EXIST") return { state: "not-found" };
        throw new Error(`alipay.trade.query failed: ${String(result.code)} ${String(result.subCode ?? "")}`);
      }
      const status = String(result.tradeStatus ?? "");
      if (PAID.has(status)) return { state: "paid", amount: String(result.totalAmount ?? "") };
      if (status === "TRADE_CLOSED") return { state: "closed" };
      return { state: "waiting" };
    },
    async closeTrade(providerOrderId: string): Promise<void> {
      const result = await sdk.exec("alipay.trade.close", { bizContent: { out_trade_no: providerOrderId } }, { validateSign: true });
      // A trade the customer never opened does not exist at Alipay: nothing to close.
      if (result.code !== "10000" && result.subCode !== "ACQ.TRADE_NOT_EXIST") {
        throw new Error(`alipay.trade.close failed: ${String(result.code)} ${String(result.subCode ?? "")}`);
      }
    },
  };
}
