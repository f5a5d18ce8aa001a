import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Briefing } from "../briefing/briefing.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../clock.js";
import type { Stores } from "../store/store.js";
import type { View } from "../render/view.js";

export interface BotSettings {
  adminIds: readonly number[];
  rateLimitPerMinute: number;
}

/** Everything a feature may use; handed to each feature factory, never read from globals. */
export interface Deps {
  briefing: Briefing;
  stores: Stores;
  clock: Clock;
  settings: BotSettings;
  logger: Logger;
}

/** The context inside a conversation: translations and the reader's view, but no conversation controls. */
export type InnerContext = Context &
  I18nFlavor & {
    /** Logger bound to this update. */
    log: Logger;
    /** The reader's language and translate function, for the pure renderers. */
    view: View;
  };

export type BotContext = ConversationFlavor<InnerContext>;
