import type { messaging as source } from "../en/messaging";

export const messaging: Record<keyof typeof source, string> = {
  "messages.freePack": "{api}免费",
  "messages.kind.pack-low.title": "资源包余量不足：{pack}",
  "messages.kind.pack-low.body": "您的 {pack} 资源包剩余 {remaining} 次（{size} 次的 {percent}%），已低于 {threshold}% 预警阈值。请及时购买资源包，以免产生后付费。",
  "messages.kind.pack-exhausted.title": "资源包已用完：{pack}",
  "messages.kind.pack-exhausted.body": "您的 {pack} 资源包（{size} 次）已用完。后续调用将从其他资源包扣除，或按后付费计费。",
  "messages.kind.arrears.title": "您的账户已欠费",
  "messages.kind.arrears.body": "{month} 账单结算后，您的余额为 {balance}。请在 {deadline}（北京时间）前充值，以免服务停止。",
  "messages.kind.suspended.title": "您的服务已停止",
  "messages.kind.suspended.body": "您的余额持续 24 小时为负（{balance}），API 调用已被拒绝。充值后将立即恢复。",
  "messages.kind.restored.title": "您的服务已恢复",
  "messages.kind.restored.body": "您的余额已恢复为 {balance}，账户恢复正常。",
  "messages.kind.qps-lapsed.title": "{group} 的 QPS 计费已结束",
  "messages.kind.qps-lapsed.body": "{group} 分组已没有生效中的 QPS，已恢复为按调用次数计费：调用将先从资源包扣除，再按后付费计费。可在 QPS 页面购买 QPS 后重新切换。",
  "messages.kind.refund-rejected.title": "退款申请被拒绝",
  "messages.kind.refund-rejected.body": "您对 {pack} 的退款申请被拒绝：{reason}",
};
