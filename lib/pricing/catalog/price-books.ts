import type { ApiId } from "./products";

/**
 * SPEC §2.1–2.2: the price books, the months they cover, which APIs each offers, and the
 * monthly free quotas. Postpaid prices are the same in every book (SPEC §2.3, last line),
 * so they live in postpaid-tiers.ts, not here.
 */
export const PRICE_BOOK_IDS = ["2022-09", "2022-11", "2023-12"] as const;
export type PriceBookId = (typeof PRICE_BOOK_IDS)[number];

/**
 * A monthly free pack (SPEC §2.2). Most cover one API; book 2022-09 has one pool shared by
 * the two vehicle APIs ("共享10000次/月").
 */
export interface FreePool {
  readonly id: string;
  readonly apis: readonly ApiId[];
  readonly callsPerMonth: number;
}

export interface PriceBook {
  readonly id: PriceBookId;
  /** First month in force (a book takes effect on the 1st of its month). */
  readonly fromMonth: string;
  /** Last month in force, inclusive; null for the current book. */
  readonly toMonth: string | null;
  /** APIs that exist in this book, in catalog order. */
  readonly apis: readonly ApiId[];
  readonly freePools: readonly FreePool[];
  /** SPEC §7.4: the month's postpaid amount is frozen as an estimate of the next. */
  readonly estimateFreeze: boolean;
}

const SCAN_APIS: readonly ApiId[] = ["scan.code-recognition", "scan.barcode-lookup"];
const RECOGNITION_2022_APIS: readonly ApiId[] = [
  "recognition.product",
  "recognition.product-wechat",
  "recognition.vehicle",
  "recognition.vehicle-enhanced",
  "recognition.seal",
];
const RECOGNITION_2023_APIS: readonly ApiId[] = [
  ...RECOGNITION_2022_APIS,
  "recognition.pet",
  "recognition.chef-attire",
  "recognition.safety-attributes",
];
// processing.enhance is billed from 2022-09-01 (free public beta until 2022-08-31), the
// first month any book covers, so it is in every book.
const PROCESSING_APIS: readonly ApiId[] = ["processing.quality", "processing.crop", "processing.enhance"];
const BODY_APIS: readonly ApiId[] = ["body.detection", "body.library", "body.search"];

function single(api: ApiId, callsPerMonth: number): FreePool {
  return { id: api, apis: [api], callsPerMonth };
}

/**
 * scan and body have one known edition (their 2024-12 documents), used for every month.
 * scan.barcode-lookup has no monthly free pack: its 50 calls are a one-time grant
 * (one-time.ts), so it has no pool here.
 */
const SCAN_AND_BODY_POOLS: readonly FreePool[] = [
  single("scan.code-recognition", 1_000),
  single("body.detection", 1_000),
  single("body.library", 1_000),
  single("body.search", 1_000),
];

export const VEHICLE_SHARED_POOL_ID = "recognition.vehicle-shared";

export const PRICE_BOOKS: readonly PriceBook[] = [
  {
    id: "2022-09",
    fromMonth: "2022-09",
    toMonth: "2022-10",
    apis: [...SCAN_APIS, ...RECOGNITION_2022_APIS, ...PROCESSING_APIS, ...BODY_APIS],
    freePools: [
      ...SCAN_AND_BODY_POOLS,
      { id: VEHICLE_SHARED_POOL_ID, apis: ["recognition.vehicle", "recognition.vehicle-enhanced"], callsPerMonth: 10_000 },
      single("recognition.product", 10_000),
      single("recognition.product-wechat", 10_000),
      single("recognition.seal", 1_000),
      single("processing.quality", 10_000),
      single("processing.crop", 10_000),
      single("processing.enhance", 1_000),
    ],
    estimateFreeze: true,
  },
  {
    // The cut was announced for 2022-10-24, but October's free pack was already issued on
    // the 1st, so the first month of the new quotas is 2022-11 (SPEC §2.1).
    id: "2022-11",
    fromMonth: "2022-11",
    toMonth: "2023-11",
    apis: [...SCAN_APIS, ...RECOGNITION_2022_APIS, ...PROCESSING_APIS, ...BODY_APIS],
    freePools: [
      ...SCAN_AND_BODY_POOLS,
      single("recognition.vehicle", 1_000),
      single("recognition.vehicle-enhanced", 1_000),
      single("recognition.product", 1_000),
      single("recognition.product-wechat", 1_000),
      single("recognition.seal", 1_000),
      single("processing.quality", 10_000),
      single("processing.crop", 10_000),
      single("processing.enhance", 1_000),
    ],
    estimateFreeze: true,
  },
  {
    id: "2023-12",
    fromMonth: "2023-12",
    toMonth: null,
    apis: [...SCAN_APIS, ...RECOGNITION_2023_APIS, ...PROCESSING_APIS, ...BODY_APIS],
    freePools: [
      ...SCAN_AND_BODY_POOLS,
      ...RECOGNITION_2023_APIS.map((api) => single(api, 1_000)),
      single("processing.quality", 1_000),
      single("processing.crop", 1_000),
      single("processing.enhance", 1_000),
    ],
    estimateFreeze: false,
  },
];

/** The first month any book covers; earlier months cannot be quoted or billed (SPEC §2.1). */
export const FIRST_PRICED_MONTH = "2022-09";
