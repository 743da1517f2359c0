import { createSign, createVerify, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Alipay's open-platform gateway (issue 20), speaking the documented protocol
 * closely enough for the official SDK: `GET /gateway.do` with `alipay.trade.page.pay` or
 * `alipay.trade.wap.pay` (a pay page), `POST /gateway.do` with `alipay.trade.query` and
 * `alipay.trade.close` (signed JSON answers), and asynchronous notifications POSTed form-encoded to
 * the order's `notify_url`, signed RSA2 with "Alipay's" private key. Every request must carry a
 * valid RSA2 signature of the app's key. Keys are generated for the test (`alipayTestKeys`).
 */

export interface AlipayTestKeys {
  appId: string;
  appPrivateKey: string;
  appPublicKey: string;
  alipayPrivateKey: string;
  alipayPublicKey: string;
}

export type TradeStatus = "WAIT_BUYER_PAY" | "TRADE_SUCCESS" | "TRADE_FINISHED" | "TRADE_CLOSED";

export interface SimTrade {
  outTradeNo: string;
  tradeNo: string;
  totalAmount: string;
  subject: string;
  method: string;
  status: TradeStatus;
  notifyUrl: string;
  returnUrl: string;
  timeExpire: string | null;
  createdAt: Date;
}

export function alipayTestKeys(appId = "2021000000000001"): AlipayTestKeys {
  const pair = () => generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
  const app = pair();
  const alipay = pair();
  return { appId, appPrivateKey: app.privateKey, appPublicKey: app.publicKey, alipayPrivateKey: alipay.privateKey, alipayPublicKey: alipay.publicKey };
}

/** The documented signing string: parameters sorted by name, `k=v` joined by `&`, empty values left out. */
export function signingString(params: Record<string, string>, omit: string[]): string {
  return Object.keys(params)
    .filter((key) => !omit.includes(key) && params[key] !== undefined && params[key] !== "")
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
}

export function rsa2Sign(content: string, privateKey: string): string {
  return createSign("RSA-SHA256").update(content, "utf8").sign(privateKey, "base64");
}

function rsa2Verify(content: string, signature: string, publicKey: string): boolean {
  try {
    return createVerify("RSA-SHA256").update(content, "utf8").verify(publicKey, signature, "base64");
  } catch {
    return false;
  }
}

function beijingNow(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface NotifyOptions {
  status?: TradeStatus;
  amount?: string;
  appId?: string;
  outTradeNo?: string;
  /** Sign with this private key instead of Alipay's (a forgery). */
  signWith?: string;
  /** Change a field after signing (tampering). */
  tamper?: Record<string, string>;
}

export interface AlipaySimulator {
  readonly gateway: string;
  readonly origin: string;
  readonly keys: AlipayTestKeys;
  readonly trades: Map<string, SimTrade>;
  /** Every notification sent: its body and our console's answer. */
  readonly deliveries: Array<{ body: string; status: number; answer: string }>;
  /** The notification body Alipay would send for a trade (signed), without sending it. */
  notificationBody(outTradeNo: string, options?: NotifyOptions): string;
  /** Sends the trade's notification to its notify_url (or `to`), returns the console's answer. */
  notify(outTradeNo: string, options?: NotifyOptions & { to?: string }): Promise<{ status: number; answer: string }>;
  /** The buyer pays: the trade turns TRADE_SUCCESS and its notification is sent. */
  pay(outTradeNo: string): Promise<{ status: number; answer: string }>;
  close(): Promise<void>;
}

export async function startAlipaySimulator({ keys = alipayTestKeys(), port = 0, notifyOnPay = true }: { keys?: AlipayTestKeys; port?: number; notifyOnPay?: boolean } = {}): Promise<AlipaySimulator> {
  const trades = new Map<string, SimTrade>();
  const deliveries: AlipaySimulator["deliveries"] = [];
  let sequence = 0;

  function notificationFields(trade: SimTrade, options: NotifyOptions = {}): Record<string, string> {
    const status = options.status ?? trade.status;
    const fields: Record<string, string> = {
      notify_time: beijingNow(),
      notify_type: "trade_status_sync",
      notify_id: randomBytes(16).toString("hex"),
      app_id: options.appId ?? keys.appId,
      charset: "utf-8",
      version: "1.0",
      sign_type: "RSA2",
      trade_no: trade.tradeNo,
      out_trade_no: options.outTradeNo ?? trade.outTradeNo,
      trade_status: status,
      total_amount: options.amount ?? trade.totalAmount,
      subject: trade.subject,
      gmt_create: beijingNow(trade.createdAt),
    };
    if (status === "TRADE_SUCCESS" || status === "TRADE_FINISHED") {
      fields.receipt_amount = fields.total_amount ?? "";
      fields.buyer_pay_amount = fields.total_amount ?? "";
      fields.gmt_payment = beijingNow();
    }
    if (status === "TRADE_CLOSED") fields.gmt_close = beijingNow();
    // Asynchronous notices are signed over every field but sign and sign_type (the documented rule).
    fields.sign = rsa2Sign(signingString(fields, ["sign", "sign_type"]), options.signWith ?? keys.alipayPrivateKey);
    for (const [key, value] of Object.entries(options.tamper ?? {})) fields[key] = value;
    return fields;
  }

  function tradeOf(outTradeNo: string): SimTrade {
    const trade = trades.get(outTradeNo);
    if (!trade) throw new Error(`simulator: no trade ${outTradeNo}`);
    return trade;
  }

  async function send(trade: SimTrade, options: NotifyOptions & { to?: string } = {}): Promise<{ status: number; answer: string }> {
    const body = new URLSearchParams(notificationFields(trade, options)).toString();
    const response = await fetch(options.to ?? trade.notifyUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body });
    const answer = await response.text();
    deliveries.push({ body, status: response.status, answer });
    return { status: response.status, answer };
  }

  /** A signed JSON answer, as the SDK verifies it: the response object's exact text is what is signed. */
  function answer(response: ServerResponse, method: string, result: Record<string, unknown>): void {
    const key = `${method.replaceAll(".", "_")}_response`;
    const json = JSON.stringify(result);
    const body = `{"${key}":${json},"sign":"${rsa2Sign(json, keys.alipayPrivateKey)}"}`;
    response.writeHead(200, { "content-type": "application/json;charset=utf-8" }).end(body);
  }

  function businessError(subCode: string, subMsg: string) {
    return { code: "40004", msg: "Business Failed", sub_code: subCode, sub_msg: subMsg };
  }

  function payPage(trade: SimTrade): string {
    const phone = trade.method === "alipay.trade.wap.pay";
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>支付宝 (simulator)</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem"><main>
<h1>支付宝 Alipay simulator</h1><p data-testid="alipay-sim-channel">${phone ? "手机网站支付 (wap)" : "电脑网站支付 (page)"}</p>
<p>${escapeHtml(trade.subject)}: <strong data-testid="alipay-sim-amount">¥${escapeHtml(trade.totalAmount)}</strong></p>
<form method="post" action="/sim/pay"><input type="hidden" name="out_trade_no" value="${escapeHtml(trade.outTradeNo)}"><button type="submit">确认付款 Pay</button></form>
<p><a href="${escapeHtml(trade.returnUrl)}">返回商家 Back to the merchant without paying</a></p></main></body></html>`;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sim");
    const body = request.method === "POST" ? await readBody(request) : "";
    if (url.pathname === "/sim/pay" && request.method === "POST") {
      const outTradeNo = new URLSearchParams(body).get("out_trade_no") ?? "";
      const trade = trades.get(outTradeNo);
      if (!trade || trade.status !== "WAIT_BUYER_PAY") {
        response.writeHead(409, { "content-type": "text/plain" }).end("trade not payable");
        return;
      }
      trade.status = "TRADE_SUCCESS";
      if (notifyOnPay) await send(trade);
      // The synchronous return: signed parameters on the return_url (the console must not trust them).
      const back = new URL(trade.returnUrl);
      const ret: Record<string, string> = { app_id: keys.appId, method: `${trade.method}.return`, charset: "utf-8", sign_type: "RSA2", version: "1.0", timestamp: beijingNow(), out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo, total_amount: trade.totalAmount, seller_id: "2088000000000000" };
      ret.sign = rsa2Sign(signingString(ret, ["sign", "sign_type"]), keys.alipayPrivateKey);
      for (const [key, value] of Object.entries(ret)) back.searchParams.set(key, value);
      response.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname !== "/gateway.do") {
      response.writeHead(404).end();
      return;
    }
    const params: Record<string, string> = {};
    for (const [key, value] of url.searchParams) params[key] = value;
    for (const [key, value] of new URLSearchParams(body)) params[key] = value;
    const method = params.method ?? "";
    // Requests are signed over every parameter but sign (sign_type included), with the app's key.
    if (params.app_id !== keys.appId || !params.sign || !rsa2Verify(signingString(params, ["sign"]), params.sign, keys.appPublicKey)) {
      if (request.method === "GET") response.writeHead(400, { "content-type": "text/plain" }).end("invalid-signature");
      else answer(response, method, { code: "40002", msg: "Invalid Arguments", sub_code: "isv.invalid-signature", sub_msg: "验签出错" });
      return;
    }
    let biz: Record<string, string> = {};
    try {
      biz = JSON.parse(params.biz_content ?? "{}") as Record<string, string>;
    } catch {
      answer(response, method, { code: "40002", msg: "Invalid Arguments", sub_code: "isv.invalid-biz-content", sub_msg: "biz_content" });
      return;
    }
    const outTradeNo = biz.out_trade_no ?? "";
    if (method === "alipay.trade.page.pay" || method === "alipay.trade.wap.pay") {
      let trade = trades.get(outTradeNo);
      if (!trade) {
        sequence += 1;
        trade = {
          outTradeNo,
          tradeNo: `2026${String(Date.now()).slice(-10)}${String(sequence).padStart(8, "0")}`,
          totalAmount: biz.total_amount ?? "",
          subject: biz.subject ?? "",
          method,
          status: "WAIT_BUYER_PAY",
          notifyUrl: params.notify_url ?? "",
          returnUrl: params.return_url ?? "",
          timeExpire: biz.time_expire ?? null,
          createdAt: new Date(),
        };
        trades.set(outTradeNo, trade);
      }
      response.writeHead(trade.status === "WAIT_BUYER_PAY" ? 200 : 409, { "content-type": "text/html; charset=utf-8" }).end(payPage(trade));
      return;
    }
    const trade = trades.get(outTradeNo);
    if (method === "alipay.trade.query") {
      if (!trade) answer(response, method, businessError("ACQ.TRADE_NOT_EXIST", "交易不存在"));
      else answer(response, method, { code: "10000", msg: "Success", trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo, trade_status: trade.status, total_amount: trade.totalAmount });
      return;
    }
    if (method === "alipay.trade.close") {
      if (!trade) answer(response, method, businessError("ACQ.TRADE_NOT_EXIST", "交易不存在"));
      else if (trade.status !== "WAIT_BUYER_PAY" && trade.status !== "TRADE_CLOSED") answer(response, method, businessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
      else {
        trade.status = "TRADE_CLOSED";
        answer(response, method, { code: "10000", msg: "Success", trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo });
      }
      return;
    }
    answer(response, method, { code: "40004", msg: "Business Failed", sub_code: "isv.method-not-supported", sub_msg: method });
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    gateway: `${origin}/gateway.do`,
    origin,
    keys,
    trades,
    deliveries,
    notificationBody: (outTradeNo, options) => new URLSearchParams(notificationFields(tradeOf(outTradeNo), options)).toString(),
    notify: (outTradeNo, options) => send(tradeOf(outTradeNo), options),
    async pay(outTradeNo) {
      const trade = tradeOf(outTradeNo);
      trade.status = "TRADE_SUCCESS";
      return send(trade);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
