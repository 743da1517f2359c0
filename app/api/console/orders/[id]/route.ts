import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { customerRouteContext, liveJson } from "@/lib/live/session";
import { orderStatusJson } from "@/lib/live/server";

/** GET: one of the signed-in customer's orders, live (issue 20). A malformed id or another account's order is a 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<NextResponse> {
  const ctx = await customerRouteContext(request);
  if (ctx instanceof NextResponse) return ctx;
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return NextResponse.json({ error: "not-found" }, { status: 404 });
  const order = await orderStatusJson(ctx, id.data);
  if (!order) return NextResponse.json({ error: "not-found" }, { status: 404 });
  return liveJson(order);
}
