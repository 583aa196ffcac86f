import { FilingEvent } from './filing.events';
import { FilingState } from './filing.state';

export function evolveFiling(state: FilingState, event: FilingEvent): FilingState {
  switch (event.type) {
    case 'StatisticsReportFiled':
      return { exists: true, filing: event.data };
    default: {
      const unhandled: never = event.type;
      void unhandled;
      return state;
    }
  }
}
