import type { security as source } from "../en/security";

export const security: Record<keyof typeof source, string> = {
  "payments.notConfigured.title": "未开通在线充值",
  "payments.notConfigured.body": "本控制台不接受在线支付。如需充值，请通过银行转账并注明您的账号 ID {accountId}。款项到账后，由运营人员计入您的现金余额，并显示在下方的交易记录中。",
  "payments.sandboxBadge": "沙箱支付",
  "payments.sandboxBadge.hint": "本控制台的充值通过沙箱支付完成：不涉及真实资金。",
  "errors.top-up-not-configured": "本控制台未开通在线充值。请通过银行转账付款，由运营人员计入您的余额。",

  "menu.changePassword": "修改密码",
  "password.change.title": "修改密码",
  "password.change.description": "修改密码后，您在其他设备上的登录将全部退出。",
  "password.field.current": "当前密码",
  "password.field.new": "新密码",
  "password.change.submit": "修改密码",
  "password.change.done": "密码已修改，其他所有登录已退出。",
  "errors.wrong-current-password": "当前密码不正确。",

  "auth.signIn.forgot": "忘记密码？",
  "password.forgot.title": "重置密码",
  "password.forgot.subtitle": "请输入账号的邮箱。我们会发送一个设置新密码的链接，该链接在 30 分钟内有效，且只能使用一次。",
  "password.forgot.submit": "发送链接",
  "password.forgot.sent": "如果存在使用 {email} 的账号，重置密码的链接已发出。链接在 30 分钟内有效，且只能使用一次。",
  "password.forgot.back": "返回登录",
  "password.reset.title": "设置新密码",
  "password.reset.subtitle": "设置后，您在所有设备上的登录都将退出。",
  "password.reset.submit": "设置新密码",
  "password.reset.invalid": "此链接无效：它已被使用、已过期（链接有效期 30 分钟）或已被修改。",
  "password.reset.requestNew": "重新获取链接",
  "password.reset.done": "新密码已设置，请使用新密码登录。",
  "errors.reset-link-invalid": "此链接无效：它已被使用、已过期（链接有效期 30 分钟）或已被修改。",
  "password.email.subject": "重置密码",
  "password.email.body": "有人（希望是您）申请重置 {email} 的密码。\n\n请在 30 分钟内打开以下链接设置新密码，该链接只能使用一次：\n{link}\n\n如果不是您本人操作，请忽略此邮件，您的密码不会改变。",
  "messages.kind.password-reset.title": "已申请重置密码",
  "messages.kind.password-reset.body": "重置密码的链接已发送到您的邮箱。如果不是您本人操作，请忽略，您的密码不会改变。",

  "errors.voucher-expired": "代金券 {voucher} 已过期（有效期至 {date}）。请选择其他代金券或不使用代金券。未扣任何费用。",
  "errors.voucher-wrong-product": "代金券 {voucher} 不适用于{product}。请选择其他代金券或不使用代金券。未扣任何费用。",
};
