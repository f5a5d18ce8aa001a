import { describe, expect, it } from "vitest";
import { Briefing } from "../../src/briefing/briefing.js";
import { QUESTIONS } from "./questions.js";

const briefing = await Briefing.load({ dir: "seeds" });
const key = (source: string, paragraph: number) => `${source.slice(0, 3)}:${paragraph}`;

function recallAt(k: number) {
  const misses: string[] = [];
  for (const { q, relevant } of QUESTIONS) {
    const top = briefing.search(q, { limit: k }).hits.map((h) => key(h.article.source, h.paragraph.n));
    if (!top.some((t) => relevant.includes(t))) misses.push(`${q} → [${top.join(", ")}] wanted ${relevant.join(" or ")}`);
  }
  return { recall: 1 - misses.length / QUESTIONS.length, misses };
}

describe("search quality on the question set", () => {
  it("has at least 30 questions", () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
  });

  it("finds the right passage in the top 3 for at least 95% of questions", () => {
    const { recall, misses } = recallAt(3);
    expect(misses, `Recall@3 = ${recall.toFixed(3)}`).toHaveLength(Math.min(misses.length, Math.floor(QUESTIONS.length * 0.05)));
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
