import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { invalid, NotFoundError } from '../common/errors/problem.js';
import { Participant } from '../participants/participant.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { MinutesRevision } from './minutes-revision.entity.js';
import { MinutesRepository } from './minutes.repository.js';
import { writeProtocolDocx, type ProtocolDocument } from './protocol-docx.js';
import { buildProtocolModel, type ProtocolModel, type ProtocolPerson } from './protocol-model.js';

const LANG = /^[a-z]{2,3}$/;

/** The protocol document of a session's minutes. */
@Injectable()
export class ProtocolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly repository: MinutesRepository,
  ) {}

  /**
   * The latest revision the caller may read, as .docx. A signed revision asked in the languages
   * it was signed in answers the very document signed, whose SHA-256 the minutes carry.
   */
  async download(
    principal: Principal,
    sessionId: string,
    langsQuery: string | undefined,
  ): Promise<ProtocolDocument & { revision: number }> {
    const session = await this.sessions.get(principal, sessionId);
    const manager = this.dataSource.manager;
    const latest = await this.repository.latest(
      manager,
      sessionId,
      !canManageCommittee(principal, session.committeeId),
    );
    if (!latest) throw new NotFoundError('Minutes');
    const langs = langsQuery === undefined ? undefined : parseLangs(langsQuery);
    if (latest.status === 'signed' && (!langs || langs.join(',') === latest.documentLangs.join(','))) {
      const stored = await this.repository.withDocument(manager, latest.id);
      if (stored.document && stored.documentSha256)
        return { bytes: stored.document, sha256: stored.documentSha256, revision: latest.revision };
    }
    const document = await this.render(
      manager,
      session,
      latest,
      langs ?? (await this.defaultLangs(manager, session)),
    );
    return { ...document, revision: latest.revision };
  }

  /** The parties' languages in the parties' order; the committee's default locale when it has none. */
  async defaultLangs(manager: EntityManager, session: Session): Promise<string[]> {
    const parties = await this.repository.parties(manager, session.committeeId);
    const langs = [...new Set(parties.map((party) => party.locale.split('-')[0].toLowerCase()))];
    if (langs.length > 0) return langs;
    const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
    return [committee.defaultLocale.split('-')[0]];
  }

  /**
   * What the latest revision the caller may read says, in each language asked (the parties'
   * languages when none is), for a page; undefined when there is none to read (a delegate reads
   * agreed or signed minutes only). The caller has already checked that it may see `session`.
   */
  async readable(
    principal: Principal,
    session: Session,
    langs?: string[],
  ): Promise<{ revision: MinutesRevision; model: ProtocolModel } | undefined> {
    const manager = this.dataSource.manager;
    const latest = await this.repository.latest(
      manager,
      session.id,
      !canManageCommittee(principal, session.committeeId),
    );
    if (!latest) return undefined;
    const model = await this.model(
      manager,
      session,
      latest,
      langs ?? (await this.defaultLangs(manager, session)),
    );
    return { revision: latest, model };
  }

  async render(
    manager: EntityManager,
    session: Session,
    revision: MinutesRevision,
    langs: string[],
  ): Promise<ProtocolDocument> {
    return writeProtocolDocx(await this.model(manager, session, revision, langs));
  }

  private async model(
    manager: EntityManager,
    session: Session,
    revision: MinutesRevision,
    langs: string[],
  ): Promise<ProtocolModel> {
    const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
    const parties = await this.repository.parties(manager, session.committeeId);
    const participants = await manager.find(Participant, {
      where: [
        { committeeId: session.committeeId, delegationRole: 'co_chair' },
        { committeeId: session.committeeId, id: In(referencedParticipants(revision)) },
      ],
    });
    const people = new Map<string, ProtocolPerson>(
      participants.map((person) => [
        person.id,
        {
          fullName: person.fullName,
          position: person.position,
          partyId: person.partyId,
          delegationRole: person.delegationRole,
        },
      ]),
    );
    return buildProtocolModel({
      committeeName: committee.name,
      sessionTitle: session.title,
      location: session.location,
      timeZone: session.timeZone,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      parties: parties.map((party) => ({ id: party.id, name: party.name })),
      participants: people,
      content: revision.content,
      revision: revision.revision,
      status: revision.status,
      signatories: revision.signatories,
      langs,
    });
  }
}

/** `?langs=fa,ru`: one to five language codes, each once. */
export function parseLangs(raw: string): string[] {
  const langs = raw.split(',').map((lang) => lang.trim().toLowerCase());
  if (langs.length > 5 || langs.some((lang) => !LANG.test(lang)) || new Set(langs).size !== langs.length)
    throw invalid('langs', 'must be one to five distinct language codes separated by commas, e.g. fa,ru');
  return langs;
}

function referencedParticipants(revision: MinutesRevision): string[] {
  return [
    ...revision.content.attendance.map((entry) => entry.participantId),
    ...revision.signatories.map((signatory) => signatory.participantId),
    ...revision.content.items.flatMap((item) => item.actionItems.flatMap((action) => action.ownerIds)),
  ];
}
