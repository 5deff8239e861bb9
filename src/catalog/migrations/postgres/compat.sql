-- PostgreSQL only, applied at every open (before the migrations): SQLite's built-in functions that catalog statements
-- use, under their SQLite names and with their SQLite results, so that each statement is written once for both
-- databases. Only the forms the catalog uses are provided (noted on each).

-- instr(haystack, needle): 1-based position, 0 when absent.
CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT strpos(haystack, needle)::bigint $$;

-- printf('%02d', n): the catalog's only format (months of an HTTP date).
CREATE OR REPLACE FUNCTION printf(fmt text, n bigint) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE fmt WHEN '%02d' THEN CASE WHEN n < 0 THEN '-' || lpad((-n)::text, 2, '0') ELSE lpad(n::text, 2, '0') END
    ELSE NULL END $$;

-- date(time, modifier): the calendar date (YYYY-MM-DD) of a time shifted by an interval ('+8 hours'); NULL for a
-- time that is not one (SQLite's date() does not fail either). The session runs in UTC (session-worker.mjs).
CREATE OR REPLACE FUNCTION date(t text, modifier text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN to_char(t::timestamp + modifier::interval, 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- json_each(list): the catalog passes lists of ids (agency, report) as a JSON array; their values as numbers.
CREATE OR REPLACE FUNCTION json_each(list text) RETURNS TABLE (value bigint)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT v::bigint FROM jsonb_array_elements_text(list::jsonb) v $$;

-- json_extract(json, '$.a.b'): the value at a simple path, as text.
CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (doc::jsonb) #>> string_to_array(substr(path, 3), '.') $$;

-- sum() and max() of a condition, as SQLite counts them (true = 1).
CREATE OR REPLACE FUNCTION nianbao_bool_add(acc bigint, b boolean) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT acc + CASE WHEN b THEN 1 ELSE 0 END $$;
CREATE OR REPLACE FUNCTION nianbao_bool_max(acc bigint, b boolean) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT greatest(acc, CASE WHEN b THEN 1 WHEN NOT b THEN 0 END) $$;
DO $$ BEGIN
  CREATE AGGREGATE sum(boolean) (SFUNC = nianbao_bool_add, STYPE = bigint, INITCOND = '0');
EXCEPTION WHEN duplicate_function THEN NULL;
END $$;
DO $$ BEGIN
  CREATE AGGREGATE max(boolean) (SFUNC = nianbao_bool_max, STYPE = bigint);
EXCEPTION WHEN duplicate_function THEN NULL;
END $$;

-- group_concat(value, separator): string_agg under SQLite's name.
DO $$ BEGIN
  CREATE AGGREGATE group_concat(text, text) (SFUNC = nianbao_concat_step, STYPE = text);
EXCEPTION WHEN undefined_function THEN
  CREATE FUNCTION nianbao_concat_step(acc text, v text, sep text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$ SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v ELSE acc || sep || v END $f$;
  CREATE AGGREGATE group_concat(text, text) (SFUNC = nianbao_concat_step, STYPE = text);
WHEN duplicate_function THEN NULL;
END $$;
