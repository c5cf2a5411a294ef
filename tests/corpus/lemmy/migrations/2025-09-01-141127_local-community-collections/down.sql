UPDATE
    community
SET
    moderators_url = NULL,
    featured_url = NULL
WHERE
    local;

