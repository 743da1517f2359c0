import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { now } from "@/lib/clock";
import { ServiceError } from "@/lib/context";
import { signInInput } from "@/lib/identity/schemas";
import { verifySignIn, type SignInAudience } from "@/lib/identity/sign-in";
import { clientIp } from "./client-ip";
import { resolveAuthSecret } from "@/lib/security/secret";
import { tokenIsCurrent } from "./session-version";
import "./types";

/** Carries a service error code to the sign-in form; the codes say nothing about which part was wrong. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function credentialsProvider(audience: SignInAudience) {
  return Credentials({
    id: audience,
    credentials: { email: {}, password: {} },
    async authorize(credentials, request) {
      const parsed = signInInput.safeParse(credentials);
      if (!parsed.success) throw new SignInRefused("invalid-credentials");
      try {
        const user = await verifySignIn({
          ctx: { db: await getDb(), actor: { type: "anonymous" }, now: now() },
          input: parsed.data,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
          audience,
        });
        return { id: user.userId, email: user.email, name: user.name, role: user.role, accountId: user.accountId, memberRole: user.memberRole, sessionVersion: user.sessionVersion };
      } catch (error) {
        // "throttled:12": the code travels as a string; the form says how many minutes to wait.
        if (error instanceof ServiceError) throw new SignInRefused(error.code === "throttled" ? `throttled:${error.params.minutes}` : error.code);
        throw error;
      }
    },
  });
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (recorded in sign_in_attempts), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  providers: [credentialsProvider("customer"), credentialsProvider("staff")],
  callbacks: {
    // A fresh token is minted at every sign-in, so a session never outlives a change of user.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.accountId = user.accountId ?? null;
        token.mr = user.memberRole ?? null;
        token.sv = user.sessionVersion ?? 0;
        return token;
      }
      // Every later request: a token from before a sign-out or password change is refused (null ends the session).
      return (await tokenIsCurrent(await getDb(), token)) ? token : null;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.accountId = token.accountId ?? null;
        session.user.memberRole = token.role === "customer" ? (token.mr ?? "owner") : null;
      }
      return session;
    },
  },
});
