-- backend: mysql
-- run_in_transaction: true
-- expect: prefer-bigint-primary-key
CREATE TABLE tags (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT);
