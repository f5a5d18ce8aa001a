import { Composer } from "grammy";
import type { BotContext, Deps } from "../context.js";
import { directed } from "../../render/bidi.js";

const DAY_MS = 24 * 3600 * 1000;

/** /stats and /reload for ADMIN_IDS; for anyone else these are unknown commands. */
export function adminFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const admins = c.filter((ctx) => ctx.from !== undefined && deps.settings.adminIds.includes(ctx.from.id));

  admins.command("stats", async (ctx) => {
    const s = await deps.stores.deliveries.digestStats(deps.clock.now() - DAY_MS);
    const lastRun = s.lastRun === undefined ? ctx.t("admin-never") : `${new Date(s.lastRun).toISOString().slice(0, 16).replace("T", " ")} UTC`;
    await ctx.reply(
      directed(
        ctx.view.lang,
        ctx.t("admin-stats", {
          active: String(s.active),
          paused: String(s.paused),
          inactive: String(s.inactive),
          sent: String(s.sentSince),
          lastRun,
          articles: String(deps.briefing.articles.length),
          passages: deps.briefing.passageCount,
          groups: String(await deps.stores.chats.groupCount()),
        }),
      ),
    );
  });

  admins.command("reload", async (ctx) => {
    const added = await deps.briefing.reload();
    ctx.log.info({ added: added.map((a) => a.source) }, "admin reload");
    await ctx.reply(directed(ctx.view.lang, ctx.t("admin-reloaded", { added: added.length, total: String(deps.briefing.articles.length) })));
  });
  return c;
}
