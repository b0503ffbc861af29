import type { Migration } from '../migration.js';

/**
 * Idempotent appends: the `commandId` events carry is kept in a column of its own and, once per command, in
 * `fallkit.case_command`, whose primary key makes a command's second append fail even when two writers race.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'command ids: idempotent appends',
  sql: /* sql */ `
alter table fallkit.case_event
  add column command_id text check (command_id is null or length(command_id) between 1 and 128);
create index case_event_command on fallkit.case_event (tenant_id, command_id) where command_id is not null;

-- One row per command that appended: the unique index a retried command runs into. Dropped with its stream.
create table fallkit.case_command (
  tenant_id  text not null,
  command_id text not null check (length(command_id) between 1 and 128),
  case_id    text not null,
  primary key (tenant_id, command_id)
) partition by list (tenant_id);
alter table fallkit.case_command enable row level security;
alter table fallkit.case_command force row level security;
create policy tenant_isolation on fallkit.case_command
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());

-- The tenant functions now know three partitioned tables.
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
  foreach parent in array array['case_event', 'case_index', 'case_command'] loop
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
  foreach parent in array array['case_event', 'case_index', 'case_command'] loop
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
  execute format('grant select, insert, delete, update (payload) on fallkit.case_event to %I', p_role);
  execute format('grant select, insert, update, delete on fallkit.case_index to %I', p_role);
  execute format('grant select, insert, delete on fallkit.case_command to %I', p_role);
  execute format('grant execute on function fallkit.current_tenant() to %I', p_role);
end
$$;

-- The tenants that exist get their new partition. FORCE hides fallkit.tenant's rows from the owner too, so
-- they are read from the catalog: each partition of case_event is named after its tenant ('_' for '-').
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
