import type { names as en } from "../en/names";

export const names: Record<keyof typeof en, string> = {
  "item.pack": "{api}资源包 · {calls} 次",
  "item.qps": "人体分析 QPS",
  "item.sdk": "离线扫码 SDK（单个应用）",
  "item.withPrice": "{name} — {price}",
  "item.idHint": "ID {id}",
  "qps.held.notInEffect": "已购 QPS（未生效）",
  "qps.notInEffect": "您持有 {held} QPS，但尚未生效：该分组仍按调用次数计费。切换为按 QPS 计费后才会使用。",
  "qps.grant.notInEffect": "未生效（按调用次数计费中）",
  "qps.grant.status": "状态",
  "checkout.qps.notInEffect": "所购 QPS 仅在人体分析分组切换为按 QPS 计费后生效；当前按调用次数计费。付款后可立即切换。",
  "checkout.done.qps.switch": "此 QPS 尚未生效：人体分析分组仍按调用次数计费。",
  "checkout.done.date": "付款时间",
  "checkout.done.validity": "有效期至",
  "checkout.done.refundBy": "可退款截至",
  "checkout.done.noRefund": "不可退款",
  "date.validThrough": "有效期至 {date}",
  "date.throughTime": "{date} {time} 前",
};
