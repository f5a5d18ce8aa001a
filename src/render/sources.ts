import type { Article, Summary } from "../briefing/types.js";
import { lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { escapeHtml } from "./html.js";
import type { Rendered } from "./answer.js";
import { CONTENT_MARK, chunk, citationButtons, formatDate, keyPointLines, pagingRow, sourcesBlock, type View } from "./view.js";

export const SOURCES_PAGE_SIZE = 10;

/** A page of the article list, each with a numbered button that opens it. */
export function renderSources(articles: readonly Article[], page: number, view: View): Rendered {
  const { t } = view;
  const mark = lineMark(view.lang);
  const pages = Math.max(1, Math.ceil(articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const start = current * SOURCES_PAGE_SIZE;
  const shown = articles.slice(start, start + SOURCES_PAGE_SIZE);
  const lines = shown.map(
    (a, i) => CONTENT_MARK + t("sources-line", { n: String(start + i + 1), title: escapeHtml(a.title), date: formatDate(a.date, view) }),
  );
  const header = mark + t("sources-title", { count: String(articles.length) });
  const footer = pages > 1 ? `\n\n${mark}${t("sources-page", { page: String(current + 1), pages: String(pages) })}` : "";
  const open = shown.map((a, i) => ({ text: String(start + i + 1), callback_data: encode({ kind: "read", articleId: a.id, part: 0 }) }));
  const previous = current > 0 ? { text: t("button-previous"), callback_data: encode({ kind: "sources", page: current - 1 }) } : undefined;
  const next = current < pages - 1 ? { text: t("button-more"), callback_data: encode({ kind: "sources", page: current + 1 }) } : undefined;
  const rows = [...chunk(open, 5), pagingRow(view, previous, next)].filter((r) => r.length > 0);
  return { text: `${header}\n\n${lines.join("\n")}${footer}`, keyboard: { inline_keyboard: rows } };
}

/** Key points of an article (with its number) or of the whole briefing, each cited. */
export function renderSummary(summary: Summary, view: View, articleCount: number, number?: number): Rendered {
  const { t } = view;
  const mark = lineMark(view.lang);
  const title = summary.article
    ? CONTENT_MARK + t("summary-title", { title: `${number ?? ""}. ${escapeHtml(summary.article.title)}` })
    : mark + t("briefing-summary-title", { count: articleCount });
  if (summary.keyPoints.length === 0) return { text: `${title}\n\n${mark}${t("summary-empty")}`, keyboard: { inline_keyboard: [] } };
  const text = [title, keyPointLines(summary.keyPoints), sourcesBlock(summary.citations, view)].join("\n\n");
  return { text, keyboard: { inline_keyboard: citationButtons(summary.citations, view) } };
}
