/** Deterministic synthetic corpora made from the seeds' own sentences, for benchmarks at scale. */
import { parseArticle } from "../src/briefing/ingest.js";
import type { Article } from "../src/briefing/types.js";
import { seededRandom } from "../src/local-api/faults.js";

export type CorpusKind = "light" | "dense";

/**
 * `light`: 4–10 paragraphs of 1–3 seed sentences, sub-headings now and then (about 7 passages an article).
 * `dense`: what a briefing about one subject produces — 10–20 paragraphs of 2–5 seed sentences of at least 40
 * characters plus a six-digit number (so no two paragraphs are identical), titled by a seed heading and the
 * article's number; the subject's words occur in most passages.
 */
export function syntheticCorpus(seeds: readonly Article[], count: number, kind: CorpusKind = "light", seed = 42): Article[] {
  const all = seeds.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences));
  const sentences = kind === "dense" ? all.filter((s) => s.length >= 40) : all;
  const headings = seeds.flatMap((a) => a.sections.flatMap((s) => (s.title ? [s.title] : [])));
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    if (kind === "dense") {
      lines.push(`${pick(headings)} ${i + 1}`);
      for (let p = between(10, 20); p > 0; p--) {
        lines.push(`${Array.from({ length: between(2, 5) }, () => pick(sentences)).join(" ")} ${between(100000, 999999)}`);
      }
    } else {
      lines.push(pick(headings));
      const paragraphs = between(4, 10);
      for (let p = 0; p < paragraphs; p++) {
        if (p > 0 && rnd() < 0.25) lines.push(pick(headings));
        lines.push(Array.from({ length: between(1, 3) }, () => pick(sentences)).join(" "));
      }
    }
    const article = parseArticle(`synthetic_${String(i).padStart(5, "0")}`, lines.join("\n"));
    if (article) articles.push(article);
  }
  return articles;
}
