/**
 * The people who can sign in at the built-in identity provider: the demo's actors, each with the tenant they
 * work for. An organisation's own identity provider (Keycloak, ADFS ...) replaces all of this; the claims below
 * are what the sync server's user directory is seeded from (docs/server.md, "Keycloak").
 */
import { EXAMPLE_ACTORS, EXAMPLE_AGENCIES } from '@fallkit/core/examples';
import { text, type Actor, type LocalizedText } from '@fallkit/core';

/** The claim that names the tenant (one operator of a case-management network), as the server reads it. */
export const TENANT_CLAIM = 'fallkit_tenant';

/** The tenant of the demo: the Musterstadt network (KIM, Jobcenter, partner agencies). */
export const DEMO_TENANT = 'musterstadt';

/** One account of the built-in provider. */
export interface IdentityAccount {
  /** The subject (`sub`): the actor's user id. */
  readonly sub: string;
  /** The tenant claim's value. */
  readonly tenant: string;
  /** Display name (`name`). */
  readonly name: string;
  /** The agency the person works for (`fallkit_agency`). */
  readonly agencyId: string;
  /** The agency's display name, for the sign-in page. */
  readonly agencyName: string;
  /** The role (`fallkit_role`): a directory entry of the server, as the demo seeds it. */
  readonly role: Actor['role'];
  /** What the sign-in page says about the person. */
  readonly description: LocalizedText;
}

function account(actor: Actor, agencyName: string, description: LocalizedText): IdentityAccount {
  return {
    sub: actor.id,
    tenant: DEMO_TENANT,
    name: actor.name ?? actor.id,
    agencyId: actor.agencyId,
    agencyName,
    role: actor.role,
    description,
  };
}

/**
 * The demo's people, in the order of the sign-in page. The first five are the demo page's actor switch
 * (packages/demo/src/app/demo-actors.ts); the rest are the core's other example actors.
 */
export const DEMO_ACCOUNTS: readonly IdentityAccount[] = [
  account(
    EXAMPLE_ACTORS.kimCaseManager,
    EXAMPLE_AGENCIES.kim.name,
    text('Fallmanagerin im Kommunalen Integrationsmanagement', 'Case manager, municipal integration management'),
  ),
  account(
    EXAMPLE_ACTORS.jobcenterCaseManager,
    EXAMPLE_AGENCIES.jobcenter.name,
    text('Fallmanager im Jobcenter', 'Jobcenter case manager'),
  ),
  account(
    {
      id: 'u-sb-ebert',
      role: 'partnerAgency',
      agencyId: EXAMPLE_AGENCIES.schuldnerberatung.agencyId,
      name: 'Karin Ebert',
    },
    EXAMPLE_AGENCIES.schuldnerberatung.name,
    text('Partnerstelle Schuldnerberatung', 'Partner agency, debt counselling'),
  ),
  account(
    { id: 'u-kim-schmidt', role: 'teamLead', agencyId: EXAMPLE_AGENCIES.kim.agencyId, name: 'Dr. Anna Schmidt' },
    EXAMPLE_AGENCIES.kim.name,
    text('Teamleitung KIM', 'Team lead, municipal integration management'),
  ),
  account(
    { id: 'u-stat-becker', role: 'statistics', agencyId: EXAMPLE_AGENCIES.kim.agencyId, name: 'Tobias Becker' },
    EXAMPLE_AGENCIES.kim.name,
    text('Statistik und Berichtswesen', 'Statistics and reporting'),
  ),
  account(
    EXAMPLE_ACTORS.kimIntake,
    EXAMPLE_AGENCIES.kim.name,
    text('Servicestelle, Erstkontakt', 'Service point, first contact'),
  ),
  account(
    EXAMPLE_ACTORS.jobcenterCaseManager2,
    EXAMPLE_AGENCIES.jobcenter.name,
    text('Fallmanagerin im Jobcenter (Vertretung)', 'Jobcenter case manager (deputy)'),
  ),
];

/** The claims of an account, as the ID token, userinfo and the access token carry them. */
export function claimsOf(account: IdentityAccount): Record<string, string> {
  return {
    sub: account.sub,
    name: account.name,
    [TENANT_CLAIM]: account.tenant,
    fallkit_agency: account.agencyId,
    fallkit_role: account.role,
  };
}
