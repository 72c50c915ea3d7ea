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
