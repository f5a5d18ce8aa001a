/** Turning a reader's question into the answer message: shared by /search, free text, examples and deep links. */
import { hasSearchableScript } from "../../briefing/arabic.js";
import { cutAtWord } from "../../briefing/ingest.js";
import type { BotContext, Deps } from "../context.js";
import { offersClosest, renderAnswer, renderNotCovered, type Rendered } from "../../render/answer.js";
import { escapeHtml, cutText } from "../../render/html.js";
import { lineMark } from "../../render/bidi.js";
import { startLink } from "../../render/deep-link.js";

/** Longer questions are searched by their beginning (Telegram's inline queries stop at 256 too). */
export const MAX_QUERY_CHARS = 256;
export const PAGE_SIZE = 3;
export const PRIVATE_SNIPPET = 300;
export const GROUP_SNIPPET = 180;
/** Under the lead in groups; the rest is a tap away in the private chat. */
export const GROUP_KEY_POINTS = 1;

export interface PreparedQuery {
  text: string;
  cut: boolean;
}

export function prepareQuery(raw: string): PreparedQuery {
  const text = raw.replace(/\s+/g, " ").trim();
  return text.length > MAX_QUERY_CHARS ? { text: cutAtWord(text, MAX_QUERY_CHARS).replace(/…$/, ""), cut: true } : { text, cut: false };
}

/**
 * The reply for a question at a page, or a friendly note when it cannot be searched or nothing matches;
 * undefined when the page lies past the last result.
 */
export async function answerMessage(ctx: BotContext, deps: Deps, raw: string, offset = 0): Promise<Rendered | undefined> {
  const { view } = ctx;
  const query = prepareQuery(raw);
  const mark = lineMark(view.lang);
  if (!hasSearchableScript(query.text)) return { text: mark + view.t("no-searchable-text"), keyboard: { inline_keyboard: [] } };
  const answer = deps.briefing.answer(query.text, offset, PAGE_SIZE);
  // Not covered, with articles near it to offer; with none near, the note below suggests words to try.
  if (offset === 0 && offersClosest(answer)) return renderNotCovered(answer, view);
  if (answer.total === 0) {
    return { text: mark + view.t("no-match", { query: escapeHtml(cutText(query.text, 80)) }), keyboard: { inline_keyboard: [] } };
  }
  if (answer.hits.length === 0) return undefined;
  const queryId = await deps.stores.queries.saveQuery(query.text);
  const inPrivate = ctx.chat?.type === "private" || ctx.chat === undefined;
  return renderAnswer(answer, view, {
    queryId,
    snippetChars: inPrivate ? PRIVATE_SNIPPET : GROUP_SNIPPET,
    pageSize: PAGE_SIZE,
    ...(query.cut ? { note: view.t("query-cut") } : {}),
    ...(inPrivate ? { share: true } : { continueUrl: startLink(ctx.me.username, { kind: "query", queryId }), maxKeyPoints: GROUP_KEY_POINTS }),
  });
}

export async function replyWithAnswer(ctx: BotContext, deps: Deps, raw: string): Promise<void> {
  const rendered = await answerMessage(ctx, deps, raw);
  if (!rendered) return;
  const { text, keyboard } = rendered;
  await ctx.reply(text, { reply_markup: keyboard });
}
