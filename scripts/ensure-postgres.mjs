#!/usr/bin/env node
/**
 * Finds the PostgreSQL server the `@fallkit/store-pg` tests run against, and prepares a local one when there is
 * none: Debian's `postgresql` package (installed with apt-get when missing and we are root), the 15/main cluster
 * started with `pg_ctlcluster`, an owner role that owns a test database and an application role that does not
 * (no superuser, no BYPASSRLS). Only loopback: Debian's cluster listens on localhost and the URLs name 127.0.0.1.
 * Never downloads anything but Debian packages.
 *
 *   node scripts/ensure-postgres.mjs            # prints the owner's URL (DATABASE_URL) on stdout
 *   node scripts/ensure-postgres.mjs --app      # prints the application role's URL instead
 *   node scripts/ensure-postgres.mjs --dry-run  # says what it would do, changes nothing
 *
 * `DATABASE_URL` set: used as it is (the owner's connection: it runs the migrations); the application role's
 * connection is `FALLKIT_APP_DATABASE_URL`, which must then be set too. Nothing is installed or started.
 *
 * Other scripts import `ensurePostgres()`, which returns both URLs or throws an Error whose message is the one
 * line saying what to do.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Debian major version the project targets (the one Debian ships; no newer SQL is used). */
const VERSION = '15';
const CLUSTER = 'main';
const DATABASE = 'fallkit_test';
const OWNER_ROLE = 'fallkit_owner';
const APP_ROLE = 'fallkit_app';

/** The one line shown where no server can be had. */
export const HOW_TO_GET_POSTGRES =
  'No PostgreSQL for the store-pg tests: set DATABASE_URL (owner) and FALLKIT_APP_DATABASE_URL (application role), ' +
  'or run `npm test` as root on Debian (it installs the `postgresql` package and starts the 15/main cluster)';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Role passwords, kept across runs so that a second run (or a second worktree) does not change the password
 * under a run still going. Root-only file: the roles exist only in a loopback test cluster.
 */
const secretsFile = join(homedir(), '.cache', 'fallkit', 'postgres-test-roles.json');

/** @returns {{ owner: string, app: string }} */
function rolePasswords() {
  if (existsSync(secretsFile)) {
    const stored = JSON.parse(readFileSync(secretsFile, 'utf8'));
    if (typeof stored.owner === 'string' && typeof stored.app === 'string') return stored;
  }
  const fresh = { owner: randomBytes(18).toString('hex'), app: randomBytes(18).toString('hex') };
  mkdirSync(dirname(secretsFile), { recursive: true, mode: 0o700 });
  writeFileSync(secretsFile, `${JSON.stringify(fresh)}\n`, { mode: 0o600 });
  chmodSync(secretsFile, 0o600);
  return fresh;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ input?: string, env?: NodeJS.ProcessEnv }} [options]
 */
function runQuiet(command, args, { input, env } = {}) {
  // Everything a child prints goes to stderr: stdout carries only the URL (`.ci/run` and scripts capture it).
  return spawnSync(command, args, {
    input,
    env: { ...process.env, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 2],
    encoding: 'utf8',
  });
}

/** The server binary of our version, if installed. */
function serverInstalled() {
  return existsSync(`/usr/lib/postgresql/${VERSION}/bin/postgres`);
}

/** Other installed majors, for the error message. */
function otherVersions() {
  if (!existsSync('/usr/lib/postgresql')) return [];
  return readdirSync('/usr/lib/postgresql').filter((name) => name !== VERSION);
}

/**
 * The cluster as `pg_lsclusters` sees it, or undefined.
 * @returns {{ port: number, status: string } | undefined}
 */
function clusterState() {
  const listed = runQuiet('pg_lsclusters', ['--no-header']);
  if (listed.status !== 0) return undefined;
  for (const line of listed.stdout.split('\n')) {
    const [version, name, port, status] = line.trim().split(/\s+/);
    if (version === VERSION && name === CLUSTER) return { port: Number(port), status: status ?? 'unknown' };
  }
  return undefined;
}

/** @param {string} text */
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/**
 * SQL run as the `postgres` superuser: the two roles (created or brought to the wanted attributes and
 * password) and the test database owned by the owner role. Idempotent.
 * @param {{ owner: string, app: string }} passwords
 */
function provisioningSql(passwords) {
  const role = (/** @type {string} */ name, /** @type {string} */ password) => `
SELECT format('CREATE ROLE %I', ${literal(name)}) WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)})\\gexec
ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)};`;
  return `\\set ON_ERROR_STOP on
${role(OWNER_ROLE, passwords.owner)}
${role(APP_ROLE, passwords.app)}
SELECT 'CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DATABASE}')\\gexec
ALTER DATABASE ${DATABASE} OWNER TO ${OWNER_ROLE};
\\connect ${DATABASE}
-- PostgreSQL 15 no longer lets every role create objects in public; the owner role creates its own schema.
REVOKE ALL ON DATABASE ${DATABASE} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${DATABASE} TO ${APP_ROLE};
`;
}

/**
 * @param {{ dryRun?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ ownerUrl: string, appUrl: string, source: 'environment' | 'local' }}
 */
export function ensurePostgres({ dryRun = false, log = (line) => console.error(line) } = {}) {
  const given = process.env.DATABASE_URL;
  if (given) {
    const app = process.env.FALLKIT_APP_DATABASE_URL;
    if (!app)
      throw new Error(
        'DATABASE_URL is set but FALLKIT_APP_DATABASE_URL is not: set it to the application role (not the owner, no BYPASSRLS)',
      );
    return { ownerUrl: given, appUrl: app, source: 'environment' };
  }

  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string} command @param {string[]} args @param {string} [input] */
  const step = (command, args, input) => {
    log(`  ${command} ${args.join(' ')}`);
    if (dryRun) return;
    const done = runQuiet(command, args, { input, env });
    if (done.status !== 0)
      throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${done.status}). ${HOW_TO_GET_POSTGRES}`);
  };

  if (!serverInstalled()) {
    if (!isRoot() || !existsSync('/usr/bin/apt-get')) {
      const others = otherVersions();
      throw new Error(
        others.length > 0
          ? `PostgreSQL ${VERSION} is not installed (found ${others.join(', ')}). ${HOW_TO_GET_POSTGRES}`
          : HOW_TO_GET_POSTGRES,
      );
    }
    log(`No PostgreSQL ${VERSION}; installing Debian package \`postgresql\` (root, apt-get available):`);
    step('apt-get', ['update']);
    step('apt-get', ['install', '-y', 'postgresql']);
  }

  let cluster = clusterState();
  if (!isRoot()) {
    // Without root we can neither start the cluster nor create roles (no `su postgres`).
    throw new Error(
      cluster?.status === 'online'
        ? `PostgreSQL ${VERSION} runs, but preparing its test roles needs root. ${HOW_TO_GET_POSTGRES}`
        : HOW_TO_GET_POSTGRES,
    );
  }
  if (!cluster) {
    log(`No cluster ${VERSION}/${CLUSTER}; creating it:`);
    step('pg_createcluster', [VERSION, CLUSTER]);
    cluster = dryRun ? { port: 5432, status: 'down' } : clusterState();
  }
  if (cluster?.status !== 'online') {
    log(`Starting PostgreSQL ${VERSION}/${CLUSTER}:`);
    step('pg_ctlcluster', [VERSION, CLUSTER, 'start']);
    cluster = dryRun ? cluster : clusterState();
    if (!dryRun && cluster?.status !== 'online')
      throw new Error(`pg_ctlcluster started ${VERSION}/${CLUSTER}, but it is ${cluster?.status ?? 'missing'}`);
  }
  const port = cluster?.port ?? 5432;
  const passwords = dryRun ? { owner: 'x', app: 'x' } : rolePasswords();
  log(`Preparing roles ${OWNER_ROLE}, ${APP_ROLE} and database ${DATABASE} on port ${port}:`);
  step(
    'runuser',
    ['-u', 'postgres', '--', 'psql', '-X', '-q', '-p', String(port), '-d', 'postgres'],
    provisioningSql(passwords),
  );
  const url = (/** @type {string} */ role, /** @type {string} */ password) =>
    `postgresql://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return { ownerUrl: url(OWNER_ROLE, passwords.owner), appUrl: url(APP_ROLE, passwords.app), source: 'local' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  try {
    const found = ensurePostgres({ dryRun: args.has('--dry-run') });
    console.log(args.has('--app') ? found.appUrl : found.ownerUrl);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
