/** The only module that reads the environment. A bad value stops start-up with a message naming the variable. */
import { existsSync } from "node:fs";
import { z } from "zod";

/** What one process does: everything (the embedded default), or one part of a deployment of several. */
export const ROLES = ["all", "poller", "web", "worker", "scheduler"] as const;
export type Role = (typeof ROLES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const adminIds = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const parts = s.split(",").map((p) => p.trim()).filter(Boolean);
    const ids = parts.map(Number);
    if (ids.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: "custom", message: "must be a comma-separated list of Telegram user ids, e.g. 12345,67890" });
      return z.NEVER;
    }
    return ids;
  });

const common = {
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  SEEDS_DIR: z.string().min(1).default("seeds"),
  DATA_DIR: z.string().min(1).default("data"),
  ADMIN_IDS: adminIds,
  WATCH_SEEDS: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
  DIGEST_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(25),
  DIGEST_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Production mode: subscriptions and the delivery log in PostgreSQL, shared short-lived state in Redis.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres://user:password@host:port/database URL" }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis://host:port URL" }).optional(),
};

const role = {
  ROLE: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }).default("all"),
  // Where the worker and scheduler answer /healthz and /readyz (the web role's server is Telegram's).
  HEALTH_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // The digest queue's keys in Redis; deployments sharing one Redis need prefixes of their own.
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "must be 1-40 characters of A-Z a-z 0-9 _ -").default("mujaz"),
};

const token = z
  .string({ error: "is required: get one from @BotFather (or try the bot locally with `npm run chat`)" })
  .regex(/^\d+:[A-Za-z0-9_-]{30,}$/, "does not look like a bot token from @BotFather (123456:ABC-…)");

const schema = z.discriminatedUnion("BOT_MODE", [
  z.object({ BOT_MODE: z.literal("polling"), BOT_TOKEN: token, ...common, ...role }),
  z.object({
    BOT_MODE: z.literal("webhook"),
    BOT_TOKEN: token,
    WEBHOOK_URL: z.url({ protocol: /^https$/ }),
    WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -"),
    HOST: z.string().default("0.0.0.0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    ...common,
    ...role,
  }),
]);

type Env = z.infer<typeof schema>;

export interface BaseConfig {
  apiRoot: string;
  logLevel: (typeof LOG_LEVELS)[number];
  seedsDir: string;
  dataDir: string;
  adminIds: number[];
  watchSeeds: boolean;
  rateLimitPerMinute: number;
  digestPerSecond: number;
  /** How long a digest claim lives without its process's heartbeat; a dead process's deliveries resume after it. */
  digestLeaseSeconds: number;
  /** PostgreSQL instead of the SQLite file in DATA_DIR. */
  databaseUrl?: string;
  /** Redis for update de-duplication, rate limits, stored queries and conversation state (and the digest queue). */
  redisUrl?: string;
}
export type Config = BaseConfig & { role: Role; healthPort?: number; queuePrefix: string } &
  ({ mode: "polling"; botToken: string } | { mode: "webhook"; botToken: string; webhookUrl: string; webhookSecret: string; host: string; port: number });

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Start-up failed because of the environment the settings point at (a port taken, a folder missing or read-only):
 * its message is one line that names the variable and says what to do.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Settings the briefing alone needs (the CLI and the local console need no token). */
export function readBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  const parsed = z.object(common).safeParse(withoutEmpty(env));
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return toBase(parsed.data);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse({ BOT_MODE: "polling", ...withoutEmpty(env) });
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  const e: Env = parsed.data;
  if ((e.ROLE === "worker" || e.ROLE === "scheduler") && !e.REDIS_URL) {
    throw new ConfigError(`config: invalid environment (see .env.example)\n  ROLE: ${e.ROLE} needs REDIS_URL (the digest queue), and DATABASE_URL to share the store`);
  }
  if (e.ROLE === "web" && e.BOT_MODE !== "webhook") {
    throw new ConfigError("config: invalid environment (see .env.example)\n  ROLE: web needs BOT_MODE=webhook with WEBHOOK_URL and WEBHOOK_SECRET");
  }
  const base = { ...toBase(e), role: e.ROLE, queuePrefix: e.QUEUE_PREFIX, ...(e.HEALTH_PORT ? { healthPort: e.HEALTH_PORT } : {}) };
  return e.BOT_MODE === "webhook"
    ? { ...base, mode: "webhook", botToken: e.BOT_TOKEN, webhookUrl: e.WEBHOOK_URL, webhookSecret: e.WEBHOOK_SECRET, host: e.HOST, port: e.PORT }
    : { ...base, mode: "polling", botToken: e.BOT_TOKEN };
}

/** A variable set to nothing (`BOT_TOKEN=` in .env) counts as not set. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== ""));
}

/** Load `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function toBase(e: z.infer<z.ZodObject<typeof common>>): BaseConfig {
  return {
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    seedsDir: e.SEEDS_DIR,
    dataDir: e.DATA_DIR,
    adminIds: e.ADMIN_IDS,
    watchSeeds: e.WATCH_SEEDS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    digestPerSecond: e.DIGEST_PER_SECOND,
    digestLeaseSeconds: e.DIGEST_LEASE_SECONDS,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
  };
}

function describe(error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
  return `config: invalid environment (see .env.example)\n${lines.join("\n")}`;
}

/** The local Bot API emulator (`npm run emulator`): the token it accepts and its port. */
export function readEmulatorConfig(env: NodeJS.ProcessEnv = process.env): { token: string; port: number } {
  const parsed = z
    .object({
      BOT_TOKEN: token.default("123456:local-emulator-token-aaaaaaaaaaaaaaaaaaaa"),
      EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
    })
    .safeParse(withoutEmpty(env));
  if (!parsed.success) throw new ConfigError(describe(parsed.error));
  return { token: parsed.data.BOT_TOKEN, port: parsed.data.EMULATOR_PORT };
}

/** Whether LOG_LEVEL was set: the local console stays quiet (warn) unless asked for more. */
export function logLevelChosen(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.LOG_LEVEL?.trim());
}
