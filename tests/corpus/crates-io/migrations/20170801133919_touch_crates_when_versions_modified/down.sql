DROP TRIGGER touch_crate ON versions;
DROP FUNCTION touch_crate_on_version_modified();
