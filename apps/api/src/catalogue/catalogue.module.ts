import { DynamicModule, Global, Module } from '@nestjs/common';
import { Catalogue } from '@hazard/domain';
import { CatalogueController } from './catalogue.controller';
import { CATALOGUE } from './catalogue.token';

/**
 * The reference catalogue, read once before the app is built (createApp) from CATALOGUE_FILE, so a broken
 * file stops start-up with a ConfigError naming the entry, like any other bad setting.
 */
@Global()
@Module({})
export class CatalogueModule {
  static forRoot(catalogue: Catalogue): DynamicModule {
    return { module: CatalogueModule, controllers: [CatalogueController], providers: [{ provide: CATALOGUE, useValue: catalogue }], exports: [CATALOGUE] };
  }
}
