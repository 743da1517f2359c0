import type { DefaultSession } from "next-auth";
import type { MemberRole, UserRole } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      role: UserRole;
      accountId: string | null;
      /** The member's role in the account (customers); null for staff. */
      memberRole: MemberRole | null;
    } & DefaultSession["user"];
  }
  interface User {
    role?: UserRole;
    accountId?: string | null;
    memberRole?: MemberRole | null;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: UserRole;
    accountId?: string | null;
    /**
     * The member's role when the token was minted. A role change bumps the session version, so a
     * token never outlives its role. Tokens from before roles existed carry none: every customer
     * then was their account's only login, which the migration made its owner.
     */
    mr?: MemberRole | null;
    /** The user's session version when the token was minted (lib/auth/session-version.ts). */
    sv?: number;
  }
}

export {};
