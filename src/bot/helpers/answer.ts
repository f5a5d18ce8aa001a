/** Turning a reader's question into the answer message: shared by /search, free text, examples and deep links. */
import { hasSearchableScript } from "../../briefing/arabic.js";
import { chatterKind } from "../../briefing/chatter.js";
import { followUpQuery, splitFocus, typed } from "../../briefing/follow-up.js";
import { cutAtWord } from "../../briefing/ingest.js";
import type { BotContext, Deps } from "../context.js";
import { saysNotCovered, renderAnswer, renderNotCovered, type Rendered } from "../../render/answer.js";
import { escapeHtml, cutText } from "../../render/html.js";
import { lineMark } from "../../render/bidi.js";
import { startLink } from "../../render/deep-link.js";
import { exampleButtons } from "./examples.js";

/** Longer questions are searched by their beginning (Telegram's inline queries stop at 256 too). */
export const MAX_QUERY_CHARS = 256;
export const PAGE_SIZE = 3;
/**
 * Characters of each passage in a private chat. Over the 100 questions of ../shared/eval, rendered answers had a
 * median of 1,184 characters at 300 (30 over 1,300) and 1,096 at 260 (17 over); windows are cut around the
 * answering words, so the answer stays inside.
 */
export const PRIVATE_SNIPPET = 260;
export const GROUP_SNIPPET = 180;
/** Under the lead in groups; the rest is a tap away in the private chat. */
export const GROUP_KEY_POINTS = 1;

/** A short message within this long after a question in a private chat may follow it up ("وماذا عن الغاز؟"). */
export const FOLLOW_UP_MS = 5 * 60_000;

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
export async function answerMessage(ctx: BotContext, deps: Deps, raw: string, offset = 0, asked?: FollowUp): Promise<Rendered | undefined> {
  const { view } = ctx;
  const query = prepareQuery(raw);
  // A saved follow-up paged later is titled by its own words, with the subject it borrowed as the note.
  const parts = splitFocus(query.text);
  const followUp = asked ?? (parts.focus ? { asked: parts.focus, previous: parts.subject } : undefined);
  const mark = lineMark(view.lang);
  if (!hasSearchableScript(query.text)) return { text: mark + view.t("no-searchable-text"), keyboard: { inline_keyboard: [] } };
  const answer = deps.briefing.answer(query.text, offset, PAGE_SIZE);
  // Not covered, with articles near it to offer; with none near, the note below suggests words to try.
  if (offset === 0 && saysNotCovered(answer)) return renderNotCovered(answer, view);
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
    ...(query.cut ? { note: view.t("query-cut") } : followUp ? { note: view.t("follow-up-note", { previous: escapeHtml(cutText(followUp.previous, 80)) }), title: followUp.asked } : {}),
    ...(inPrivate ? { share: true } : { continueUrl: startLink(ctx.me.username, { kind: "query", queryId }), maxKeyPoints: GROUP_KEY_POINTS }),
  });
}

/** A follow-up read with the question before it: what the reader typed, and that question. */
export interface FollowUp {
  asked: string;
  previous: string;
}

export async function replyWithAnswer(ctx: BotContext, deps: Deps, raw: string, followUp?: FollowUp): Promise<void> {
  const rendered = await answerMessage(ctx, deps, raw, 0, followUp);
  if (!rendered) return;
  const { text, keyboard } = rendered;
  await ctx.reply(text, { reply_markup: keyboard });
}

interface LastQuestion {
  text: string;
  at: number;
}

const lastQuestionKey = (chatId: number) => `last-question:${chatId}`;

/**
 * What a reader typed to the bot, answered: greetings and thanks with a friendly line and an example question;
 * in a private chat, a short follow-up within a few minutes with the subject of the question before it; anything
 * else as a question. The last question is kept in the store, so a follow-up works across restarts and workers.
 */
export async function replyToText(ctx: BotContext, deps: Deps, sent: string): Promise<void> {
  // Only the bot writes the focus mark (a follow-up's query): a reader's copy of it means nothing.
  const text = typed(sent);
  const kind = chatterKind(text);
  if (kind) {
    // The first example in the reader's language (the English examples begin with an Arabic one).
    const example = ctx.view.lang === "en" ? 1 : 0;
    await ctx.reply(lineMark(ctx.view.lang) + ctx.t(`chatter-${kind}`), { reply_markup: { inline_keyboard: exampleButtons(ctx).slice(example, example + 1) } });
    return;
  }
  if (ctx.chat?.type !== "private") return replyWithAnswer(ctx, deps, text);
  const key = lastQuestionKey(ctx.chat.id);
  const now = deps.clock.now();
  const last = (await deps.stores.state.readState(key)) as LastQuestion | undefined;
  const recent = last && now - last.at <= FOLLOW_UP_MS ? last : undefined;
  const query = recent ? followUpQuery(recent.text, text) : undefined;
  if (query && recent) {
    await replyWithAnswer(ctx, deps, query, { asked: text, previous: recent.text });
    // The subject stays the first question's, so "and the gas?" then "and the oil?" both read with it.
    await deps.stores.state.writeState(key, { text: recent.text, at: now } satisfies LastQuestion);
    return;
  }
  await replyWithAnswer(ctx, deps, text);
  await deps.stores.state.writeState(key, { text: prepareQuery(text).text, at: now } satisfies LastQuestion);
}
