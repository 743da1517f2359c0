import { z } from "zod";
import { consoleRouteContext } from "@/lib/auth/console-route";
import { NotFoundError } from "@/lib/context";
import { forbiddenRoleResponse } from "@/lib/exports/csv-response";
import { invoicePdf } from "@/lib/invoices/files";

/** An issued invoice's PDF, for its own account (or a support view of it) only; any other id is a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const id = z.uuid().safeParse((await params).invoiceId);
  if (!id.success) return new Response("not found", { status: 404 });
  const ctx = await consoleRouteContext(request, "download");
  if (!ctx) return new Response("sign in required", { status: 401 });
  if (ctx === "forbidden-role") return forbiddenRoleResponse();
  try {
    const file = await invoicePdf({ ctx, input: { invoiceId: id.data } });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="invoice-${file.number}.pdf"`,
        "cache-control": "private, no-store",
        "x-content-sha256": file.sha256,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("not found", { status: 404 });
    throw error;
  }
}
