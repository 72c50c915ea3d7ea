/**
 * The benchmark's data set, written with set-based SQL so that thousands of sessions take
 * seconds. Sizes come from the options; see bench/run.mjs for the defaults.
 */
import { createHash, randomBytes } from 'node:crypto';
import { slotSearchCommittee } from './slot-search-data.mjs';

export const hash = (token) => createHash('sha256').update(token, 'utf8').digest('hex');
export const newToken = (prefix) => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** One committee with its parties, participants, working groups and sessions; returns its ids. */
async function committee(db, { slug, participants, groups }) {
  const [{ id }] = await db.query(
    `INSERT INTO committees (slug, name, default_time_zone, default_locale)
     VALUES ($1, '{"en":"Bench committee","ru":"Комиссия","fa":"کمیسیون"}', 'Europe/Moscow', 'en') RETURNING id`,
    [slug],
  );
  await db.query(
    `INSERT INTO parties (committee_id, code, name, time_zone, locale, work_week, working_hours, holiday_country)
     VALUES ($1, 'IR', '{"en":"Iran"}', 'Asia/Tehran', 'fa', '{6,7,1,2,3}', '{"start":"09:00","end":"17:00"}', 'IR'),
            ($1, 'RU', '{"en":"Russia"}', 'Europe/Moscow', 'ru', '{1,2,3,4,5}', '{"start":"09:00","end":"17:00"}', 'RU')`,
    [id],
  );
  await db.query(
    `INSERT INTO participants (committee_id, party_id, full_name, email, email_key, delegation_role, time_zone, locale, search_text)
     SELECT $1, (SELECT p.id FROM parties p WHERE p.committee_id = $1 AND p.code = CASE WHEN g % 2 = 0 THEN 'IR' ELSE 'RU' END),
            jsonb_build_object('en', 'Delegate ' || g, 'ru', 'Делегат ' || g, 'fa', 'نماینده ' || g),
            'delegate' || g || '@' || $2 || '.example.org', 'delegate' || g || '@' || $2 || '.example.org', 'member',
            CASE WHEN g % 2 = 0 THEN 'Asia/Tehran' ELSE 'Europe/Moscow' END, CASE WHEN g % 2 = 0 THEN 'fa' ELSE 'ru' END,
            'delegate ' || g
       FROM generate_series(1, $3) g`,
    [id, slug, participants],
  );
  await db.query(
    `INSERT INTO working_groups (committee_id, slug, name, status)
     SELECT $1, 'group-' || g, jsonb_build_object('en', 'Working group ' || g, 'ru', 'Рабочая группа ' || g), 'active'
       FROM generate_series(1, $2) g`,
    [id, groups],
  );
  return id;
}

/**
 * `count` sessions spread evenly from `fromDays` to `toDays` around now, each with
 * `agendaItems` items and three invited participants.
 */
async function sessions(db, committeeId, { count, fromDays, toDays, agendaItems }) {
  await db.query(
    `INSERT INTO sessions (committee_id, working_group_id, title, description, kind, format, status, time_zone,
                           starts_at, ends_at, location, online_meeting, sequence, version)
     SELECT $1, wg.id,
            jsonb_build_object('en', 'Session ' || g, 'ru', 'Заседание ' || g, 'fa', 'نشست ' || g),
            '{"en":"Bench session"}', 'working_group', 'hybrid', 'scheduled',
            CASE WHEN g % 2 = 0 THEN 'Asia/Tehran' ELSE 'Europe/Moscow' END,
            date_trunc('hour', now() + make_interval(days => $3) + (g * (($4 - $3) * interval '1 day') / $2)),
            date_trunc('hour', now() + make_interval(days => $3) + (g * (($4 - $3) * interval '1 day') / $2)) + interval '2 hours',
            '{"en":"Moscow","ru":"Москва"}', '{"joinUrl":"https://meet.example.org/bench"}', 1, 2
       FROM generate_series(1, $2) g
       JOIN LATERAL (SELECT w.id FROM working_groups w WHERE w.committee_id = $1
                      ORDER BY w.slug OFFSET (g % (SELECT count(*) FROM working_groups WHERE committee_id = $1)) LIMIT 1) wg ON true`,
    [committeeId, count, fromDays, toDays],
  );
  await db.query(
    `INSERT INTO agenda_items (session_id, position, title, kind, duration_minutes, presenter_ids)
     SELECT s.id, i, jsonb_build_object('en', 'Item ' || i, 'ru', 'Пункт ' || i, 'fa', 'بند ' || i), 'discussion', 15,
            ARRAY[(SELECT p.id FROM participants p WHERE p.committee_id = $1 ORDER BY p.email OFFSET i LIMIT 1)]
       FROM sessions s CROSS JOIN generate_series(1, $2) i WHERE s.committee_id = $1`,
    [committeeId, agendaItems],
  );
  await db.query(
    `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
     SELECT s.id, p.id, 'attendee', 'required', 'needs_action'
       FROM (SELECT id, row_number() OVER (ORDER BY starts_at) AS n FROM sessions WHERE committee_id = $1) s
       JOIN LATERAL (SELECT id FROM participants WHERE committee_id = $1 ORDER BY email
                      OFFSET (s.n * 3) % greatest((SELECT count(*) FROM participants WHERE committee_id = $1) - 3, 1) LIMIT 3) p ON true`,
    [committeeId],
  );
}

export async function generate(db, size) {
  const main = await committee(db, {
    slug: 'bench-main',
    participants: size.participants,
    groups: size.groups,
  });
  // Three years of sessions: from half a year back to two and a half years ahead.
  await sessions(db, main, {
    count: size.sessions,
    fromDays: -182,
    toDays: 913,
    agendaItems: size.agendaItems,
  });
  const [feedParticipant] = await db.query(
    `INSERT INTO participants (committee_id, party_id, full_name, email, email_key, delegation_role, time_zone, locale, search_text)
     SELECT $1, id, '{"en":"Feed reader","fa":"خوانندهٔ تقویم"}', 'reader@bench.example.org', 'reader@bench.example.org',
            'member', 'Asia/Tehran', 'fa', 'feed reader' FROM parties WHERE committee_id = $1 AND code = 'IR' RETURNING id`,
    [main],
  );
  await db.query(
    `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
     SELECT id, $2, 'member', 'optional', 'accepted' FROM sessions
      WHERE committee_id = $1 AND starts_at > now() - interval '80 days' AND starts_at < now() + interval '700 days'
      ORDER BY starts_at LIMIT $3`,
    [main, feedParticipant.id, size.feedSessions],
  );
  const cold = {};
  for (const count of size.coldSizes) {
    const id = await committee(db, { slug: `bench-cold-${count}`, participants: 20, groups: 2 });
    await sessions(db, id, { count, fromDays: -60, toDays: 700, agendaItems: size.agendaItems });
    cold[count] = id;
  }
  const notices = await noticeSessions(db, size.noticeInvitees);
  const slotSearch = await slotSearchCommittee(db, committee, size.slotSearch);
  const organizerToken = newToken('qrm');
  await db.query(
    `INSERT INTO api_tokens (name, token_hash, role, committee_ids) VALUES ('Bench organizer', $1, 'organizer', $2::uuid[])`,
    [hash(organizerToken), [main, notices.committeeId, ...Object.values(cold), slotSearch.committeeId]],
  );
  const feedToken = newToken('cal');
  await db.query(
    `INSERT INTO calendar_feeds (scope, committee_id, participant_id, label, locale, token_hash)
     VALUES ('participant', $1, $2, 'Bench feed', 'fa', $3)`,
    [main, feedParticipant.id, hash(feedToken)],
  );
  const coldFeeds = {};
  for (const [count, id] of Object.entries(cold)) {
    const token = newToken('cal');
    await db.query(
      `INSERT INTO calendar_feeds (scope, committee_id, label, locale, token_hash) VALUES ('committee', $1, $2, 'ru', $3)`,
      [id, `Cold ${count}`, hash(token)],
    );
    const [session] = await db.query(
      'SELECT id FROM sessions WHERE committee_id = $1 ORDER BY starts_at DESC LIMIT 1',
      [id],
    );
    coldFeeds[count] = { token, sessionId: session.id };
  }
  const [agendaSession] = await db.query(
    `SELECT id FROM sessions WHERE committee_id = $1 AND starts_at > now() ORDER BY starts_at LIMIT 1`,
    [main],
  );
  const writeSessions = await db.query(
    `SELECT id FROM sessions WHERE committee_id = $1 AND starts_at > now() + interval '400 days' ORDER BY starts_at LIMIT 200`,
    [main],
  );
  const [{ count: feedSessions }] = await db.query(
    'SELECT count(*)::int AS count FROM session_participants WHERE participant_id = $1',
    [feedParticipant.id],
  );
  // A delegate signed in to the portal: a personal link and a browser session on it.
  const portalSecret = newToken('qps');
  const [portalLink] = await db.query(
    `INSERT INTO portal_links (participant_id, kind, token_hash, expires_at)
     VALUES ($1, 'personal', $2, now() + interval '30 days') RETURNING id`,
    [feedParticipant.id, hash(newToken('qpl'))],
  );
  await db.query(
    `INSERT INTO portal_sessions (participant_id, link_id, token_hash, csrf_token, expires_at)
     VALUES ($1, $2, $3, 'bench-csrf', now() + interval '14 days')`,
    [feedParticipant.id, portalLink.id, hash(portalSecret)],
  );
  const [portalSession] = await db.query(
    `SELECT s.id FROM sessions s JOIN session_participants sp ON sp.session_id = s.id AND sp.participant_id = $1
      WHERE s.status <> 'draft' AND s.starts_at > now() ORDER BY s.starts_at LIMIT 1`,
    [feedParticipant.id],
  );
  return {
    committeeId: main,
    portalCookie: `quorum_session=${portalSecret}`,
    portalSessionId: portalSession.id,
    organizerToken,
    feedToken,
    feedSessions,
    coldFeeds,
    agendaSessionId: agendaSession.id,
    writeSessionIds: writeSessions.map((row) => row.id),
    notices,
    slotSearch,
  };
}

/** Two drafts in a committee of `invitees` delegates: one invites them all, the other no one. */
async function noticeSessions(db, invitees) {
  const committeeId = await committee(db, { slug: 'bench-notices', participants: invitees, groups: 1 });
  const [crowded, empty] = await db.query(
    `INSERT INTO sessions (committee_id, title, kind, format, status, time_zone, starts_at, ends_at, online_meeting, sequence, version)
     SELECT $1, jsonb_build_object('en', 'Plenary ' || g, 'ru', 'Пленарное заседание ' || g, 'fa', 'نشست عمومی ' || g),
            'plenary', 'hybrid', 'draft', 'Europe/Moscow', date_trunc('hour', now()) + interval '30 days',
            date_trunc('hour', now()) + interval '30 days 2 hours', '{"joinUrl":"https://meet.example.org/plenary"}', 0, 1
       FROM generate_series(1, 2) g ORDER BY g RETURNING id`,
    [committeeId],
  );
  await db.query(
    `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
     SELECT $1, id, 'attendee', 'required', 'needs_action' FROM participants WHERE committee_id = $2`,
    [crowded.id, committeeId],
  );
  return { committeeId, crowdedSessionId: crowded.id, emptySessionId: empty.id, invitees };
}
