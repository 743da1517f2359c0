import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** SPEC §6: an account's state. `disabled` is set by staff for a content violation. */
export const accountStatuses = ["active", "arrears", "suspended", "disabled"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** Customers own one account each; staff (support, admin) own none. SPEC §8. */
export const userRoles = ["customer", "support", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * A customer user's role in their account (issue 21). Fixed; what each may do is declared once in
 * lib/identity/roles.ts and written down in docs/roles.md. Staff users have none.
 */
export const memberRoles = ["owner", "finance", "developer", "read-only"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    status: text("status", { enum: accountStatuses }).notNull().default("active"),
    arrearsSince: timestamp("arrears_since", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The profile's contact phone (issue 11); the company name is `name`. */
    contactPhone: text("contact_phone"),
  },
  (t) => [
    check("accounts_status_check", sql`${t.status} in ('active','arrears','suspended','disabled')`),
    index("accounts_name_idx").on(t.name),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased so that sign-in and uniqueness ignore case. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    accountId: uuid("account_id").references(() => accounts.id),
    /** The member's role in `accountId` (customers only); a change or a removal bumps `sessionVersion`. */
    memberRole: text("member_role", { enum: memberRoles }),
    /** A staff user created by `ops create-staff` must change the one-time password; kept for the later staff issue. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /**
     * Carried in every session token and compared on every request: signing out or changing the
     * password bumps it, so every token minted before stops working at once (issue 9 item 8).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /**
     * Set when an owner removed this member (issue 21 item 3). The row stays so the audit trail and
     * the keys they created still name them; its email is released (replaced by an unusable one) so
     * the person can be invited again, and it can no longer sign in.
     */
    removedAt: timestamp("removed_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    check("users_role_check", sql`${t.role} in ('customer','support','admin')`),
    // A customer always has an account; staff never do.
    check("users_account_matches_role", sql`(${t.role} = 'customer') = (${t.accountId} is not null)`),
    index("users_account_idx").on(t.accountId),
    check("users_member_role_check", sql`${t.memberRole} in ('owner','finance','developer','read-only')`),
    // Every customer is a member with a role (the data migration made every existing login an owner).
    check("users_member_role_matches_role", sql`(${t.role} = 'customer') = (${t.memberRole} is not null)`),
  ],
);

/**
 * An owner's invitation to join their account (issue 21 item 1). The link carries the id and an
 * HMAC of it; the row makes it single-use (`accepted_at`, set by a conditional update), revocable
 * and expiring (7 days). One open invitation per account and email.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    /** Lower-cased, as users.email. */
    email: text("email").notNull(),
    role: text("role", { enum: memberRoles }).notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("invitations_account_idx").on(t.accountId, t.createdAt),
    uniqueIndex("invitations_one_open").on(t.accountId, t.email).where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check("invitations_role_check", sql`${t.role} in ('owner','finance','developer','read-only')`),
  ],
);

/** Failed and successful sign-ins, for throttling (shared across server instances through the database). */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    /** The browser's User-Agent (≤ 500 characters), for the customer's security events ("Chrome on macOS"); null before it was kept. */
    userAgent: text("user_agent"),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);
