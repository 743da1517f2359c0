import type { accessLog as en } from "../en/access-log";

export const accessLog: Record<keyof typeof en, string> = {
  "security.col.downloads": "下载的文件",
  "security.staff": "支持人员对您账号的操作",
  "security.staff.none": "尚无支持人员打开或更改过您的账号。",
  "security.staff.operator": "运营人员",
  "security.staff.reason": "原因：{reason}",
  "security.staff.support.account-viewed": "{staff} 在支持控制台中打开了您的账号（联系方式、余额、资源包、账单）",
  "security.staff.wallet.credit": "{staff} 向您的{book}余额充入 {amount}",
  "security.staff.book.gift": "赠送",
  "security.staff.book.cash": "现金",
  "security.staff.wallet.voucher-granted": "{staff} 向您发放了 {amount} 的代金券",
  "security.staff.packs.gift-granted": "{staff} 向您赠送了资源包（{pack}）",
  "security.staff.account.create": "{staff} 创建了您的账号",
  "security.staff.account.disabled": "{staff} 停用了您的账号",
  "security.staff.account.enabled": "{staff} 解除了对您账号的限制",
  "security.staff.refund.review-approved": "{staff} 批准了您 {amount} 的退款",
  "security.staff.refund.review-rejected": "{staff} 拒绝了您的退款申请",
  "security.staff.qps.increase-approved": "{staff} 批准{group}自 {from} 起最高 {qps} QPS",
  "security.staff.qps.increase-declined": "{staff} 拒绝了您提升 QPS 的申请",
  "security.staff.licence.quoted": "{staff} 为 {package} 的离线 SDK 授权报价 {price}，{years} 年",
  "security.staff.other": "{staff} 更改了您的账号（{action}）",
};
