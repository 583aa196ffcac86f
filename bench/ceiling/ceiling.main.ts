/**
 * The ceiling of bench:commands: Nest 11 on Fastify from the project's own dependencies, one POST route
 * taking a 12-field class-validator DTO through the same global ValidationPipe settings, doing nothing. What
 * the web stack alone costs per request; the product's commands are measured against it in the same run.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { NoopCommandDto } from './noop-command.dto';

@Controller()
class NoopController {
  @Post('noop')
  @HttpCode(200)
  accept(@Body() _command: NoopCommandDto): { ok: true } {
    return { ok: true };
  }

  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [NoopController] })
class CeilingModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter(), { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env['PORT'] ?? 0), process.env['HOST'] ?? '127.0.0.1');
}

void main();
