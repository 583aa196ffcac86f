import { connectionSettings, DEFAULT_DEADLINE_MS } from './connection-settings';

describe('connectionSettings', () => {
  it('bounds calls by the connection string’s defaultDeadline, whatever its case, else by the client’s 10 s', () => {
    expect(connectionSettings('esdb://localhost:2113?tls=false&defaultDeadline=2500').deadlineMs).toBe(2500);
    expect(connectionSettings('esdb://localhost:2113?tls=false&DefaultDeadline=700').deadlineMs).toBe(700);
    expect(connectionSettings('esdb://localhost:2113?tls=false').deadlineMs).toBe(DEFAULT_DEADLINE_MS);
  });

  it('adds bounded discovery settings to a cluster connection string that names none, and leaves given ones alone', () => {
    expect(connectionSettings('esdb://a:2113,b:2113?tls=false').connectionString).toBe(
      'esdb://a:2113,b:2113?tls=false&maxDiscoverAttempts=5&gossipTimeout=2&discoveryInterval=500',
    );
    expect(connectionSettings('esdb+discover://cluster.local:2113').connectionString).toBe(
      'esdb+discover://cluster.local:2113?maxDiscoverAttempts=5&gossipTimeout=2&discoveryInterval=500',
    );
    expect(connectionSettings('esdb://a:2113,b:2113?max-discover-attempts=9&gossipTimeout=1&discoveryInterval=50').connectionString).toBe(
      'esdb://a:2113,b:2113?max-discover-attempts=9&gossipTimeout=1&discoveryInterval=50',
    );
  });

  it('leaves a single-node connection string as it is (no discovery there)', () => {
    expect(connectionSettings(' esdb://localhost:2113?tls=false ').connectionString).toBe('esdb://localhost:2113?tls=false');
  });
});
