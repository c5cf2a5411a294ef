ALTER TABLE tag
    DROP COLUMN color;

DROP TYPE tag_color_enum;

