/**
 * The briefing: articles loaded from a folder, their search index, answers and summaries. New files join on
 * reload() without a restart; articles already indexed stay as they are.
 */
import { answerQuery } from "./answer.js";
import { summarizeArticle, summarizeBriefing } from "./summary.js";
import { loadArticles, type IngestWarning } from "./ingest.js";
import { analyze } from "./arabic.js";
import { SearchIndex, type SearchOptions, type SearchResult } from "./search-index.js";
import { dictionaryNouns, pivotStems, type EnglishOptions } from "./english.js";
import { namedEntities } from "./entities.js";
import { synonymsOf } from "./synonyms.js";
import type { Answer, Article, Summary } from "./types.js";

/** Articles indexed between two turns of the event loop when a large reload is built (about 15 ms of dense text). */
const SLICE = 50;

export interface BriefingOptions {
  dir: string;
  warn?: (w: IngestWarning) => void;
  /** How English questions reach the Arabic text (the eval switches the glossary off). */
  english?: EnglishOptions;
}

export class Briefing {
  private index: SearchIndex;
  private reloading: Promise<unknown> = Promise.resolve();
  private list: Article[] = [];
  private wholeSummary: Summary | undefined;
  private readonly listeners: Array<(added: Article[]) => void> = [];
  private readonly articleStems = new WeakMap<Article, Set<string>>();
  /** Articles do not change once indexed, so neither do their summaries (whole, or around each topic asked for). */
  private readonly articleSummaries = new WeakMap<Article, Map<string, Summary>>();

  private constructor(private readonly options: BriefingOptions) {
    this.index = new SearchIndex({}, options.english);
  }

  static async load(options: BriefingOptions): Promise<Briefing> {
    const b = new Briefing(options);
    await b.reload();
    return b;
  }

  /** For tests and benchmarks: a briefing over articles already in memory. */
  static fromArticles(articles: readonly Article[]): Briefing {
    const b = new Briefing({ dir: "" });
    b.addArticles(articles);
    return b;
  }

  /**
   * Read the folder again; files not seen before are indexed. Returns the articles added. Reloads run one after
   * another, and a large one is built beside the index in use, a slice at a time, so questions go on being answered.
   */
  reload(): Promise<Article[]> {
    const next = this.reloading.then(async () => {
      const found = await loadArticles(this.options.dir, this.options.warn ?? (() => {}));
      const fresh = found.filter((a) => !this.index.has(a.id));
      return fresh.length <= SLICE ? this.addArticles(fresh) : this.rebuildWith(fresh);
    });
    this.reloading = next.catch(() => []);
    return next;
  }

  addArticles(articles: readonly Article[]): Article[] {
    const added = articles.filter((a) => !this.index.has(a.id));
    if (added.length === 0) return [];
    this.index.add(added);
    this.index.trim();
    return this.took(added);
  }

  /** A new index over every article, built in slices with the event loop free between them, then swapped in. */
  private async rebuildWith(fresh: readonly Article[]): Promise<Article[]> {
    const index = new SearchIndex({}, this.options.english);
    const all = [...this.list, ...fresh];
    for (let i = 0; i < all.length; i += SLICE) {
      index.add(all.slice(i, i + SLICE));
      await new Promise((resolve) => setImmediate(resolve));
    }
    index.trim();
    this.index = index;
    return this.took(fresh);
  }

  private took(added: readonly Article[]): Article[] {
    this.list = [...this.list, ...added];
    this.wholeSummary = undefined;
    for (const l of this.listeners) l([...added]);
    return [...added];
  }

  onAdded(listener: (added: Article[]) => void): void {
    this.listeners.push(listener);
  }

  /** Articles in the order they were first indexed (the numbering users see in /sources). */
  get articles(): readonly Article[] {
    return this.list;
  }

  get passageCount(): number {
    return this.index.size;
  }

  /** 1-based number of an article in the list. */
  numberOf(article: Article): number {
    return this.list.indexOf(article) + 1;
  }

  /** An article by 1-based number, id or source name. */
  find(ref: string | number): Article | undefined {
    if (typeof ref === "number" || /^\d+$/.test(ref)) return this.list[Number(ref) - 1];
    return this.list.find((a) => a.id === ref || a.source === ref);
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return this.index.search(query, options);
  }

  answer(query: string, offset = 0, limit = 3): Answer {
    return answerQuery(this.index, query, offset, limit);
  }

  /**
   * Reads the lexicons that load on first use — the English dictionary and its Arabic nouns, the synonym lists, the
   * names of countries in both languages, the dictionary's words by their English renderings — so that no reader's
   * first question waits for them (143–462 ms, by the question's words; 200 ms more for the renderings). Called once
   * the bot is ready.
   */
  warm(): void {
    dictionaryNouns();
    pivotStems("تعاون");
    synonymsOf("تعاون");
    namedEntities("china الصين");
  }

  /** A test of whether an article is about any of the words of a topic (same analyzer as search). */
  aboutTopic(topic: string): (article: Article) => boolean {
    const wanted = this.index.terms(topic).stems;
    return (article) => {
      let stems = this.articleStems.get(article);
      if (!stems) {
        stems = new Set(analyze([article.title, ...article.paragraphs.map((p) => p.text)].join("\n")).stems);
        this.articleStems.set(article, stems);
      }
      return wanted.some((t) => stems.has(t));
    };
  }

  /** The summary of one article (around a topic when given, for digests), or of the whole briefing. */
  summary(article?: Article, topic?: string): Summary {
    if (article) {
      let byTopic = this.articleSummaries.get(article);
      if (!byTopic) this.articleSummaries.set(article, (byTopic = new Map()));
      let s = byTopic.get(topic ?? "");
      if (!s) {
        s = summarizeArticle(article, { idf: (t) => this.index.idf(t), terms: (q) => this.index.terms(q), articles: this.list, ...(topic ? { topic } : {}) });
        byTopic.set(topic ?? "", s);
      }
      return s;
    }
    this.wholeSummary ??= summarizeBriefing(this.list, (a) => this.summary(a));
    return this.wholeSummary;
  }
}

export type { IngestWarning };
