import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { hasSearchableScript } from "../../briefing/arabic.js";
import { typed } from "../../briefing/follow-up.js";
import type { Missing } from "../../briefing/types.js";
import type { BotContext, Deps } from "../context.js";
import { prepareQuery } from "../helpers/answer.js";
import { missingList } from "../../render/answer.js";
import { cutText } from "../../render/html.js";
import { answerPoints, browseResults, INLINE_PAGE, keyPointsResult, latestFirst, passageResults } from "../../render/inline.js";

/** Results depend on the reader's language, so they are cached per user. */
const CACHE_SECONDS = 300;
/**
 * What the button says when the briefing names what a question asks of, but not the price, count, next event, name
 * or saying asked for; the first that applies.
 */
const UNSTATED: ReadonlyArray<readonly [Missing["kind"], string]> = [
  ["price", "inline-no-price"],
  ["count", "inline-no-count"],
  ["later", "inline-no-later"],
  ["name", "inline-no-name"],
  ["said", "inline-no-said"],
];

/** `@bot question` in any chat: key points first, then passages, paged with next_offset. */
export function inlineFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { briefing } = deps;

  c.on("inline_query", async (ctx) => {
    const { view } = ctx;
    const bot = ctx.me.username;
    const offset = /^\d{1,5}$/.test(ctx.inlineQuery.offset) ? Number(ctx.inlineQuery.offset) : 0;
    const query = prepareQuery(typed(ctx.inlineQuery.query)).text;
    const answer = (results: InlineQueryResultArticle[], more: boolean) =>
      ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, is_personal: true, next_offset: more ? String(offset + INLINE_PAGE) : "" });

    if (!query) {
      const all = browseResults(latestFirst(briefing.articles), briefing.summary(), (a) => briefing.summary(a), view, bot, briefing.articles.length);
      return answer(all.slice(offset, offset + INLINE_PAGE), offset + INLINE_PAGE < all.length);
    }
    const found = hasSearchableScript(query) ? briefing.answer(query, offset, INLINE_PAGE) : undefined;
    if (!found || found.total === 0) {
      // When the question names what the briefing lacks, the button says so ("never mentions India").
      // The names are cut, not the button's "open mujaz" (60 characters in all).
      const missing = missingList(found?.missing ?? [], view.lang);
      const unstated = UNSTATED.find(([kind]) => found?.missing?.some((m) => m.kind === kind))?.[1] ?? "inline-no-match";
      const text = missing ? ctx.t("inline-not-covered", { names: cutText(missing, 24) }) : ctx.t(unstated);
      return ctx.answerInlineQuery([], {
        cache_time: CACHE_SECONDS,
        is_personal: true,
        button: { text: cutText(text, 60), start_parameter: "help" },
      });
    }
    // A page holds INLINE_PAGE results: on the first, the key-points result takes one passage's place.
    const withPoints = offset === 0 && answerPoints(found).length > 0;
    const passages = passageResults(found, view, bot).slice(0, withPoints ? INLINE_PAGE - 1 : INLINE_PAGE);
    const results = withPoints ? [keyPointsResult(found, view, bot, await deps.stores.queries.saveQuery(query)), ...passages] : passages;
    const next = offset + passages.length;
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS, is_personal: true, next_offset: next < found.total ? String(next) : "" });
  });

  return c;
}
