import "server-only";
import type { z } from "zod";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import type { Actor, ServiceContext } from "@/lib/context";
import { actorOf } from "@/lib/context/actor";
import { ServiceError, type ErrorParams } from "@/lib/context/errors";
import { fieldErrorsOf } from "./field-rules";
import { submittedValues, type FieldError, type FormState } from "./form-state";
import { recordRefusedWrite } from "./refused-writes";
import { mayRun } from "@/lib/identity/roles";
import { currentViewer, type Viewer } from "./viewer";

export type Audience = "public" | "customer" | "staff";
export type StaffRole = "support" | "admin";

/** What an action declares about itself; the action manifest and its generated tests read this. */
export interface ActionMeta {
  /** `module#export`, as listed in the action manifest. */
  name: string;
  audience: Audience;
  /** Changes data (or money). Every writing action is refused to a support view, before any service runs. */
  writes: boolean;
  /** Staff actions: the roles allowed (default both). Declared here once, checked again by the service. */
  roles?: readonly StaffRole[];
  /** The one kind of write a support view may make: ending itself. */
  allowedWhileViewing?: boolean;
  /**
   * `not-found`: the action answers every refusal with a 404 (a signed-out visitor with a redirect to
   * sign-in), like the page that names its object in the URL — whose existence it must not reveal.
   */
  refusal?: "not-found";
  /** Staff actions: the one allowed while the one-time password is unchanged (changing it). */
  allowedBeforePasswordChange?: boolean;
}

export interface Failure {
  error: string;
  params?: ErrorParams;
  field?: string;
  /** Every refused field with the rule it broke (zod's issues, or the service's field error). */
  fieldErrors?: Record<string, FieldError>;
}

const registry = new WeakMap<object, ActionMeta>();

/** The declared meta of a server action built by `defineAction` (undefined for anything else). */
export function actionMeta(action: unknown): ActionMeta | undefined {
  return typeof action === "function" ? registry.get(action) : undefined;
}

/**
 * Decides who may run an action, from the session only. Returns the actor to run as, or why not.
 * This is the first guard; services check again (`assertCanWrite`, `assertStaff`).
 */
export function gate(meta: ActionMeta, viewer: Viewer): { actor: Actor } | Failure {
  if (meta.audience === "public") {
    if (viewer.kind === "impersonation" && meta.writes && !meta.allowedWhileViewing) return { error: "read-only-impersonation" };
    return { actor: viewer.kind === "customer" ? actorOf(viewer) : { type: "anonymous" } };
  }
  if (viewer.kind === "anonymous") return { error: "sign-in-required" };
  if (viewer.kind === "impersonation" && meta.writes && !meta.allowedWhileViewing) return { error: "read-only-impersonation" };
  if (meta.audience === "customer") {
    // The role matrix (lib/identity/roles.ts): a member whose role may not run this action is refused
    // here, before the input is parsed and before any service runs. A support view sees the account
    // as its owner does; its writes were refused just above.
    if (viewer.kind === "customer" && !mayRun(viewer.memberRole, meta.name)) return { error: "forbidden-role" };
    if (viewer.kind === "customer" || viewer.kind === "impersonation") return { actor: actorOf(viewer) };
    return { error: "forbidden" };
  }
  if (viewer.kind === "customer") return { error: "staff-only" };
  if (!(meta.roles ?? ["support", "admin"]).includes(viewer.role)) return { error: "staff-only" };
  if (viewer.kind === "staff" && viewer.mustChangePassword && !meta.allowedBeforePasswordChange) return { error: "password-change-required" };
  if (meta.allowedWhileViewing && viewer.kind === "impersonation") return { actor: actorOf(viewer) };
  return { actor: actorOf({ kind: "staff", userId: viewer.userId, role: viewer.role }) };
}

export interface ActionDefinition<Args extends unknown[], Input, R> extends ActionMeta {
  /** The input's schema: zod names the field at fault. */
  input: z.ZodType<Input>;
  /** Turns the action's arguments (a FormData, plain values) into what `input` parses. */
  from: (...args: Args) => unknown;
  /** The refusal for input that does not parse; default `invalid-field` naming the field. */
  invalid?: (field: string) => Failure;
  /** Shapes a refusal as this action's result type (its form state). */
  fail: (failure: Failure, ...args: Args) => R;
  run: (call: { ctx: ServiceContext; input: Input; viewer: Viewer }) => Promise<R>;
}

/**
 * The one way a server action is built (issue 9): session → gate (audience, role, read-only support
 * view) → zod → one service call → typed errors mapped to a result the form shows through
 * `errors.<code>`. Any other error is rethrown (Next's redirect passes; a raw message never reaches
 * the user).
 */
export function defineAction<Args extends unknown[], Input, R>(def: ActionDefinition<Args, Input, R>): (...args: Args) => Promise<R> {
  const meta: ActionMeta = { name: def.name, audience: def.audience, writes: def.writes, roles: def.roles, allowedWhileViewing: def.allowedWhileViewing, allowedBeforePasswordChange: def.allowedBeforePasswordChange, refusal: def.refusal };
  const action = async (...args: Args): Promise<R> => {
    const viewer = await currentViewer();
    const allowed = gate(meta, viewer);
    if (!("actor" in allowed)) {
      // The customer's access log lists what a support view tried and was refused (issue 19 item 7).
      if (viewer.kind === "impersonation" && allowed.error === "read-only-impersonation") await recordRefusedWrite(viewer, meta.name);
      return failed(allowed, args);
    }
    const parsed = def.input.safeParse(def.from(...args));
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.map(String).join(".") ?? "";
      const fieldErrors = fieldErrorsOf(parsed.error.issues, def.invalid);
      const first = def.invalid ? def.invalid(field) : { error: "invalid-field", field };
      // The generic "check this field" gives way to the rule the field broke.
      const rule = first.error === "invalid-field" && first.field !== undefined ? fieldErrors[first.field.split(".")[0] ?? ""] : undefined;
      return failed({ ...first, ...(rule ? { error: rule.error, params: rule.params } : {}), fieldErrors }, args);
    }
    const ctx: ServiceContext = { db: await getDb(), actor: allowed.actor, now: now() };
    try {
      return await def.run({ ctx, input: parsed.data, viewer });
    } catch (error) {
      if (error instanceof ServiceError) {
        const fieldErrors = error.field ? { [error.field.split(".")[0] ?? error.field]: { error: error.code, params: error.params } } : undefined;
        return failed({ error: error.code, params: error.params, field: error.field, fieldErrors }, args);
      }
      throw error;
    }
  };
  /**
   * A refusal as the action's result. A form's action (`(state, formData)`) also gets back what was
   * typed and every field's rule (issue 19 item 4), whatever its own `fail` keeps: one place, so no
   * form can forget it.
   */
  const failed = (failure: Failure, args: Args): R => {
    const result = def.fail(failure, ...args);
    const formData = args[1];
    if (formData instanceof FormData && result !== null && typeof result === "object") {
      const state = result as FormState;
      state.values = submittedValues(formData);
      if (failure.fieldErrors && !state.fieldErrors) state.fieldErrors = failure.fieldErrors;
    }
    return result;
  };
  registry.set(action, Object.freeze(meta));
  return action;
}

/** FormData field as a string, or undefined when absent or empty. */
export function optionalField(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}
