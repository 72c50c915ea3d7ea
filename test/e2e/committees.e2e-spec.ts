import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Committees and parties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, gets, lists and updates a committee', async () => {
    const created = await t.admin
      .post('/api/v1/committees')
      .send({
        slug: 'ir-ru-jec',
        name: 'Joint Economic Committee',
        defaultTimeZone: 'Europe/Moscow',
        defaultLocale: 'ru',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      slug: 'ir-ru-jec',
      name: { ru: 'Joint Economic Committee' },
      defaultTimeZone: 'Europe/Moscow',
      defaultLocale: 'ru',
    });
    const fetched = await t.admin.get(`/api/v1/committees/${created.body.id}?lang=fa`).expect(200);
    // No Persian text: resolved.lang names the language the name is stored in.
    expect(fetched.body.resolved).toEqual({
      lang: 'ru',
      name: 'Joint Economic Committee',
      description: null,
    });
    const updated = await t.admin
      .patch(`/api/v1/committees/${created.body.id}`)
      .send({ name: { en: 'JEC', fa: 'کمیسیون مشترک' } })
      .expect(200);
    expect(updated.body.name).toEqual({ en: 'JEC', fa: 'کمیسیون مشترک' });
    const list = await t.admin.get('/api/v1/committees').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
  });

  it('rejects a clashing slug with 409 and a malformed one with 422, writing nothing', async () => {
    await t.ctx.newCommittee({ slug: 'taken-slug' });
    const before = await t.count('committees');
    const clash = await t.admin
      .post('/api/v1/committees')
      .send({ slug: 'taken-slug', name: 'x', defaultTimeZone: 'UTC' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors).toEqual([{ path: 'slug', message: 'is already used by another committee' }]);
    for (const slug of ['Upper', 'under_score', '-dash', 'a--b', '']) {
      const bad = await t.admin.post('/api/v1/committees').send({ slug, name: 'x', defaultTimeZone: 'UTC' });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((error: { path: string }) => error.path)).toContain('slug');
    }
    expect(await t.count('committees')).toBe(before);
  });

  it('deletes a committee with no sessions, and refuses one with sessions', async () => {
    const empty = await t.ctx.newCommittee();
    await t.admin.delete(`/api/v1/committees/${empty.id}`).expect(204);
    await t.admin.get(`/api/v1/committees/${empty.id}`).expect(404);

    const busy = await t.ctx.newCommittee();
    await t.db.query(
      `INSERT INTO sessions (committee_id, title, kind, format, status, time_zone, starts_at, ends_at)
       VALUES ($1, '{"en":"Plenary"}', 'plenary', 'in_person', 'draft', 'Europe/Moscow', now(), now() + interval '1 hour')`,
      [busy.id],
    );
    const refused = await t.admin.delete(`/api/v1/committees/${busy.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/session/);
    await t.admin.get(`/api/v1/committees/${busy.id}`).expect(200);
  });

  it('accepts real IANA zones and rejects others, naming the field', async () => {
    const committee = await t.ctx.newCommittee();
    for (const [code, timeZone] of [
      ['IR', 'Asia/Tehran'],
      ['RU', 'Europe/Moscow'],
      ['AR', 'America/Argentina/Buenos_Aires'],
    ]) {
      await t.admin
        .post(`/api/v1/committees/${committee.id}/parties`)
        .send({ code, name: code, timeZone })
        .expect(201);
    }
    const before = await t.count('parties');
    for (const [timeZone, message] of [
      ['Asia/Teheran', 'Asia/Teheran is a deprecated alias; use Asia/Tehran'],
      ['GMT+3', 'GMT+3 is a fixed offset, not a place; use a zone such as Europe/Moscow, or UTC'],
      ['Mars/Olympus', 'unknown time zone "Mars/Olympus"; use an IANA name like Asia/Tehran'],
    ]) {
      const response = await t.admin
        .post(`/api/v1/committees/${committee.id}/parties`)
        .send({ code: 'DE', name: 'Germany', timeZone });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ path: 'timeZone', message }]);
    }
    expect(await t.count('parties')).toBe(before);
  });

  it('gives a party created with only code, name and zone sensible defaults', async () => {
    const committee = await t.ctx.newCommittee();
    const iran = await t.admin
      .post(`/api/v1/committees/${committee.id}/parties`)
      .send({ code: 'IR', name: { fa: 'ایران' }, timeZone: 'Asia/Tehran' })
      .expect(201);
    expect(iran.body).toMatchObject({
      code: 'IR',
      locale: 'fa',
      workWeek: [6, 7, 1, 2, 3],
      workingHours: { start: '09:00', end: '17:00' },
      holidayCountry: 'IR',
      extraNonWorkingDays: [],
      extraWorkingDays: [],
    });
    const russia = await t.ctx.newParty(committee.id, { code: 'RU', timeZone: 'Europe/Moscow' });
    expect(russia).toMatchObject({ locale: 'ru', workWeek: [1, 2, 3, 4, 5], holidayCountry: 'RU' });
  });

  it('rejects bad party fields with 422 and a duplicate code with 409', async () => {
    const committee = await t.ctx.newCommittee();
    await t.ctx.newParty(committee.id, { code: 'IR' });
    const before = await t.count('parties');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: 'XX' }, 'code'],
      [{ code: 'IRN' }, 'code'],
      [{ code: 'DE', workWeek: [1, 1, 2] }, 'workWeek'],
      [{ code: 'DE', workWeek: [0, 8] }, 'workWeek'],
      [{ code: 'DE', workingHours: { start: '17:00', end: '09:00' } }, 'workingHours.end'],
      [{ code: 'DE', workingHours: { start: '9:00', end: '17:00' } }, 'workingHours.start'],
      [{ code: 'DE', extraNonWorkingDays: ['2026-02-30'] }, 'extraNonWorkingDays[0]'],
      [{ code: 'DE', extraWorkingDays: ['next monday'] }, 'extraWorkingDays'],
      [
        { code: 'DE', extraNonWorkingDays: ['2026-05-02'], extraWorkingDays: ['2026-05-02'] },
        'extraWorkingDays',
      ],
      [{ code: 'DE', holidayCountry: 'ZZ' }, 'holidayCountry'],
    ];
    for (const [fields, path] of cases) {
      const response = await t.admin
        .post(`/api/v1/committees/${committee.id}/parties`)
        .send({ name: 'Party', timeZone: 'Europe/Berlin', ...fields });
      expect({ fields, status: response.status }).toEqual({ fields, status: 422 });
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const duplicate = await t.admin
      .post(`/api/v1/committees/${committee.id}/parties`)
      .send({ code: 'IR', name: 'Iran again', timeZone: 'Asia/Tehran' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0].path).toBe('code');
    expect(await t.count('parties')).toBe(before);
  });

  it('updates a party and keeps Russia’s moved working days', async () => {
    const committee = await t.ctx.newCommittee();
    const russia = await t.ctx.newParty(committee.id, { code: 'RU', timeZone: 'Europe/Moscow' });
    const updated = await t.admin
      .patch(`/api/v1/committees/${committee.id}/parties/${russia.id}`)
      .send({ extraWorkingDays: ['2026-11-01'], extraNonWorkingDays: ['2026-11-03'] })
      .expect(200);
    expect(updated.body).toMatchObject({
      extraWorkingDays: ['2026-11-01'],
      extraNonWorkingDays: ['2026-11-03'],
    });
    const list = await t.admin.get(`/api/v1/committees/${committee.id}/parties`).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('keeps Persian, Russian and mixed-script text byte for byte', async () => {
    const tricky = {
      fa: 'کمیسیون\u200cمشترک \u200fاقتصادی\u200f ایران',
      ru: 'Межправительственная комиссия — «Ё» и й\u0306',
      en: 'Mixed: ایران Россия 🇮🇷🇷🇺 e\u0301',
    };
    const committee = await t.ctx.newCommittee({ name: tricky, description: tricky });
    const fetched = await t.admin.get(`/api/v1/committees/${committee.id}`).expect(200);
    expect(fetched.body.name).toEqual(tricky);
    expect(Buffer.from(fetched.body.description.fa, 'utf8')).toEqual(Buffer.from(tricky.fa, 'utf8'));
    const resolved = await t.admin
      .get(`/api/v1/committees/${committee.id}`)
      .set('Accept-Language', 'ru-RU, en;q=0.5');
    expect(resolved.body.resolved.name).toBe(tricky.ru);
  });

  it('enforces text limits and the shape of localized text', async () => {
    const before = await t.count('committees');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: { fa: 'ی'.repeat(201) } }, 'name'],
      [{ name: { en: '', fa: ' ' } }, 'name'],
      [{ name: {} }, 'name'],
      [{ name: { english: 'x' } }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'ok', description: 'd'.repeat(10_001) }, 'description'],
    ];
    for (const [fields, path] of cases) {
      const response = await t.admin.post('/api/v1/committees').send({
        slug: `limits-${cases.indexOf(cases.find((c) => c[0] === fields)!)}`,
        defaultTimeZone: 'UTC',
        ...fields,
      });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([path]);
    }
    const longest = await t.admin.post('/api/v1/committees').send({
      slug: 'limits-ok',
      name: 'ن'.repeat(200),
      description: 'd'.repeat(10_000),
      defaultTimeZone: 'UTC',
    });
    expect(longest.status).toBe(201);
    expect(await t.count('committees')).toBe(before + 1);
  });

  it('paginates with a stable cursor while rows are added', async () => {
    const committee = await t.ctx.newCommittee();
    const codes = ['IR', 'RU', 'DE', 'FR', 'CN', 'IN', 'TR'];
    for (const code of codes.slice(0, 5)) await t.ctx.newParty(committee.id, { code, timeZone: 'UTC' });
    const first = await t.admin.get(`/api/v1/committees/${committee.id}/parties?limit=2`).expect(200);
    expect(first.body.items.map((party: { code: string }) => party.code)).toEqual(['IR', 'RU']);
    for (const code of codes.slice(5)) await t.ctx.newParty(committee.id, { code, timeZone: 'UTC' });
    const seen = [...first.body.items.map((party: { code: string }) => party.code)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await t.admin
        .get(`/api/v1/committees/${committee.id}/parties?limit=2&cursor=${cursor}`)
        .expect(200);
      seen.push(...page.body.items.map((party: { code: string }) => party.code));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(codes);
    const [sortValue, id] = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
    const tampered = [
      'garbage',
      [sortValue, 'not-a-uuid'],
      ['yesterday', id],
      [sortValue.replace(/^\d{4}-\d{2}-\d{2}/, '2026-02-30'), id],
      [sortValue],
    ].map((value) =>
      typeof value === 'string' ? value : Buffer.from(JSON.stringify(value), 'utf8').toString('base64url'),
    );
    for (const cursor of tampered) {
      const bad = await t.admin.get(`/api/v1/committees/${committee.id}/parties?cursor=${cursor}`);
      expect({ status: bad.status, errors: bad.body.errors }).toEqual({
        status: 422,
        errors: [{ path: 'cursor', message: 'is not a cursor this API handed out' }],
      });
    }
    await t.admin.get(`/api/v1/committees/${committee.id}/parties?limit=201`).expect(422);
  });

  it('lets an organizer manage only its committees, and hides the others', async () => {
    const own = await t.ctx.newCommittee();
    const other = await t.ctx.newCommittee();
    const organizer = t.as(await t.ctx.organizerToken(own.id));
    await organizer.patch(`/api/v1/committees/${own.id}`).send({ name: 'Renamed' }).expect(200);
    await organizer.get(`/api/v1/committees/${other.id}`).expect(404);
    await organizer.patch(`/api/v1/committees/${other.id}`).send({ name: 'Hijacked' }).expect(404);
    await organizer
      .post('/api/v1/committees')
      .send({ slug: 'mine', name: 'x', defaultTimeZone: 'UTC' })
      .expect(403);
    const list = await organizer.get('/api/v1/committees').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([own.id]);
  });
});
