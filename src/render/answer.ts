import type { InlineKeyboardMarkup } from "grammy/types";
import { snippetWindow } from "../briefing/snippet.js";
import type { Answer, Hit, KeyPoint, Missing, Range } from "../briefing/types.js";
import type { Language } from "../language.js";
import { isolate, lineMark } from "./bidi.js";
import { encode } from "./callback-data.js";
import { cutText, escapeHtml, highlight, snippet, splitMessages, windowed } from "./html.js";
import { CONTENT_MARK, citationButtons, keyPointLines, pagingRow, sourcesBlock, type View } from "./view.js";

export interface AnswerOptions {
  /** Id under which the query is stored, for the paging buttons. */
  queryId: string;
  /** Characters of each passage shown around the matched words. */
  snippetChars: number;
  pageSize: number;
  /** A note shown under the title (e.g. that a long question was cut). */
  note?: string;
  /** What the title shows instead of the query searched (a follow-up shows the reader's words). */
  title?: string;
  /** In groups: instead of paging here, a link that continues the answer in a private chat. */
  continueUrl?: string;
  /** At most this many key points under the lead (groups get fewer: answers are shorter there). */
  maxKeyPoints?: number;
  /** In private chats: a button that shares the question into another chat through inline mode. */
  share?: boolean;
}

export interface Rendered {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

const QUERY_SHOWN = 120;

/**
 * The answer in one line (cited), the key points the passages below do not already show, the passages cut around
 * the words that answer with those words in bold, and the sources — one message, paged with buttons.
 */
export function renderAnswer(answer: Answer, view: View, options: AnswerOptions): Rendered {
  const { t, lang } = view;
  const mark = lineMark(lang);
  const blocks: string[] = [];
  const title = mark + t("answer-title", { query: escapeHtml(cutText(options.title ?? answer.query, QUERY_SHOWN)) });
  const head = [title, ...(options.note ? [mark + options.note] : [])];
  if (answer.glosses && answer.glosses.length > 0) {
    const pairs = answer.glosses.map((g) => `${escapeHtml(g.term)} → ${isolate(escapeHtml(g.matched.join(" ")))}`);
    head.push(mark + t("glosses", { pairs: pairs.join(" · ") }));
  }
  blocks.push(head.join("\n"));

  const snippets = answer.hits.map((h) => passageSnippet(h, options.snippetChars));
  const lead = answer.lead;
  // A passage the lead already mostly shows is shown once, as the lead line with the lead in bold.
  const merged = lead ? mergedLead(lead, snippets[lead.cite - 1 - answer.offset]) : undefined;
  const passages = snippets.flatMap((s, i) => (merged && lead!.cite === answer.offset + i + 1 ? [] : [{ n: answer.offset + i + 1, s }]));
  const shown = [...(lead ? [lead.text] : []), ...passages.map((p) => p.s.text), ...(merged ? [merged.text] : [])];
  const shownTriples = shown.map((text) => new Set(triples(text)));
  const points = answer.keyPoints
    .filter((k) => {
      const mine = triples(k.text);
      return !shownTriples.some((have) => repeats(mine, have));
    })
    .slice(0, options.maxKeyPoints);
  const cite = (n: number) => isolate(`[${n}]`);
  const leadLine = lead && (merged ? `${CONTENT_MARK}${highlight(merged.text, merged.ranges)} ${cite(lead.cite)}` : `${CONTENT_MARK}<b>${escapeHtml(lead.text)}</b> ${cite(lead.cite)}`);
  // Readers of another language are told once that quotes are in Arabic: in the passages' heading, or here when
  // the lead is all that is quoted.
  const quotedNote = lang !== "ar" && passages.length === 0 ? [mark + t("quoted-in-arabic")] : [];
  if (leadLine) blocks.push([...quotedNote, leadLine, ...(points.length > 0 ? [keyPointLines(points)] : [])].join("\n"));
  else if (points.length > 0) blocks.push(`${mark}${t("key-points")}\n${keyPointLines(points)}`);

  const from = answer.offset + 1;
  const to = answer.offset + answer.hits.length;
  const paged = answer.offset > 0 || answer.total > answer.hits.length;
  if (passages.length > 0) {
    const heading = mark + (paged ? t(from === to ? "passage-of" : "passages-range", { from: String(from), to: String(to), total: String(answer.total) }) : t("passages"));
    blocks.push([heading, ...passages.map(({ n, s }) => `${CONTENT_MARK}<b>[${n}]</b> ${highlight(s.text, s.ranges)}`)].join("\n\n"));
  }
  blocks.push(sourcesBlock(answer.citations, view));

  const previous =
    answer.offset > 0
      ? { text: t("button-previous"), callback_data: encode({ kind: "page", queryId: options.queryId, offset: Math.max(0, answer.offset - options.pageSize) }) }
      : undefined;
  const next =
    to < answer.total
      ? { text: t("button-more"), callback_data: encode({ kind: "page", queryId: options.queryId, offset: to }) }
      : undefined;
  const paging = options.continueUrl
    ? next
      ? [{ text: t("button-continue-private"), url: options.continueUrl }]
      : []
    : pagingRow(view, previous, next);
  const share = options.share ? [{ text: t("button-share"), switch_inline_query: cutText(answer.query, 200) }] : [];
  const rows = [...citationButtons(answer.citations, view), paging, share].filter((r) => r.length > 0);
  // Snippets keep an answer well under the limit; should one not, the first message is what the reader sees.
  return { text: splitMessages(blocks)[0]!, keyboard: { inline_keyboard: rows } };
}

/** A passage cut around the words that answer (the answer model's marks), or around its first match without them. */
function passageSnippet(hit: Hit, chars: number): { text: string; ranges: Hit["highlights"] } {
  if (!hit.marks) return snippet(hit.paragraph.text, hit.highlights, chars);
  return windowed(hit.paragraph.text, snippetWindow(hit.paragraph.text, hit.marks, chars), hit.highlights);
}

/** Below this share of its passage, the lead is a line of its own; above it, the passage is shown as the lead. */
const LEAD_SHARE_OF_PASSAGE = 0.6;
/** A key point with this share of its word triples already shown says nothing new. */
const REPEAT_SHARE = 0.6;

const bare = (s: string) => s.replace(/^[\s…]+|[\s….!?؟:،,]+$/gu, "");

/** The lead's passage shown as the lead line, the lead in bold, when the lead is most of what the passage shows. */
function mergedLead(lead: KeyPoint, passage: { text: string } | undefined): { text: string; ranges: Range[] } | undefined {
  if (!passage) return undefined;
  const body = bare(lead.text).split("…")[0]!;
  const at = passage.text.indexOf(body);
  if (body.length === 0 || at < 0 || bare(lead.text).length < bare(passage.text).length * LEAD_SHARE_OF_PASSAGE) return undefined;
  return { text: passage.text, ranges: [[at, at + body.length]] };
}

function triples(text: string): string[] {
  const words = text.split(/[\s،,.:;؛!?؟…“”"«»()-]+/u).filter(Boolean);
  return words.length < 3 ? [words.join(" ")] : words.slice(2).map((_, i) => words.slice(i, i + 3).join(" "));
}

/** Whether a key point (its word triples) mostly repeats text already shown (the lead, or a passage's window). */
function repeats(mine: readonly string[], have: ReadonlySet<string>): boolean {
  return mine.filter((t) => have.has(t)).length >= mine.length * REPEAT_SHARE;
}

/**
 * Whether an answer is the "not covered" reply: it has nearby articles to offer, or names what the briefing lacks
 * (a country, a currency, a name, a thing to count, a price). With neither, the no-match note, which suggests words
 * to try, says more (a lone "08:00" is not a question about two numbers).
 */
export function saysNotCovered(answer: Answer): boolean {
  return answer.covered === false && ((answer.closest ?? []).length > 0 || (answer.missing ?? []).some((m) => m.kind !== "number"));
}

/**
 * What a question named that the briefing lacks, listed in the reader's language ("الهند والبرازيل", "India and
 * Brazil"), each name passed through `each` (escaping, isolation); "" when nothing is missing.
 */
export function missingList(missing: readonly Missing[], lang: Language, each: (name: string) => string = (n) => n): string {
  return new Intl.ListFormat([lang], { type: "conjunction" }).format(missingNames(missing, lang).map(each));
}

/** A country's or currency's name from its CLDR code, in the reader's language. */
function displayName(type: "region" | "currency", code: string, lang: Language): string {
  return new Intl.DisplayNames([lang], { type }).of(code) ?? code;
}

/**
 * What a question named that the briefing lacks, in the reader's language: a country, a currency's noun, a number or
 * a word as typed. A price, a count, a next event, a name, what a country said or a date, asked for, is said on a
 * line of its own (`renderNotCovered`).
 */
function missingNames(missing: readonly Missing[], lang: Language): string[] {
  const names = missing.flatMap((m) => {
    if (m.kind === "number" || m.kind === "term") return m.value;
    // A price, a count, a next event, a name or a country's words has a line of its own.
    if (m.kind !== "region" && m.kind !== "currency") return [];
    const name = displayName(m.kind, m.value, lang);
    // A currency by its noun (روبل, ruble), as a reader names it: the country is the question's own business.
    if (m.kind === "currency") return (lang === "ar" ? name.split(/\s+/)[0] : name.split(/\s+/).pop()!.toLowerCase()) ?? name;
    return name;
  });
  return [...new Set(names)];
}

/**
 * The reply when the briefing does not cover a question: said plainly, with the closest articles as buttons that
 * open them and `/sources`, instead of passages that only share a word or two.
 */
export function renderNotCovered(answer: Answer, view: View): { text: string; keyboard: InlineKeyboardMarkup } {
  const { t, lang } = view;
  const mark = lineMark(lang);
  const closest = answer.closest ?? [];
  const lines = [mark + t("not-covered", { query: escapeHtml(cutText(answer.query, 80)) })];
  const missing = missingList(answer.missing ?? [], lang, (n) => isolate(escapeHtml(n)));
  if (missing) lines.push(mark + t("not-covered-missing", { names: missing }));
  if (answer.missing?.some((m) => m.kind === "price")) lines.push(mark + t("not-covered-price"));
  for (const m of answer.missing ?? []) if (m.kind === "count") lines.push(mark + t("not-covered-count", { noun: isolate(escapeHtml(m.value)) }));
  for (const m of answer.missing ?? []) if (m.kind === "name") lines.push(mark + t("not-covered-name", { title: isolate(escapeHtml(m.value)) }));
  for (const m of answer.missing ?? []) if (m.kind === "said") lines.push(mark + t("not-covered-said", { name: isolate(escapeHtml(displayName("region", m.value, lang))) }));
  if (answer.missing?.some((m) => m.kind === "later")) lines.push(mark + t("not-covered-later"));
  if (answer.missing?.some((m) => m.kind === "date")) lines.push(mark + t("not-covered-date"));
  if (closest.length > 0) lines.push("", mark + t("not-covered-closest"));
  lines.push("", mark + t("not-covered-sources"));
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: closest.map((c) => [{ text: `📰 ${cutText(c.title, 48)}`, callback_data: encode({ kind: "read", articleId: c.articleId, part: 0 }) }]),
  };
  return { text: lines.join("\n"), keyboard };
}
