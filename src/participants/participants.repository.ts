import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { pageOfCommittee } from '../committees/committees.repository.js';
import type { Page } from '../common/pagination/pagination.js';
import type { ParticipantListQuery } from './dto/participant.dto.js';
import { searchPattern } from './participant-search.js';
import { Participant } from './participant.entity.js';

@Injectable()
export class ParticipantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A committee's participants in the order they were added, filtered by party, role and a
   * search text. For a delegate (`ownParty` set) the search matches the other side's names only:
   * their addresses are not the delegate's to see, nor to probe by searching.
   */
  pageOf(
    committeeId: string,
    query: ParticipantListQuery,
    ownParty: string | undefined,
  ): Promise<Page<Participant>> {
    const builder = this.dataSource.getRepository(Participant).createQueryBuilder('participant');
    if (query.partyId) builder.andWhere('participant.party_id = :partyId', { partyId: query.partyId });
    if (query.delegationRole) {
      builder.andWhere('participant.delegation_role = :role', { role: query.delegationRole });
    }
    if (query.q?.trim()) {
      const pattern = searchPattern(query.q);
      if (ownParty === undefined) {
        builder.andWhere('participant.search_text LIKE :pattern', { pattern });
      } else {
        // The search text without its last part (the address) is the name.
        builder.andWhere(
          new Brackets((either) =>
            either
              .where('participant.party_id = :ownParty AND participant.search_text LIKE :pattern')
              .orWhere(
                "participant.party_id <> :ownParty AND regexp_replace(participant.search_text, ' [|] [^|]*$', '') LIKE :pattern",
              ),
          ),
          { ownParty, pattern },
        );
      }
    }
    return pageOfCommittee(builder, 'participant', committeeId, query);
  }

  /** How many sessions and series the participant is invited to. */
  async invitationCounts(manager: EntityManager, id: string): Promise<{ sessions: number; series: number }> {
    const [counts] = await manager.query<Array<{ sessions: number; series: number }>>(
      `SELECT (SELECT count(*)::int FROM session_participants WHERE participant_id = $1) AS sessions,
                (SELECT count(*)::int FROM series_participants WHERE participant_id = $1) AS series`,
      [id],
    );
    return counts;
  }
}
