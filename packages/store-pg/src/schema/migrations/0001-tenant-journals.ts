import type { Migration } from '../migration.js';

/**
 * Tenants, their hash-chained journals and the case index, each table keyed by `tenant_id` first, LIST-partitioned
 * per tenant, under row level security. PostgreSQL 15 SQL (Debian's version; PGlite runs it too).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'tenants, journals and case index under row level security',
  sql: /* sql */ `
-- The caller's tenant: the transaction-scoped setting every store transaction makes first
-- (set_config('fallkit.tenant', $1, true)). Unset or empty gives NULL, which equals no row: fail closed.
create function fallkit.current_tenant() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('fallkit.tenant', true), '') $$;

-- One row per tenant: an operator of a case-management network (a municipality's KIM with its partner
-- agencies). Tenant ids are DNS-label-like, so partition names derived from them never need quoting and
-- never collide ('-' becomes '_', and '_' is not allowed in an id).
create table fallkit.tenant (
  tenant_id     text primary key check (tenant_id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  -- The last feed position handed out in this tenant. Every append takes its positions with
  -- UPDATE ... SET feed_position = feed_position + n RETURNING inside its own transaction: the row lock
  -- makes the appenders of a tenant take positions one after the other and hold them until they commit,
  -- so positions become visible in the order they were given and a rollback gives them back. A reader
  -- that pages "position > cursor" therefore never steps over a transaction that commits later (what a
  -- sequence or an identity column allows: a late commit of a lower number behind the cursor).
  feed_position bigint not null default 0 check (feed_position >= 0),
  created_at    timestamptz not null default now()
);

-- The journals: one row per event. The envelope is kept as the client sealed it (json keeps the text as it
-- came, \\u0000 included), the payload apart from it so erasure (DP-32) replaces only the payload.
-- The typed columns are copies of envelope fields for keys and queries, written from the same event. No check
-- compares them with the envelope: json operators turn every escape they read into text, and \\u0000 cannot
-- be text, so such a check would refuse a NUL anywhere in an envelope.
create table fallkit.case_event (
  tenant_id     text    not null,
  case_id       text    not null check (length(case_id) between 1 and 200),
  seq           integer not null check (seq > 0),
  event_id      text    not null check (length(event_id) between 1 and 200),
  -- Position in the tenant's feed: gapless, in commit order (see fallkit.tenant.feed_position).
  feed_position bigint  not null check (feed_position > 0),
  type          text    not null,
  hash          text    not null check (length(hash) = 64),
  envelope      json    not null,
  payload       json,
  stored_at     timestamptz not null default now(),
  primary key (tenant_id, case_id, seq),
  unique (tenant_id, event_id),
  unique (tenant_id, feed_position)
) partition by list (tenant_id);

-- The case index: one row per case for lists, filters and the worklist, written in the same transaction
-- as the events it reflects. "C" collation: the core compares ids and ISO dates by code points.
create table fallkit.case_index (
  tenant_id        text    not null,
  case_id          text    collate "C" not null,
  last_seq         integer not null check (last_seq >= 0),
  updated_at       text    not null,
  status           text    not null,
  stage            text    not null,
  lead_agency_id   text,
  case_manager_ids text[]  not null,
  legal_domains    text[]  not null,
  next_due_date    text    collate "C",
  entry            json    not null,
  primary key (tenant_id, case_id)
) partition by list (tenant_id);
create index case_index_due on fallkit.case_index (tenant_id, next_due_date, case_id);
create index case_index_case_managers on fallkit.case_index using gin (case_manager_ids);

-- Row level security on every table, FORCE so that the owner is bound too: a row is visible and writable
-- only in a transaction that set its tenant. The application role owns nothing and has no BYPASSRLS.
alter table fallkit.tenant enable row level security;
alter table fallkit.tenant force row level security;
create policy tenant_isolation on fallkit.tenant
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());
alter table fallkit.case_event enable row level security;
alter table fallkit.case_event force row level security;
create policy tenant_isolation on fallkit.case_event
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());
alter table fallkit.case_index enable row level security;
alter table fallkit.case_index force row level security;
create policy tenant_isolation on fallkit.case_index
  using (tenant_id = fallkit.current_tenant()) with check (tenant_id = fallkit.current_tenant());

-- A tenant's partitions: created by the owner (partitions are DDL), never by the application role. Each
-- partition gets row level security of its own, so reading it by name is bound like reading the parent
-- (and the application role has no privilege on partitions at all). Idempotent; true when it was new.
create function fallkit.create_tenant(p_tenant text) returns boolean
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
  -- FORCE binds the owner as well: act as this tenant for its own row.
  perform set_config('fallkit.tenant', p_tenant, true);
  insert into fallkit.tenant (tenant_id) values (p_tenant) on conflict (tenant_id) do nothing;
  created := found;
  foreach parent in array array['case_event', 'case_index'] loop
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

-- Removes a tenant for good: its partitions are dropped (instant, whatever their size) and its row deleted.
create function fallkit.drop_tenant(p_tenant text) returns boolean
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
  foreach parent in array array['case_event', 'case_index'] loop
    execute format('drop table if exists fallkit.%I', parent || '_' || replace(p_tenant, '-', '_'));
  end loop;
  perform set_config('fallkit.tenant', p_tenant, true);
  delete from fallkit.tenant where tenant_id = p_tenant;
  dropped := found;
  perform set_config('fallkit.tenant', coalesce(previous, ''), true);
  return dropped;
end
$$;

-- What the application role may do, and nothing more: read and append journals, erase payloads (only that
-- column), keep the case index, move its tenant's feed counter (only that column). No DDL, no tenants.
create function fallkit.grant_app_role(p_role text) returns void
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  execute format('grant usage on schema fallkit to %I', p_role);
  execute format('grant select, update (feed_position) on fallkit.tenant to %I', p_role);
  execute format('grant select, insert, delete, update (payload) on fallkit.case_event to %I', p_role);
  execute format('grant select, insert, update, delete on fallkit.case_index to %I', p_role);
  execute format('grant execute on function fallkit.current_tenant() to %I', p_role);
end
$$;

-- Functions are executable by PUBLIC unless revoked; these three are the owner's.
revoke execute on function fallkit.create_tenant(text) from public;
revoke execute on function fallkit.drop_tenant(text) from public;
revoke execute on function fallkit.grant_app_role(text) from public;
`,
};
