DROP TABLE private_message_report;

