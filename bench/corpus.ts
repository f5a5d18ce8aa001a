/** Deterministic synthetic corpora made from the seeds' own sentences, for benchmarks at scale. */
import { parseArticle } from "../src/briefing/ingest.js";
import type { Article } from "../src/briefing/types.js";

/** mulberry32: a small seeded generator, so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCorpus(seeds: readonly Article[], count: number, seed = 42): Article[] {
  const sentences = seeds.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences));
  const headings = seeds.flatMap((a) => a.sections.flatMap((s) => (s.title ? [s.title] : [])));
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [pick(headings)];
    const paragraphs = 4 + Math.floor(rnd() * 7);
    for (let p = 0; p < paragraphs; p++) {
      if (p > 0 && rnd() < 0.25) lines.push(pick(headings));
      lines.push(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(sentences)).join(" "));
    }
    const article = parseArticle(`synthetic_${String(i).padStart(5, "0")}`, lines.join("\n"));
    if (article) articles.push(article);
  }
  return articles;
}
