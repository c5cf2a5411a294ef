DROP VIEW comment_report_view;

DROP VIEW post_report_view;

DROP TABLE comment_report;

DROP TABLE post_report;

