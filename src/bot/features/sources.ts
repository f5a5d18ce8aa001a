import { Composer } from "grammy";
import type { BotContext, Deps } from "../context.js";
import { renderParagraph } from "../../render/article.js";
import { lineMark } from "../../render/bidi.js";
import { actionFilter, decode } from "../../render/callback-data.js";
import { renderSources } from "../../render/sources.js";
import { articleFromCommand, sendArticle, sendParagraph } from "../helpers/articles.js";
import { editOrIgnore, expired } from "../helpers/callbacks.js";
import { inGroup } from "../helpers/chat.js";
import { startLink } from "../../render/deep-link.js";

/** /sources, /article n, and the buttons that open articles and step through paragraphs. */
export function sourcesFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { briefing } = deps;

  c.command("sources", async (ctx) => {
    const { text, keyboard } = renderSources(briefing.articles, 0, ctx.view);
    await ctx.reply(text, { reply_markup: keyboard });
  });

  c.command("article", async (ctx) => {
    if (!ctx.match.trim()) {
      return ctx.reply(lineMark(ctx.view.lang) + ctx.t("article-usage", { count: String(briefing.articles.length) }));
    }
    const article = await articleFromCommand(ctx, deps, ctx.match);
    if (article) await sendArticle(ctx, deps, article);
  });

  c.callbackQuery(actionFilter("open", "goto", "read", "sources"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    if (action?.kind === "sources") {
      await ctx.answerCallbackQuery();
      const { text, keyboard } = renderSources(briefing.articles, action.page, ctx.view);
      return editOrIgnore(ctx, text, keyboard);
    }
    const article = action && "articleId" in action ? briefing.find(action.articleId) : undefined;
    if (!action || !article) return expired(ctx);
    // A whole article would fill a group: the button opens it in a private chat with the bot instead.
    if (action.kind === "read" && inGroup(ctx)) return ctx.answerCallbackQuery({ url: startLink(ctx.me.username, { kind: "article", articleId: article.id }) });
    await ctx.answerCallbackQuery();
    if (action.kind === "open") return sendParagraph(ctx, article, action.paragraph);
    if (action.kind === "goto") {
      const { text, keyboard } = renderParagraph(article, action.paragraph, ctx.view);
      return editOrIgnore(ctx, text, keyboard);
    }
    return sendArticle(ctx, deps, article);
  });

  return c;
}
