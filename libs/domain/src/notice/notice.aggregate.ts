import { ForbiddenError } from '../hazard/hazard.errors';
import { Aggregate } from '../shared/aggregate';
import { createDecoder } from '../shared/decoder';
import { decideNotice, evolveNotice, initialNoticeState, NoticeState } from './notice.decider';
import { NOTICE_EVENT_TYPES, NoticeCommand, NoticeEvent } from './notice.messages';

/**
 * `notices-<hazardId>`: the notices of a hazard on a stream of their own, hash-chained like every stream, so
 * the hazard's command stream, its revision and If-Match are untouched by notifications.
 */
export const noticeDecoder = createDecoder<NoticeEvent>({ streamPrefix: 'notices-', eventTypes: NOTICE_EVENT_TYPES, upcasters: [] });

export const noticeAggregate: Aggregate<NoticeCommand, NoticeEvent, NoticeState> = {
  decider: { decide: decideNotice, evolve: evolveNotice, initialState: initialNoticeState },
  decoder: noticeDecoder,
  idOf: (command) => command.hazardId,
  authorize: (command) => {
    if (!command.actor.roles.includes('admin')) throw new ForbiddenError('notifications are recorded by the system only');
  },
  schemaVersionOf: () => 1,
};
