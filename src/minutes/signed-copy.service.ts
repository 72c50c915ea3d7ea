import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, NotFoundError } from '../common/errors/problem.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { MinutesRevision } from './minutes-revision.entity.js';
import { actorOf } from './minutes.service.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesErrorCode } from './minutes-errors.js';

/** The scanned copy of a signed revision, as the co-chairs signed it on paper. */
@Injectable()
export class SignedCopyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly repository: MinutesRepository,
  ) {}

  upload(principal: Principal, sessionId: string, number: number, pdf: Buffer): Promise<MinutesRevision> {
    return this.dataSource.transaction(async (manager) => {
      await this.sessions.lockForWrite(manager, principal, sessionId);
      const revision = await manager.findOneBy(MinutesRevision, { sessionId, revision: number });
      if (!revision) throw new NotFoundError('Minutes revision');
      if (revision.status !== 'signed')
        throw new ConflictError(MinutesErrorCode.NotSigned, 'A signed copy belongs to a signed revision');
      Object.assign(revision, {
        signedCopy: pdf,
        signedCopySha256: createHash('sha256').update(pdf).digest('hex'),
        signedCopyBytes: pdf.length,
        signedCopyUploadedAt: new Date(),
      });
      const saved = await manager.save(revision);
      await this.repository.recordChange(manager, saved, 'signed_copy_uploaded', actorOf(principal));
      return saved;
    });
  }

  async download(principal: Principal, sessionId: string, number: number): Promise<Buffer> {
    const session = await this.sessions.get(principal, sessionId);
    const signedOnly = !canManageCommittee(principal, session.committeeId);
    const revision = await this.repository.withSignedCopy(sessionId, number, signedOnly);
    if (!revision?.signedCopy) throw new NotFoundError('Signed copy');
    return revision.signedCopy;
  }
}
