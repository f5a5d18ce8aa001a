/** Saving a subscription: the first digest comes at the next occurrence of the chosen time, not at once. */
import type { Stores, Subscription } from "../store/store.js";
import { localTime } from "./schedule.js";

export async function saveSubscription(stores: Stores, subscription: Subscription, now: Date): Promise<void> {
  await stores.subscriptions.saveSubscription(subscription);
  const local = localTime(now, subscription.timeZone);
  if (local.minutes >= subscription.minutes) await stores.deliveries.skipDay(subscription.chatId, local.date, now.getTime());
}
