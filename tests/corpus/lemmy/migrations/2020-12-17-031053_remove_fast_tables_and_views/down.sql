-- There is no restore for this, it would require every view, table, index, etc.
-- If you want to save past this point, you should make a DB backup.
SELECT
    *
FROM
    user_
LIMIT 1;

