import type { Migration } from '../migration.js';

/**
 * The handover inbox (issue 16, DP-16): signed handover messages (a package, a status message, a consent
 * withdrawal) between two agencies that use one server, kept per recipient agency until that agency
 * acknowledges them. The row holds the compact JWS as delivered (the recipient verifies it; the server never
 * trusts its content) and who delivered and who first fetched it (DP-28). `package_id` names the package a
 * package or status message is about (a withdrawal names transfers, not a package). Same shape as every other table:
 * tenant first, LIST-partitioned per tenant, row level security forced.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'handover inbox',
  sql: /* sql */ `
create table fallkit.handover_inbox (
  tenant_id           text        not null,
  recipient_agency_id text        not null,
  message_id          text        not null,
  kind                text        not null check (kind in ('package', 'status', 'withdrawal')),
  package_id          text,
  sender_agency_id    text        not null,
  token               text        not null,
  token_hash          text        not null check (length(token_hash) = 64),
  delivered_at        timestamptz not null,
  delivered_by        text        not null,
  fetched_at          timestamptz,
  fetched_by          text,
  primary key (tenant_id, recipient_agency_id, message_id)
) partition by list (tenant_id);
alter table fallkit.handover_inbox enable row level security;
alter table fallkit.handover_inbox force row level security;
create policy tenant_isolation on fallkit.handover_inbox
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());

create or replace function fallkit.tenant_tables() returns text[]
  language sql immutable parallel safe
  as $$ select array['case_event', 'case_index', 'case_command', 'case_seal', 'handover_inbox'] $$;

create or replace function fallkit.grant_app_role(p_role text) returns void
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  execute format('grant usage on schema fallkit to %I', p_role);
  execute format('grant select, update (feed_position) on fallkit.tenant to %I', p_role);
  execute format('grant select, insert, delete, update (payload, note) on fallkit.case_event to %I', p_role);
  execute format('grant select, insert, update, delete on fallkit.case_index to %I', p_role);
  execute format('grant select, insert, delete on fallkit.case_command to %I', p_role);
  execute format('grant select, insert, update, delete on fallkit.case_seal to %I', p_role);
  execute format('grant select, insert, delete, update (fetched_at, fetched_by) on fallkit.handover_inbox to %I', p_role);
  execute format('grant execute on function fallkit.current_tenant() to %I', p_role);
end
$$;

-- The tenants that exist get their new partition (read from the catalog: FORCE hides fallkit.tenant's rows).
do $$
declare
  tenant text;
begin
  for tenant in
    select replace(substr(c.relname, length('case_event_') + 1), '_', '-')
      from pg_catalog.pg_inherits i join pg_catalog.pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'fallkit.case_event'::regclass
  loop
    perform fallkit.create_tenant(tenant);
  end loop;
end
$$;
`,
};
