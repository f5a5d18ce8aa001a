/**
 * `npm run bench`: index build, query latency p50/p99, heap and RSS for the seeds and for synthetic corpora of
 * 1,000 and 10,000 articles (each in its own process), and process start to ready. Prints a table with targets.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalServer } from "../src/local-api/server.js";

interface Row {
  corpus: string;
  articles: number;
  passages: number;
  build_ms: number;
  search_p50: number;
  search_p99: number;
  answer_p50: number;
  answer_p99: number;
  inline_p50: number;
  inline_p99: number;
  queries: number;
  heap_mb: number;
  rss_mb: number;
}

const sizes = process.argv.includes("--quick") ? ["seeds", "1000"] : ["seeds", "1000", "10000"];
/** Timings on a shared machine wander from run to run; each synthetic corpus is measured in this many processes. */
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(size: string): Row {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/measure.ts", size], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Row;
}

const spreads: string[] = [];
const rows: Row[] = sizes.map((size) => {
  const runs = Array.from({ length: size === "seeds" ? 1 : RUNS }, (_, i) => {
    process.stderr.write(`measuring ${size} (run ${i + 1})…\n`);
    return measure(size);
  });
  if (runs.length > 1) {
    const range = (k: keyof Row) => `${Math.min(...runs.map((r) => r[k] as number)).toFixed(1)}–${Math.max(...runs.map((r) => r[k] as number)).toFixed(1)}`;
    spreads.push(`${size}: search p99 ${range("search_p99")} ms, inline p99 ${range("inline_p99")} ms`);
  }
  const numeric = (k: keyof Row) => median(runs.map((r) => r[k] as number));
  return { ...runs[0]!, build_ms: numeric("build_ms"), search_p50: numeric("search_p50"), search_p99: numeric("search_p99"), answer_p50: numeric("answer_p50"), answer_p99: numeric("answer_p99"), inline_p50: numeric("inline_p50"), inline_p99: numeric("inline_p99"), heap_mb: numeric("heap_mb"), rss_mb: numeric("rss_mb") };
});

async function startToReady(): Promise<{ wall: number; uptime: number }> {
  const token = "123456:bench-token-for-the-local-bot-api-only";
  const server = await startLocalServer(token);
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, BOT_TOKEN: token, TELEGRAM_API_ROOT: server.url, DATA_DIR: mkdtempSync(join(tmpdir(), "mujaz-bench-")), LOG_LEVEL: "info", WATCH_SEEDS: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const result = await new Promise<{ wall: number; uptime: number }>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.includes("mujaz is ready"));
      if (line) resolve({ wall: performance.now() - started, uptime: (JSON.parse(line) as { ready_ms: number }).ready_ms });
    });
    child.on("exit", (code) => reject(new Error(`bot exited with ${code} before it was ready:\n${out}`)));
  });
  child.kill("SIGTERM");
  await server.close();
  return result;
}
const ready: Array<{ wall: number; uptime: number }> = [];
for (let i = 0; i < 3; i++) ready.push(await startToReady());

process.stderr.write("measuring the digest fan-out…\n");
const fanout = JSON.parse(
  execFileSync(process.execPath, ["--import", "tsx", "bench/fanout.ts", "10000", "1000"], { encoding: "utf8" }).trim().split("\n").pop()!,
) as { subscribers: number; limit_per_s: number; seconds: number; rate_per_s: number; ratio: number; http_429: number; duplicates: number; lost: number };

const f = (n: number, d = 1) => n.toFixed(d);
const target: Record<string, string> = { seeds: "build < 50 ms", "1000": "search p99 < 5 ms", "10000": "search p99 < 25 ms, inline p99 < 30 ms" };
const pass = (r: Row) =>
  r.corpus === "seeds" ? r.build_ms < 50 : r.corpus === "1000" ? r.search_p99 < 5 : r.corpus === "10000" ? r.search_p99 < 25 && r.inline_p99 < 30 : true;
const lines = [
  "| corpus | articles | passages | index build ms | search p50 ms | search p99 ms | answer p50 ms | answer p99 ms | inline p50 ms | inline p99 ms | heap MB | RSS MB | target | met |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.corpus} | ${r.articles} | ${r.passages} | ${f(r.build_ms)} | ${f(r.search_p50, 2)} | ${f(r.search_p99, 2)} | ${f(r.answer_p50, 2)} | ${f(r.answer_p99, 2)} | ${f(r.inline_p50, 2)} | ${f(r.inline_p99, 2)} | ${f(r.heap_mb, 0)} | ${f(r.rss_mb, 0)} | ${target[r.corpus] ?? ""} | ${pass(r) ? "yes" : "NO"} |`,
  ),
  "",
  `process start to ready (seeds, median of 3): ${f(median(ready.map((r) => r.uptime)), 0)} ms by the process's own clock, ${f(median(ready.map((r) => r.wall)), 0)} ms from spawn; target < 1000 ms: ${median(ready.map((r) => r.uptime)) < 1000 ? "yes" : "NO"}`,
  `digest fan-out: ${fanout.subscribers} subscribers against a local Bot API limited to ${fanout.limit_per_s}/s (429 past it): ${fanout.rate_per_s}/s in ${fanout.seconds} s, ${f(fanout.ratio * 100, 1)}% of the limit (target ≥ 90%: ${fanout.ratio >= 0.9 ? "yes" : "NO"}), ${fanout.http_429} × 429, ${fanout.duplicates} duplicates, ${fanout.lost} lost`,
  `synthetic corpora: the median of ${RUNS} runs, each in its own process (spread: ${spreads.join("; ")})`,
  `query latency: ${rows[0]!.queries / 40} questions of the quality set, repeated; "search" is ranked passages, "answer" adds key points, "inline" is a whole inline query through the bot (20 results).`,
];
process.stdout.write(`${lines.join("\n")}\n`);
