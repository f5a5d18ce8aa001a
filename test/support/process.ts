/** Running the real process (`npm start`) against the local Bot API on 127.0.0.1. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { LocalBotApi } from "../../src/local-api/local-api.js";
import { startLocalServer, type LocalServer } from "../../src/local-api/server.js";
import { loadSpec, SpecChecker } from "./spec.js";

export const TOKEN = "123456:e2e-token-for-the-local-bot-api-only";
const spec = loadSpec();

/** Polls `probe` (which may be async) every 50 ms until it gives a value other than undefined or false. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function startBot(server: LocalServer, dataDir: string, extraEnv: Record<string, string> = {}) {
  const child = spawn("npm", ["start"], {
    env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.url, DATA_DIR: dataDir, LOG_LEVEL: "info", WATCH_SEEDS: "false", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

export async function localServer(): Promise<LocalServer> {
  return startLocalServer(TOKEN, new LocalBotApi(undefined, spec ? [new SpecChecker(spec).check] : []));
}


/** Run `npm start` until it exits on its own (a start-up that must fail); its code, stdout and stderr. */
export async function startToExit(env: Record<string, string>, ms = 40_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["start"], { env: { ...process.env, BOT_TOKEN: TOKEN, LOG_LEVEL: "info", WATCH_SEEDS: "false", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => stop(child, "SIGKILL"), ms);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** A fixed-offset zone where it is around noon now, so a test never straddles a local midnight. */
export function noonZone(now: Date): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? "Etc/GMT" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
