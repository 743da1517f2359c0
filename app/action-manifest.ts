/**
 * Every server action module ("use server" file) of the app. An action built with `defineAction`
 * declares its audience, whether it writes and its roles itself; this list is how the tests find
 * them all (lib/actions/manifest.test.ts fails when a "use server" file is missing here, and runs
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
  "app/(auth)/password-actions.ts": { load: () => import("./(auth)/password-actions") },
  "app/(console)/alerts/actions.ts": { load: () => import("./(console)/alerts/actions") },
  "app/(console)/api-keys/actions.ts": { load: () => import("./(console)/api-keys/actions") },
  "app/(console)/balance/actions.ts": { load: () => import("./(console)/balance/actions") },
  "app/(console)/budgets/actions.ts": { load: () => import("./(console)/budgets/actions") },
  "app/(console)/change-password/actions.ts": { load: () => import("./(console)/change-password/actions") },
  "app/(console)/checkout/actions.ts": { load: () => import("./(console)/checkout/actions") },
  "app/(console)/messages/actions.ts": { load: () => import("./(console)/messages/actions") },
  "app/(console)/packs/actions.ts": { load: () => import("./(console)/packs/actions") },
  "app/(console)/profile/actions.ts": { load: () => import("./(console)/profile/actions") },
  "app/(console)/qps/actions.ts": { load: () => import("./(console)/qps/actions") },
  "app/(console)/sdk/actions.ts": { load: () => import("./(console)/sdk/actions") },
  "app/(console)/security/actions.ts": { load: () => import("./(console)/security/actions") },
  "app/(console)/services/actions.ts": { load: () => import("./(console)/services/actions") },
  "app/(support)/staff/actions.ts": { load: () => import("./(support)/staff/actions") },
  "app/actions/locale.ts": { load: () => import("./actions/locale") },
  "app/actions/session.ts": { load: () => import("./actions/session") },
  "app/(auth)/actions.ts": {
    declared: {
      audience: "public",
      writes: true,
      exports: ["signInCustomerAction", "signInStaffAction", "signUpAction"],
      why: "sign-in and sign-up run before there is a session; throttled and audited in lib/identity",
    },
  },
  "app/(auth)/staff/change-password/actions.ts": { load: () => import("./(auth)/staff/change-password/actions") },
  "app/sandbox/checkout/[orderId]/actions.ts": { load: () => import("./sandbox/checkout/[orderId]/actions") },
};
