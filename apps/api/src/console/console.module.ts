import { Module } from '@nestjs/common';
import { BuiltAssets } from '../web-pages/built-assets';
import { CONSOLE_ASSETS } from '../web-pages/page-assets.tokens';
import { ConsolePageController } from './console-page.controller';

/** The zh-CN console at `/console` (its source is apps/console-web, built by `npm run build:web`). */
@Module({
  controllers: [ConsolePageController],
  providers: [{ provide: CONSOLE_ASSETS, useFactory: () => new BuiltAssets('console-web') }],
})
export class ConsoleModule {}
