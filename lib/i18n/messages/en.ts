import { auth } from "./en/auth";
import { calculator } from "./en/calculator";
import { common } from "./en/common";
import { inbox } from "./en/inbox";
import { messaging } from "./en/messaging";
import { overview } from "./en/overview";
import { support } from "./en/support";
import { wallet } from "./en/wallet";
import { packs } from "./en/packs";
import { checkout } from "./en/checkout";
import { quota } from "./en/quota";
import { usage } from "./en/usage";
import { spend } from "./en/spend";
import { bills } from "./en/bills";
import { security } from "./en/security";
import { names } from "./en/names";
import { supportConsole } from "./en/support-console";
import { licenceQuotes } from "./en/licence-quotes";
import { prices } from "./en/prices";
import { params } from "./en/params";
import { accessLog } from "./en/access-log";
import { audit } from "./en/audit";
import { orders } from "./en/orders";
import { transfers } from "./en/transfers";
import { invoices } from "./en/invoices";
import { monthEdge } from "./en/month-edge";
import { members } from "./en/members";
/**
 * The English catalog, the source of the message keys. One file per domain under en/ (and zh-CN/):
 * a capability adds its own file and one line here, so catalogs grow without conflicts.
 */
export const en = { ...common, ...calculator, ...auth, ...overview, ...support, ...wallet, ...packs, ...checkout, ...quota, ...inbox, ...messaging, ...usage, ...bills, ...security, ...supportConsole, ...licenceQuotes, ...spend, ...names, ...prices, ...params, ...accessLog, ...audit, ...orders, ...transfers, ...invoices, ...monthEdge, ...members } as const;

export type MessageKey = keyof typeof en;
