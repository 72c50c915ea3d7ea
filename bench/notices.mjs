/**
 * Notices: how long publishing a session with many invitees takes (it writes one outbox row
 * per invitee and a reminder each, in the publish transaction), against publishing one with
 * none, and how fast the worker then delivers to a local SMTP server (target ≥ 50 messages/s).
 */
import { SMTPServer } from 'smtp-server';

const DELIVERY_TIMEOUT_MS = 600_000;

function smtpSink() {
  const arrivals = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 50,
    onData: (stream, _session, callback) => {
      stream.on('data', () => {});
      stream.on('end', () => {
        arrivals.push(performance.now());
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, arrivals, port: server.server.address().port }));
  });
}

async function publish(base, auth, sessionId) {
  const startedAt = performance.now();
  const response = await fetch(`${base}/api/v1/sessions/${sessionId}/publish`, {
    method: 'POST',
    headers: auth,
  });
  if (response.status !== 200) throw new Error(`publish answered ${response.status}`);
  return performance.now() - startedAt;
}

export async function benchNotices({ startApp, stopApp, appEnv, data, auth }) {
  const sink = await smtpSink();
  const app = await startApp(appEnv, {
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: 'Bench Secretariat <secretariat@bench.example.org>',
    NOTICE_DELAY_SECONDS: '0',
    NOTICE_WORKER: 'true',
  });
  try {
    const emptyPublishMs = await publish(app.base, auth, data.notices.emptySessionId);
    const publishedAt = performance.now();
    const crowdedPublishMs = await publish(app.base, auth, data.notices.crowdedSessionId);
    const expected = data.notices.invitees;
    while (sink.arrivals.length < expected) {
      if (performance.now() - publishedAt > DELIVERY_TIMEOUT_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const delivered = sink.arrivals.length;
    const first = sink.arrivals[0] ?? publishedAt;
    const last = sink.arrivals.at(-1) ?? publishedAt;
    return {
      invitees: expected,
      publishWithNoInviteesMs: Number(emptyPublishMs.toFixed(1)),
      publishWithInviteesMs: Number(crowdedPublishMs.toFixed(1)),
      delivered,
      firstDeliveryAfterPublishS: Number(((first - publishedAt) / 1000).toFixed(2)),
      messagesPerSecond: delivered > 1 ? Math.round((delivered - 1) / ((last - first) / 1000)) : 0,
    };
  } finally {
    await stopApp(app.child);
    await new Promise((resolve) => sink.server.close(resolve));
  }
}
