import { Composer } from "grammy";
import type { Article } from "../../briefing/types.js";
import type { BotContext, Deps } from "../context.js";
import { actionFilter, decode } from "../../render/callback-data.js";
import { renderSummary } from "../../render/sources.js";
import { expired } from "../helpers/callbacks.js";
import { articleFromCommand } from "../helpers/articles.js";

/** /summary: key points of the whole briefing; /summary n: of one article. */
export function summaryFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { briefing } = deps;

  const send = async (ctx: BotContext, article?: Article) => {
    const summary = briefing.summary(article);
    const { text, keyboard } = renderSummary(summary, ctx.view, briefing.articles.length, article && briefing.numberOf(article));
    await ctx.reply(text, { reply_markup: keyboard });
  };

  c.command("summary", async (ctx) => {
    if (!ctx.match.trim()) return send(ctx);
    const article = await articleFromCommand(ctx, deps, ctx.match);
    if (article) await send(ctx, article);
  });

  c.callbackQuery(actionFilter("summary"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    const article = action?.kind === "summary" ? briefing.find(action.articleId) : undefined;
    if (!article) return expired(ctx);
    await ctx.answerCallbackQuery();
    await send(ctx, article);
  });
  return c;
}
