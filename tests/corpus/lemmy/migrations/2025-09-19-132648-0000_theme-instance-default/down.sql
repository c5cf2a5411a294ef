UPDATE
    local_user
SET
    theme = 'browser'
WHERE
    theme = 'instance';

UPDATE
    local_user
SET
    theme = 'browser-compact'
WHERE
    theme = 'instance-compact';

