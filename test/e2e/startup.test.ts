/**
 * Start-up faults through the real process: each stops it with a non-zero code and one line that names the
 * variable and the next step, without a stack trace, and leaves what is stored as it was.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite-store.js";
import { localServer, startToExit, TOKEN } from "../support/process.js";

const temp = () => mkdtempSync(join(tmpdir(), "mujaz-startup-"));
const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const WEBHOOK = { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: "startup-test-secret-0123" };

/** What mujaz itself wrote to stderr (npm adds nothing on a plain non-zero exit, but be sure). */
function ownLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("npm "));
}

function expectOneLine(run: { code: number | null; stderr: string }, variable: string, ...words: string[]): void {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  const lines = ownLines(run.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`${variable}:`);
  for (const w of words) expect(lines[0]).toContain(w);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe("start-up faults say what to fix", () => {
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  it("an unreachable TELEGRAM_API_ROOT: each retry logged, then one line naming it", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const root = `http://127.0.0.1:${port}`;
    const run = await startToExit({ TELEGRAM_API_ROOT: root, DATA_DIR: temp() });
    expectOneLine(run, "TELEGRAM_API_ROOT", root, "ECONNREFUSED");
    const retries = run.stdout.split("\n").filter((l) => l.includes("could not reach the Bot API"));
    expect(retries.map((l) => (JSON.parse(l) as { attempt: number }).attempt)).toEqual([1, 2, 3]);
    expect(run.stdout + run.stderr).not.toContain(TOKEN.split(":")[1]);
  }, 60_000);

  it("a BOT_TOKEN that Telegram refuses", async () => {
    const server = await localServer();
    cleanup.push(() => server.close());
    const run = await startToExit({ TELEGRAM_API_ROOT: server.url, DATA_DIR: temp(), BOT_TOKEN: "123456:a-token-this-bot-api-does-not-know-at-all" });
    expectOneLine(run, "BOT_TOKEN", "@BotFather");
  });

  it("a PORT in use and a HOST that does not resolve", async () => {
    const server = await localServer();
    cleanup.push(() => server.close());
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    cleanup.push(() => new Promise<void>((r) => taken.close(() => r())));
    const port = String((taken.address() as { port: number }).port);
    const env = { ...WEBHOOK, TELEGRAM_API_ROOT: server.url, DATA_DIR: temp() };
    expectOneLine(await startToExit({ ...env, HOST: "127.0.0.1", PORT: port }), "PORT", port, "in use");
    expectOneLine(await startToExit({ ...env, HOST: "no-such-host.invalid", PORT: port }), "HOST", "no-such-host.invalid");
  }, 60_000);

  it("a missing SEEDS_DIR", async () => {
    const missing = join(temp(), "no-articles-here");
    expectOneLine(await startToExit({ SEEDS_DIR: missing, DATA_DIR: temp() }), "SEEDS_DIR", missing);
  });

  it("a corrupt store in DATA_DIR is named and left as it was", async () => {
    const dataDir = temp();
    const file = join(dataDir, "mujaz.sqlite");
    writeFileSync(file, Buffer.alloc(8192, "not a database, but someone's file. "));
    const before = digest(file);
    const server = await localServer();
    cleanup.push(() => server.close());
    expectOneLine(await startToExit({ TELEGRAM_API_ROOT: server.url, DATA_DIR: dataDir }), "DATA_DIR", file, "corrupt");
    expect(digest(file)).toBe(before);
    expect(server.api.calls).toEqual([]);
  });

  it("a read-only DATA_DIR is named, and its subscribers are still there afterwards", async (ctx) => {
    const dataDir = temp();
    const file = join(dataDir, "mujaz.sqlite");
    const store = SqliteStore.inDir(dataDir);
    await store.saveSubscription({ chatId: 5, userId: 5, minutes: 480, timeZone: "UTC", paused: false, notifyEmpty: false, language: "ar", active: true });
    await store.close();
    const before = digest(file);
    if (!makeReadOnly(dataDir, [file])) return ctx.skip();
    cleanup.push(() => makeWritable(dataDir, [file]));
    const server = await localServer();
    cleanup.push(() => server.close());
    expectOneLine(await startToExit({ TELEGRAM_API_ROOT: server.url, DATA_DIR: dataDir }), "DATA_DIR", dataDir, "read-only");
    makeWritable(dataDir, [file]);
    expect(digest(file)).toBe(before);
    const after = new SqliteStore(file);
    expect(await after.getSubscription(5)).toMatchObject({ minutes: 480 });
    await after.close();
  });
});

/** chmod for a user; root ignores it, so there the immutable attribute (ext4 and others) does it. False if neither holds. */
function makeReadOnly(dir: string, files: string[]): boolean {
  for (const f of files) chmodSync(f, 0o444);
  chmodSync(dir, 0o555);
  if (process.getuid?.() === 0) {
    try {
      execFileSync("chattr", ["+i", ...files, dir], { stdio: "ignore" });
    } catch {
      return false;
    }
  }
  try {
    writeFileSync(join(dir, "probe"), "");
    return false;
  } catch {
    return true;
  }
}

function makeWritable(dir: string, files: string[]): void {
  if (process.getuid?.() === 0) {
    try {
      execFileSync("chattr", ["-i", ...files, dir], { stdio: "ignore" });
    } catch {
      /* it was never set */
    }
  }
  chmodSync(dir, 0o755);
  for (const f of files) chmodSync(f, 0o644);
}
