import { excludeSystemEvents, type Filter } from '@eventstore/db-client';

/**
 * EventStoreDB's own events ($metadata, $> links, $statsCollected, projection bookkeeping…) have types that
 * start with `$`. The port's global log holds only the application's events, so subscriptions ask the server
 * to leave them out, and `$all` reads (the client offers no server-side filter on reads) drop them with the
 * same rule.
 */
export function systemEventFilter(): Filter {
  return excludeSystemEvents();
}

export function isSystemEvent(event: { readonly type: string }): boolean {
  return event.type.startsWith('$');
}
