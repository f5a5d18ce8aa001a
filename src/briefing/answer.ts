/** From search hits to an answer, and from articles to summaries: key points, each tied to a citation. */
import { analyze } from "./arabic.js";
import { cutAtWord } from "./ingest.js";
import { pickKeyPoints, type Candidate } from "./key-points.js";
import { coverage } from "./sets.js";
import { queryTerms, type SearchIndex } from "./search-index.js";
import type { Answer, Article, Citation, KeyPoint, Summary } from "./types.js";

export const MAX_KEY_POINTS = 3;
export const SUMMARY_MAX_POINTS = 5;
export const SUMMARY_MAX_CHARS = 900;
/** A key point is a sentence, cut at a word boundary past this length. */
export const KEY_POINT_MAX_CHARS = 220;

function citation(n: number, article: Article, paragraph: number): Citation {
  return {
    n,
    articleId: article.id,
    source: article.source,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    paragraph,
  };
}

export function answerQuery(index: SearchIndex, query: string, offset = 0, limit = 3): Answer {
  const { hits, total } = index.search(query, { offset, limit });
  const citations = hits.map((h, i) => citation(offset + i + 1, h.article, h.paragraph.n));
  let keyPoints: KeyPoint[] = [];
  if (offset === 0 && hits.length > 0) {
    const candidates: Candidate[] = hits.flatMap((h, rank) =>
      h.paragraph.sentences.map((text, i) => ({ text, cite: rank + 1, position: i, prior: 1 / (rank + 1) })),
    );
    const picked = pickKeyPoints(candidates, { max: MAX_KEY_POINTS, query: new Set(queryTerms(query).stems), idf: (t) => index.idf(t) });
    keyPoints = picked.map(({ text, cite }) => ({ text: cutAtWord(text, KEY_POINT_MAX_CHARS), cite }));
  }
  return { query, keyPoints, hits, citations, total, offset };
}

interface SentenceCandidate extends Candidate {
  article: Article;
  paragraph: number;
}

function sentencesOf(article: Article): SentenceCandidate[] {
  let position = 0;
  return article.paragraphs.flatMap((p) =>
    p.sentences.map((text) => ({ text, cite: 0, position: position++, prior: 0, article, paragraph: p.n })),
  );
}

/** Number the chosen points' sources in the order they appear, one citation per paragraph. */
function cite(points: readonly SentenceCandidate[]): { keyPoints: KeyPoint[]; citations: Citation[] } {
  const citations: Citation[] = [];
  const keyPoints = points.map((p) => {
    let c = citations.find((x) => x.articleId === p.article.id && x.paragraph === p.paragraph);
    if (!c) {
      c = citation(citations.length + 1, p.article, p.paragraph);
      citations.push(c);
    }
    return { text: p.text, cite: c.n };
  });
  return { keyPoints, citations };
}

/** Key points of one article, in reading order, within about SUMMARY_MAX_CHARS. */
export function summarizeArticle(article: Article): Summary {
  const titleStems = new Set(analyze(article.title).stems);
  const candidates = sentencesOf(article).map((c) => ({
    ...c,
    prior: article.titleDerived ? 0 : coverage(new Set(analyze(c.text).stems), titleStems),
  }));
  const picked = pickKeyPoints(candidates, { max: SUMMARY_MAX_POINTS, maxChars: SUMMARY_MAX_CHARS });
  picked.sort((a, b) => a.position - b.position);
  return { article, ...cite(picked) };
}

/** Key points across the whole briefing: the strongest points of each article, without repeats. */
export function summarizeBriefing(articles: readonly Article[], summaryOf: (a: Article) => Summary = summarizeArticle): Summary {
  const perArticle = articles.flatMap((a) => {
    const best = summaryOf(a).keyPoints.slice(0, 2);
    const all = sentencesOf(a);
    return best.map((k, rank) => ({ ...all.find((s) => s.text === k.text)!, prior: 1 / (rank + 1) }));
  });
  const picked = pickKeyPoints(perArticle, { max: SUMMARY_MAX_POINTS, maxChars: SUMMARY_MAX_CHARS });
  return cite(picked);
}
