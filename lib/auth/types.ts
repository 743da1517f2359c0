import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      role: UserRole;
      accountId: string | null;
    } & DefaultSession["user"];
  }
  interface User {
    role?: UserRole;
    accountId?: string | null;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: UserRole;
    accountId?: string | null;
    /** The user's session version when the token was minted (lib/auth/session-version.ts). */
    sv?: number;
  }
}

export {};
