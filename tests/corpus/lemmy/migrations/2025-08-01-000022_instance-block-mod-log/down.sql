ALTER TABLE federation_blocklist
    DROP expires;

DROP TABLE admin_block_instance;

DROP TABLE admin_allow_instance;

