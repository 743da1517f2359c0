export interface InvoiceFormState {
  error?: string;
  field?: string;
  params?: Record<string, string | number>;
  done?: boolean;
}
