/**
 * Paragraph-level search over the briefing: MiniSearch (BM25) with the Arabic analyzer, an unstemmed field so
 * exact words rank first, boosted title and section heading, and diversified results across articles.
 */
import MiniSearch from "minisearch";
import { analyze, stemCandidates, tokenize, isStopWord } from "./arabic.js";
import { expandQuery } from "./glossary.js";
import type { Article, Hit, Paragraph, Range } from "./types.js";

interface PassageDoc {
  id: number;
  text: string;
  exact: string;
  title: string;
  heading: string;
}

/** Exact-field terms carry a mark so they only ever meet exact query terms. */
const EXACT = "=";
const splitSpaces = (s: string): string[] => (s ? s.split(" ") : []);

function stemField(text: string): string {
  return analyze(text).stems.join(" ");
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  hits: Hit[];
  total: number;
}

/** How much each field counts. Exact words add to stems, so a name typed as written ranks first. */
const BOOST = { text: 1, exact: 0.6, title: 0.5, heading: 0.8 };
/** Each further passage from an article already shown is worth this much less, so answers span articles. */
const SAME_ARTICLE_DECAY = 0.85;
/** Passages sharing this much of their words with a better one are dropped as near-duplicates. */
const NEAR_DUPLICATE = 0.8;
const MAX_CANDIDATES = 200;
/** Passages scoring below this share of the best one are noise (a lone common word), not answers. */
const RELEVANCE_FLOOR = 0.2;

export class SearchIndex {
  private readonly mini = new MiniSearch<PassageDoc>({
    fields: ["text", "exact", "title", "heading"],
    storeFields: [],
    tokenize: splitSpaces,
    processTerm: (t) => t || null,
    searchOptions: { tokenize: splitSpaces, processTerm: (t) => t || null, boost: BOOST, combineWith: "OR" },
  });
  private readonly passages: Array<{ article: Article; paragraph: Paragraph; words: Set<string> }> = [];
  private readonly articleIds = new Set<string>();
  /** In how many passages each stem occurs, for weighting query words by rarity. */
  private readonly df = new Map<string, number>();

  get size(): number {
    return this.passages.length;
  }

  has(articleId: string): boolean {
    return this.articleIds.has(articleId);
  }

  add(articles: readonly Article[]): void {
    const docs: PassageDoc[] = [];
    for (const article of articles) {
      if (this.articleIds.has(article.id)) continue;
      this.articleIds.add(article.id);
      const title = stemField(article.title);
      for (const paragraph of article.paragraphs) {
        const id = this.passages.length;
        const a = analyze(paragraph.text);
        this.passages.push({ article, paragraph, words: new Set(a.exact) });
        for (const t of new Set(a.stems)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
        docs.push({
          id,
          text: a.stems.join(" "),
          exact: a.exact.map((w) => EXACT + w).join(" "),
          title,
          heading: paragraph.section ? stemField(paragraph.section) : "",
        });
      }
    }
    this.mini.addAll(docs);
  }

  /** Inverse document frequency of a stem over the passages (rare words weigh more). */
  idf(stem: string): number {
    return Math.log(1 + this.passages.length / (1 + (this.df.get(stem) ?? 0)));
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const { limit = 3, offset = 0 } = options;
    const q = queryTerms(query);
    if (q.exact.length === 0) return { hits: [], total: 0 };
    const terms = [...new Set([...q.stems, ...q.exact.map((w) => EXACT + w)])].join(" ");
    let raw = this.mini.search(terms);
    // Typos and unusual spellings: only when nothing matches as written.
    if (raw.length === 0) raw = this.mini.search(q.stems.join(" "), { fuzzy: (t) => (t.length >= 5 ? 1 : 0) });

    const queryStems = new Set(q.stems);
    const ranked: Array<{ index: number; score: number }> = [];
    const perArticle = new Map<string, number>();
    const floor = (raw[0]?.score ?? 0) * RELEVANCE_FLOOR;
    for (const r of raw.slice(0, MAX_CANDIDATES)) {
      if (r.score < floor) break;
      const index = r.id as number;
      const passage = this.passages[index]!;
      const near = ranked.some((k) => jaccard(this.passages[k.index]!.words, passage.words) >= NEAR_DUPLICATE);
      if (near) continue;
      const seen = perArticle.get(passage.article.id) ?? 0;
      perArticle.set(passage.article.id, seen + 1);
      ranked.push({ index, score: r.score * SAME_ARTICLE_DECAY ** seen });
    }
    ranked.sort((a, b) => b.score - a.score);
    const hits = ranked.slice(offset, offset + limit).map(({ index, score }) => {
      const { article, paragraph } = this.passages[index]!;
      return { article, paragraph, score, highlights: highlightRanges(paragraph.text, queryStems) };
    });
    return { hits, total: ranked.length };
  }
}

/** The analyzed query, with Arabic equivalents of English domain words. */
export function queryTerms(query: string) {
  return analyze(expandQuery(query));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Ranges of the words in text whose stems meet the query's, for bold highlighting. */
export function highlightRanges(text: string, queryStems: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\u0640]+|\p{N}+/gu)) {
    const word = tokenize(m[0])[0];
    if (!word || isStopWord(word)) continue;
    if (stemCandidates(word).some((s) => queryStems.has(s))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
