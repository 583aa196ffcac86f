import { admin } from './actors';
import { TestApp } from './test-app';

/** An event as `GET /hazards/:id/history` answers it. */
export interface HistoryEvent {
  type: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
  metadata: { actor: { userId: string }; causationId: string; correlationId: string; commandId: string };
}

/** A hazard's history, read as the admin (who reads everything). */
export async function historyOf(app: TestApp, hazardId: string): Promise<HistoryEvent[]> {
  return (await app.as(admin).get(`/api/v1/hazards/${hazardId}/history`).expect(200)).body.events;
}
