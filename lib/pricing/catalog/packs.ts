import type { ApiId } from "./products";

/**
 * SPEC §2.4: prepaid resource packs. A pack id is the API id, ":" and the size label
 * (`scan.code-recognition:10k`, `recognition.vehicle-enhanced:2.5m`). Packs are valid one
 * year from delivery (PACK_VALIDITY_YEARS). No other API sells packs.
 */
export interface PackSpec {
  readonly id: string;
  readonly api: ApiId;
  readonly sizeLabel: string;
  readonly calls: number;
  readonly price: string;
}

export const PACK_VALIDITY_YEARS = 1;

type Offer = readonly [sizeLabel: string, calls: number, price: string];

function packsOf(api: ApiId, offers: readonly Offer[]): PackSpec[] {
  return offers.map(([sizeLabel, calls, price]) => ({ id: `${api}:${sizeLabel}`, api, sizeLabel, calls, price }));
}

const BODY_OFFERS: readonly Offer[] = [
  ["10k", 10_000, "18"],
  ["100k", 100_000, "190"],
  ["1m", 1_000_000, "1800"],
  ["10m", 10_000_000, "17000"],
];

export const PACKS: readonly PackSpec[] = [
  ...packsOf("scan.code-recognition", [
    ["1k", 1_000, "100"],
    ["10k", 10_000, "800"],
    ["100k", 100_000, "5000"],
    ["1m", 1_000_000, "30000"],
    ["10m", 10_000_000, "100000"],
  ]),
  // Reading BARCODE_PACKS_FROM_EXAMPLES (readings.ts): the only barcode-lookup prices
  // published are those in the document's worked examples.
  ...packsOf("scan.barcode-lookup", [
    ["1k", 1_000, "50"],
    ["100k", 100_000, "2500"],
  ]),
  ...packsOf("recognition.vehicle-enhanced", [
    ["10k", 10_000, "730"],
    ["100k", 100_000, "7000"],
    ["1m", 1_000_000, "65000"],
    ["2.5m", 2_500_000, "105000"],
    ["5m", 5_000_000, "160000"],
    ["15m", 15_000_000, "450000"],
    ["50m", 50_000_000, "1250000"],
  ]),
  ...packsOf("body.detection", BODY_OFFERS),
  ...packsOf("body.library", BODY_OFFERS),
  ...packsOf("body.search", BODY_OFFERS),
];

const PACK_BY_ID = new Map<string, PackSpec>(PACKS.map((pack) => [pack.id, pack]));

export function packSpecById(id: string): PackSpec | undefined {
  return PACK_BY_ID.get(id);
}
