export const support = {
  "staff.home.title": "Customer accounts",
  "staff.home.subtitle": "Find an account by email, company name or account ID.",
  "staff.search.placeholder": "Email, company or account ID",
  "staff.search.submit": "Search",
  "staff.col.company": "Company",
  "staff.col.email": "Email",
  "staff.col.status": "Status",
  "staff.col.created": "Created",
  "staff.col.accountId": "Account ID",
  "staff.empty": "No accounts match.",
  "staff.emptyAll": "No customer accounts yet.",
  "staff.count": "{count, plural, one {# account shown} other {# accounts shown}}",
} as const;
