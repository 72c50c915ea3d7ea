import { jest } from '@jest/globals';
import { DateTime } from 'luxon';
import { PortalRepository } from '../../src/portal/portal.repository.js';
import { personalLink, signIn, type PortalBrowser } from '../support/portal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A session page's shared part (all but the reader's own answer, name and minutes) is kept by
 * the committee's content version, read with the signed-in delegate on every view: delegates of
 * one language and zone share it, and a view after any change shows the change (through another
 * instance: read-cache.e2e-spec.ts).
 */
function localIn(days: number): string {
  return `${DateTime.utc().plus({ days }).toISODate()}T10:00`;
}

/** The page's RSVP state, as the delegate reads it. */
function answerOn(html: string): string | undefined {
  return /id="rsvp-state">([^<]*)</.exec(html)?.[1];
}

describe('Delegate portal: kept session pages', () => {
  let t: TestApp;
  let committeeId: string;
  let ruPartyId: string;
  let irPartyId: string;
  let sessionId: string;
  let ali: PortalBrowser;
  let sara: PortalBrowser;
  let aliId: string;
  let saraId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const jec = await t.ctx.newBilateralCommittee();
    committeeId = jec.committee.id;
    ruPartyId = jec.ru.id;
    irPartyId = jec.ir.id;
    const first = await t.ctx.newParticipant(committeeId, jec.ir.id, {
      fullName: { en: 'Ali Rezaei' },
      locale: 'en',
    });
    const second = await t.ctx.newParticipant(committeeId, jec.ir.id, {
      fullName: { en: 'Sara Ahmadi' },
      locale: 'en',
    });
    aliId = first.id;
    saraId = second.id;
    sessionId = (await t.ctx.newSession(committeeId, { start: localIn(5), title: { en: 'Auto industry' } }))
      .id;
    await t.ctx.publish(sessionId);
    await t.ctx.invite(sessionId, first.id);
    await t.ctx.invite(sessionId, second.id);
    ali = await signIn(t, await personalLink(t, first.id));
    sara = await signIn(t, await personalLink(t, second.id));
  });
  afterAll(() => t.close());

  const view = async (who: PortalBrowser) => (await who.get(`/sessions/${sessionId}`).expect(200)).text;

  it('builds the shared part once for delegates of one language and zone, each page still their own', async () => {
    const reading = jest.spyOn(t.app.get(PortalRepository), 'sessionAgenda');
    try {
      const aliPage = await view(ali);
      const saraPage = await view(sara);
      expect(reading).toHaveBeenCalledTimes(1);
      expect(aliPage).toContain('Auto industry');
      expect(saraPage).toContain('Auto industry');
      expect(aliPage).toContain('Ali Rezaei');
      expect(aliPage).not.toContain('Sara Ahmadi');
      expect(saraPage).toContain('Sara Ahmadi');
      // Sara's page is built from the part Ali's view kept: nothing of Ali's is in it.
      expect(saraPage).not.toContain('Ali Rezaei');
      // Each form carries its own session's CSRF token.
      expect(await ali.csrf(`/sessions/${sessionId}`)).not.toBe(await sara.csrf(`/sessions/${sessionId}`));

      await ali
        .post(`/sessions/${sessionId}/rsvp`, { _csrf: await ali.csrf(), rsvp: 'accepted' })
        .expect(303);
      expect(answerOn(await view(ali))).toBe('Accepted');
      expect(answerOn(await view(sara))).toBe('Not answered');
    } finally {
      reading.mockRestore();
    }
  });

  it('shows each change on the next view: title, agenda item, presenter renamed', async () => {
    await t.admin
      .patch(`/api/v1/sessions/${sessionId}`)
      .send({ title: { en: 'Shipbuilding' } })
      .expect(200);
    const retitled = await view(ali);
    expect(retitled).toContain('Shipbuilding');
    expect(retitled).not.toContain('Auto industry');

    const presenter = await t.ctx.newParticipant(committeeId, ruPartyId, {
      fullName: { en: 'Oleg Ryazantsev' },
    });
    await t.admin
      .post(`/api/v1/sessions/${sessionId}/agenda-items`)
      .send({
        kind: 'presentation',
        title: { en: 'Hull designs' },
        durationMinutes: 30,
        presenterIds: [presenter.id],
      })
      .expect(201);
    const withItem = await view(sara);
    expect(withItem).toContain('Hull designs');
    expect(withItem).toContain('Oleg Ryazantsev');

    await t.admin
      .patch(`/api/v1/participants/${presenter.id}`)
      .send({ fullName: { en: 'Oleg V. Ryazantsev' } })
      .expect(200);
    expect(await view(ali)).toContain('Oleg V. Ryazantsev');
  });

  it('shows a delegate in another zone that zone’s clock, and another language its own words', async () => {
    await t.admin.patch(`/api/v1/participants/${aliId}`).send({ timeZone: 'Europe/Berlin' }).expect(200);
    const berlin = await view(ali);
    expect(berlin).toContain('Berlin');
    expect(berlin).toContain('your time');
    expect(await view(sara)).not.toContain('Berlin');
    const persian = (await sara.get(`/sessions/${sessionId}?lang=fa`).expect(200)).text;
    expect(persian).toContain('<html lang="fa" dir="rtl">');
    // The kept part in Persian too: cities in Persian, clocks in Persian digits.
    expect(persian).toContain('تهران');
    expect(persian).toMatch(/<time datetime="[^"]+">[۰-۹]{2}:[۰-۹]{2}<\/time>/);
    expect(persian).not.toContain('>Tehran<');
  });

  it('answers with the 404 page once the delegate may no longer see the session', async () => {
    // A working group's session, which a delegate outside the group sees only when invited. A
    // colleague of Sara's, in her language and zone, reads the same kept part as she would.
    const colleague = await t.ctx.newParticipant(committeeId, irPartyId, { locale: 'en' });
    const colleagueBrowser = await signIn(t, await personalLink(t, colleague.id));
    const group = await t.ctx.newWorkingGroup(committeeId);
    const meeting = await t.ctx.newSession(committeeId, {
      kind: 'working_group',
      workingGroupId: group.id,
      start: localIn(7),
    });
    await t.ctx.publish(meeting.id);
    await t.ctx.invite(meeting.id, saraId);
    await t.ctx.invite(meeting.id, colleague.id);
    await sara.get(`/sessions/${meeting.id}`).expect(200);
    await t.admin.delete(`/api/v1/sessions/${meeting.id}/participants/${saraId}`).expect(204);
    // The colleague's view keeps the new version's shared part first: Sara is refused all the same.
    await colleagueBrowser.get(`/sessions/${meeting.id}`).expect(200);
    await sara.get(`/sessions/${meeting.id}`).expect(404);
  });
});
