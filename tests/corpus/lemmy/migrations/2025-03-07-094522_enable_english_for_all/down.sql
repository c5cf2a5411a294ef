SELECT
    1;

