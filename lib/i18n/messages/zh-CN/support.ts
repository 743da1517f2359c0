import type { support as source } from "../en/support";

export const support: Record<keyof typeof source, string> = {
  "staff.home.title": "客户账户",
  "staff.home.subtitle": "按邮箱、公司名称或账户 ID 查找账户。",
  "staff.search.placeholder": "邮箱、公司或账户 ID",
  "staff.search.submit": "搜索",
  "staff.col.company": "公司",
  "staff.col.email": "邮箱",
  "staff.col.status": "状态",
  "staff.col.created": "创建时间",
  "staff.col.accountId": "账户 ID",
  "staff.empty": "没有匹配的账户。",
  "staff.emptyAll": "暂无客户账户。",
  "staff.count": "显示 {count} 个账户",
};
