import type { invoices as source } from "../en/invoices";

export const invoices: Record<keyof typeof source, string> = {
  "messages.kind.invoice-issued.title": "发票已开具：{amount}",
  "messages.kind.invoice-issued.body": "发票 {number}（{amount}）已开具并发送至 {email}，可在“发票”页面下载。",
  "messages.kind.invoice-rejected.title": "开票申请未通过：{amount}",
  "messages.kind.invoice-rejected.body": "您 {amount} 的开票申请未通过：{reason}",
  "messages.kind.invoice-reversed.title": "发票已红冲：{number}",
  "messages.kind.invoice-reversed.body": "发票 {number}（{amount}）已由红字发票 {red} 冲销。该金额可重新开票，相关订单的退款可继续办理。",
};
