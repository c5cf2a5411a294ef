DROP TABLE report_combined;

