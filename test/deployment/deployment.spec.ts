import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { composeValidator } from './compose-spec';

/**
 * The distributed deployment, checked without Docker (no engine and no `docker compose` here):
 * docker-compose.yml against the Compose specification's JSON schema and against what README "Running at
 * scale" promises, and the Dockerfile by its text.
 */
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Service {
  readonly image?: string;
  readonly command?: string[] | string;
  readonly healthcheck?: { readonly test?: string[] | string; readonly disable?: boolean };
  readonly depends_on?: Record<string, { readonly condition?: string }> | string[];
  readonly build?: { readonly context?: string; readonly dockerfile?: string; readonly target?: string };
  readonly environment?: Record<string, string> | string[];
  readonly volumes?: Array<string | { readonly source?: string; readonly target?: string }>;
  readonly profiles?: string[];
}

interface Compose {
  readonly services: Record<string, Service>;
  readonly volumes?: Record<string, unknown>;
}

/** Compose's YAML, merge keys (`<<: *anchor`) resolved as Compose resolves them. */
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as Compose;

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

function mountsOf(service: Service): Array<{ source: string; target: string }> {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source ?? '', target: volume.target ?? '' };
    const [source = '', target = ''] = volume.split(':');
    return { source, target };
  });
}

const services = Object.entries(compose.services);
const esdbNodes = services.filter(([, service]) => service.image?.startsWith('eventstore/eventstore'));
const apiReplicas = services.filter(([, service]) => environmentOf(service)['EVENT_STORE'] === 'eventstoredb' && !service.profiles);

describe('docker-compose.yml', () => {
  it('is valid under the Compose specification', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by the same validator if it were malformed (the check is not vacuous)', () => {
    const validate = composeValidator();
    const api = compose.services['api-1'];
    const broken = { ...compose, services: { ...compose.services, 'api-1': { ...api, ports: '3001', restart: 'sometimes', volumez: [] } } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/services/api-1/ports']));
  });

  it('declares a three-node EventStoreDB cluster, each node seeded with the other two', () => {
    expect(esdbNodes).toHaveLength(3);
    for (const [name, node] of esdbNodes) {
      const env = environmentOf(node);
      expect(env['EVENTSTORE_CLUSTER_SIZE']).toBe('3');
      const seeds = env['EVENTSTORE_GOSSIP_SEED']?.split(',') ?? [];
      expect(seeds).toHaveLength(2);
      expect(seeds).not.toContain(`${env['EVENTSTORE_REPLICATION_IP']}:2113`);
      expect(mountsOf(node)).toEqual([expect.objectContaining({ target: '/var/lib/eventstore' })]);
      expect(name).toMatch(/^esdb-node[123]$/);
    }
  });

  it('runs the cluster insecure for local use only, and says how to secure it for production', () => {
    for (const [, node] of esdbNodes) expect(environmentOf(node)['EVENTSTORE_INSECURE']).toBe('true');
    expect(composeText).toMatch(/INSECURE MODE, FOR LOCAL USE ONLY/);
    expect(composeText).toMatch(/In production run the cluster secure/);
    expect(composeText).toMatch(/tls=true/);
  });

  it('runs at least two API replicas from the Dockerfile against the whole cluster, with one shared JWT secret', () => {
    expect(apiReplicas.length).toBeGreaterThanOrEqual(2);
    const secrets = new Set<string | undefined>();
    for (const [, api] of apiReplicas) {
      expect(api.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', target: 'runtime' });
      const env = environmentOf(api);
      const connection = env['ESDB_CONNECTION_STRING'] ?? '';
      expect(connection).toMatch(/^esdb(\+discover)?:\/\//);
      if (connection.startsWith('esdb://')) {
        for (const [node] of esdbNodes) expect(connection).toContain(`${node}:2113`);
      }
      expect(env).toMatchObject({ HOST: '0.0.0.0', DATA_DIR: '/data' });
      secrets.add(env['JWT_SECRET']);
    }
    expect([...secrets]).toEqual([expect.stringMatching(/^\$\{JWT_SECRET/)]);
  });

  it('gives each API replica its own read-model volume at DATA_DIR', () => {
    const dataVolumes = apiReplicas.map(([, api]) => mountsOf(api).find((mount) => mount.target === environmentOf(api)['DATA_DIR'])?.source);
    expect(dataVolumes.every((volume) => volume && compose.volumes && volume in compose.volumes)).toBe(true);
    expect(new Set(dataVolumes).size).toBe(apiReplicas.length);
  });
});

describe('docker-compose.yml: health, pinned images, start order, PostgreSQL', () => {
  const postgresServers = services.filter(([, service]) => service.image?.startsWith('postgres:'));
  const postgresReplicas = services.filter(([, service]) => environmentOf(service)['EVENT_STORE'] === 'postgres');
  const apis = [...apiReplicas, ...postgresReplicas];

  it('gives every long-running service a health check; only a one-shot job in a profile disables it', () => {
    for (const [name, service] of services) {
      const oneShot = Boolean(service.profiles && service.command);
      if (oneShot) expect({ name, healthcheck: service.healthcheck }).toEqual({ name, healthcheck: { disable: true } });
      else expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.arrayContaining([expect.any(String)]) });
    }
  });

  it('pins EventStoreDB and PostgreSQL to a patch release', () => {
    for (const [, node] of esdbNodes) expect(node.image).toMatch(/^eventstore\/eventstore:24\.10\.\d+(-[a-z-]+)?$/);
    expect(postgresServers).toHaveLength(1);
    expect(postgresServers[0]?.[1].image).toMatch(/^postgres:\d+\.\d+(-[a-z-]+)?$/);
  });

  it('starts the APIs without waiting for the store to be healthy (they answer 503 until it does), and says why', () => {
    for (const [name, api] of apis) {
      const conditions = Object.values(Array.isArray(api.depends_on) ? {} : (api.depends_on ?? {})).map((dependency) => dependency.condition);
      expect({ name, conditions }).toEqual({ name, conditions: conditions.map(() => 'service_started') });
    }
    expect(composeText).toMatch(/503 \+ Retry-After until a leader answers/);
  });

  it('bounds every EventStoreDB call and the search for a leader in the connection string', () => {
    for (const [, api] of apiReplicas) {
      const query = new URLSearchParams((environmentOf(api)['ESDB_CONNECTION_STRING'] ?? '').split('?')[1] ?? '');
      expect(Number(query.get('defaultDeadline'))).toBeGreaterThan(0);
      expect(Number(query.get('maxDiscoverAttempts'))).toBeGreaterThan(0);
      expect(Number(query.get('gossipTimeout'))).toBeGreaterThan(0);
    }
  });

  it('has a "postgres" profile: the server and two API replicas with EVENT_STORE=postgres, DATABASE_URL and their own DATA_DIR volumes', () => {
    const [[serverName, server] = ['', {} as Service]] = postgresServers;
    expect(server.profiles).toEqual(['postgres']);
    expect(mountsOf(server)).toEqual([expect.objectContaining({ target: '/var/lib/postgresql/data' })]);
    expect(postgresReplicas.length).toBeGreaterThanOrEqual(2);
    const volumes = new Set<string | undefined>();
    for (const [, api] of postgresReplicas) {
      expect(api.profiles).toEqual(['postgres']);
      expect(api.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile', target: 'runtime' });
      const env = environmentOf(api);
      expect(new URL((env['DATABASE_URL'] ?? '').replace(/\$\{[^}]*\}/g, 'x')).host).toBe(`${serverName}:5432`);
      expect(env['ESDB_CONNECTION_STRING']).toBeUndefined();
      volumes.add(mountsOf(api).find((mount) => mount.target === env['DATA_DIR'])?.source);
    }
    expect([...volumes].every((volume) => volume && compose.volumes && volume in compose.volumes)).toBe(true);
    expect(volumes.size).toBe(postgresReplicas.length);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

  it('builds in one stage and runs in another', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/python3 make g\+\+/); // better-sqlite3 compiles natively
  });

  it('installs only production dependencies for the runtime', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/COPY --from=deps \/app\/node_modules/);
  });

  it('runs as a non-root user, listening on all interfaces, with DATA_DIR on a volume', () => {
    const users = instructions.filter((line) => line.startsWith('USER '));
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/);
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
  });

  it('leaves local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });
});
