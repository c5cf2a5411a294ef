INSERT INTO user_ (name, fedi_name, password_encrypted)
    VALUES ('admin', 'TBD', 'TBD');

