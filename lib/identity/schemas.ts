import { z } from "zod";

export const emailSchema = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "email is too long" })
  .pipe(z.email({ error: "email is not a valid address" }));

export const newPasswordSchema = z
  .string({ error: "password is required" })
  .min(8, { error: "password must be at least 8 characters" })
  .max(200, { error: "password must be at most 200 characters" });

export const signUpInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  company: z.string().trim().min(1, { error: "company is required" }).max(100, { error: "company is too long" }),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailSchema,
  // No length rule beyond a ceiling: a wrong password must get the generic answer, not a hint.
  password: z.string({ error: "password is required" }).min(1, { error: "password is required" }).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;

export const staffRoleSchema = z.enum(["support", "admin"], { error: "role must be support or admin" });

export const changePasswordInput = z.object({
  currentPassword: z.string({ error: "currentPassword is required" }).min(1, { error: "currentPassword is required" }).max(200),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const forgotPasswordInput = z.object({ email: emailSchema });

export const resetPasswordInput = z.object({
  token: z.string({ error: "token is required" }).min(1).max(1000),
  newPassword: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
