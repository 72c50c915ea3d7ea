import 'reflect-metadata';
import { assertDataDirFree, DataDirInUseError } from '../database/data-dir-lock.js';
import type { INestApplication } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AgendaItemsService } from '../agenda/agenda-items.service.js';
import { createApp } from '../bootstrap.js';
import { CommitteesService } from '../committees/committees.service.js';
import type { Principal } from '../common/auth/principal.js';
import { hashToken } from '../common/auth/token-hash.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { PartiesService } from '../parties/parties.service.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { SeriesService } from '../series/series.service.js';
import { InvitationsService } from '../sessions/invitations.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { COMMITTEE, DEMO_SLUG, PARTICIPANTS, PARTIES, WORKING_GROUPS } from './demo-committee.js';
import { DEMO_SERIES, DEMO_SESSIONS, type DemoAgendaItem } from './demo-sessions.js';
import {
  clusterIdentifier,
  committeeIdBySlug,
  keepDelegateFeed,
  keepOrganizerToken,
  participantAddresses,
} from './demo.repository.js';

const ADMIN: Principal = {
  tokenId: null,
  role: 'admin',
  committeeIds: [],
  participantId: null,
  participantCommitteeId: null,
};

export interface DemoResult {
  created: boolean;
  committeeId: string;
  organizerToken: string;
  delegateFeedUrl: string;
}

/**
 * Fills the database with the demo committee once. Running it again changes nothing: the
 * committee is found by its slug, and the printed secrets are derived (HMAC) from a key
 * only the database holds, so they are the same each time without being stored.
 */
export async function seedDemo(
  app: INestApplication,
  config: AppConfig,
  today: DateTime<boolean> = DateTime.utc(),
): Promise<DemoResult> {
  const dataSource = app.get(DataSource);
  const existing = await committeeIdBySlug(dataSource, DEMO_SLUG);
  const committeeId = existing ?? (await createDemo(app, today));
  const participants = await participantAddresses(dataSource, committeeId);
  const jalali = participants.find((participant) => participant.email.startsWith('k.jalali'))!;
  const key = await demoKey(dataSource);
  const organizerToken = `qrm_${secret(key, `organizer:${committeeId}`)}`;
  const feedToken = `cal_${secret(key, `feed:${jalali.id}`)}`;
  await keepOrganizerToken(dataSource, committeeId, hashToken(organizerToken));
  await keepDelegateFeed(dataSource, committeeId, jalali.id, hashToken(feedToken));
  return {
    created: existing === undefined,
    committeeId,
    organizerToken,
    delegateFeedUrl: `${config.publicBaseUrl}/calendar/${feedToken}.ics`,
  };
}

async function createDemo(app: INestApplication, today: DateTime<boolean>): Promise<string> {
  const committee = await app.get(CommitteesService).create(ADMIN, COMMITTEE);
  const parties = new Map<string, string>();
  for (const party of PARTIES) {
    const created = await app
      .get(PartiesService)
      .create(ADMIN, committee.id, { ...party, workWeek: [...party.workWeek] });
    parties.set(party.code, created.id);
  }
  const people = new Map<string, string>();
  for (const { key, party, ...fields } of PARTICIPANTS) {
    const created = await app
      .get(ParticipantsService)
      .create(ADMIN, committee.id, { ...fields, partyId: parties.get(party)! });
    people.set(key, created.id);
  }
  const groups = await createGroups(app, committee.id, people);
  const invitees = (invite: string) =>
    (invite === 'everyone'
      ? [...people.values()]
      : WORKING_GROUPS.find((group) => group.slug === invite)!.members.map((member) => people.get(member)!)
    ).map((participantId) => ({ participantId }));
  for (const demo of DEMO_SESSIONS) {
    const sessions = app.get(SessionsService);
    const { session } = await sessions.create(ADMIN, {
      ...demo.fields,
      committeeId: committee.id,
      workingGroupId: demo.workingGroup && groups.get(demo.workingGroup),
      start: `${today.plus({ days: demo.day }).toISODate()}T${demo.time}`,
    });
    await app.get(InvitationsService).invite(ADMIN, session.id, { invitations: invitees(demo.invite) }, true);
    await addAgenda(app, session.id, demo.agenda, people);
    await sessions.publish(ADMIN, session.id);
  }
  const series = await app.get(SeriesService).create(ADMIN, {
    ...DEMO_SERIES.fields,
    committeeId: committee.id,
    workingGroupId: groups.get(DEMO_SERIES.workingGroup),
    startDate: today.plus({ months: 1 }).startOf('month').toISODate()!,
  });
  await app
    .get(SeriesService)
    .invite(ADMIN, series.series.id, { invitations: invitees(DEMO_SERIES.workingGroup) }, true);
  for (const occurrence of series.occurrences)
    await addAgenda(app, occurrence.id, DEMO_SERIES.agenda, people);
  return committee.id;
}

async function createGroups(
  app: INestApplication,
  committeeId: string,
  people: Map<string, string>,
): Promise<Map<string, string>> {
  const groups = new Map<string, string>();
  const service = app.get(WorkingGroupsService);
  for (const { members, ...fields } of WORKING_GROUPS) {
    const group = await service.create(ADMIN, committeeId, fields);
    groups.set(fields.slug, group.id);
    for (const member of members) {
      await service.addMember(ADMIN, group.id, { participantId: people.get(member)!, role: 'member' });
    }
  }
  return groups;
}

async function addAgenda(
  app: INestApplication,
  sessionId: string,
  agenda: DemoAgendaItem[],
  people: Map<string, string>,
) {
  const items = app.get(AgendaItemsService);
  for (const entry of agenda) {
    const parent = await items.create(ADMIN, sessionId, toInput(entry, people));
    for (const child of entry.children ?? [])
      await items.create(ADMIN, sessionId, { ...toInput(child, people), parentId: parent.id });
  }
}

function toInput(entry: DemoAgendaItem, people: Map<string, string>) {
  return {
    title: entry.title,
    kind: entry.kind,
    durationMinutes: entry.durationMinutes,
    presenterIds: (entry.presenters ?? []).map((key) => people.get(key)!),
  };
}

/** QUORUM_DEMO_KEY, else the database cluster's own identifier: secret to anyone without database access. */
async function demoKey(dataSource: DataSource): Promise<string> {
  if (process.env.QUORUM_DEMO_KEY) return process.env.QUORUM_DEMO_KEY;
  try {
    return `quorum-demo:${await clusterIdentifier(dataSource)}`;
  } catch {
    throw new Error(
      'This database user may not read pg_control_system(); set QUORUM_DEMO_KEY to a long secret',
    );
  }
}

function secret(key: string, purpose: string): string {
  return createHmac('sha256', key).update(purpose).digest('base64url');
}

async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'warn' as const };
  // Checked before the app starts, so the refusal is one line rather than a start-up stack trace.
  if (!config.databaseUrl) assertDataDirFree(config.dataDir);
  const app = await createApp(config);
  try {
    const result = await seedDemo(app, config);
    console.log(
      result.created
        ? 'Created the demo committee.'
        : 'The demo committee was already there; nothing changed.',
    );
    console.log(`Committee id:      ${result.committeeId}`);
    console.log(`Organizer token:   ${result.organizerToken}`);
    console.log(`Delegate feed URL: ${result.delegateFeedUrl} (Kazem Jalali, in Persian)`);
  } finally {
    await app.close();
  }
}

if (process.argv[1]?.endsWith('seed-demo.js')) {
  main().catch((error: unknown) => {
    console.error(
      'The demo could not be seeded:',
      error instanceof DataDirInUseError ? error.message : error,
    );
    process.exit(1);
  });
}
