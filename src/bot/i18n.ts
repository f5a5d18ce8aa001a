import { I18n } from "@grammyjs/i18n";
import { fileURLToPath } from "node:url";
import { LANGUAGES, type Language } from "../language.js";
import type { LanguageStore } from "../store/store.js";
import type { InnerContext } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** Arabic by default; English for users whose Telegram is in English, unless they chose otherwise. */
export function languageOf(telegramCode: string | undefined): Language {
  return telegramCode?.toLowerCase().startsWith("en") ? "en" : "ar";
}

/** Translations; with a store, each user's chosen language comes first. */
export function createI18n(languages?: LanguageStore): I18n<InnerContext> {
  return new I18n<InnerContext>({
    defaultLocale: "ar",
    directory: LOCALES_DIR,
    localeNegotiator: async (ctx) =>
      (ctx.from && languages ? await languages.getLanguage(ctx.from.id) : undefined) ?? languageOf(ctx.from?.language_code),
  });
}

/** A translate function for one language outside any update (CLI, digests). */
export function translator(i18n: I18n<InnerContext>, language: Language): (key: string, vars?: Record<string, string | number>) => string {
  return (key, vars) => i18n.t(language, key, vars);
}
