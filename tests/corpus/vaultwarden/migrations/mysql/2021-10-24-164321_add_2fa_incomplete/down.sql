DROP TABLE twofactor_incomplete;
