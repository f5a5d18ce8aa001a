import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ConfigError, readBaseConfig, readConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

const TOKEN = "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ";

describe("config", () => {
  it("reads a polling config with defaults", () => {
    const c = readConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({ mode: "polling", botToken: TOKEN, apiRoot: "https://api.telegram.org", logLevel: "info", seedsDir: "seeds", dataDir: "data", adminIds: [], digestPerSecond: 25 });
  });

  it("stops with a message naming the variable", () => {
    const fails = (env: Record<string, string>) => {
      try {
        readConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error("expected a ConfigError");
    };
    expect(fails({})).toMatch(/BOT_TOKEN: is required/);
    expect(fails({ BOT_TOKEN: "" })).toMatch(/BOT_TOKEN: is required/);
    expect(fails({ BOT_TOKEN: "nope" })).toMatch(/BOT_TOKEN: does not look like a bot token/);
    expect(fails({ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" })).toMatch(/LOG_LEVEL/);
    expect(fails({ BOT_TOKEN: TOKEN, ADMIN_IDS: "12,abc" })).toMatch(/ADMIN_IDS: must be a comma-separated list/);
    expect(fails({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://x" })).toMatch(/TELEGRAM_API_ROOT/);
    expect(fails({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" })).toMatch(/WEBHOOK_URL/);
    expect(fails({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.org/hook", WEBHOOK_SECRET: "x".repeat(20) })).toMatch(/WEBHOOK_URL/);
    expect(fails({ BOT_TOKEN: TOKEN, BOT_MODE: "carrier-pigeon" })).toMatch(/BOT_MODE/);
  });

  it("reads webhook mode and admin ids", () => {
    const c = readConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "s3cret-s3cret-s3cret", PORT: "9000", ADMIN_IDS: "12, 34" });
    expect(c).toMatchObject({ mode: "webhook", port: 9000, host: "0.0.0.0", adminIds: [12, 34] });
  });

  it("reads the production servers, and names a bad one", () => {
    const c = readConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "postgres://mujaz:pw@db:5432/mujaz", REDIS_URL: "redis://cache:6379" });
    expect(c).toMatchObject({ databaseUrl: "postgres://mujaz:pw@db:5432/mujaz", redisUrl: "redis://cache:6379" });
    expect(readConfig({ BOT_TOKEN: TOKEN })).not.toHaveProperty("databaseUrl");
    expect(() => readConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: "mysql://db/x" })).toThrow(/DATABASE_URL: must be a postgres:/);
    expect(() => readConfig({ BOT_TOKEN: TOKEN, REDIS_URL: "http://cache" })).toThrow(/REDIS_URL: must be a redis:/);
    expect(readConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ role: "all" });
    expect(readConfig({ BOT_TOKEN: TOKEN, ROLE: "worker", REDIS_URL: "redis://cache:6379", HEALTH_PORT: "8090" })).toMatchObject({ role: "worker", healthPort: 8090 });
    expect(() => readConfig({ BOT_TOKEN: TOKEN, ROLE: "worker" })).toThrow(/ROLE: worker needs REDIS_URL/);
    expect(() => readConfig({ BOT_TOKEN: TOKEN, ROLE: "web" })).toThrow(/ROLE: web needs BOT_MODE=webhook/);
    expect(() => readConfig({ BOT_TOKEN: TOKEN, ROLE: "janitor" })).toThrow(/ROLE: must be one of/);
  });

  it("needs no token for the briefing alone (CLI, console)", () => {
    expect(readBaseConfig({ SEEDS_DIR: "elsewhere" }).seedsDir).toBe("elsewhere");
  });
});

describe("logger", () => {
  it("never writes the bot token", () => {
    let out = "";
    const sink = new Writable({
      write(chunk, _e, done) {
        out += String(chunk);
        done();
      },
    });
    const log = createLogger("info", TOKEN, sink);
    log.info({ botToken: TOKEN, url: "x" }, `calling https://api.telegram.org/bot${TOKEN}/getMe`);
    log.error({ err: new Error(`request to /bot${TOKEN}/sendMessage failed`) }, "failed");
    expect(out).toContain("<redacted>");
    expect(out).not.toContain(TOKEN);
  });
});
