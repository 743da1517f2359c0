import "server-only";
import nodemailer from "nodemailer";
import type { DeliveryChannel } from "@/db/schema/messaging";

export interface Delivery {
  /** The outbox row id: sent along as an idempotency key so a receiver can drop a repeat. */
  id: number;
  target: string;
  subject: string;
  body: string;
}

/** One external channel. `send` throws when the channel is down; the outbox retries later. */
export interface ChannelSender {
  send(delivery: Delivery): Promise<void>;
}

export class ChannelNotConfigured extends Error {
  constructor(channel: DeliveryChannel) {
    super(`the ${channel} channel is not configured`);
    this.name = "ChannelNotConfigured";
  }
}

/** SMS and WeChat go through an HTTP webhook (the operator's gateway to the carrier or WeChat). */
export function webhookSender(url: string, channel: DeliveryChannel, fetchImpl: typeof fetch = fetch): ChannelSender {
  return {
    async send(delivery) {
      const response = await fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `outbox-${delivery.id}` },
        body: JSON.stringify({ channel, to: delivery.target, subject: delivery.subject, text: delivery.body, id: delivery.id }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`${channel} webhook answered ${response.status}`);
    },
  };
}

export function smtpSender(smtpUrl: string, from = process.env.SMTP_FROM ?? "billing@localhost"): ChannelSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(delivery) {
      await transport.sendMail({ from, to: delivery.target, subject: delivery.subject, text: delivery.body, messageId: `<outbox-${delivery.id}@billing>` });
    },
  };
}

/** The channels as configured by the environment: SMTP_URL, SMS_WEBHOOK_URL, WECHAT_WEBHOOK_URL. */
export function configuredSenders(env: NodeJS.ProcessEnv = process.env): Partial<Record<DeliveryChannel, ChannelSender>> {
  const senders: Partial<Record<DeliveryChannel, ChannelSender>> = {};
  if (env.SMTP_URL) senders.email = smtpSender(env.SMTP_URL);
  if (env.SMS_WEBHOOK_URL) senders.sms = webhookSender(env.SMS_WEBHOOK_URL, "sms");
  if (env.WECHAT_WEBHOOK_URL) senders.wechat = webhookSender(env.WECHAT_WEBHOOK_URL, "wechat");
  return senders;
}
