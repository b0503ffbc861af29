import type { Migration } from '../migration.js';

/**
 * The erasable note beside each payload (DP-43: the caller's reason and the actor's display name live outside
 * the hashed envelope) and the latest seal of each stream (DP-44), written in the append transaction. The
 * tenant functions read their list of partitioned tables from one function from now on, so the next table is
 * one line.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'erasable notes and journal seals',
  sql: /* sql */ `
-- The note is erased together with the payload; like the payload it is kept as json (text as written).
alter table fallkit.case_event add column note json;

-- The seal of a stream's head, one row per stream, replaced by every append that brings one. The record is
-- kept as written; seq and hash are copies for checks and queries.
create table fallkit.case_seal (
  tenant_id text    not null,
  case_id   text    not null,
  seq       integer not null check (seq >= 0),
  hash      text    not null check (length(hash) = 64),
  record    json    not null,
  primary key (tenant_id, case_id)
) partition by list (tenant_id);
alter table fallkit.case_seal enable row level security;
alter table fallkit.case_seal force row level security;
create policy tenant_isolation on fallkit.case_seal
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());

-- The partitioned tables every tenant has a partition of.
create function fallkit.tenant_tables() returns text[]
  language sql immutable parallel safe
  as $$ select array['case_event', 'case_index', 'case_command', 'case_seal'] $$;

create or replace function fallkit.create_tenant(p_tenant text) returns boolean
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  previous text := current_setting('fallkit.tenant', true);
  created  boolean;
  parent   text;
  part     text;
begin
  if p_tenant is null or p_tenant !~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$' then
    raise exception 'invalid tenant id: %', p_tenant using errcode = '22023';
  end if;
  perform set_config('fallkit.tenant', p_tenant, true);
  insert into fallkit.tenant (tenant_id) values (p_tenant) on conflict (tenant_id) do nothing;
  created := found;
  foreach parent in array fallkit.tenant_tables() loop
    part := parent || '_' || replace(p_tenant, '-', '_');
    execute format('create table if not exists fallkit.%I partition of fallkit.%I for values in (%L)',
                   part, parent, p_tenant);
    execute format('alter table fallkit.%I enable row level security', part);
    execute format('alter table fallkit.%I force row level security', part);
    if not exists (select 1 from pg_catalog.pg_policies
                   where schemaname = 'fallkit' and tablename = part and policyname = 'tenant_isolation') then
      execute format('create policy tenant_isolation on fallkit.%I using (tenant_id = fallkit.current_tenant())'
                     ' with check (tenant_id = fallkit.current_tenant())', part);
    end if;
  end loop;
  perform set_config('fallkit.tenant', coalesce(previous, ''), true);
  return created;
end
$$;

create or replace function fallkit.drop_tenant(p_tenant text) returns boolean
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  previous text := current_setting('fallkit.tenant', true);
  parent   text;
  dropped  boolean;
begin
  if p_tenant is null or p_tenant !~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$' then
    raise exception 'invalid tenant id: %', p_tenant using errcode = '22023';
  end if;
  foreach parent in array fallkit.tenant_tables() loop
    execute format('drop table if exists fallkit.%I', parent || '_' || replace(p_tenant, '-', '_'));
  end loop;
  perform set_config('fallkit.tenant', p_tenant, true);
  delete from fallkit.tenant where tenant_id = p_tenant;
  dropped := found;
  perform set_config('fallkit.tenant', coalesce(previous, ''), true);
  return dropped;
end
$$;

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
