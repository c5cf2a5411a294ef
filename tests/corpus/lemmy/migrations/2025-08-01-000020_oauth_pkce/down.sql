ALTER TABLE oauth_provider
    DROP COLUMN use_pkce;

