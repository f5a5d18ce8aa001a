/**
 * The retrieval engine alone, in its own process: `node --expose-gc --import tsx bench/engine.ts
 * <compact|minisearch> <light|dense> <articles>`. Passages are analyzed first (not timed); then the engine is
 * built from their stems and words as written (two fields) and asked for the 400 best passages (what the search
 * index takes for re-ranking) of each reader question. Prints one JSON line.
 */
import MiniSearch from "minisearch";
import { analyze } from "../src/briefing/arabic.js";
import { CompactEngine } from "../src/briefing/compact-engine.js";
import type { PassageTokens, RetrievalEngine, Scored, WeightedTerm } from "../src/briefing/engine.js";
import { loadArticles } from "../src/briefing/ingest.js";
import { queryTerms } from "../src/briefing/search-index.js";
import { QUESTIONS } from "../test/briefing/questions.js";
import { syntheticCorpus, type CorpusKind } from "./corpus.js";
import { heapUsed, latencies, timeEach } from "./stats.js";

const [name = "compact", kind = "dense", count = "1000"] = process.argv.slice(2);
const K = 400;

/** Plain MiniSearch behind the same contract, as the anchor the issue measured against. */
class MiniSearchEngine implements RetrievalEngine {
  private readonly mini = new MiniSearch<{ id: number; stems: string; exact: string }>({
    fields: ["stems", "exact"],
    storeFields: [],
    tokenize: (s) => (s ? s.split(" ") : []),
    processTerm: (t) => t || null,
  });
  private readonly batch: Array<{ id: number; stems: string; exact: string }> = [];
  size = 0;
  add(tokens: PassageTokens): number {
    this.batch.push({ id: this.size, stems: (tokens.stems ?? []).join(" "), exact: (tokens.exact ?? []).join(" ") });
    return this.size++;
  }
  trim(): void {
    this.mini.addAll(this.batch.splice(0));
  }
  search(terms: readonly WeightedTerm[], k: number): Scored[] {
    const q = terms.map((t) => t.term).join(" ");
    return this.mini.search(q, { combineWith: "OR" }).slice(0, k).map((r) => ({ id: r.id as number, score: r.score }));
  }
  docFrequency(): number {
    return 0;
  }
  vocabulary(): Iterable<string> {
    return [];
  }
}

/** Tokens of every passage; the articles themselves are let go before the engine is measured. */
async function tokenized(): Promise<PassageTokens[]> {
  const seeds = await loadArticles("seeds", () => {});
  return syntheticCorpus(seeds, Number(count), kind as CorpusKind).flatMap((a) =>
    a.paragraphs.map((p) => {
      const { stems, exact } = analyze(p.text);
      return { stems, exact };
    }),
  );
}
const passages = await tokenized();
const queries: WeightedTerm[][] = QUESTIONS.map(({ q }) => {
  const { stems, exact } = queryTerms(q);
  return [...new Set(stems)].map((term) => ({ term, field: "stems", weight: 1 })).concat([...new Set(exact)].map((term) => ({ term, field: "exact", weight: 0.5 })));
});

const before = heapUsed();
const t0 = performance.now();
const engine: RetrievalEngine & { trim?: () => void } = name === "minisearch" ? new MiniSearchEngine() : new CompactEngine();
for (const p of passages) engine.add(p);
engine.trim?.();
const build = performance.now() - t0;
const heap = heapUsed() - before;
const rounds = passages.length > 100_000 ? 5 : 20;
timeEach(queries, (q) => engine.search(q, K), 1);
const search = timeEach(queries, (q) => engine.search(q, K), rounds);
process.stdout.write(
  `${JSON.stringify({
    engine: name,
    corpus: `${kind} ${count}`,
    passages: passages.length,
    build_ms: build,
    ...latencies("search", search),
    heap_kb_per_passage: heap / 1024 / passages.length,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
