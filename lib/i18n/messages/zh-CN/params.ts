import type { params as source } from "../en/params";

export const params: Record<keyof typeof source, string> = {
  "params.required": "{field}：必填。",
  "params.repeated": "{field}：只能填写一次。",
  "params.month.malformed": "{field}：请按 YYYY-MM 格式输入月份。",
  "params.day.malformed": "{field}：请按 YYYY-MM-DD 格式输入有效日期。",
  "params.month.out-of-range": "{field}：请选择 {first} 至 {last} 之间的月份。",
  "params.day.out-of-range": "{field}：请选择 {first} 至 {last} 之间的日期。",
  "params.after": "{field}必须早于或等于{other}。",
  "params.month.not-offered": "{field}：{month}不在可选月份中，现显示本月。",
  "errors.calendar-required": "请输入日期。",
  "errors.calendar-repeated": "日期只能填写一次。",
  "errors.calendar-malformed": "请按 YYYY-MM-DD 格式输入有效日期。",
  "errors.calendar-out-of-range": "请选择 {first} 至 {last} 之间的日期。",
  "errors.calendar-after": "开始日期不能晚于结束日期。",
};
