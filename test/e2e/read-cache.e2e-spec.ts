import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import { AgendaRenderService } from '../../src/agenda/agenda-render.service.js';
import { SessionsService } from '../../src/sessions/sessions.service.js';
import { personalLink, signIn } from '../support/portal.js';
import { serverUrl } from '../support/test-database.js';
import { startSecondInstance, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A committee's page of sessions and a session's agenda are kept as answered (and a portal
 * session page's shared part, portal-kept-views.e2e-spec.ts), by the version of
 * the committee's content read on every request: a read after any change, through any instance,
 * shows the change; a read when nothing changed computes nothing.
 */
function localIn(days: number): string {
  return `${DateTime.utc().plus({ days }).toISODate()}T10:00`;
}

type Page = { items: Array<{ id: string; title: { en: string }; timing: string }> };
type Agenda = { items: Array<{ titleText: string; presenters: Array<{ name: string }> }> };

describe('Kept answers of pages and agendas', () => {
  let t: TestApp;
  let committeeId: string;
  let partyId: string;
  let sessionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const jec = await t.ctx.newBilateralCommittee();
    committeeId = jec.committee.id;
    partyId = jec.ir.id;
    sessionId = (await t.ctx.newSession(committeeId, { start: localIn(5), title: { en: 'Auto industry' } }))
      .id;
  });
  afterAll(async () => {
    await t.close();
  });

  const page = (client = t.admin) => client.get(`/api/v1/sessions?committeeId=${committeeId}`).expect(200);
  const agenda = (client = t.admin) => client.get(`/api/v1/sessions/${sessionId}/agenda?lang=en`).expect(200);

  it('computes a repeated read once, and again after each change', async () => {
    const listing = jest.spyOn(t.app.get(SessionsService), 'list');
    const rendering = jest.spyOn(t.app.get(AgendaRenderService), 'render');
    try {
      const first = await page();
      const again = await page();
      expect(again.text).toBe(first.text);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      expect(listing).toHaveBeenCalledTimes(1);

      await t.admin
        .patch(`/api/v1/sessions/${sessionId}`)
        .send({ title: { en: 'Shipbuilding' } })
        .expect(200);
      const changed = (await page()).body as Page;
      expect(changed.items.find((item) => item.id === sessionId)?.title.en).toBe('Shipbuilding');
      expect(listing).toHaveBeenCalledTimes(2);

      const presenter = await t.ctx.newParticipant(committeeId, partyId, {
        fullName: { en: 'Hamid Zadboum' },
      });
      await t.admin
        .post(`/api/v1/sessions/${sessionId}/agenda-items`)
        .send({
          kind: 'discussion',
          title: { en: 'Opening' },
          durationMinutes: 15,
          presenterIds: [presenter.id],
        })
        .expect(201);
      expect((await agenda()).body as Agenda).toMatchObject({
        items: [{ titleText: 'Opening', presenters: [{ name: 'Hamid Zadboum' }] }],
      });
      await agenda();
      expect(rendering).toHaveBeenCalledTimes(1);
      // A presenter renamed: the agenda shows the new name.
      await t.admin
        .patch(`/api/v1/participants/${presenter.id}`)
        .send({ fullName: { en: 'Hamid Zadboum-Tehrani' } })
        .expect(200);
      expect(((await agenda()).body as Agenda).items[0].presenters[0].name).toBe('Hamid Zadboum-Tehrani');
      expect(rendering).toHaveBeenCalledTimes(2);
    } finally {
      listing.mockRestore();
      rendering.mockRestore();
    }
  });

  it('keeps each caller’s answer apart: a delegate never gets an organizer’s page', async () => {
    const draft = await t.ctx.newSession(committeeId, { start: localIn(6), title: { en: 'Draft plenary' } });
    const delegate = await t.ctx.newParticipant(committeeId, partyId, { fullName: { en: 'Delegate' } });
    const asDelegate = t.as(await t.ctx.delegateToken(delegate.id));
    expect(((await page()).body as Page).items.map((item) => item.id)).toContain(draft.id);
    expect(((await page(asDelegate)).body as Page).items.map((item) => item.id)).not.toContain(draft.id);
    await asDelegate.get(`/api/v1/sessions/${draft.id}/agenda`).expect(404);
    await t.admin.get(`/api/v1/sessions/${draft.id}/agenda`).expect(200);
    await asDelegate.get(`/api/v1/sessions/${draft.id}/agenda`).expect(404);
  });

  it('answers a bad request as before, and keeps nothing for it', async () => {
    const bad = await t.admin.get(`/api/v1/sessions/${sessionId}/agenda?tz=Mars/Olympus`).expect(422);
    expect(bad.body.errors[0].path).toBe('tz');
    await t.admin.get(`/api/v1/sessions/${sessionId}/agenda?tz=Mars/Olympus`).expect(422);
  });
});

const describeOnServer = serverUrl() !== undefined ? describe : describe.skip;

describeOnServer('Kept answers across instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startSecondInstance(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Through instance A: the session retitled 'Trade', and an agenda item 'Tariffs' added. */
  async function retitleAndAddItem(sessionId: string): Promise<void> {
    await a.admin
      .patch(`/api/v1/sessions/${sessionId}`)
      .send({ title: { en: 'Trade' } })
      .expect(200);
    await a.admin
      .post(`/api/v1/sessions/${sessionId}/agenda-items`)
      .send({ kind: 'discussion', title: { en: 'Tariffs' }, durationMinutes: 30 })
      .expect(201);
  }

  it('shows a change made through another instance on the next read', async () => {
    const jec = await a.ctx.newBilateralCommittee();
    const session = await a.ctx.newSession(jec.committee.id, { start: localIn(4), title: { en: 'Customs' } });
    const path = `/api/v1/sessions?committeeId=${jec.committee.id}`;
    const before = (await b.admin.get(path).expect(200)).body as Page;
    expect(before.items[0].title.en).toBe('Customs');
    await b.admin.get(`/api/v1/sessions/${session.id}/agenda`).expect(200);
    await retitleAndAddItem(session.id);
    expect(((await b.admin.get(path).expect(200)).body as Page).items[0].title.en).toBe('Trade');
    const agenda = (await b.admin.get(`/api/v1/sessions/${session.id}/agenda?lang=en`).expect(200))
      .body as Agenda;
    expect(agenda.items.map((item) => item.titleText)).toEqual(['Tariffs']);
  });

  it('shows a portal session page changed through another instance on the next view', async () => {
    const jec = await a.ctx.newBilateralCommittee();
    const delegate = await a.ctx.newParticipant(jec.committee.id, jec.ir.id, { locale: 'en' });
    const session = await a.ctx.newSession(jec.committee.id, { start: localIn(4), title: { en: 'Customs' } });
    await a.ctx.publish(session.id);
    await a.ctx.invite(session.id, delegate.id);
    const onB = await signIn(b, await personalLink(a, delegate.id));
    expect((await onB.get(`/sessions/${session.id}`).expect(200)).text).toContain('Customs');
    await retitleAndAddItem(session.id);
    const after = (await onB.get(`/sessions/${session.id}`).expect(200)).text;
    expect(after).toContain('Trade');
    expect(after).toContain('Tariffs');
  });
});
