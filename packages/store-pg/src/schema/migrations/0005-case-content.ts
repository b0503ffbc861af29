import type { Migration } from '../migration.js';

/**
 * Documents' content (issue 22): the bytes a `DocumentAttached` event describes, stored under the case and
 * the SHA-256 hex the event names (the core checks the bytes against it on every open, DP-44). Deleted
 * with the event's erasure (DP-32) and with the stream (retention, DP-36). Same shape as every other table:
 * tenant first, LIST-partitioned per tenant, row level security forced.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'case content',
  sql: /* sql */ `
create table fallkit.case_content (
  tenant_id    text        not null,
  case_id      text        not null,
  content_hash text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
  bytes        bytea       not null,
  stored_at    timestamptz not null default now(),
  primary key (tenant_id, case_id, content_hash)
) partition by list (tenant_id);
alter table fallkit.case_content enable row level security;
alter table fallkit.case_content force row level security;
create policy tenant_isolation on fallkit.case_content
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());

create or replace function fallkit.tenant_tables() returns text[]
  language sql immutable parallel safe
  as $$ select array['case_event', 'case_index', 'case_command', 'case_seal', 'handover_inbox', 'case_content'] $$;

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
  execute format('grant select, insert, delete, update (bytes, stored_at) on fallkit.case_content to %I', p_role);
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
