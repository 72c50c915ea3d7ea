import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { ActionItem } from '../minutes/action-item.entity.js';
import { MinutesChange, MinutesRevision } from '../minutes/minutes-revision.entity.js';
import { ApiToken } from '../api-tokens/api-token.entity.js';
import { CalendarFeed } from '../calendar-feeds/calendar-feed.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.entity.js';
import { Notice } from '../notices/notice.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Party } from '../parties/party.entity.js';
import { FormHit } from '../portal/sign-in/form-hit.entity.js';
import { PortalLink } from '../portal/sign-in/portal-link.entity.js';
import { PortalSession } from '../portal/sign-in/portal-session.entity.js';
import { RegistrationSettings } from '../registrations/registration-settings.entity.js';
import { Registration } from '../registrations/registration.entity.js';
import { SeriesParticipant } from '../series/series-participant.entity.js';
import { Series } from '../series/series.entity.js';
import { SessionParticipant } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

export const ENTITIES = [
  ApiToken,
  IdempotencyKey,
  Committee,
  Party,
  Participant,
  WorkingGroup,
  WorkingGroupMember,
  Session,
  SessionParticipant,
  AgendaItem,
  CalendarFeed,
  Series,
  SeriesParticipant,
  Notice,
  MinutesRevision,
  MinutesChange,
  ActionItem,
  PortalLink,
  PortalSession,
  FormHit,
  RegistrationSettings,
  Registration,
];
