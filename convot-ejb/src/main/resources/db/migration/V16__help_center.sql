-- The help center: articles per app (Markdown, with the sanitized HTML and plain text rendered from
-- it), searched with PostgreSQL full-text search in each article's language, and one custom domain
-- per app, verified through DNS.

CREATE TABLE help_articles (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  app_id           uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  slug             text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
  locale           text NOT NULL CHECK (locale ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  category         text CHECK (category IS NULL OR length(category) BETWEEN 1 AND 100),
  body_markdown    text NOT NULL,
  body_html        text NOT NULL,
  body_text        text NOT NULL,
  status           text NOT NULL CHECK (status IN ('draft', 'published')),
  -- Filled by the trigger below: the text search configuration of the article's language, and
  -- the document (title A, category C, body B; every word once more unstemmed, D, for prefixes).
  search_config    regconfig NOT NULL DEFAULT 'simple',
  search_vector    tsvector NOT NULL DEFAULT ''::tsvector,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  published_at     timestamptz,
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX help_articles_slug ON help_articles (app_id, locale, slug);
CREATE INDEX help_articles_organization_created ON help_articles (organization_id, created_at, id);
CREATE INDEX help_articles_app_created ON help_articles (app_id, created_at, id);
CREATE INDEX help_articles_search ON help_articles USING gin (search_vector) WHERE status = 'published';

-- A locale's text search configuration where PostgreSQL has one (pt-BR -> portuguese), else simple.
CREATE FUNCTION convot_text_search_config(p_locale text) RETURNS regconfig
  LANGUAGE sql STABLE SET search_path = pg_catalog
  AS $$
    SELECT coalesce(
      (SELECT c.oid::regconfig FROM pg_ts_config c
        WHERE c.cfgname = CASE lower(split_part(p_locale, '-', 1))
          WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
          WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
          WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
          WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
          WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
          WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
          WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
          WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish' ELSE 'simple' END
          AND c.cfgnamespace = 'pg_catalog'::regnamespace),
      'simple'::regconfig)
  $$;

CREATE FUNCTION convot_help_article_search_document() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog
  AS $$
  BEGIN
    NEW.search_config := ${flyway:defaultSchema}.convot_text_search_config(NEW.locale);
    NEW.search_vector :=
      setweight(to_tsvector(NEW.search_config, NEW.title), 'A')
      || setweight(to_tsvector(NEW.search_config, coalesce(NEW.category, '')), 'C')
      || setweight(to_tsvector(NEW.search_config, NEW.body_text), 'B')
      || setweight(to_tsvector('simple', NEW.title || ' ' || NEW.body_text), 'D');
    RETURN NEW;
  END
  $$;

CREATE TRIGGER help_articles_search_document
  BEFORE INSERT OR UPDATE OF title, category, body_text, locale ON help_articles
  FOR EACH ROW EXECUTE FUNCTION convot_help_article_search_document();

-- What a visitor typed, as a query in one configuration: every word must match, the last one as a
-- prefix (results come while typing), stemmed by the language or as typed. Only letters and digits
-- reach to_tsquery, so no input is query syntax. NULL when nothing searchable was typed.
CREATE FUNCTION convot_help_query(p_config regconfig, p_text text) RETURNS tsquery
  LANGUAGE plpgsql STABLE SET search_path = pg_catalog
  AS $$
  DECLARE
    words text[] := array_remove(regexp_split_to_array(lower(coalesce(p_text, '')), '[^[:alnum:]]+'), '');
    result tsquery;
    part tsquery;
    n integer := coalesce(array_length(words, 1), 0);
  BEGIN
    IF n = 0 THEN
      RETURN NULL;
    END IF;
    FOR i IN 1 .. n - 1 LOOP
      part := plainto_tsquery(p_config, words[i]) || plainto_tsquery('simple', words[i]);
      IF numnode(plainto_tsquery(p_config, words[i])) = 0 THEN
        CONTINUE; -- a stop word of the language
      END IF;
      result := CASE WHEN result IS NULL THEN part ELSE result && part END;
    END LOOP;
    part := to_tsquery('simple', words[n] || ':*');
    IF numnode(to_tsquery(p_config, words[n] || ':*')) > 0 THEN
      part := to_tsquery(p_config, words[n] || ':*') || part;
    END IF;
    RETURN CASE WHEN result IS NULL THEN part ELSE result && part END;
  END
  $$;

CREATE TABLE help_domains (
  app_id           uuid PRIMARY KEY REFERENCES apps (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  hostname         text NOT NULL CHECK (hostname ~ '^[a-z0-9.-]{1,253}$'),
  status           text NOT NULL CHECK (status IN ('pending', 'missing', 'error', 'verified')),
  explanation      text,
  checked_at       timestamptz,
  verified_at      timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
-- A hostname serves one help center: once verified, by one app of one organization.
CREATE UNIQUE INDEX help_domains_verified_hostname ON help_domains (hostname) WHERE status = 'verified';
CREATE INDEX help_domains_verified_checked ON help_domains (checked_at) WHERE status = 'verified';

ALTER TABLE help_articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON help_articles
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

ALTER TABLE help_domains ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON help_domains
  USING (organization_id = convot_current_organization())
  WITH CHECK (organization_id = convot_current_organization());

GRANT SELECT, INSERT, UPDATE, DELETE ON help_articles, help_domains TO ${app_role};

-- Lookups across organizations, before a tenant is known: the help centers a hostname was set for
-- (the verified one first), whether another app verified a hostname, and the verified domains due
-- a new check.
CREATE FUNCTION convot_help_domain_by_host(p_hostname text)
  RETURNS TABLE (app_id uuid, organization_id uuid, verified boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT app_id, organization_id, status = 'verified' FROM help_domains WHERE hostname = p_hostname
        ORDER BY status = 'verified' DESC LIMIT 1 $$;

CREATE FUNCTION convot_help_domain_taken(p_hostname text, p_app_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT EXISTS (SELECT 1 FROM help_domains
                       WHERE hostname = p_hostname AND status = 'verified' AND app_id <> p_app_id) $$;

CREATE FUNCTION convot_help_domains_due(p_checked_before timestamptz, p_limit integer)
  RETURNS TABLE (app_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
  AS $$ SELECT app_id, organization_id FROM help_domains
        WHERE status = 'verified' AND (checked_at IS NULL OR checked_at < p_checked_before)
        ORDER BY checked_at NULLS FIRST LIMIT p_limit $$;

REVOKE ALL ON FUNCTION convot_help_domain_by_host(text), convot_help_domain_taken(text, uuid),
  convot_help_domains_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION convot_help_domain_by_host(text), convot_help_domain_taken(text, uuid),
  convot_help_domains_due(timestamptz, integer), convot_text_search_config(text), convot_help_query(regconfig, text)
  TO ${app_role};
