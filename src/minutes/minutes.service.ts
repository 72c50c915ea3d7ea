import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError } from '../common/errors/problem.js';
import { assertIfMatch } from '../common/http/etag.js';
import type { Session } from '../sessions/session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { AgreeMinutesDto, PutMinutesDto, SignMinutesDto } from './dto/minutes-input.dto.js';
import type { MinutesActor } from './minutes-content.js';
import { buildMinutesContent, namedParticipants } from './minutes-input.js';
import { MinutesRevision } from './minutes-revision.entity.js';
import {
  agreeingParty,
  assertCorrectable,
  changedPaths,
  checkSigning,
  recordAgreement,
  requiredParties,
  statusAfterEdit,
} from './minutes-workflow.js';
import { MinutesRepository } from './minutes.repository.js';
import { ProtocolService } from './protocol.service.js';

export interface MinutesView {
  revision: MinutesRevision;
  requiredPartyIds: string[];
  saved: boolean;
}

type Write = (
  manager: EntityManager,
  session: Session,
  latest: MinutesRevision | null,
) => Promise<MinutesRevision>;

/** A session's minutes: edited as a draft, agreed by each party, signed; corrected by a new revision. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly repository: MinutesRepository,
    private readonly protocol: ProtocolService,
  ) {}

  /** Organizers read the latest revision, or a template before the first save; delegates the latest agreed or signed one. */
  async get(principal: Principal, sessionId: string): Promise<MinutesView> {
    const session = await this.sessions.get(principal, sessionId);
    const managing = canManageCommittee(principal, session.committeeId);
    const manager = this.dataSource.manager;
    const latest = await this.repository.latest(manager, sessionId, !managing);
    if (latest) return this.view(manager, session, latest);
    if (!managing) throw new NotFoundError('Minutes');
    const template = manager.create(MinutesRevision, {
      sessionId,
      revision: 1,
      status: 'draft',
      version: 0,
      content: { items: [], attendance: await this.repository.invitedAttendance(manager, sessionId) },
      agreements: [],
      signatories: [],
      signedAt: null,
      signedBy: null,
      documentSha256: null,
      signedCopySha256: null,
    });
    return { ...(await this.view(manager, session, template)), saved: false };
  }

  put(principal: Principal, sessionId: string, input: PutMinutesDto, ifMatch?: string): Promise<MinutesView> {
    return this.write(principal, sessionId, ifMatch, async (manager, session, latest) => {
      const status = latest ? statusAfterEdit(latest.status) : 'draft';
      const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
      const content = buildMinutesContent(input, {
        locale: committee.defaultLocale,
        agenda: await this.repository.numberedAgenda(manager, sessionId),
        previous: latest?.content ?? null,
        partyIds: await this.repository.partyIds(manager, session.committeeId),
        participantParty: await this.repository.participantParties(
          manager,
          session.committeeId,
          namedParticipants(input),
        ),
        defaultAttendance:
          latest?.content.attendance ?? (await this.repository.invitedAttendance(manager, sessionId)),
      });
      const revision =
        latest ??
        manager.create(MinutesRevision, {
          sessionId,
          revision: 1,
          version: 0,
          agreements: [],
          signatories: [],
          documentLangs: [],
          createdBy: actorOf(principal),
        });
      const paths = changedPaths(latest?.content ?? { items: [], attendance: [] }, content);
      Object.assign(revision, { content, status, version: revision.version + 1 });
      const saved = await manager.save(revision);
      await this.repository.recordChange(manager, saved, 'edited', actorOf(principal), { paths });
      return saved;
    });
  }

  agree(
    principal: Principal,
    sessionId: string,
    input: AgreeMinutesDto,
    ifMatch?: string,
  ): Promise<MinutesView> {
    return this.write(principal, sessionId, ifMatch, async (manager, session, latest) => {
      if (!latest) throw new NotFoundError('Minutes');
      const partyIds = await this.repository.partyIds(manager, session.committeeId);
      const partyId = agreeingParty({ partyId: principal.partyId ?? null }, input.partyId, partyIds);
      const required = requiredParties(
        partyIds,
        await this.repository.organizerPartyIds(manager, session.committeeId),
      );
      const next = recordAgreement(latest, partyId, actorOf(principal), new Date(), required);
      Object.assign(latest, next, { version: latest.version + 1 });
      const saved = await manager.save(latest);
      if (saved.status === 'agreed') await this.repository.syncActionItems(manager, session, saved.content);
      await this.repository.recordChange(manager, saved, 'agreed', actorOf(principal), { partyId });
      return saved;
    });
  }

  sign(
    principal: Principal,
    sessionId: string,
    input: SignMinutesDto,
    ifMatch?: string,
  ): Promise<MinutesView> {
    return this.write(principal, sessionId, ifMatch, async (manager, session, latest) => {
      if (!latest) throw new NotFoundError('Minutes');
      const partyIds = await this.repository.partyIds(manager, session.committeeId);
      const parties = await this.repository.participantParties(
        manager,
        session.committeeId,
        input.signatories.map((signatory) => signatory.participantId),
      );
      checkSigning(latest.status, input.signatories, parties, partyIds);
      Object.assign(latest, {
        status: 'signed',
        version: latest.version + 1,
        signedAt: new Date(),
        signedBy: actorOf(principal),
        signatories: input.signatories.map(({ partyId, participantId }) => ({ partyId, participantId })),
      });
      const langs = input.langs?.split(',') ?? (await this.protocol.defaultLangs(manager, session));
      const document = await this.protocol.render(manager, session, latest, langs);
      Object.assign(latest, {
        document: document.bytes,
        documentSha256: document.sha256,
        documentLangs: langs,
      });
      const saved = await manager.save(latest);
      await this.repository.recordChange(manager, saved, 'signed', actorOf(principal));
      return saved;
    });
  }

  /** Opens the next revision of agreed or signed minutes, starting from their text, as a draft. */
  correct(principal: Principal, sessionId: string, ifMatch?: string): Promise<MinutesView> {
    return this.write(principal, sessionId, ifMatch, async (manager, _session, latest) => {
      if (!latest) throw new NotFoundError('Minutes');
      assertCorrectable(latest.status);
      const saved = await manager.save(
        manager.create(MinutesRevision, {
          sessionId,
          revision: latest.revision + 1,
          status: 'draft',
          version: latest.version + 1,
          content: latest.content,
          agreements: [],
          signatories: [],
          documentLangs: [],
          createdBy: actorOf(principal),
        }),
      );
      await this.repository.recordChange(manager, saved, 'opened', actorOf(principal));
      return saved;
    });
  }

  async revisions(principal: Principal, sessionId: string): Promise<MinutesRevision[]> {
    const session = await this.sessions.get(principal, sessionId);
    return this.repository.list(sessionId, !canManageCommittee(principal, session.committeeId));
  }

  async revision(principal: Principal, sessionId: string, number: number) {
    const session = await this.sessions.get(principal, sessionId);
    const revision = await this.repository.byNumber(
      sessionId,
      number,
      !canManageCommittee(principal, session.committeeId),
    );
    if (!revision) throw new NotFoundError('Minutes revision');
    const view = await this.view(this.dataSource.manager, session, revision);
    return { ...view, changes: await this.repository.changes(revision.id) };
  }

  /** Every write: one transaction, the session locked (so writes of its minutes queue), If-Match checked. */
  private async write(principal: Principal, sessionId: string, ifMatch: string | undefined, work: Write) {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForWrite(manager, principal, sessionId);
      const latest = await this.repository.latest(manager, sessionId, false);
      assertIfMatch(ifMatch, latest?.version ?? 0);
      const saved = await work(manager, session, latest);
      return this.view(manager, session, saved);
    });
  }

  private async view(
    manager: EntityManager,
    session: Session,
    revision: MinutesRevision,
  ): Promise<MinutesView> {
    const partyIds = await this.repository.partyIds(manager, session.committeeId);
    const required = requiredParties(
      partyIds,
      await this.repository.organizerPartyIds(manager, session.committeeId),
    );
    return { revision, requiredPartyIds: required, saved: true };
  }
}

export function actorOf(principal: Principal): MinutesActor {
  return { tokenId: principal.tokenId, role: principal.role, partyId: principal.partyId ?? null };
}
