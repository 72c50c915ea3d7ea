import { DomainError } from '../../src/common/errors/problem.js';
import { Series } from '../../src/series/series.entity.js';
import { SeriesEditsService } from '../../src/series/series-edits.service.js';
import { SeriesService } from '../../src/series/series.service.js';
import { Session } from '../../src/sessions/session.entity.js';
import { ADMIN, startServices, type ServiceTestApp } from '../support/medium.js';

let t: ServiceTestApp;
beforeAll(async () => {
  t = await startServices();
});
afterAll(async () => {
  await t.close();
});

/** Weekly on Tuesdays in Tehran at 10:00, four times from 2027-01-12, with one invitee. */
async function tehranTuesdays() {
  const c = await t.ctx.newBilateralCommittee();
  const delegate = await t.ctx.newParticipant(c.committee.id, c.ir.id);
  const created = await t.service(SeriesService).create(ADMIN, {
    committeeId: c.committee.id,
    title: { en: 'Customs working group' },
    kind: 'working_group',
    format: 'online',
    timeZone: 'Asia/Tehran',
    startDate: '2027-01-12',
    startTime: '10:00',
    durationMinutes: 90,
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
    publish: true,
  });
  await t
    .service(SeriesService)
    .invite(ADMIN, created.series.id, { invitations: [{ participantId: delegate.id }] }, true);
  return { ...created, delegate };
}

function localStarts(occurrences: Session[]): string[] {
  return occurrences.map((occurrence) => occurrence.recurrenceId!);
}

describe('SeriesEditsService.update (medium)', () => {
  it('splits the series from a date: later occurrences keep their rows and invitations, dropped dates go', async () => {
    const { series, occurrences } = await tehranTuesdays();
    const result = await t
      .service(SeriesEditsService)
      .update(ADMIN, series.id, { from: '2027-01-19', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3' });

    expect(result.continuedBy).toBe(result.series.id);
    expect(localStarts(result.occurrences)).toEqual([
      '2027-01-19T10:00',
      '2027-01-21T10:00',
      '2027-01-26T10:00',
    ]);
    // The Tuesdays the new rule still has are the same rows; Thursday is new.
    expect([result.occurrences[0].id, result.occurrences[2].id]).toEqual([
      occurrences[1].id,
      occurrences[2].id,
    ]);
    expect(result.occurrences[1].status).toBe('scheduled');
    const old = await t.db.getRepository(Series).findOneByOrFail({ id: series.id });
    expect({ rule: old.rule, sequence: old.sequence }).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270118T202959Z',
      sequence: 1,
    });
    expect(await t.db.getRepository(Session).countBy({ id: occurrences[3].id })).toBe(0);
    const invited: Array<{ count: number }> = await t.db.query(
      `SELECT count(*)::int AS count FROM session_participants v JOIN sessions s ON s.id = v.session_id
        WHERE s.series_id = $1`,
      [result.series.id],
    );
    expect(invited[0].count).toBe(3);
  });

  it('refuses a `from` after the last occurrence and leaves every row as it was', async () => {
    const { series } = await tehranTuesdays();
    const before = { series: await t.count('series'), sessions: await t.count('sessions') };
    const refusal = await t
      .service(SeriesEditsService)
      .update(ADMIN, series.id, { from: '2027-03-01', startTime: '09:00' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect({ status: (refusal as DomainError).status, errors: (refusal as DomainError).errors }).toEqual({
      status: 422,
      errors: [{ path: 'from', message: 'is after the series’ last occurrence; nothing is left to change' }],
    });
    expect({ series: await t.count('series'), sessions: await t.count('sessions') }).toEqual(before);
  });
});
