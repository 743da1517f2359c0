import type { overview as source } from "../en/overview";

export const overview: Record<keyof typeof source, string> = {
  "overview.title": "概览",
  "overview.welcome": "欢迎，{name}",
  "overview.accountStatus": "账户状态",
  "overview.status.active": "正常",
  "overview.status.arrears": "欠费",
  "overview.status.suspended": "已停服",
  "overview.status.disabled": "已禁用",
  "overview.accountId": "账户 ID",
  "overview.memberSince": "注册时间",
  "overview.gettingStarted": "快速开始",
  "overview.gettingStarted.calculator": "使用价格计算器估算月度账单。",
  "overview.products": "服务",
};
