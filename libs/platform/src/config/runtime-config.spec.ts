import { ConfigError } from './config-error';
import { loadRuntimeConfig } from './runtime-config';

describe('SHUTDOWN_GRACE_MS', () => {
  it('defaults to 10 s', () => {
    expect(loadRuntimeConfig({})).toEqual({ shutdownGraceMs: 10_000 });
  });

  it('takes a whole number of milliseconds', () => {
    expect(loadRuntimeConfig({ SHUTDOWN_GRACE_MS: '25000' }).shutdownGraceMs).toBe(25_000);
  });

  it.each(['0', '50', '1.5', '10s', '700000'])('refuses %s, naming the variable', (value) => {
    expect(() => loadRuntimeConfig({ SHUTDOWN_GRACE_MS: value })).toThrow(ConfigError);
    expect(() => loadRuntimeConfig({ SHUTDOWN_GRACE_MS: value })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});
