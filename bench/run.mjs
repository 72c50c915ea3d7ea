/**
 * npm run bench: measures the built app (node dist/main.js, production settings) on the
 * database in DATABASE_URL, or on the embedded one, against the /health baseline of the
 * same run. Sizes and timing are parameters (environment variables, see README/BENCHMARKS.md).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../dist/database/database.js';
import { generate } from './generate.mjs';
import { benchNotices } from './notices.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const size = {
  participants: env('BENCH_PARTICIPANTS', 500),
  groups: env('BENCH_GROUPS', 20),
  sessions: env('BENCH_SESSIONS', 5000),
  agendaItems: env('BENCH_AGENDA_ITEMS', 8),
  feedSessions: env('BENCH_FEED_SESSIONS', 500),
  coldSizes: [50, 500, 5000],
  noticeInvitees: env('BENCH_NOTICE_INVITEES', 2000),
  slotSearch: {
    perParty: env('BENCH_SLOT_PARTICIPANTS', 25),
    sessionsEach: env('BENCH_SLOT_SESSIONS', 200),
    days: 92,
  },
};
const duration = env('BENCH_DURATION', 10);
const connections = env('BENCH_CONNECTIONS', 32);
const ADMIN_TOKEN = `bench-admin-${Date.now()}-0123456789`;
// On a shared server, each checkout can bench in a database of its own.
const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'quorum_bench';

async function prepareDatabase() {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dataDir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
    const database = await openDatabase({ dataDir, databasePoolSize: 1 });
    const data = await generate(database.dataSource, size);
    await database.close();
    return {
      data,
      appEnv: { QUORUM_DATA_DIR: dataDir },
      label: 'embedded PostgreSQL (PGlite)',
      cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${BENCH_DATABASE}`;
  const database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: 'memory',
    databasePoolSize: 4,
    // Generating 40,000 agenda items is one statement that can outlast the app's timeout.
    databaseStatementTimeoutMs: 0,
  });
  const data = await generate(database.dataSource, size);
  // Fresh rows: vacuum and analyze now, so autovacuum does not run in the middle of a scenario.
  await database.dataSource.query('VACUUM ANALYZE');
  await database.close();
  return {
    data,
    appEnv: { DATABASE_URL: url.toString() },
    label: 'PostgreSQL server (DATABASE_URL)',
    cleanup: () => {},
  };
}

/** The Node options `npm start` runs the app with, so that the bench measures it as it is run. */
const START_FLAGS = JSON.parse(readFileSync('package.json', 'utf8'))
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith('--'));

async function startApp(appEnv, extra = {}) {
  const port = 39000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [...START_FLAGS, 'dist/main.js'], {
    env: {
      ...process.env,
      ...appEnv,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ADMIN_TOKEN,
      // The API scenarios measure requests alone; the notices phase runs the worker.
      NOTICE_WORKER: 'false',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // Up to 2 minutes: start-up is slow on a busy machine.
  for (let attempt = 0; attempt < 480; attempt++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error('the app did not become ready');
}

async function stopApp(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/**
 * autocannon appends every response body to a string, for body checks the bench does not use:
 * for a 50 KB feed that copy cost the load generator, on the same cores, twice the app's CPU.
 * Each client drops the bodies instead; bytes and status codes are still counted.
 */
function dropBodies(client) {
  client.pipelinedRequests.addBody = () => {};
}

function load(url, options = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, setupClient: dropBodies, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** One request at a time, so the figure is a search's own latency, not a queue's. */
async function sequentialLatency(base, scenario, requests = 200) {
  const times = [];
  let slots = 0;
  for (let round = 0; round < requests + 10; round++) {
    const startedAt = performance.now();
    const response = await fetch(`${base}${scenario.path}`, {
      method: 'POST',
      headers: scenario.headers,
      body: scenario.post,
    });
    slots = (await response.json()).slots.length;
    if (round >= 10) times.push(performance.now() - startedAt); // the first ten warm up
  }
  times.sort((a, b) => a - b);
  const at = (fraction) =>
    Number(times[Math.min(times.length - 1, Math.floor(fraction * times.length))].toFixed(1));
  return { requests, slots, p50: at(0.5), p99: at(0.99) };
}

async function main() {
  const started = Date.now();
  const { data, appEnv, label, cleanup } = await prepareDatabase();
  console.log(`Data set ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${label}`);
  const auth = { authorization: `Bearer ${data.organizerToken}` };
  const from = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const scenarios = [
    { name: 'GET /health (baseline)', path: '/health' },
    {
      // Not a target: the floor every API read stands on (token, guards, one single-row query).
      name: 'one committee (reference: auth + 1 row)',
      path: `/api/v1/committees/${data.committeeId}`,
      headers: auth,
    },
    {
      name: 'sessions page (50, committee, 30-day window)',
      path: `/api/v1/sessions?committeeId=${data.committeeId}&from=${from}&to=${to}&limit=50`,
      headers: auth,
    },
    {
      name: 'rendered agenda (8 items, 3 zones)',
      path: `/api/v1/sessions/${data.agendaSessionId}/agenda?tz=Europe/Moscow,Asia/Tehran,Europe/Berlin`,
      headers: auth,
    },
    {
      name: 'portal session page (signed-in delegate, fa)',
      path: `/sessions/${data.portalSessionId}`,
      headers: { cookie: data.portalCookie },
    },
    {
      name: `feed 200 (${data.feedSessions} sessions, unchanged, gzip)`,
      path: `/calendar/${data.feedToken}.ics`,
      headers: { 'accept-encoding': 'gzip' },
    },
    {
      name: `feed 200 (${data.feedSessions} sessions, unchanged, identity)`,
      path: `/calendar/${data.feedToken}.ics`,
    },
    { name: 'feed 304 (If-None-Match)', path: `/calendar/${data.feedToken}.ics`, conditional: true },
    {
      name: `slot search (92 days, 2 × ${size.slotSearch.perParty} required, ${size.slotSearch.sessionsEach} sessions each)`,
      path: `/api/v1/committees/${data.slotSearch.committeeId}/slot-search`,
      post: JSON.stringify(data.slotSearch.body),
      headers: { ...auth, 'content-type': 'application/json' },
    },
    {
      name: 'session update (PATCH)',
      path: '/api/v1/sessions/:id',
      write: true,
      headers: { ...auth, 'content-type': 'application/json' },
    },
  ];

  // Notices first, while no earlier write has queued notices of its own.
  const notices = await benchNotices({ startApp, stopApp, appEnv, data, auth });

  // Phase 1: count the SQL statements of one request of each kind (X-Query-Count).
  let app = await startApp(appEnv, { QUORUM_QUERY_COUNT_HEADER: 'true' });
  const etag = (await fetch(`${app.base}/calendar/${data.feedToken}.ics`)).headers.get('etag');
  for (const scenario of scenarios) {
    const url = `${app.base}${scenario.path.replace(':id', data.writeSessionIds[0])}`;
    const headers = { ...scenario.headers, ...(scenario.conditional ? { 'if-none-match': etag } : {}) };
    const init = scenario.write
      ? { method: 'PATCH', headers, body: JSON.stringify({ title: 'Counted' }) }
      : scenario.post
        ? { method: 'POST', headers, body: scenario.post }
        : { headers };
    await fetch(url, init);
    const response = await fetch(
      url,
      scenario.write ? { ...init, body: JSON.stringify({ title: 'Counted again' }) } : init,
    );
    scenario.queries = Number(response.headers.get('x-query-count'));
    scenario.status = response.status;
  }
  await stopApp(app.child);

  // Phase 2: load, with production settings (no diagnostics header).
  app = await startApp(appEnv);
  const idleRssMb = Math.round(peakRssMb(app.child.pid));
  const liveEtag = (await fetch(`${app.base}/calendar/${data.feedToken}.ics`)).headers.get('etag');
  for (const scenario of scenarios) {
    const options = {
      headers: { ...scenario.headers, ...(scenario.conditional ? { 'if-none-match': liveEtag } : {}) },
    };
    if (scenario.post) Object.assign(options, { method: 'POST', body: scenario.post });
    if (scenario.write) {
      let turn = 0;
      options.method = 'PATCH';
      options.requests = [
        {
          setupRequest: (request) => {
            turn += 1;
            const id = data.writeSessionIds[turn % data.writeSessionIds.length];
            return {
              ...request,
              path: `/api/v1/sessions/${id}`,
              body: JSON.stringify({ title: `Bench ${turn}` }),
            };
          },
        },
      ];
    }
    const url = `${app.base}${scenario.path.replace(':id', data.writeSessionIds[0])}`;
    await load(url, { ...options, duration: 1 }); // warm-up: JIT and caches, not measured
    const result = await load(url, options);
    scenario.requestsPerSecond = result.requests.average;
    scenario.p50 = result.latency.p50;
    scenario.p99 = result.latency.p99;
    scenario.errors = result.errors + result.non2xx - (scenario.conditional ? (result['3xx'] ?? 0) : 0);
    scenario.statusCounts = {
      '2xx': result['2xx'],
      '3xx': result['3xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
    };
    scenario.peakRssAfterMb = Math.round(peakRssMb(app.child.pid));
  }
  // /health again, on the app every scenario has warmed: the baseline is the higher of the two
  // figures, so that a cold start does not flatter the ratios.
  const healthUrl = `${app.base}${scenarios[0].path}`;
  await load(healthUrl, { duration: 1 });
  const healthAgainResult = await load(healthUrl);
  const healthAgain = healthAgainResult.requests.average;

  const slotSearchLatency = await sequentialLatency(
    app.base,
    scenarios.find((scenario) => scenario.post),
  );

  // Cold renders: the first request after a change renders the feed again.
  const coldRenders = {};
  for (const [count, feed] of Object.entries(data.coldFeeds)) {
    const times = [];
    for (let round = 0; round < 5; round++) {
      await fetch(`${app.base}/api/v1/sessions/${feed.sessionId}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Cold ${round}` }),
      });
      const startedAt = performance.now();
      const response = await fetch(`${app.base}/calendar/${feed.token}.ics`);
      await response.text();
      times.push(performance.now() - startedAt);
    }
    times.sort((a, b) => a - b);
    coldRenders[count] = Number(times[2].toFixed(1));
  }
  // The same 500-session feed polled again unchanged, one at a time: what the first poll after a change is held to.
  const unchangedTimes = [];
  for (let round = 0; round < 21; round++) {
    const startedAt = performance.now();
    const response = await fetch(`${app.base}/calendar/${data.coldFeeds[500].token}.ics`);
    await response.text();
    unchangedTimes.push(performance.now() - startedAt);
  }
  unchangedTimes.sort((a, b) => a - b);
  const unchangedPoll500Ms = Number(unchangedTimes[10].toFixed(1));
  // A committee's page, an agenda and a portal session page's shared part are kept by the
  // committee's content version: the first read after a change computes the answer, the reads
  // after it are kept. One at a time, median.
  const keptScenarios = ['sessions page', 'rendered agenda', 'portal session page'].map((prefix) =>
    scenarios.find((scenario) => scenario.name.startsWith(prefix)),
  );
  const keptReads = {};
  for (const scenario of keptScenarios) {
    const timed = async () => {
      const startedAt = performance.now();
      await (await fetch(`${app.base}${scenario.path}`, { headers: scenario.headers })).arrayBuffer();
      return performance.now() - startedAt;
    };
    const afterChange = [];
    const kept = [];
    for (let round = 0; round < 7; round++) {
      await fetch(`${app.base}/api/v1/sessions/${data.writeSessionIds[round]}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Changed ${round}` }),
      });
      afterChange.push(await timed());
      kept.push(await timed());
    }
    const median = (times) => Number(times.sort((a, b) => a - b)[3].toFixed(1));
    keptReads[scenario.name] = { firstAfterChangeMs: median(afterChange), keptMs: median(kept) };
  }
  const rss = peakRssMb(app.child.pid);
  await stopApp(app.child);
  cleanup();

  const healthFirst = scenarios[0].requestsPerSecond;
  const baseline = Math.max(healthFirst, healthAgain);
  if (healthAgain > healthFirst) {
    Object.assign(scenarios[0], {
      requestsPerSecond: healthAgain,
      p50: healthAgainResult.latency.p50,
      p99: healthAgainResult.latency.p99,
    });
  }
  const rows = scenarios.map((scenario) => ({
    scenario: scenario.name,
    requestsPerSecond: Math.round(scenario.requestsPerSecond),
    ratioToBaseline: Number((scenario.requestsPerSecond / baseline).toFixed(2)),
    p50Ms: scenario.p50,
    p99Ms: scenario.p99,
    queriesPerRequest: scenario.queries,
    errors: scenario.errors,
    peakRssAfterMb: scenario.peakRssAfterMb,
  }));
  const ratioOf = (prefix) => rows.find((row) => row.scenario.startsWith(prefix)).ratioToBaseline;
  const targets = issue19Targets({
    notModified: ratioOf('feed 304'),
    unchangedGzip: ratioOf(`feed 200 (${data.feedSessions} sessions, unchanged, gzip)`),
    page: ratioOf('sessions page'),
    agenda: ratioOf('rendered agenda'),
    firstPollAfterChange: Number((coldRenders[500] / unchangedPoll500Ms).toFixed(1)),
    cold500: coldRenders[500],
    cold5000: coldRenders[5000],
    peakRss: Math.round(rss),
  });
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    database: label,
    size,
    durationSeconds: duration,
    connections,
    scenarios: rows,
    coldFeedRenderMs: coldRenders,
    slotSearchSequentialMs: slotSearchLatency,
    coldRenderGrowth5000vs500: Number((coldRenders[5000] / coldRenders[500]).toFixed(1)),
    unchangedPoll500Ms,
    keptReads,
    healthRequestsPerSecond: { first: Math.round(healthFirst), afterTheScenarios: Math.round(healthAgain) },
    idleRssMb,
    peakRssMb: Math.round(rss),
    targets,
    notices,
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `/health: ${Math.round(healthFirst)} req/s first, ${Math.round(healthAgain)} after the scenarios; the baseline is the higher`,
  );
  console.table(rows);
  console.log('Cold feed render (median of 5, ms):', coldRenders);
  console.log(
    `5,000 vs 500 sessions: ${results.coldRenderGrowth5000vs500} ×; peak RSS ${results.peakRssMb} MB`,
  );
  console.log(
    `Notices: publish with ${notices.invitees} invitees ${notices.publishWithInviteesMs} ms ` +
      `(with none: ${notices.publishWithNoInviteesMs} ms); delivered ${notices.delivered} at ` +
      `${notices.messagesPerSecond} messages/s (target ≥ 50)`,
  );
  console.log(
    `Slot search one at a time (${slotSearchLatency.requests} requests, ${slotSearchLatency.slots} slots): p50 ${slotSearchLatency.p50} ms, p99 ${slotSearchLatency.p99} ms (target p99 <= 100 ms); SQL per request ${scenarios.find((scenario) => scenario.post).queries}`,
  );
  console.log('Reads one at a time (median of 7): first after a change, then kept:');
  console.table(keptReads);
  console.log('Issue 19 targets (one run):');
  console.table(targets);
  console.log('Written to bench/results.json');
}

/** Each target of issue 19 beside this run's figure. */
function issue19Targets(figures) {
  const row = (target, figure, met) => ({ target, figure, met: met ? 'yes' : 'NO' });
  return [
    row('feed 304 ≥ 0.9 × /health', figures.notModified, figures.notModified >= 0.9),
    row('feed 200 unchanged, gzip ≥ 0.7 × /health', figures.unchangedGzip, figures.unchangedGzip >= 0.7),
    row('sessions page (50) ≥ 0.3 × /health', figures.page, figures.page >= 0.3),
    row('rendered agenda ≥ 0.45 × /health', figures.agenda, figures.agenda >= 0.45),
    row(
      'first poll of 500 after one change ≤ 8 × an unchanged poll',
      `${figures.firstPollAfterChange} ×`,
      figures.firstPollAfterChange <= 8,
    ),
    row('cold render, 500 sessions ≤ 60 ms', `${figures.cold500} ms`, figures.cold500 <= 60),
    row(
      'cold render, 5,000 ≤ 10 × 500',
      `${(figures.cold5000 / figures.cold500).toFixed(1)} ×`,
      figures.cold5000 <= 10 * figures.cold500,
    ),
    row('peak RSS < 300 MB', `${figures.peakRss} MB`, figures.peakRss < 300),
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
