import { Provider } from '@nestjs/common';
import { AppConfig, ReporterVault, resolveMasterKey, SqliteKeyStore } from '@hazard/platform';
import { APP_CONFIG } from '../infrastructure/config.module';

export const REPORTER_VAULT = Symbol('REPORTER_VAULT');

/**
 * The key store (PII_KEY_STORE) and the master key (PII_MASTER_KEY, or generated into DATA_DIR). Start-up
 * stops on a master key that opens none of the stored keys: a wrong key would make every identity unreadable.
 */
export const reporterVaultProvider: Provider = {
  provide: REPORTER_VAULT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const vault = new ReporterVault(SqliteKeyStore.open(config.piiKeyStore), resolveMasterKey(config.dataDir, config.piiMasterKey));
    vault.verifyMasterKey();
    return vault;
  },
};

/**
 * A tip's data key is filed under its tipId and the hash of its query code: each intake attempt has its own,
 * so two intakes racing for one number never overwrite each other's key.
 */
export function reporterKeyRef(tipId: string, codeHash: string): string {
  return `${tipId}:${codeHash}`;
}
