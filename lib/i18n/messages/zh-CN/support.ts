import type { support as source } from "../en/support";

export const support: Record<keyof typeof source, string> = {
  "staff.home.title": "客户账号",
  "staff.home.subtitle": "按邮箱、公司名称或账号 ID 查找账号。",
  "staff.search.placeholder": "邮箱、公司或账号 ID",
  "staff.search.submit": "搜索",
  "staff.col.company": "公司",
  "staff.col.email": "邮箱",
  "staff.col.status": "状态",
  "staff.col.created": "创建时间",
  "staff.col.accountId": "账号 ID",
  "staff.empty": "没有匹配的账号。",
  "staff.emptyAll": "暂无客户账号。",
  "staff.count": "显示 {count} 个账号",
};
