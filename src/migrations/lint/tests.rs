use super::*;

fn rules(sql: &str, backend: Option<Backend>) -> Vec<&'static str> {
    lint_sql(sql, backend, true).into_iter().map(|h| h.rule.id()).collect()
}

const PG: Option<Backend> = Some(Backend::Postgres);

#[test]
fn each_rule_fires_on_its_statement() {
    let none = Vec::<&str>::new();
    let t = "SET lock_timeout = '5s';\n";
    assert_eq!(rules(&format!("{t}DROP TABLE users;"), PG), ["drop-table"]);
    assert_eq!(rules(&format!("{t}ALTER TABLE users DROP COLUMN phone;"), PG), ["drop-column"]);
    assert_eq!(rules(&format!("{t}alter table users add column age integer not null;"), PG), ["add-not-null-without-default"]);
    assert_eq!(rules(&format!("{t}ALTER TABLE users ADD COLUMN age INTEGER NOT NULL DEFAULT 0;"), PG), none);
    assert_eq!(rules(&format!("{t}ALTER TABLE users ALTER COLUMN age SET NOT NULL;"), PG), ["set-not-null"]);
    assert_eq!(rules(&format!("{t}ALTER TABLE users RENAME COLUMN name TO full_name;"), PG), ["rename"]);
    assert_eq!(rules("RENAME TABLE a TO b;", Some(Backend::Mysql)), ["rename"]);
    assert_eq!(rules(&format!("{t}ALTER TABLE users ALTER COLUMN age TYPE BIGINT;"), PG), ["alter-column-type"]);
    assert_eq!(rules("ALTER TABLE users MODIFY COLUMN age BIGINT;", Some(Backend::Mysql)), ["alter-column-type"]);
    assert_eq!(rules(&format!("{t}CREATE INDEX ix ON users (email);"), PG), ["create-index-blocking"]);
    assert_eq!(rules("CREATE INDEX CONCURRENTLY ix ON users (email);", Some(Backend::Postgres)).len(), 1);
    assert_eq!(lint_sql("CREATE INDEX CONCURRENTLY ix ON users (email);", PG, false), vec![]);
    assert_eq!(rules("CREATE INDEX ix ON users (email);", Some(Backend::Sqlite)), none);
}

#[test]
fn new_tables_comments_and_strings_do_not_trip_rules() {
    let sql = "SET lock_timeout = '5s';\nCREATE TABLE tags (id BIGINT PRIMARY KEY);\nALTER TABLE tags ADD COLUMN name TEXT NOT NULL;\nCREATE INDEX ix_tags ON tags (name);\n-- DROP TABLE users;\nINSERT INTO notes VALUES ('DROP TABLE users -- x');\nDO $$ BEGIN ALTER TABLE users DROP COLUMN a; END $$;";
    assert_eq!(rules(sql, PG), Vec::<&str>::new());
}

#[test]
fn findings_name_the_line_of_the_offending_clause() {
    let hits = lint_sql("SET lock_timeout = '1s';\nALTER TABLE users\n  ADD COLUMN a text,\n  DROP COLUMN b;\n", PG, true);
    assert_eq!(hits.iter().map(|h| (h.rule.id(), h.line)).collect::<Vec<_>>(), [("drop-column", 4)]);
}

#[test]
fn every_rule_has_a_unique_id_and_text() {
    let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), Rule::ALL.len());
    for r in Rule::ALL {
        assert_eq!(Rule::from_id(r.id()), Some(*r));
        assert!(!r.why().is_empty() && !r.fix().is_empty() && !r.lock().is_empty() && !r.backends().is_empty(), "{r}");
    }
}
