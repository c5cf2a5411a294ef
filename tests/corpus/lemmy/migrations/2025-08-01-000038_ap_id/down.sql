ALTER TABLE person RENAME ap_id TO actor_id;

ALTER TABLE community RENAME ap_id TO actor_id;

ALTER TABLE site RENAME ap_id TO actor_id;

