import { Composer } from "grammy";
import type { BotContext, Deps } from "../context.js";
import { replyWithAnswer } from "../helpers/answer.js";
import { directed } from "../../render/bidi.js";
import { actionFilter, decode } from "../../render/callback-data.js";
import { decodeDeepLink } from "../../render/deep-link.js";
import { escapeHtml } from "../../render/html.js";
import { sendArticle, sendParagraph } from "../helpers/articles.js";
import { EXAMPLE_COUNT, exampleButtons } from "../helpers/examples.js";

/** /start: a welcome with example questions as buttons; deep links open an article, a paragraph or a query. */
export function startFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("start", async (ctx) => {
    const link = decodeDeepLink(ctx.match.trim());
    if (link?.kind === "paragraph" || link?.kind === "article") {
      const article = deps.briefing.find(link.articleId);
      if (article) {
        if (link.kind === "paragraph") await sendParagraph(ctx, article, link.paragraph);
        else await sendArticle(ctx, deps, article);
        return;
      }
    }
    if (link?.kind === "query") {
      const query = await deps.stores.queries.getQuery(link.queryId);
      if (query) return replyWithAnswer(ctx, deps, query);
    }
    const name = escapeHtml(ctx.from?.first_name ?? "");
    await ctx.reply(directed(ctx.view.lang, ctx.t("welcome", { name, count: deps.briefing.articles.length })), {
      reply_markup: { inline_keyboard: exampleButtons(ctx) },
    });
  });

  c.callbackQuery(actionFilter("example"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    if (action?.kind !== "example" || action.index >= EXAMPLE_COUNT) return ctx.answerCallbackQuery({ text: ctx.t("expired"), show_alert: true });
    await ctx.answerCallbackQuery();
    await replyWithAnswer(ctx, deps, ctx.t(`example-${action.index + 1}`));
  });

  return c;
}
