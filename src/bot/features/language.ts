import { Composer } from "grammy";
import type { BotContext, Deps } from "../context.js";
import { lineMark } from "../../render/bidi.js";
import { actionFilter, decode, encode } from "../../render/callback-data.js";
import { LANGUAGES } from "../../language.js";
import { editOrIgnore } from "../helpers/callbacks.js";

/** /language: Arabic or English, remembered for the user across restarts. */
export function languageFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const buttons = () => [
    LANGUAGES.map((language) => ({
      text: language === "ar" ? "العربية" : "English",
      callback_data: encode({ kind: "language", language }),
    })),
  ];

  c.command("language", (ctx) =>
    ctx.reply(lineMark(ctx.view.lang) + ctx.t("language-prompt"), { reply_markup: { inline_keyboard: buttons() } }),
  );

  c.callbackQuery(actionFilter("language"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    if (action?.kind !== "language") return ctx.answerCallbackQuery({ text: ctx.t("expired"), show_alert: true });
    await deps.stores.languages.setLanguage(ctx.from.id, action.language);
    ctx.i18n.useLocale(action.language);
    ctx.view = { lang: action.language, t: ctx.view.t };
    await ctx.answerCallbackQuery();
    // A second press of the same button edits the message to what it already says: Telegram refuses, and that is fine.
    await editOrIgnore(ctx, lineMark(action.language) + ctx.t("language-set"), { inline_keyboard: [] });
  });
  return c;
}
