/** Saving a subscription: the first digest comes at the next occurrence of the chosen time, not at once. */
import type { Store, Subscription } from "../store/store.js";
import { localTime } from "./schedule.js";

export async function saveSubscription(store: Store, subscription: Subscription, now: Date): Promise<void> {
  await store.saveSubscription(subscription);
  const local = localTime(now, subscription.timeZone);
  if (local.minutes >= subscription.minutes) await store.skipDay(subscription.chatId, local.date, now.getTime());
}
