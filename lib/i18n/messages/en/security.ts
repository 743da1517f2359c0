/** Payments configuration, passwords (change, forgot, reset) and sign-in protection (issue 9, issue 11 item 13). */
export const security = {
  "payments.notConfigured.title": "Online top-up is not configured",
  "payments.notConfigured.body":
    "This console takes no online payments. To add money, make a bank transfer quoting your account ID {accountId}. When it arrives, an operator credits it to your cash balance and it appears under Transactions below.",
  "payments.sandboxBadge": "Sandbox payments",
  "payments.sandboxBadge.hint": "Top-ups on this console go through the sandbox provider: no real money moves.",
  "errors.top-up-not-configured": "Online top-up is not configured on this console. Pay by bank transfer; an operator credits it to your balance.",

  "menu.changePassword": "Change password",
  "password.change.title": "Change password",
  "password.change.description": "Changing your password signs you out on every other device.",
  "password.field.current": "Current password",
  "password.field.new": "New password",
  "password.change.submit": "Change password",
  "password.change.done": "Your password was changed. Every other session was signed out.",
  "errors.wrong-current-password": "The current password is incorrect.",

  "auth.signIn.forgot": "Forgot your password?",
  "password.forgot.title": "Reset your password",
  "password.forgot.subtitle": "Enter your account's email. We send a link to choose a new password; it works once, within 30 minutes.",
  "password.forgot.submit": "Send the link",
  "password.forgot.sent": "If an account uses {email}, a link to reset its password is on its way. It works once, within 30 minutes.",
  "password.forgot.back": "Back to sign-in",
  "password.reset.title": "Choose a new password",
  "password.reset.subtitle": "Setting it signs you out on every device.",
  "password.reset.submit": "Set the new password",
  "password.reset.invalid": "This link is not valid: it was already used, it expired (links last 30 minutes) or it was altered.",
  "password.reset.requestNew": "Ask for a new link",
  "password.reset.done": "Your new password is set. Sign in with it.",
  "errors.reset-link-invalid": "This link is not valid: it was already used, it expired (links last 30 minutes) or it was altered.",
  "password.email.subject": "Reset your password",
  "password.email.body":
    "Someone (we hope you) asked to reset the password of {email}.\n\nOpen this link within 30 minutes to choose a new password. It works once:\n{link}\n\nIf it was not you, ignore this email: your password stays as it is.",
  "messages.kind.password-reset.title": "Password reset requested",
  "messages.kind.password-reset.body": "A link to reset your password was sent to your email. If you did not ask for it, ignore it: your password stays as it is.",

  "errors.voucher-expired": "The voucher {voucher} has expired: it was valid through {date}. Choose another voucher or none. Nothing was charged.",
  "errors.voucher-wrong-product": "The voucher {voucher} does not apply to {product}. Choose another voucher or none. Nothing was charged.",
} as const;
