import { NotificationRequested, Template } from './notice.messages';
import { renderNotice } from './notice-templates';

type Request = NotificationRequested['data'];

/** A request as the ladder records it: deadline 2026-03-15 10:00 UTC (18:00 in Shanghai). */
function requested(template: Template, overrides: Partial<Request> = {}, params: Record<string, string | number> = {}): Request {
  return {
    dedupeKey: `HZ-2026-0001/2026-03-15T10:00:00.000Z/${template}/unit-1/email`,
    rung: template === 'deadline-reminder' ? 'remind-3d' : template === 'overdue-notice' ? 'overdue' : 'escalate',
    deadline: '2026-03-15T10:00:00.000Z',
    recipient: { kind: 'unit', id: 'unit-1', name: '星火化工有限公司' },
    channel: 'email',
    address: 'safety@xinghuo.example',
    template,
    params: {
      hazardId: 'HZ-2026-0001',
      unitName: '星火化工有限公司',
      location: '二号罐区东侧',
      deadline: '2026-03-15T10:00:00.000Z',
      daysOverdue: 0,
      responsiblePerson: '王建国',
      recipientName: '星火化工有限公司',
      ...params,
    },
    occurrence: 1,
    requestedAt: '2026-03-12T10:00:00.000Z',
    ...overrides,
  };
}

describe('renderNotice', () => {
  it('整改期限提醒: names the unit, the deadline in Shanghai time and the days left', () => {
    const notice = renderNotice(requested('deadline-reminder'));

    expect(notice.subject).toBe('整改期限提醒：星火化工有限公司事故隐患整改将于2026年3月15日到期');
    expect(notice.text).toContain('星火化工有限公司：');
    expect(notice.text).toContain('你单位位于二号罐区东侧的事故隐患（隐患编号：HZ-2026-0001）整改期限为2026年3月15日 18:00，距期限还有3天。');
    expect(notice.text).toContain('请整改责任人王建国按照整改方案落实整改措施');
  });

  it('shows times in the zone it is given', () => {
    const notice = renderNotice(requested('deadline-reminder'), { timeZone: 'UTC' });

    expect(notice.text).toContain('整改期限为2026年3月15日 10:00');
  });

  it('逾期通知 to the unit asks it to rectify at once and explain the delay', () => {
    const notice = renderNotice(requested('overdue-notice', { requestedAt: '2026-03-15T10:00:05.000Z' }));

    expect(notice.subject).toBe('逾期通知：星火化工有限公司事故隐患（HZ-2026-0001）已超过整改期限');
    expect(notice.text).toContain('截至2026年3月15日 18:00仍未完成整改，已逾期不足1天。');
    expect(notice.text).toContain('请立即组织整改');
    expect(notice.text).toContain('书面说明逾期原因和整改计划');
  });

  it('逾期通知 to the supervising department asks it to see the rectification through', () => {
    const notice = renderNotice(
      requested('overdue-notice', { recipient: { kind: 'department', id: 'dept-yj', name: '市应急管理局' } }, { recipientName: '市应急管理局', daysOverdue: 2.4 }),
    );

    expect(notice.text.startsWith('市应急管理局：')).toBe(true);
    expect(notice.text).toContain('星火化工有限公司位于二号罐区东侧的事故隐患');
    expect(notice.text).toContain('已逾期2天。');
    expect(notice.text).toContain('请依法督促该单位立即整改');
  });

  describe('督办函', () => {
    const letter = renderNotice(
      requested(
        'duban-letter',
        { recipient: { kind: 'department', id: 'ajw', name: '市安全生产委员会办公室' }, requestedAt: '2026-03-22T10:30:00.000Z' },
        { recipientName: '市安全生产委员会办公室', department: '市应急管理局', daysOverdue: 7.02 },
      ),
    );
    const paragraphs = letter.text.split('\n');

    it('has a title, an addressee and the issuing office with the date at the foot', () => {
      expect(letter.subject).toBe('督办函：关于督促星火化工有限公司限期整改逾期事故隐患的函');
      expect(paragraphs[0]).toBe('督办函');
      expect(paragraphs[2]).toBe('市应急管理局：');
      expect(paragraphs.slice(-2)).toEqual(['市安全生产委员会办公室', '2026年3月22日']);
    });

    it('states the facts: unit, location, hazard, deadline, days overdue, person responsible', () => {
      expect(letter.text).toContain(
        '经查，星火化工有限公司位于二号罐区东侧的事故隐患（隐患编号：HZ-2026-0001），整改期限为2026年3月15日 18:00，截至2026年3月22日 18:30已逾期7天，仍未完成整改。整改责任人：王建国。',
      );
    });

    it('requires rectification within a time limit and a written report back', () => {
      expect(letter.text).toContain('现对该隐患的整改予以督办');
      expect(letter.text).toContain('限期整改');
      expect(letter.text).toContain('将整改落实情况和验收结果书面报告本办');
    });
  });

  it('says what it can when a param is missing instead of printing undefined', () => {
    const notice = renderNotice(requested('duban-letter', { params: { hazardId: 'HZ-2026-0002' } }));

    expect(notice.text).not.toContain('undefined');
    expect(notice.text).toContain('有关部门：');
    expect(notice.text).toContain('整改期限为2026年3月15日 18:00');
  });
});
