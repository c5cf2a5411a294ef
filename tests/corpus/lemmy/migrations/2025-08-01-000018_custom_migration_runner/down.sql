DROP TABLE previously_run_sql;

