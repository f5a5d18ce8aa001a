/** What every renderer needs to know about the reader, and the pieces they share. */
import type { InlineKeyboardButton } from "grammy/types";
import type { Citation, KeyPoint } from "../briefing/types.js";
import type { Language } from "../language.js";
import { isolate, lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { cutText, escapeHtml } from "./html.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface View {
  lang: Language;
  t: Translate;
  /** The number an article has in /sources, so a citation can say "article 4"; without it titles alone are shown. */
  articleNumber?: (articleId: string) => number | undefined;
}

/** Article text is Arabic: its lines read right to left whatever the interface language. */
export const CONTENT_MARK = "\u200F";

export function formatDate(iso: string | undefined, view: View): string {
  if (!iso) return view.t("undated");
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  return dateFormat(view.lang).format(date);
}

/** Building an Intl formatter costs more than formatting many dates with it: one per language. */
const dateFormats = new Map<View["lang"], Intl.DateTimeFormat>();
function dateFormat(lang: View["lang"]): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === "ar" ? "ar-u-nu-latn" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dateFormats.set(lang, format);
  }
  return format;
}

/** Longer titles are cut in source lines: the number opens the article, the title only recalls it. */
const SOURCE_TITLE_MAX = 70;

/** "article 4: title — 2 September 2025 — paragraphs 1, 2, 6" without citation numbers, in the reader's direction. */
export function sourceLine(c: Citation, view: View): string {
  return lineMark(view.lang) + sourceText([c], view);
}

/** One line per article cited, in order of first citation: its citation numbers, then the article and its paragraphs. */
export function sourcesBlock(citations: readonly Citation[], view: View): string {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) groups.set(c.articleId, [...(groups.get(c.articleId) ?? []), c]);
  const lines = [...groups.values()].map((cs) => lineMark(view.lang) + `${isolate(cs.map((c) => `[${c.n}]`).join(" "))} ${sourceText(cs, view)}`);
  return [lineMark(view.lang) + view.t("sources-heading"), ...lines].join("\n");
}

/** The citations of one article: its number and title, its date when it has one ("undated" is said in /sources), its paragraphs. */
function sourceText(cs: readonly Citation[], view: View): string {
  const first = cs[0]!;
  // In the order of the citation numbers before them: "[1] [2] … الفقرتان 6، 2" reads [1] → 6, [2] → 2.
  const paragraphs = [...new Set(cs.map((c) => c.paragraph))];
  const number = view.articleNumber?.(first.articleId);
  const title = escapeHtml(cutText(first.title, SOURCE_TITLE_MAX));
  return view.t("source-line", {
    article: number === undefined ? title : view.t("source-article", { n: String(number), title }),
    date: first.date ? ` — ${formatDate(first.date, view)}` : "",
    count: paragraphs.length,
    paragraphs: paragraphs.join(view.lang === "ar" ? "، " : ", "),
  });
}

/** A point and its citation numbers: its own first, then those of other articles reporting the same fact. */
export function keyPointLines(points: readonly KeyPoint[]): string {
  return points.map((p) => `${CONTENT_MARK}• ${escapeHtml(p.text)} ${isolate([p.cite, ...(p.also ?? [])].map((n) => `[${n}]`).join(""))}`).join("\n");
}

/** One button per citation, opening the cited paragraph; rows of up to five. */
export function citationButtons(citations: readonly Citation[], view: View): InlineKeyboardButton[][] {
  const buttons = citations.map((c) => ({
    text: view.t("button-open", { n: String(c.n) }).replace(/[\u2068\u2069]/g, ""),
    callback_data: encode({ kind: "open", articleId: c.articleId, paragraph: c.paragraph }),
  }));
  return chunk(buttons, 5);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

/** Paging buttons in reading order: for Arabic, "more" sits on the left, where the eye goes next. */
export function pagingRow(
  view: View,
  previous: InlineKeyboardButton | undefined,
  next: InlineKeyboardButton | undefined,
): InlineKeyboardButton[] {
  const row = [previous, next].filter((b): b is InlineKeyboardButton => b !== undefined);
  return view.lang === "ar" ? row.reverse() : row;
}
