import { Provider } from '@nestjs/common';
import { openReadModelsDb, READ_MODELS_FILE } from '@hazard/projections';
import { join } from 'node:path';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';

/** This replica's read models: `DATA_DIR/read-models.sqlite` (better-sqlite3 connection). */
export const READ_MODELS_DB = Symbol('READ_MODELS_DB');

export const readModelsDbProvider: Provider = {
  provide: READ_MODELS_DB,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => openReadModelsDb(join(config.dataDir, READ_MODELS_FILE)),
};
