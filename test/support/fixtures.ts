import { randomBytes } from 'node:crypto';
import type { TokenClient } from './test-app.js';

type Body = Record<string, unknown>;

/** Builds data in one line through the API itself, e.g. `await ctx.newCommittee()`. */
export class FixtureContext {
  constructor(private readonly admin: TokenClient) {}

  private async create(path: string, body: Body): Promise<Body> {
    const response = await this.admin.post(path).send(body);
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as Body;
  }

  newCommittee(overrides: Body = {}): Promise<Body & { id: string }> {
    return this.create('/api/v1/committees', {
      slug: uniqueSlug('jec'),
      name: { en: 'Iran–Russia Joint Economic Committee', fa: 'کمیسیون مشترک اقتصادی ایران و روسیه' },
      defaultTimeZone: 'Europe/Moscow',
      defaultLocale: 'en',
      ...overrides,
    }) as Promise<Body & { id: string }>;
  }

  newParty(committeeId: string, overrides: Body = {}): Promise<Body & { id: string }> {
    return this.create(`/api/v1/committees/${committeeId}/parties`, {
      code: 'IR',
      name: { en: 'Iran', fa: 'ایران' },
      timeZone: 'Asia/Tehran',
      ...overrides,
    }) as Promise<Body & { id: string }>;
  }

  newParticipant(committeeId: string, partyId: string, overrides: Body = {}): Promise<Body & { id: string }> {
    return this.create(`/api/v1/committees/${committeeId}/participants`, {
      fullName: { en: 'Delegate', fa: 'نماینده' },
      email: `${uniqueSlug('delegate')}@example.org`,
      partyId,
      ...overrides,
    }) as Promise<Body & { id: string }>;
  }

  newWorkingGroup(committeeId: string, overrides: Body = {}): Promise<Body & { id: string }> {
    return this.create(`/api/v1/committees/${committeeId}/working-groups`, {
      slug: uniqueSlug('wg'),
      name: { en: 'Industry', ru: 'Промышленность' },
      ...overrides,
    }) as Promise<Body & { id: string }>;
  }

  newSession(committeeId: string, overrides: Body = {}): Promise<Body & { id: string }> {
    return this.create('/api/v1/sessions', {
      committeeId,
      title: { en: 'Plenary session', ru: 'Пленарное заседание', fa: 'نشست عمومی' },
      kind: 'plenary',
      format: 'in_person',
      timeZone: 'Europe/Moscow',
      start: '2026-12-01T10:00',
      durationMinutes: 120,
      ...overrides,
    }) as Promise<Body & { id: string }>;
  }

  async publish(sessionId: string): Promise<void> {
    const response = await this.admin.post(`/api/v1/sessions/${sessionId}/publish`);
    if (response.status !== 200) throw new Error(`publish answered ${response.status}`);
  }

  async invite(sessionId: string, participantId: string, extra: Body = {}): Promise<void> {
    const response = await this.admin
      .post(`/api/v1/sessions/${sessionId}/participants?allowConflicts=true`)
      .send({ invitations: [{ participantId, ...extra }] });
    if (response.status !== 201)
      throw new Error(`invite answered ${response.status}: ${JSON.stringify(response.body)}`);
  }

  /** A committee with its two parties, IR (Asia/Tehran) and RU (Europe/Moscow). */
  async newBilateralCommittee(overrides: Body = {}) {
    const committee = await this.newCommittee(overrides);
    const ir = await this.newParty(committee.id, { code: 'IR', timeZone: 'Asia/Tehran' });
    const ru = await this.newParty(committee.id, {
      code: 'RU',
      name: { en: 'Russia', ru: 'Россия' },
      timeZone: 'Europe/Moscow',
    });
    return { committee, ir, ru };
  }

  async token(body: Body): Promise<string> {
    const created = await this.create('/api/v1/api-tokens', { name: 'test token', ...body });
    return created.token as string;
  }

  organizerToken(...committeeIds: string[]): Promise<string> {
    return this.token({ role: 'organizer', committeeIds });
  }

  delegateToken(participantId: string): Promise<string> {
    return this.token({ role: 'delegate', participantId });
  }
}

export function uniqueSlug(prefix = 'c'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
