/**
 * Every server action module ("use server" file) of the app. An action built with `defineAction`
 * declares its audience, whether it writes and its roles itself; this list is how the tests find
 * them all (app/action-manifest.test.ts fails when a "use server" file is missing here, and runs
 * the impersonation refusal and the IDOR matrix over every listed action, so a new action is covered
 * without a new test).
 *
 * `declared` describes the one module not built with `defineAction`: the sign-in and sign-up forms,
 * which run before there is a session (throttled and audited in lib/identity). It is listed so the
 * manifest stays complete.
 */
export interface UndeclaredModule {
  audience: "public" | "customer" | "staff";
  writes: boolean;
  exports: readonly string[];
  why: string;
}

export const actionModules: Record<string, { load: () => Promise<Record<string, unknown>> } | { declared: UndeclaredModule }> = {
  "app/(app)/(auth)/invite/actions.ts": { load: () => import("./(app)/(auth)/invite/actions") },
  "app/(app)/(auth)/password-actions.ts": { load: () => import("./(app)/(auth)/password-actions") },
  "app/(app)/(console)/alerts/actions.ts": { load: () => import("./(app)/(console)/alerts/actions") },
  "app/(app)/(console)/api-keys/actions.ts": { load: () => import("./(app)/(console)/api-keys/actions") },
  "app/(app)/(console)/balance/actions.ts": { load: () => import("./(app)/(console)/balance/actions") },
  "app/(app)/(console)/budgets/actions.ts": { load: () => import("./(app)/(console)/budgets/actions") },
  "app/(app)/(console)/change-password/actions.ts": { load: () => import("./(app)/(console)/change-password/actions") },
  "app/(app)/(console)/checkout/actions.ts": { load: () => import("./(app)/(console)/checkout/actions") },
  "app/(app)/(console)/orders/actions.ts": { load: () => import("./(app)/(console)/orders/actions") },
  "app/(app)/(console)/invoices/actions.ts": { load: () => import("./(app)/(console)/invoices/actions") },
  "app/(app)/(console)/members/actions.ts": { load: () => import("./(app)/(console)/members/actions") },
  "app/(app)/(console)/messages/actions.ts": { load: () => import("./(app)/(console)/messages/actions") },
  "app/(app)/(console)/packs/actions.ts": { load: () => import("./(app)/(console)/packs/actions") },
  "app/(app)/(console)/profile/actions.ts": { load: () => import("./(app)/(console)/profile/actions") },
  "app/(app)/(console)/qps/actions.ts": { load: () => import("./(app)/(console)/qps/actions") },
  "app/(app)/(console)/sdk/actions.ts": { load: () => import("./(app)/(console)/sdk/actions") },
  "app/(app)/(console)/security/actions.ts": { load: () => import("./(app)/(console)/security/actions") },
  "app/(app)/(console)/services/actions.ts": { load: () => import("./(app)/(console)/services/actions") },
  "app/(app)/(support)/staff/actions.ts": { load: () => import("./(app)/(support)/staff/actions") },
  "app/actions/locale.ts": { load: () => import("./actions/locale") },
  "app/actions/session.ts": { load: () => import("./actions/session") },
  "app/actions/support-view.ts": { load: () => import("./actions/support-view") },
  "app/(app)/(auth)/actions.ts": {
    declared: {
      audience: "public",
      writes: true,
      exports: ["signInCustomerAction", "signInStaffAction", "signUpAction"],
      why: "sign-in and sign-up run before there is a session; throttled and audited in lib/identity",
    },
  },
  "app/(app)/(auth)/staff/change-password/actions.ts": { load: () => import("./(app)/(auth)/staff/change-password/actions") },
  "app/(app)/sandbox/checkout/[orderId]/actions.ts": { load: () => import("./(app)/sandbox/checkout/[orderId]/actions") },
};
