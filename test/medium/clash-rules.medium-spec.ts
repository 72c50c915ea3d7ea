import { DomainError } from '../../src/common/errors/problem.js';
import { findClashes } from '../../src/sessions/sessions.repository.js';
import { checkClashes } from '../../src/scheduling/write-warnings.js';
import { startServices, type ServiceTestApp } from '../support/medium.js';

let t: ServiceTestApp;
beforeAll(async () => {
  t = await startServices();
});
afterAll(async () => {
  await t.close();
});

/** A committee, one delegate, and a Moscow session 10:00–12:00 on 2026-12-01 the delegate must attend. */
async function busyDelegate() {
  const c = await t.ctx.newBilateralCommittee();
  const delegate = await t.ctx.newParticipant(c.committee.id, c.ru.id);
  const booked = await t.ctx.newSession(c.committee.id, { start: '2026-12-01T10:00', durationMinutes: 120 });
  await t.ctx.invite(booked.id, delegate.id);
  return { committeeId: c.committee.id, delegate, booked };
}

async function sessionFor(committeeId: string, participantId: string, start: string, invitation = {}) {
  const session = await t.ctx.newSession(committeeId, { start, durationMinutes: 60 });
  await t.ctx.invite(session.id, participantId, invitation);
  return session.id;
}

describe('clash rules (medium)', () => {
  it('finds an overlapping session of a required invitee, and no clash for one that only touches', async () => {
    const { committeeId, delegate, booked } = await busyDelegate();
    const overlapping = await sessionFor(committeeId, delegate.id, '2026-12-01T10:30');
    const touching = await sessionFor(committeeId, delegate.id, '2026-12-01T12:00');
    const clashes = await findClashes(t.db.manager, [overlapping, touching]);
    expect(
      clashes.map((clash) => ({ sessionId: clash.sessionId, participantIds: clash.participantIds })),
    ).toEqual([{ sessionId: booked.id, participantIds: [delegate.id] }]);
  });

  it('ignores an invitee whose attendance is optional', async () => {
    const { committeeId, delegate } = await busyDelegate();
    const optional = await sessionFor(committeeId, delegate.id, '2026-12-01T11:00', {
      attendance: 'optional',
    });
    expect(await findClashes(t.db.manager, [optional])).toEqual([]);
  });

  it('refuses the write with the clashes unless allowConflicts, which returns them as warnings', async () => {
    const { committeeId, delegate, booked } = await busyDelegate();
    const overlapping = await sessionFor(committeeId, delegate.id, '2026-12-01T09:30');
    const refusal = await checkClashes(t.db.manager, [overlapping], false).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect({
      status: (refusal as DomainError).status,
      code: (refusal as DomainError).code,
      clashes: ((refusal as DomainError).extensions?.clashes as Array<{ sessionId: string }>).map(
        (c) => c.sessionId,
      ),
    }).toEqual({ status: 409, code: 'schedule-conflict', clashes: [booked.id] });
    const warnings = await checkClashes(t.db.manager, [overlapping], true);
    expect(warnings.map((warning) => warning.sessionId)).toEqual([booked.id]);
  });
});
