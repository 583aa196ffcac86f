import { Actor, HazardLevel, HazardSource } from '@hazard/domain';
import { Department, personName, rectifierOf } from './city';
import { HazardKind } from './hazard-kinds';
import { Random } from './random';
import type { Fate, SeedWorld } from './seed-world';
import { DAY_MS, Timeline } from './timeline';
import { SeedUnit } from './units';

const SOURCES: readonly (readonly [HazardSource, number])[] = [['inspection', 70], ['self-check', 12], ['monitoring', 8], ['media', 3], ['other', 7]];

/** The hazard a life is about: where, of what kind, whose. */
export interface Subject {
  readonly unit: SeedUnit;
  readonly department: Department;
  readonly kind: HazardKind;
  readonly level: HazardLevel;
  readonly location: string;
}

/** Writes one hazard's life onto its timeline, command by command, as the people of the city would act. */
export class Life {
  private readonly rectifier: Actor;
  private readonly id: string;

  constructor(
    private readonly world: SeedWorld,
    private readonly random: Random,
    readonly timeline: Timeline,
    private readonly subject: Subject,
  ) {
    this.rectifier = rectifierOf(subject.unit.creditCode);
    this.id = timeline.hazardId;
  }

  live(fate: Fate, longEvents?: number): void {
    const t = this.timeline;
    const major = this.subject.level === 'major';
    this.report(false);
    if (major && this.random.chance(0.4)) this.impose();
    if (fate === 'found') return;
    if (fate === 'repeat-finding') {
      t.waitHours(this.random.int(24, 24 * 20));
      this.report(true);
    }
    this.assign(fate === 'overdue' || fate === 'late' ? this.random.int(5, 12) : this.random.int(20, 60));
    if (fate === 'assigned' || fate === 'overdue') return;
    if (fate === 'long') return this.longLife(longEvents ?? this.random.int(250, 600));
    if (fate === 'extended') return void this.extend();
    // A quarter of the units ask for more time before they rectify; some fail their first verification.
    if (this.random.chance(0.25)) this.extend();
    this.rectify(fate === 'late');
    if (fate === 'rectified') return;
    if (fate === 'verified' && this.random.chance(0.15)) {
      this.verify(false);
      this.rectify(false);
    }
    if (fate === 'failed') {
      this.verify(false);
      if (this.random.chance(0.5)) return;
      this.assign(this.random.int(10, 30));
      this.rectify(false);
    }
    this.verify(true);
    if (fate === 'reopened') {
      t.waitHours(this.random.int(24 * 5, 24 * 60));
      this.decide(this.department.citySupervisor, { type: 'ReopenHazard', hazardId: this.id, data: { reason: '复查发现整改措施未落实到位' } });
    }
    if (fate === 'recurred') {
      t.waitHours(this.random.int(24 * 20, 24 * 150));
      this.report(true);
      if (this.random.chance(0.5)) this.cycleAgain();
    }
  }

  /** Hundreds of events: extensions asked and decided, failed verifications, reopenings — what the domain allows. */
  private longLife(target: number): void {
    const t = this.timeline;
    t.pace = 0.05;
    while (t.open && t.steps.length < target) {
      if (t.status === 'assigned' && this.random.chance(0.6)) this.extend();
      else if (t.status === 'assigned' || t.status === 'reopened') {
        if (t.deadline === null) this.assign(this.random.int(15, 40));
        this.rectify(false);
        this.verify(this.random.chance(0.4));
      } else if (t.status === 'verified') {
        t.waitHours(this.random.int(6, 48));
        this.decide(this.department.citySupervisor, { type: 'ReopenHazard', hazardId: this.id, data: { reason: '专项检查发现隐患反弹' } });
        this.assign(this.random.int(15, 40));
      } else this.assign(this.random.int(15, 40));
    }
  }

  private cycleAgain(): void {
    this.assign(this.random.int(15, 45));
    this.rectify(false);
    this.verify(true);
  }

  private get department(): Department {
    return this.subject.department;
  }

  private decide(actor: Actor, command: Parameters<Timeline['add']>[1]): boolean {
    return this.timeline.add(actor, command);
  }

  private report(again: boolean): void {
    const { unit, kind, level, location } = this.subject;
    const source = again ? 'inspection' : this.random.weighted(SOURCES);
    const actor = source === 'self-check' ? this.rectifier : this.random.pick(this.department.inspectors);
    const discoveredAt = this.timeline.iso();
    this.timeline.waitHours(this.random.int(1, 30) / 4);
    const bases = level === 'major' ? this.world.basesFor(unit.sector, discoveredAt) : [];
    this.decide(actor, {
      type: 'ReportHazard',
      hazardId: this.id,
      data: {
        unitId: unit.creditCode,
        unitName: unit.name,
        location,
        categoryCode: kind.categoryCode,
        sector: unit.sector,
        regionCode: unit.regionCode,
        level,
        source,
        description: again ? `复查再次发现：${kind.description}` : kind.description,
        discoveredAt,
        evidence: [`photo-${this.id.slice(0, 8)}-${this.timeline.steps.length + 1}.jpg`],
        ...(bases.length > 0 && { basisCode: this.random.pick(bases) }),
      },
    });
  }

  private impose(): void {
    const t = this.timeline;
    t.waitHours(this.random.int(4, 72));
    const authorityLevel = this.random.chance(0.3) ? 'city' : 'county';
    const year = new Date(t.at).getUTCFullYear();
    this.decide(this.department.citySupervisor, {
      type: 'ImposeSupervision',
      hazardId: this.id,
      data: {
        authorityLevel,
        reason: 'major',
        documentNo: `杭安督〔${year}〕${this.random.int(1, 300)}号`,
        issuedBy: personName(this.random.int(0, 500)),
      },
    });
    // 送达 and 签收 of the 督办通知书, usually within the NOTICE_SIGN_DAYS.
    t.waitHours(this.random.int(2, 48));
    this.decide(this.department.countySupervisor, {
      type: 'RecordNoticeServed',
      hazardId: this.id,
      data: { servedBy: this.department.countySupervisor.userId, servedAt: t.iso(t.at - 3_600_000), recipient: this.subject.unit.name },
    });
    t.waitHours(this.random.int(1, 96));
    // Recorded by the department: the unit has no rectifier's standing on the hazard before it is assigned.
    this.decide(this.department.countySupervisor, {
      type: 'RecordNoticeSigned',
      hazardId: this.id,
      data: { signedBy: personName(this.random.int(0, 5000)), signedAt: t.iso(t.at - 1_800_000) },
    });
  }

  private assign(deadlineDays: number): void {
    const t = this.timeline;
    t.waitHours(this.random.int(4, 72));
    this.decide(this.department.countySupervisor, {
      type: 'AssignRectification',
      hazardId: this.id,
      data: {
        responsibleUnitId: this.subject.unit.creditCode,
        responsiblePerson: personName(this.random.int(0, 5000)),
        supervisingDepartment: this.department.id,
        deadline: t.iso(t.at + deadlineDays * DAY_MS),
        requirements: this.subject.kind.requirements,
      },
    });
  }

  private extend(): void {
    const t = this.timeline;
    t.waitHours(this.random.int(6, 96));
    const from = Math.max(t.deadline ?? t.at, t.at);
    this.decide(this.rectifier, {
      type: 'RequestExtension',
      hazardId: this.id,
      data: { newDeadline: t.iso(from + this.random.int(3, 20) * DAY_MS), reason: '整改所需设备采购周期较长，申请延期' },
    });
    t.waitHours(this.random.int(2, 30));
    const approved = this.random.chance(0.7);
    this.decide(this.department.countySupervisor, {
      type: 'DecideExtension',
      hazardId: this.id,
      data: { approved, reason: approved ? '理由充分，同意延期' : '延期理由不充分，按原期限整改' },
    });
  }

  private rectify(late: boolean): void {
    const t = this.timeline;
    if (this.subject.level === 'major' && !t.planned && t.status === 'assigned') {
      t.waitHours(this.random.int(24, 96));
      this.decide(this.rectifier, {
        type: 'SubmitRemediationPlan',
        hazardId: this.id,
        data: {
          goals: '彻底消除重大事故隐患',
          measures: this.subject.kind.requirements,
          funding: '企业自筹',
          organisation: `安全生产管理部 ${personName(this.random.int(0, 5000))}`,
          timeline: '按期限分阶段完成',
          safetyMeasures: '整改期间设置警戒区，落实专人监护，制定应急预案',
          fundingAmount: this.random.int(5, 500) * 1000,
        },
      });
    }
    const deadline = t.deadline ?? t.at + 30 * DAY_MS;
    const target = late ? deadline + this.random.int(1, 15) * DAY_MS : t.at + (deadline - t.at) * (0.2 + 0.7 * this.random.next()) * t.pace;
    t.at = Math.max(t.at + 3_600_000, Math.round(target));
    this.decide(this.rectifier, {
      type: 'SubmitRectification',
      hazardId: this.id,
      data: { measures: this.subject.kind.measures, evidence: [`after-${this.id.slice(0, 8)}-${t.steps.length + 1}.jpg`], completedAt: t.iso(t.at - 3_600_000) },
    });
  }

  private verify(passed: boolean): void {
    const t = this.timeline;
    const major = this.subject.level === 'major';
    if (passed && major && !t.closureApplied && t.status === 'rectified') {
      t.waitHours(this.random.int(12, 72));
      this.decide(this.rectifier, {
        type: 'ApplyForClosure',
        hazardId: this.id,
        data: { assessedBy: 'experts', assessor: '浙江某某安全评价有限公司', summary: '经专家组评估，重大事故隐患已消除', evidence: ['assessment.pdf'], resumeProduction: true },
      });
    }
    t.waitHours(this.random.int(12, 24 * 6));
    const verifier = t.supervision === 'city' ? this.department.citySupervisor : this.department.countySupervisor;
    this.decide(verifier, {
      type: 'VerifyRectification',
      hazardId: this.id,
      data: { passed, notes: passed ? '现场复查，整改到位' : '复查未通过，整改不彻底' },
    });
    if (passed && t.supervision !== null && t.status === 'verified') {
      t.waitHours(this.random.int(24, 24 * 10));
      this.decide(this.department.citySupervisor, { type: 'LiftSupervision', hazardId: this.id, data: { reason: '隐患已整改销号，解除督办' } });
    }
  }
}
