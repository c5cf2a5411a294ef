alter table versions
    drop column lib_name;
