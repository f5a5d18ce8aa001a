/** The CLI as outside checks run it: `npm run -s cli -- …`, JSON shapes and exit codes. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { seen } from "./support/harness.js";

function cli(args: string[], input?: string) {
  const r = spawnSync("npx", ["tsx", "src/cli.ts", ...args], { encoding: "utf8", input, env: { ...process.env, LOG_LEVEL: "silent" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("cli", () => {
  it("search --json gives the documented shape with the right passage first", () => {
    const r = cli(["search", "قوة سيبيريا", "--json", "--limit", "2"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { query: string; results: Array<Record<string, unknown>> };
    expect(json.query).toBe("قوة سيبيريا");
    expect(json.results.length).toBeGreaterThan(0);
    expect(Object.keys(json.results[0]!).sort()).toEqual(["paragraph", "score", "source", "text", "title"]);
    expect(json.results[0]).toMatchObject({ source: "003_648d491966dff82e", paragraph: 5 });
    expect(typeof json.results[0]!.score).toBe("number");
  });

  it("search --json --stdin answers one JSON line for every input line, an empty one with no results", () => {
    const r = cli(["search", "--json", "--stdin", "--limit", "1"], "مجلس الأمن\n\nخاربين\n");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n").slice(0, -1).map((l) => JSON.parse(l) as { query: string; results: Array<{ source: string; paragraph: number }> });
    expect(lines.map((l) => l.query)).toEqual(["مجلس الأمن", "", "خاربين"]);
    expect(lines[1]!.results).toEqual([]);
    expect(lines[2]!.results[0]).toMatchObject({ source: "001_5f974563870b29f1", paragraph: 4 });
  });

  it("ask prints the answer as the bot sends it, as plain text", () => {
    const r = cli(["ask", "كم بلغ حجم التبادل التجاري؟"]);
    expect(r.code).toBe(0);
    // The answer in one line, cited, under the question.
    expect(seen(r.out).split("\n")[2]).toMatch(/240 مليار دولار.* \[1\]$/);
    expect(r.out).not.toMatch(/<\/?b>/);
  });

  it("summary --json gives points with paragraphs, and sources for the whole briefing", () => {
    const one = JSON.parse(cli(["summary", "004_03c8d4601ace7d37", "--json"]).out) as { source: string; points: Array<{ text: string; paragraph: number }> };
    expect(one.source).toBe("004_03c8d4601ace7d37");
    expect(one.points.length).toBeGreaterThan(0);
    for (const p of one.points) expect(Number.isInteger(p.paragraph)).toBe(true);
    const all = JSON.parse(cli(["summary", "--json"]).out) as { points: Array<{ source: string }> };
    for (const p of all.points) expect(p.source).toMatch(/^00\d_/);
  });

  it("sources lists the articles", () => {
    const r = cli(["sources", "--json"]);
    expect((JSON.parse(r.out) as unknown[]).length).toBe(5);
  });

  it("prints its usage and exits 0 on --help", () => {
    for (const args of [["--help"], ["-h"]]) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.out).toContain("usage: npm run -s cli -- <command>");
      expect(r.out).toContain('ask "<question>" [--lang ar|en]');
    }
  });

  // Seven processes, each a tsx start-up of 4–6 s when the machine is busy: more than the default timeout.
  it("exits non-zero with a usage line on bad arguments", { timeout: 120_000 }, () => {
    for (const args of [[], ["bogus"], ["search"], ["search", "x", "--limit", "0"], ["search", "--stdin"], ["summary", "nope"], ["search", "--wat"]]) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain("usage: npm run -s cli -- <command>");
    }
  });
});
