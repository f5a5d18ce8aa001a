/** The languages the bot speaks: Arabic by default, English for readers whose Telegram is in English or who choose it. */
export type Language = "ar" | "en";

export const LANGUAGES: readonly Language[] = ["ar", "en"];
