/** What every renderer needs to know about the reader, and the pieces they share. */
import type { InlineKeyboardButton } from "grammy/types";
import type { Citation, KeyPoint } from "../briefing/types.js";
import type { Language } from "../language.js";
import { isolate, lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { escapeHtml } from "./html.js";

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface View {
  lang: Language;
  t: Translate;
}

/** Article text is Arabic: its lines read right to left whatever the interface language. */
export const CONTENT_MARK = "\u200F";

export function formatDate(iso: string | undefined, view: View): string {
  if (!iso) return view.t("undated");
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  const locale = view.lang === "ar" ? "ar-u-nu-latn" : "en-GB";
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** "[n] title — date — paragraph p", as a line in the reader's direction with the title isolated. */
export function citationLine(c: Citation, view: View): string {
  return lineMark(view.lang) + `${isolate(`[${c.n}]`)} ${sourceText(c, view)}`;
}

/** "title — date — paragraph p" without a citation number, in the reader's direction. */
export function sourceLine(c: Citation, view: View): string {
  return lineMark(view.lang) + sourceText(c, view);
}

function sourceText(c: Citation, view: View): string {
  return view.t("source-line", { title: escapeHtml(c.title), date: formatDate(c.date, view), paragraph: String(c.paragraph) });
}

export function sourcesBlock(citations: readonly Citation[], view: View): string {
  return [lineMark(view.lang) + view.t("sources-heading"), ...citations.map((c) => citationLine(c, view))].join("\n");
}

export function keyPointLines(points: readonly KeyPoint[]): string {
  return points.map((p) => `${CONTENT_MARK}• ${escapeHtml(p.text)} ${isolate(`[${p.cite}]`)}`).join("\n");
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
