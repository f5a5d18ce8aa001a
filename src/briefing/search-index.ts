/**
 * Paragraph-level search over the briefing. MiniSearch (BM25) finds candidates by stemmed words; the best of
 * them are then re-ranked with what MiniSearch does not see cheaply: words typed exactly as written, the article
 * title and section heading, and spread across articles. Near-duplicates are dropped from what is shown.
 */
import MiniSearch from "minisearch";
import { analyze, stemCandidates, tokenize, isStopWord, type Analysis } from "./arabic.js";
import { withEnglish, type EnglishOptions, type IndexVocabulary } from "./english.js";
import { coverage, jaccard } from "./sets.js";
import type { Article, ClosestTopic, Hit, Paragraph, Range } from "./types.js";

interface Passage {
  article: Article;
  paragraph: Paragraph;
  /** Normalized words as written, for the exact-word bonus and near-duplicate checks. */
  words: Set<string>;
  /** Stems of the article title and of the section heading. */
  title: Set<string>;
  heading: Set<string>;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  hits: Hit[];
  total: number;
  /** False when the question's rare content is not matched (see `Answer.covered`); absent means covered. */
  covered?: boolean;
  closest?: readonly ClosestTopic[];
}

/** How much a candidate's BM25 score grows with the share of query words it holds as written, in its title, in its heading. */
const BONUS = { exact: 0.6, title: 0.25, heading: 0.4 };
/** Each further passage from an article already ranked is worth this much less, so answers span articles. */
const SAME_ARTICLE_DECAY = 0.85;
/** Passages sharing this much of their words with a better one are dropped as near-duplicates. */
const NEAR_DUPLICATE = 0.8;
/** Candidates taken from BM25 for re-ranking; also the most results a query reports. */
const MAX_CANDIDATES = 200;
/** Passages scoring below this share of the best one are noise (a lone common word), not answers. */
const RELEVANCE_FLOOR = 0.2;
/**
 * In a large corpus, query words found in more than this share of passages add little but cost the most; they
 * are left out when the query has rarer words. Small corpora are searched with every word.
 */
const COMMON_SHARE = 0.05;
/** A common word's champion list: its best passages by BM25, kept once computed (until articles are added). */
const CHAMPIONS = 500;
const COMMON_MIN_PASSAGES = 2000;
/** Articles offered when a question is not covered. */
const CLOSEST_TOPICS = 3;

const splitSpaces = (s: string): string[] => (s ? s.split(" ") : []);

export class SearchIndex {
  private readonly mini = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    storeFields: [],
    tokenize: splitSpaces,
    processTerm: (t) => t || null,
    searchOptions: { tokenize: splitSpaces, processTerm: (t) => t || null, combineWith: "OR" },
  });
  private readonly passages: Passage[] = [];
  private readonly articleIds = new Set<string>();
  /** In how many passages each stem occurs. */
  private readonly df = new Map<string, number>();
  private readonly champions = new Map<string, Map<number, number>>();
  /** Normalized words as written, for matching English names against what the briefing holds. */
  private readonly vocabulary = new Set<string>();
  private readonly held: IndexVocabulary = {
    df: (stem) => this.df.get(stem) ?? 0,
    vocabulary: () => this.vocabulary,
    version: () => this.passages.length,
  };

  constructor(private readonly english: EnglishOptions = {}) {}

  get size(): number {
    return this.passages.length;
  }

  has(articleId: string): boolean {
    return this.articleIds.has(articleId);
  }

  add(articles: readonly Article[]): void {
    const docs: Array<{ id: number; text: string }> = [];
    for (const article of articles) {
      if (this.articleIds.has(article.id)) continue;
      this.articleIds.add(article.id);
      const title = new Set(analyze(article.title).stems);
      const headings = new Map<string | undefined, Set<string>>();
      for (const paragraph of article.paragraphs) {
        if (!headings.has(paragraph.section)) headings.set(paragraph.section, new Set(paragraph.section ? analyze(paragraph.section).stems : []));
        const a = analyze(paragraph.text);
        const id = this.passages.length;
        this.passages.push({ article, paragraph, words: new Set(a.exact), title, heading: headings.get(paragraph.section)! });
        for (const t of new Set(a.stems)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
        for (const w of a.exact) if (!/\d/.test(w)) this.vocabulary.add(w);
        docs.push({ id, text: a.stems.join(" ") });
      }
    }
    this.mini.addAll(docs);
    this.champions.clear();
  }

  /** Inverse document frequency of a stem over the passages (rare words weigh more). */
  idf(stem: string): number {
    return Math.log(1 + this.passages.length / (1 + (this.df.get(stem) ?? 0)));
  }

  /** The analyzed query, with Arabic for its English words chosen by what this index holds. */
  terms(query: string): QueryTerms {
    return queryTerms(query, this.held, this.english);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const { limit = 3, offset = 0 } = options;
    const q = this.terms(query);
    if (q.exact.length === 0) return { hits: [], total: 0 };
    const { rare, common } = this.splitByFrequency(q);
    let raw: Array<{ id: number; score: number }> =
      rare.length > 0
        ? this.mini.search(rare.join(" "), { boostTerm: (t) => q.weights.get(t) ?? 1 }).slice(0, 2 * MAX_CANDIDATES).map((r) => ({ id: r.id as number, score: r.score }))
        : this.fromChampions(common);
    // Common words still count for the best passages the rarer words found.
    if (rare.length > 0 && common.length > 0) {
      const lists = common.map((t) => this.championList(t));
      for (const r of raw) for (const list of lists) r.score += list.get(r.id) ?? 0;
      raw.sort((a, b) => b.score - a.score);
    }
    const uncovered = this.uncoveredContent(q);
    // Typos and unusual spellings: only when nothing matches as written.
    if (raw.length === 0) {
      raw = this.mini.search([...rare, ...common].join(" "), { fuzzy: (t) => (t.length >= 5 ? 1 : 0) }).map((r) => ({ id: r.id as number, score: r.score }));
    }
    if (raw.length === 0) return { hits: [], total: 0, covered: false, closest: [] };

    const queryStems = new Set(q.stems);
    const queryWords = new Set(q.exact);
    const rescored = raw.slice(0, MAX_CANDIDATES).map((r) => {
      const p = this.passages[r.id]!;
      const bonus = 1 + BONUS.exact * coverage(p.words, queryWords) + BONUS.title * coverage(p.title, queryStems) + BONUS.heading * coverage(p.heading, queryStems);
      return { index: r.id, score: r.score * bonus };
    });
    rescored.sort((a, b) => b.score - a.score);
    const perArticle = new Map<string, number>();
    for (const c of rescored) {
      const id = this.passages[c.index]!.article.id;
      const seen = perArticle.get(id) ?? 0;
      perArticle.set(id, seen + 1);
      c.score *= SAME_ARTICLE_DECAY ** seen;
    }
    rescored.sort((a, b) => b.score - a.score);
    const floor = rescored[0]!.score * RELEVANCE_FLOOR;
    const relevant = rescored.filter((c) => c.score >= floor);
    if (uncovered) {
      // Not covered: no passages, only the articles the nearest ones come from, to offer as topics.
      const closest = new Map<string, ClosestTopic>();
      for (const c of relevant) {
        const { article } = this.passages[c.index]!;
        if (closest.size >= CLOSEST_TOPICS) break;
        if (!closest.has(article.id)) closest.set(article.id, { articleId: article.id, title: article.title });
      }
      return { hits: [], total: 0, covered: false, closest: [...closest.values()] };
    }

    // Near-duplicates are looked for only as far as the requested page reaches.
    const shown: typeof relevant = [];
    let dropped = 0;
    for (const c of relevant) {
      if (shown.length >= offset + limit) break;
      const words = this.passages[c.index]!.words;
      if (shown.some((s) => jaccard(this.passages[s.index]!.words, words) >= NEAR_DUPLICATE)) dropped++;
      else shown.push(c);
    }
    const hits = shown.slice(offset).map(({ index, score }) => {
      const { article, paragraph } = this.passages[index]!;
      return { article, paragraph, score, highlights: highlightRanges(paragraph.text, queryStems) };
    });
    return { hits, total: relevant.length - dropped };
  }

  /**
   * Whether the question's content is plainly absent from the briefing: not one of its words is held by the
   * index (what matches does so only through typo tolerance), or it names a number — a year, a figure — that no
   * passage holds. Both are the rarest content a question can have; a paraphrase in other words still matches
   * some of its terms, so it is not judged here.
   */
  private uncoveredContent(q: Analysis): boolean {
    const held = (t: string) => (this.df.get(t) ?? 0) > 0;
    if (!q.stems.some(held)) return true;
    return q.exact.some((w) => /^\d{2,}$/.test(w) && !held(w));
  }

  /**
   * The query's stems split by how common they are. In a small corpus every stem is "rare" (searched in full);
   * in a large one, stems found in more than COMMON_SHARE of passages are "common" and answered from their
   * champion lists, and stems the index does not hold are left out unless nothing else remains.
   */
  private splitByFrequency(q: Analysis): { rare: string[]; common: string[] } {
    const stems = [...new Set(q.stems)];
    const n = this.passages.length;
    if (n < COMMON_MIN_PASSAGES) return { rare: stems, common: [] };
    const df = (t: string) => this.df.get(t) ?? 0;
    const held = stems.filter((t) => df(t) > 0);
    if (held.length === 0) return { rare: stems, common: [] };
    return { rare: held.filter((t) => df(t) <= n * COMMON_SHARE), common: held.filter((t) => df(t) > n * COMMON_SHARE) };
  }

  private championList(stem: string): Map<number, number> {
    let list = this.champions.get(stem);
    if (!list) {
      list = new Map(this.mini.search(stem).slice(0, CHAMPIONS).map((r) => [r.id as number, r.score]));
      this.champions.set(stem, list);
    }
    return list;
  }

  /** Candidates for a query of common words only: the union of their champion lists, scores added. */
  private fromChampions(stems: readonly string[]): Array<{ id: number; score: number }> {
    const scores = new Map<number, number>();
    for (const t of stems) for (const [id, score] of this.championList(t)) scores.set(id, (scores.get(id) ?? 0) + score);
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
  }
}

/** The analyzed query; `weights` lowers the stems only a guessed translation brought (absent means 1). */
export interface QueryTerms extends Analysis {
  weights: ReadonlyMap<string, number>;
}

/** The analyzed query with Arabic for its English words; without an index, only the glossary's. */
export function queryTerms(query: string, index?: IndexVocabulary, options?: EnglishOptions): QueryTerms {
  const { text, weights } = withEnglish(query, index, options);
  return { ...analyze(text), weights };
}

/** Stems of words as they are written in passages; the vocabulary is small next to the text, so it is cached. */
const WORD_CACHE_LIMIT = 100_000;
const wordStems = new Map<string, readonly string[]>();

function stemsOfWritten(written: string): readonly string[] {
  let stems = wordStems.get(written);
  if (!stems) {
    const word = tokenize(written)[0];
    stems = !word || isStopWord(word) ? [] : stemCandidates(word);
    if (wordStems.size >= WORD_CACHE_LIMIT) wordStems.clear();
    wordStems.set(written, stems);
  }
  return stems;
}

/** Ranges of the words in text whose stems meet the query's, for bold highlighting. */
export function highlightRanges(text: string, queryStems: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\u0640]+|\p{N}+/gu)) {
    if (stemsOfWritten(m[0]).some((s) => queryStems.has(s))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
