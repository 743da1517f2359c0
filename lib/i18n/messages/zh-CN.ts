import type { MessageKey } from "./en";
import { auth } from "./zh-CN/auth";
import { calculator } from "./zh-CN/calculator";
import { common } from "./zh-CN/common";
import { inbox } from "./zh-CN/inbox";
import { messaging } from "./zh-CN/messaging";
import { overview } from "./zh-CN/overview";
import { support } from "./zh-CN/support";
import { wallet } from "./zh-CN/wallet";
import { packs } from "./zh-CN/packs";
import { checkout } from "./zh-CN/checkout";
import { quota } from "./zh-CN/quota";
import { usage } from "./zh-CN/usage";
import { bills } from "./zh-CN/bills";
import { names } from "./zh-CN/names";
import { prices } from "./zh-CN/prices";

export const zhCN: Record<MessageKey, string> = { ...common, ...calculator, ...auth, ...overview, ...support, ...wallet, ...packs, ...checkout, ...quota, ...inbox, ...messaging, ...usage, ...bills, ...names, ...prices };
