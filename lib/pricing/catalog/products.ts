/**
 * SPEC §2: the four products and their sixteen APIs. The ids are the contract shared by the
 * console, its database, its HTTP API and the quote command. Array order is catalog order:
 * bill lines and quote lines are listed in it.
 */
export const PRODUCT_IDS = ["scan", "recognition", "processing", "body"] as const;
export type ProductId = (typeof PRODUCT_IDS)[number];

export const API_IDS = [
  "scan.code-recognition",
  "scan.barcode-lookup",
  "recognition.product",
  "recognition.product-wechat",
  "recognition.vehicle",
  "recognition.vehicle-enhanced",
  "recognition.seal",
  "recognition.pet",
  "recognition.chef-attire",
  "recognition.safety-attributes",
  "processing.quality",
  "processing.crop",
  "processing.enhance",
  "body.detection",
  "body.library",
  "body.search",
] as const;
export type ApiId = (typeof API_IDS)[number];

export interface Product {
  readonly id: ProductId;
  readonly name: string;
  readonly nameZh: string;
}

export interface Api {
  readonly id: ApiId;
  readonly product: ProductId;
  readonly name: string;
  readonly nameZh: string;
}

export const PRODUCTS: readonly Product[] = [
  { id: "scan", name: "QR & barcode scanning", nameZh: "智能扫码" },
  { id: "recognition", name: "Image recognition", nameZh: "图像识别" },
  { id: "processing", name: "Image processing", nameZh: "图像处理" },
  { id: "body", name: "Body analysis", nameZh: "人体分析" },
];

export const APIS: readonly Api[] = [
  { id: "scan.code-recognition", product: "scan", name: "QR and barcode recognition", nameZh: "二维码和条形码识别" },
  { id: "scan.barcode-lookup", product: "scan", name: "Barcode lookup", nameZh: "条码信息查询" },
  { id: "recognition.product", product: "recognition", name: "Product recognition", nameZh: "商品识别" },
  { id: "recognition.product-wechat", product: "recognition", name: "Product recognition (WeChat)", nameZh: "商品识别-微信识物版" },
  { id: "recognition.vehicle", product: "recognition", name: "Vehicle recognition", nameZh: "车辆识别" },
  { id: "recognition.vehicle-enhanced", product: "recognition", name: "Vehicle recognition (enhanced)", nameZh: "车辆识别（增强版）" },
  { id: "recognition.seal", product: "recognition", name: "Seal recognition", nameZh: "文件封识别" },
  { id: "recognition.pet", product: "recognition", name: "Pet recognition", nameZh: "宠物识别" },
  { id: "recognition.chef-attire", product: "recognition", name: "Chef attire recognition", nameZh: "厨师穿戴识别" },
  { id: "recognition.safety-attributes", product: "recognition", name: "Safety attribute recognition", nameZh: "安全属性识别" },
  { id: "processing.quality", product: "processing", name: "Image quality assessment", nameZh: "图像质量评估" },
  { id: "processing.crop", product: "processing", name: "Smart crop", nameZh: "智能裁剪" },
  { id: "processing.enhance", product: "processing", name: "Image clarity enhancement", nameZh: "图像清晰度增强" },
  { id: "body.detection", product: "body", name: "Body detection and attributes", nameZh: "人体检测与属性分析" },
  { id: "body.library", product: "body", name: "Body library management", nameZh: "人体库管理" },
  { id: "body.search", product: "body", name: "Body search", nameZh: "人体搜索" },
];

const API_BY_ID = new Map<string, Api>(APIS.map((api) => [api.id, api]));
const CATALOG_INDEX = new Map<string, number>(API_IDS.map((id, index) => [id, index]));

export function isApiId(value: string): value is ApiId {
  return API_BY_ID.has(value);
}

export function apiById(id: ApiId): Api {
  const api = API_BY_ID.get(id);
  if (!api) throw new Error(`catalog has no API ${id}`);
  return api;
}

export function productOfApi(id: ApiId): ProductId {
  return apiById(id).product;
}

/** Position in catalog order, for sorting lines. */
export function catalogIndex(id: ApiId): number {
  return CATALOG_INDEX.get(id) ?? Number.MAX_SAFE_INTEGER;
}
