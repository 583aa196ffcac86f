import { Controller, ForbiddenException, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { TIP_DASHBOARD, TIP_PAGE } from './dto/tip-responses.schema';
import type { Database } from 'better-sqlite3';
import { Actor, ExistingTip } from '@hazard/domain';
import { listTips, tipDashboard, TipScope } from '@hazard/projections';
import { actorOf, Claims } from '@hazard/platform';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { MinPositionQueryDto } from '../dashboard/read-models/min-position-query.dto';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { TipListQueryDto } from './dto/tip-list-query.dto';
import { tipView } from './tip-queries.controller';

/** The tips a reader covers (API.md "Read scope"); a rectifier reads none (403). */
export function tipScopeOf(actor: Actor): TipScope {
  if (actor.roles.includes('reviewer') || actor.roles.includes('admin')) return { all: true };
  if (actor.roles.includes('tip-officer')) return { regions: actor.regions ?? [] };
  if (actor.roles.includes('inspector') || actor.roles.includes('supervisor')) return { department: actor.departmentId };
  throw new ForbiddenException('tips are read by tip officers, the departments they are handed to, reviewers and admins');
}

/** The officer's list of tips and the 举报 dashboard, from the read models. */
@ApiTags('tips')
@ApiBearerAuth()
@ApiErrors(...SECURED, 400, [403, 'a rectifier reads no tips'])
@Controller()
export class TipListController {
  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('tips')
  @ApiAnswer('the tips the reader covers, newest first, filtered by status, region and overdue', TIP_PAGE)
  async list(@Query() query: TipListQueryDto, @CurrentClaims() claims: Claims) {
    const scope = tipScopeOf(actorOf(claims));
    await this.readYourWrites.atLeast(query.minPosition);
    const filter = { status: query.status, regionCode: query.regionCode, overdue: query.overdue === undefined ? undefined : query.overdue === 'true' };
    const page = listTips(this.db, scope, filter, { page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    return { ...page, items: page.items.map((item) => tipView(item as unknown as ExistingTip)) };
  }

  @Get('dashboard/tips')
  @ApiAnswer('举报 figures over the tips the reader covers', TIP_DASHBOARD)
  async dashboard(@Query() query: MinPositionQueryDto, @CurrentClaims() claims: Claims) {
    const scope = tipScopeOf(actorOf(claims));
    await this.readYourWrites.atLeast(query.minPosition);
    return tipDashboard(this.db, scope);
  }
}
