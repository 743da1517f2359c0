import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { apiKeys, apiKeyScopes, users, type ApiKeyScope } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ServiceError, type ServiceContext } from "@/lib/context";
import { accountOf, assertCanWrite } from "@/lib/context/access";
import { inTransaction } from "@/lib/context/transaction";
import { generateApiKeySecret, hashApiKeySecret } from "./api-key-secret";
import { keyRevocations } from "./key-revocations";

export const createApiKeyInput = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }).max(60, { error: "name must be at most 60 characters" }),
  /** What the key may call (issue 21 item 4); both when not said (the ops command, older callers). */
  scopes: z
    .array(z.enum(apiKeyScopes, { error: "scopes must be usage:write or read" }), { error: "scopes must be a list" })
    .min(1, { error: "scopes must name at least one scope" })
    .transform((list) => apiKeyScopes.filter((scope) => list.includes(scope)))
    .default([...apiKeyScopes]),
});

/** An account may hold this many live keys; enough for every gateway environment, few enough to audit. */
export const MAX_LIVE_KEYS = 20;

export interface ApiKeyRow {
  id: string;
  name: string;
  displayPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  scopes: ApiKeyScope[];
  /** The member who created it, by name (null: the ops command, or a key from before members). */
  createdBy: string | null;
}

const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  displayPrefix: apiKeys.displayPrefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  scopes: apiKeys.scopes,
};

/** Creates a key; the secret is returned this once and never again (only its hash is stored). */
export async function createApiKey({
  ctx,
  input,
  accountId = accountOf(ctx.actor),
}: {
  ctx: ServiceContext;
  input: z.input<typeof createApiKeyInput>;
  /** Only the ops command (a system actor) names the account; customers get their own. */
  accountId?: string;
}): Promise<{ key: ApiKeyRow; secret: string }> {
  assertCanWrite(ctx.actor);
  const { name, scopes } = createApiKeyInput.parse(input);
  const createdBy = ctx.actor.type === "customer" ? ctx.actor.userId : null;
  const { secret, hash, displayPrefix } = generateApiKeySecret();
  return inTransaction(ctx, async (tx) => {
    const live = await tx.db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt)));
    if (live.length >= MAX_LIVE_KEYS) throw new ServiceError("too-many-keys", { max: MAX_LIVE_KEYS });
    const [key] = await tx.db
      .insert(apiKeys)
      .values({ accountId, name, displayPrefix, secretHash: hash, createdAt: tx.now, scopes, createdBy })
      .returning(listColumns);
    if (!key) throw new Error("api key insert returned nothing");
    await recordAudit(tx, { action: "api-key.create", accountId, target: key.id, after: { name, prefix: displayPrefix, scopes } });
    const [creator] = createdBy ? await tx.db.select({ name: users.name }).from(users).where(eq(users.id, createdBy)).limit(1) : [];
    return { key: { ...key, createdBy: creator?.name ?? null }, secret };
  });
}

export async function listApiKeys({ ctx }: { ctx: ServiceContext }): Promise<ApiKeyRow[]> {
  return ctx.db
    .select({ ...listColumns, createdBy: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.accountId, accountOf(ctx.actor)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey({ ctx, input }: { ctx: ServiceContext; input: { keyId: string } }): Promise<void> {
  assertCanWrite(ctx.actor);
  const accountId = accountOf(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    // The account condition is what stops one customer revoking another's key by id.
    const [revoked] = await tx.db
      .update(apiKeys)
      .set({ revokedAt: tx.now })
      .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!revoked) throw new NotFoundError("api-key-not-found");
    await recordAudit(tx, { action: "api-key.revoke", accountId, target: revoked.id, before: { name: revoked.name } });
  });
  // After the commit: an instance that reads the key between the two caches it under the old
  // version, which this makes stale.
  try {
    await keyRevocations().bump();
  } catch (error) {
    // The key is revoked in the database; only other instances' caches may lag, by API_KEY_CACHE_MS at most.
    console.error("api key revoked, but the revocation version could not be bumped:", error);
  }
}

/**
 * Recently authenticated keys, by secret hash: the gateway calls on every request, and one query
 * less per call matters. An entry is used only while the revocation version it was read under is
 * still current (key-revocations.ts), so a revocation through any instance is effective at once on
 * all of them. Reading API_KEY_CACHE_MS: an entry is also dropped after this delay, which bounds
 * how long an instance can trust a key if the shared version cannot be bumped (Redis down).
 */
export const API_KEY_CACHE_MS = 5000;
export interface AuthenticatedKey {
  keyId: string;
  accountId: string;
  scopes: readonly ApiKeyScope[];
}

const keyCache = new Map<string, { key: AuthenticatedKey; until: number; version: string }>();

/** The live key a bearer secret belongs to, or null (missing, wrong and revoked keys look the same). */
export async function authenticateApiKey(ctx: ServiceContext, secret: string): Promise<AuthenticatedKey | null> {
  const hash = hashApiKeySecret(secret);
  // Read before the lookup: a revocation committed after it makes what the lookup returns stale.
  const version = await keyRevocations().current();
  const cached = keyCache.get(hash);
  if (version !== null && cached && cached.version === version && cached.until > Date.now()) return cached.key;
  const found = await lookupKey(ctx, hash);
  if (!found) return null;
  // "Last used" to the minute, written at most once a minute per key (not once per call).
  if (!found.lastUsedAt || found.lastUsedAt.getTime() < ctx.now.getTime() - 60_000) {
    await ctx.db
      .update(apiKeys)
      .set({ lastUsedAt: ctx.now })
      .where(and(eq(apiKeys.id, found.keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(ctx.now.getTime() - 60_000)))));
  }
  const key: AuthenticatedKey = { keyId: found.keyId, accountId: found.accountId, scopes: found.scopes };
  // Only hits are cached: a wrong key must not fill the cache, and a new key must work at once.
  if (version !== null) {
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(hash, { key, until: Date.now() + API_KEY_CACHE_MS, version });
  }
  return key;
}

async function lookupKey(ctx: ServiceContext, hash: string): Promise<(AuthenticatedKey & { lastUsedAt: Date | null }) | null> {
  const [key] = await ctx.db
    .select({ keyId: apiKeys.id, accountId: apiKeys.accountId, lastUsedAt: apiKeys.lastUsedAt, scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return key ?? null;
}
