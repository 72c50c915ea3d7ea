export interface StartFacts {
  /** Where the app listens, e.g. `http://localhost:3000`. */
  url: string;
  /** `embedded PostgreSQL in ./.quorum/db` or `PostgreSQL server (DATABASE_URL)`. */
  database: string;
  /** The admin token created on this start, shown only now. */
  newAdminToken?: string;
  adminTokenFromEnvironment: boolean;
}

/** The few lines a person reads after `npm start`: where things are and how to make a first call. */
export function startBanner(facts: StartFacts): string {
  const { url } = facts;
  const token = facts.newAdminToken ?? '<admin token>';
  const lines = [
    '',
    `Quorum is running (${facts.database})`,
    `  API            ${url}/api/v1`,
    `  Documentation  ${url}/docs  (OpenAPI: ${url}/docs/openapi.json)`,
  ];
  if (facts.newAdminToken) {
    lines.push(
      `  Admin token    ${facts.newAdminToken}`,
      '                 created now and shown only once: keep it',
    );
  } else if (facts.adminTokenFromEnvironment) {
    lines.push('  Admin token    the ADMIN_TOKEN from the environment');
  } else {
    lines.push('  Admin token    the one shown on the first start (or set ADMIN_TOKEN and restart)');
  }
  lines.push('', 'Try:', `  curl -H 'Authorization: Bearer ${token}' ${url}/api/v1/committees`, '');
  return lines.join('\n');
}
