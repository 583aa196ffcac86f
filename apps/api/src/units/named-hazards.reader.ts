import { Inject, Injectable } from '@nestjs/common';
import { hazardDecoder, NamedHazard } from '@hazard/domain';
import { EventStore, StreamNotFoundError } from '@hazard/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/**
 * The hazards a self-check report names, read from their streams (the truth, not a read model) and handed to
 * the decider on the command: each one's unit and the discoveredAt of each `self-check` finding.
 */
@Injectable()
export class NamedHazardsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  read(hazardIds: readonly string[]): Promise<NamedHazard[]> {
    return Promise.all([...new Set(hazardIds)].map((id) => this.one(id)));
  }

  private async one(hazardId: string): Promise<NamedHazard> {
    let unitId: string | undefined;
    const selfCheckFindings: string[] = [];
    try {
      for (const stored of await this.store.readStream(hazardDecoder.streamIdFor(hazardId))) {
        const event = hazardDecoder.decode(stored);
        if (event?.type === 'HazardFound') unitId = event.data.unitId;
        if ((event?.type === 'HazardFound' || event?.type === 'HazardFoundAgain') && event.data.source === 'self-check') selfCheckFindings.push(event.data.discoveredAt);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { hazardId, ...(unitId === undefined ? {} : { unitId }), selfCheckFindings };
  }
}
