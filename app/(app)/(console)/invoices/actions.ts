"use server";

import { revalidatePath } from "next/cache";
import type { InvoiceFormState } from "@/components/invoices/form-state";
import { defineAction } from "@/lib/actions/define";
import { requestInvoice, requestReversal } from "@/lib/invoices/request";
import { invoiceRequestInput, reversalInput, titleInput } from "@/lib/invoices/schemas";
import { addTitle } from "@/lib/invoices/titles";

const failed = ({ error, field, params }: { error: string; field?: string; params?: Record<string, string | number> }): InvoiceFormState => ({ error, field, params });
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export const addTitleAction = defineAction({
  name: "invoices#addTitleAction",
  audience: "customer",
  writes: true,
  input: titleInput,
  from: (_prev: InvoiceFormState, formData: FormData) => ({
    companyName: text(formData, "companyName") ?? "",
    taxId: text(formData, "taxId") ?? "",
    address: text(formData, "address"),
    phone: text(formData, "phone"),
    bankName: text(formData, "bankName"),
    bankAccount: text(formData, "bankAccount"),
  }),
  invalid: (field) => ({ error: `invoice-title-${field || "companyName"}`, field }),
  fail: failed,
  run: async ({ ctx, input }): Promise<InvoiceFormState> => {
    await addTitle({ ctx, input });
    revalidatePath("/invoices");
    return { done: true };
  },
});

export const requestInvoiceAction = defineAction({
  name: "invoices#requestInvoiceAction",
  audience: "customer",
  writes: true,
  input: invoiceRequestInput,
  from: (_prev: InvoiceFormState, formData: FormData) => {
    const basis = text(formData, "basis");
    return {
      titleId: text(formData, "titleId") ?? "",
      type: text(formData, "type"),
      basis,
      month: basis === "month" ? text(formData, "month") : undefined,
      amount: basis === "month" ? text(formData, "amount") : undefined,
      orderIds: basis === "orders" ? formData.getAll("orderIds").map(String) : undefined,
      email: text(formData, "email") ?? "",
    };
  },
  invalid: (field) => ({ error: `invoice-request-${field.split(".")[0] || "input"}`, field: field.split(".")[0] }),
  fail: failed,
  run: async ({ ctx, input }): Promise<InvoiceFormState> => {
    await requestInvoice({ ctx, input });
    revalidatePath("/invoices");
    return { done: true };
  },
});

export const requestReversalAction = defineAction({
  name: "invoices#requestReversalAction",
  audience: "customer",
  writes: true,
  input: reversalInput,
  from: (_prev: InvoiceFormState, formData: FormData) => ({ invoiceId: text(formData, "invoiceId") ?? "", reason: text(formData, "reason") ?? "" }),
  invalid: (field) => (field === "reason" ? { error: "invoice-reversal-reason", field } : { error: "invoice-not-found" }),
  fail: failed,
  run: async ({ ctx, input }): Promise<InvoiceFormState> => {
    await requestReversal({ ctx, input });
    revalidatePath("/invoices");
    return { done: true };
  },
});
