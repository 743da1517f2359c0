import { apiKeyContext } from "@/lib/metering/http";
import { listPacks } from "@/lib/packs/list";
import { packJson } from "@/lib/packs/pack-json";

/** API.md §1 `GET /api/v1/packs`: the key's own account's packs, newest first, status at the server's now. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await apiKeyContext(request, "read");
  if (ctx instanceof Response) return ctx;
  const packs = await listPacks({ ctx });
  return Response.json({ packs: packs.map((pack) => packJson(pack, ctx.now)) });
}
