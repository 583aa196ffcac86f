import { Addressee } from '@hazard/domain';
import { ConfigError } from '@hazard/platform';
import { existsSync, readFileSync } from 'node:fs';

/** NOTIFY_DIRECTORY: `{"safetyCommittee": "<deptId>", "departments": {"<deptId>": {"name", "email", "webhookUrl"}}}`. */
export interface NotifyDirectory {
  readonly safetyCommittee: string | null;
  department(id: string): Addressee;
}

/** The departments' contacts; an absent file means no department contacts (their notices fail NO_CONTACT). */
export function loadNotifyDirectory(file: string): NotifyDirectory {
  const raw = existsSync(file) ? parse(file) : { departments: {} };
  const departments = raw.departments ?? {};
  return {
    safetyCommittee: raw.safetyCommittee ?? null,
    department: (id) => {
      const entry = departments[id];
      return { kind: 'department', id, name: entry?.name ?? id, ...(entry?.email && { email: entry.email }), ...(entry?.webhookUrl && { webhookUrl: entry.webhookUrl }) };
    },
  };
}

type DirectoryFile = { safetyCommittee?: string; departments?: Record<string, { name?: string; email?: string; webhookUrl?: string }> };

function parse(file: string): DirectoryFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('NOTIFY_DIRECTORY', `${file}: is not readable JSON (${(error as Error).message})`);
  }
  const d = raw as DirectoryFile;
  const ok = typeof raw === 'object' && raw !== null && (d.safetyCommittee === undefined || typeof d.safetyCommittee === 'string')
    && (d.departments === undefined || (typeof d.departments === 'object' && d.departments !== null));
  if (!ok) throw new ConfigError('NOTIFY_DIRECTORY', `${file}: must be {"safetyCommittee": "<deptId>", "departments": {"<deptId>": {"name", "email", "webhookUrl"}}}`);
  for (const [id, entry] of Object.entries(d.departments ?? {})) {
    if (typeof entry !== 'object' || entry === null || [entry.name, entry.email, entry.webhookUrl].some((v) => v !== undefined && typeof v !== 'string')) {
      throw new ConfigError('NOTIFY_DIRECTORY', `${file}: departments.${id} must have text name, email and webhookUrl`);
    }
  }
  return d;
}
