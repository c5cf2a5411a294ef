ALTER TABLE person RENAME actor_id TO ap_id;

ALTER TABLE community RENAME actor_id TO ap_id;

ALTER TABLE site RENAME actor_id TO ap_id;

