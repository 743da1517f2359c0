export const messaging = {
  "messages.kind.pack-low.title": "Pack running low: {pack}",
  "messages.kind.pack-low.body": "Your {pack} pack has {remaining} calls left ({percent}% of {size}), below your {threshold}% alert threshold. Buy another pack to avoid postpaid charges.",
  "messages.kind.pack-exhausted.title": "Pack used up: {pack}",
  "messages.kind.pack-exhausted.body": "Your {pack} pack of {size} calls is used up. Further calls draw from your other packs, or are billed postpaid.",
  "messages.kind.arrears.title": "Your account is in arrears",
  "messages.kind.arrears.body": "Your balance is {balance} after the bill for {month}. Top up by {deadline} (Beijing time) to keep your services running.",
  "messages.kind.suspended.title": "Your services are suspended",
  "messages.kind.suspended.body": "Your balance stayed negative ({balance}) for 24 hours, so your APIs refuse calls. Top up to restore them at once.",
  "messages.kind.restored.title": "Your services are restored",
  "messages.kind.restored.body": "Your balance is back to {balance}; your account is active again.",
  "messages.kind.refund-rejected.title": "Refund request rejected",
  "messages.kind.refund-rejected.body": "Your refund request for {pack} was rejected: {reason}",
} as const;
