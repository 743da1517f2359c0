export const overview = {
  "overview.title": "Overview",
  "overview.welcome": "Welcome, {name}",
  "overview.accountStatus": "Account status",
  "overview.status.active": "Active",
  "overview.status.arrears": "In arrears",
  "overview.status.suspended": "Suspended",
  "overview.status.disabled": "Disabled",
  "overview.accountId": "Account ID",
  "overview.memberSince": "Customer since",
  "overview.gettingStarted": "Getting started",
  "overview.gettingStarted.calculator": "Estimate a month's bill with the price calculator.",
  "overview.products": "Services",
} as const;
