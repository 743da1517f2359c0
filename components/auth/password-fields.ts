import type { PasswordField } from "./password-form";

/** The change-password form's fields, the same for customers (/change-password) and staff (/staff/change-password). */
export const CHANGE_PASSWORD_FIELDS: PasswordField[] = [
  { name: "currentPassword", label: "password.field.current", type: "password", autoComplete: "current-password" },
  { name: "newPassword", label: "password.field.new", type: "password", autoComplete: "new-password", hint: "auth.field.passwordHint" },
];
