//! Reads a migration statement by statement and says which rules each breaks. State
//! carried across statements: the tables (and indexes) this migration created, which are
//! empty and unseen by the application so lock and data rules skip them; whether
//! `lock_timeout` is set yet; and `CHECK (col IS NOT NULL)` constraints, which make a
//! later `SET NOT NULL` safe once validated.

use std::collections::HashSet;

use super::rules::Rule;
use super::stmt::Stmt;
use crate::backend::Backend;
use crate::dialect::lexer::{self, TxControl};

/// A rule broken at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule: Rule,
    pub line: usize,
    /// The offending line of the statement.
    pub statement: String,
}

/// `CHECK (col IS NOT NULL)` seen in this migration.
struct NotNullCheck {
    name: Option<String>,
    table: String,
    column: String,
    validated: bool,
}

pub struct Scan {
    backend: Option<Backend>,
    run_in_transaction: bool,
    /// Inside the migration's own `BEGIN … COMMIT` (one with `run_in_transaction = false`).
    explicit_transaction: bool,
    created: HashSet<String>,
    created_indexes: HashSet<String>,
    lock_timeout: bool,
    timeout_reported: bool,
    checks: Vec<NotNullCheck>,
    /// Existing tables dropped, with the index of their `drop-table` hit.
    dropped: Vec<(String, usize)>,
    /// Existing tables renamed (from, to), with the index of their `rename` hit.
    renamed: Vec<(String, String, usize)>,
    /// Old copies of rebuilt tables (renamed away, then re-created under the old name).
    rebuilt_from: HashSet<String>,
    /// Hits a later statement showed to be part of a table rebuild.
    withdrawn: HashSet<usize>,
    hits: Vec<Hit>,
}

/// Functions whose value differs per row: a default calling one rewrites the table.
const VOLATILE: &[&str] = &[
    "random",
    "gen_random_uuid",
    "gen_random_bytes",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "clock_timestamp",
    "timeofday",
    "nextval",
    "txid_current",
];
const SERIAL: &[&str] = &["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"];
const INT32: &[&str] = &["int", "integer", "int4", "serial", "serial4", "smallint", "int2", "smallserial", "serial2", "mediumint", "tinyint"];
/// Words that end a column's type and start its constraints.
const COLUMN_CONSTRAINT: &[&str] = &[
    "NOT",
    "NULL",
    "DEFAULT",
    "PRIMARY",
    "UNIQUE",
    "REFERENCES",
    "CHECK",
    "CONSTRAINT",
    "GENERATED",
    "COLLATE",
    "AUTO_INCREMENT",
    "COMMENT",
    "FIRST",
    "AFTER",
    "ON",
    "AS",
    "KEY",
    "UNSIGNED",
    "ZEROFILL",
    "COMPRESSION",
    "STORAGE",
];
/// Words that open a table constraint (not a column) in a table body or after ADD.
const TABLE_CONSTRAINT: &[&str] = &["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "INDEX", "KEY", "FULLTEXT", "SPATIAL", "LIKE"];

/// One column definition, read.
struct Column {
    name: String,
    /// Lower-cased type words, `(…)` arguments skipped.
    ty: Vec<String>,
    /// Whether the type carried arguments, as in `varchar(255)`.
    ty_args: bool,
    not_null: bool,
    default: Option<std::ops::Range<usize>>,
    primary_key: bool,
    unique: bool,
    references: bool,
    /// `GENERATED … AS IDENTITY` or a stored generated column.
    generated: bool,
}

impl Column {
    fn serial(&self) -> bool {
        self.ty.first().is_some_and(|t| SERIAL.contains(&t.as_str()))
    }
    fn int32(&self) -> bool {
        self.ty.first().is_some_and(|t| INT32.contains(&t.as_str()))
    }
}

fn is_varchar_n(ty: &[String], args: bool) -> bool {
    args && (ty.first().is_some_and(|t| t == "varchar") || ty.starts_with(&["character".into(), "varying".into()]))
}

fn is_timestamp(ty: &[String]) -> bool {
    ty.first().is_some_and(|t| t == "timestamp") && !ty.iter().any(|w| w == "with")
}

impl Scan {
    pub fn new(backend: Option<Backend>, run_in_transaction: bool) -> Self {
        Scan {
            backend,
            run_in_transaction,
            explicit_transaction: false,
            created: HashSet::new(),
            created_indexes: HashSet::new(),
            lock_timeout: false,
            timeout_reported: false,
            checks: Vec::new(),
            dropped: Vec::new(),
            renamed: Vec::new(),
            rebuilt_from: HashSet::new(),
            withdrawn: HashSet::new(),
            hits: Vec::new(),
        }
    }

    /// The hits, less those a later statement withdrew.
    pub fn finish(self) -> Vec<Hit> {
        let withdrawn = self.withdrawn;
        self.hits.into_iter().enumerate().filter(|(i, _)| !withdrawn.contains(i)).map(|(_, h)| h).collect()
    }

    /// A table renamed. A new one renamed into place is still new, and one renamed onto
    /// the name of a table dropped earlier completes a rebuild (create, copy, drop,
    /// rename: SQLite's way to alter a table, and autogenerate's there), which loses
    /// nothing, so that drop is withdrawn. An existing table renamed is a rename.
    fn rename_table(&mut self, s: &Stmt, from: String, to: String, at: usize) {
        if self.is_new(&from) {
            if let Some(i) = self.dropped.iter().position(|(t, _)| *t == to) {
                let (_, hit) = self.dropped.remove(i);
                self.withdrawn.insert(hit);
            }
            self.created.insert(to);
        } else {
            self.renamed.push((from, to, self.hits.len()));
            self.hit(s, Rule::Rename, at);
        }
    }

    fn hit(&mut self, s: &Stmt, rule: Rule, at: usize) {
        self.hits.push(Hit { rule, line: s.line_of(at), statement: s.line_text(at).to_string() });
    }

    /// The statement at `s` took a lock that blocks reads or writes of an existing table.
    fn blocking(&mut self, s: &Stmt) {
        if !self.lock_timeout && !self.timeout_reported {
            self.timeout_reported = true;
            self.hit(s, Rule::MissingLockTimeout, 0);
        }
    }

    fn is_new(&self, table: &str) -> bool {
        self.created.contains(table)
    }

    /// Reads one statement.
    pub fn statement(&mut self, s: &Stmt) {
        match lexer::tx_control(s.text()) {
            Some(TxControl::Begin) => self.explicit_transaction = true,
            Some(TxControl::Commit | TxControl::Rollback) => self.explicit_transaction = false,
            None => {}
        }
        if s.kw(0, "CREATE") {
            self.create(s);
        } else if s.kw(0, "ALTER") && s.kw(1, "TABLE") {
            self.alter_table(s);
        } else if s.kw(0, "DROP") {
            self.drop(s);
        } else if s.kw(0, "SET") {
            self.set(s);
        } else if s.kw(0, "RESET") && (s.kw(1, "lock_timeout") || s.kw(1, "ALL")) {
            self.lock_timeout = false;
        } else if s.kw(0, "SELECT") && s.kw(1, "set_config") && s.toks.get(3).is_some_and(|t| t.text.eq_ignore_ascii_case("'lock_timeout'")) {
            self.lock_timeout = true;
        } else if s.kw(0, "RENAME") && s.kw(1, "TABLE") {
            for part in s.parts(2..s.len()) {
                let Some((from, after)) = s.name(part.start) else { continue };
                let Some((to, _)) = s.name(after + 1) else { continue };
                self.rename_table(s, from, to, part.start);
            }
        } else if s.kw(0, "VACUUM") {
            let full = s.kw(1, "FULL") || (s.punct(1, b'(') && s.any_kw(1..s.skip_group(1), "FULL"));
            if full {
                self.hit(s, Rule::VacuumFull, 0);
                self.blocking(s);
            }
        } else if s.kw(0, "CLUSTER") {
            let table = if s.kw(1, "VERBOSE") { 2 } else { 1 };
            if !s.name(table).is_some_and(|(t, _)| self.is_new(&t)) {
                self.hit(s, Rule::Cluster, 0);
                self.blocking(s);
            }
        } else if s.kw(0, "LOCK") {
            let mut i = if s.kw(1, "TABLE") || s.kw(1, "TABLES") { 2 } else { 1 };
            if s.kw(i, "ONLY") {
                i += 1;
            }
            let tables: Vec<String> = s.parts(i..s.len()).iter().filter_map(|p| s.name(p.start).map(|(t, _)| t)).collect();
            if !tables.is_empty() && !tables.iter().all(|t| self.is_new(t)) {
                self.hit(s, Rule::LockTable, 0);
                self.blocking(s);
            }
        } else if s.kw(0, "REINDEX") {
            let i = s.skip_group(1);
            let target = s.name(if s.kw(i + 1, "CONCURRENTLY") { i + 2 } else { i + 1 }).map(|(t, _)| t);
            let new = target.is_some_and(|t| (s.kw(i, "TABLE") && self.is_new(&t)) || (s.kw(i, "INDEX") && self.created_indexes.contains(&t)));
            if s.any_kw(1..s.len(), "CONCURRENTLY") {
                self.concurrently(s);
            } else if !new {
                self.hit(s, Rule::ReindexBlocking, 0);
                self.blocking(s);
            }
        } else if s.kw(0, "TRUNCATE") {
            let table = if s.kw(1, "TABLE") { 2 } else { 1 };
            if s.name(table).is_some_and(|(t, _)| !self.is_new(&t)) {
                self.blocking(s);
            }
        }
    }

    fn in_transaction(&self) -> bool {
        self.run_in_transaction || self.explicit_transaction
    }

    fn concurrently(&mut self, s: &Stmt) {
        if self.in_transaction() {
            self.hit(s, Rule::ConcurrentlyInTransaction, 0);
        }
    }

    /// `SET [SESSION | LOCAL] lock_timeout { = | TO } value`; a value of 0 turns it off,
    /// and `SET LOCAL` outside a transaction does nothing (PostgreSQL only warns).
    fn set(&mut self, s: &Stmt) {
        let local = s.kw(1, "LOCAL");
        let i = if s.kw(1, "SESSION") || local { 2 } else { 1 };
        if !s.kw(i, "lock_timeout") || (local && !self.in_transaction()) {
            return;
        }
        let value = if s.punct(i + 1, b'=') || s.kw(i + 1, "TO") { s.toks.get(i + 2) } else { None };
        self.lock_timeout = value.is_some_and(|v| !matches!(v.text, "0" | "'0'" | "DEFAULT" | "default"));
    }

    fn create(&mut self, s: &Stmt) {
        let mut i = 1;
        while ["OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "CONSTRAINT"].iter().any(|k| s.kw(i, k)) {
            i += 1;
        }
        let unique = s.kw(i, "UNIQUE");
        let fulltext = s.kw(i, "FULLTEXT") || s.kw(i, "SPATIAL");
        if unique || fulltext {
            i += 1;
        }
        if s.kw(i, "INDEX") {
            self.create_index(s, i + 1, fulltext);
        } else if s.kw(i, "TABLE") {
            self.create_table(s, i + 1);
        } else if s.kw(i, "TRIGGER") {
            // CREATE TRIGGER takes SHARE ROW EXCLUSIVE on its table.
            if let Some(on) = s.find(i..s.len(), &["ON"]) {
                if s.name(on + 1).is_some_and(|(t, _)| !self.is_new(&t)) {
                    self.blocking(s);
                }
            }
        }
    }

    fn create_index(&mut self, s: &Stmt, mut i: usize, fulltext: bool) {
        let concurrently = s.kw(i, "CONCURRENTLY");
        if concurrently {
            i += 1;
        }
        i = s.skip_if_exists(i);
        if !s.kw(i, "ON") {
            if let Some((name, _)) = s.name(i) {
                self.created_indexes.insert(name);
            }
        }
        let Some(on) = s.find(i..s.len(), &["ON"]) else { return };
        let on_only = if s.kw(on + 1, "ONLY") { on + 2 } else { on + 1 };
        let Some((table, _)) = s.name(on_only) else { return };
        if concurrently {
            self.concurrently(s);
        }
        if self.is_new(&table) {
            return;
        }
        if !concurrently {
            self.hit(s, Rule::CreateIndexBlocking, 0);
            self.blocking(s);
        }
        if !fulltext && !lock_none(s, 0..s.len()) {
            self.hit(s, Rule::MysqlOnlineDdl, 0);
        }
    }

    fn create_table(&mut self, s: &Stmt, i: usize) {
        let i = s.skip_if_exists(i);
        let Some((table, after)) = s.name(i) else { return };
        // Re-created under the name an existing table was renamed away from: a rebuild.
        if let Some(i) = self.renamed.iter().position(|(from, _, _)| *from == table) {
            let (_, old_copy, hit) = self.renamed.remove(i);
            self.withdrawn.insert(hit);
            self.rebuilt_from.insert(old_copy);
        }
        self.created.insert(table);
        if !s.punct(after, b'(') {
            return;
        }
        let body = after + 1..s.skip_group(after).saturating_sub(1);
        let mut columns = Vec::new();
        let mut key: Option<Vec<String>> = None;
        let mut references_existing = false;
        for part in s.parts(body) {
            if TABLE_CONSTRAINT.iter().any(|k| s.kw(part.start, k)) {
                if let Some(pk) = s.find(part.clone(), &["PRIMARY", "KEY"]) {
                    let open = pk + 2;
                    key = Some(s.parts(open + 1..s.skip_group(open).saturating_sub(1)).iter().filter_map(|p| s.ident(p.start)).collect());
                }
                if let Some(r) = s.find(part.clone(), &["REFERENCES"]) {
                    references_existing |= s.name(r + 1).is_some_and(|(t, _)| !self.is_new(&t));
                }
                continue;
            }
            let Some(col) = column(s, part.clone()) else { continue };
            if let Some(r) = s.find(part.clone(), &["REFERENCES"]) {
                references_existing |= s.name(r + 1).is_some_and(|(t, _)| !self.is_new(&t));
            }
            self.column_style(s, &col, part.start);
            columns.push((col, part.start));
        }
        if let Some(key) = key.filter(|k| k.len() == 1) {
            if let Some((_, at)) = columns.iter().find(|(c, _)| c.name == key[0] && c.int32()) {
                self.hit(s, Rule::PreferBigintPrimaryKey, *at);
            }
        }
        // A foreign key takes SHARE ROW EXCLUSIVE on the table it references.
        if references_existing {
            self.blocking(s);
        }
    }

    /// Design advice on one column, wherever it is defined.
    fn column_style(&mut self, s: &Stmt, col: &Column, at: usize) {
        if col.serial() {
            self.hit(s, Rule::PreferIdentity, at);
        }
        if col.primary_key && col.int32() {
            self.hit(s, Rule::PreferBigintPrimaryKey, at);
        }
        self.type_style(s, &col.ty, col.ty_args, at);
    }

    fn type_style(&mut self, s: &Stmt, ty: &[String], args: bool, at: usize) {
        if is_varchar_n(ty, args) {
            self.hit(s, Rule::PreferText, at);
        }
        if is_timestamp(ty) {
            self.hit(s, Rule::PreferTimestamptz, at);
        }
    }

    fn drop(&mut self, s: &Stmt) {
        if s.kw(1, "TABLE") {
            let i = s.skip_if_exists(2);
            let tables: Vec<String> = s.parts(i..s.len()).iter().filter_map(|p| s.name(p.start).map(|(t, _)| t)).collect();
            let existing: Vec<String> = tables.into_iter().filter(|t| !self.is_new(t)).collect();
            if existing.is_empty() {
                return;
            }
            self.blocking(s);
            // The old copy of a rebuilt table goes without loss.
            if existing.iter().all(|t| self.rebuilt_from.contains(t)) {
                return;
            }
            if let [table] = existing.as_slice() {
                self.dropped.push((table.clone(), self.hits.len()));
            }
            self.hit(s, Rule::DropTable, 0);
        } else if s.kw(1, "INDEX") {
            let concurrently = s.kw(2, "CONCURRENTLY");
            let i = s.skip_if_exists(if concurrently { 3 } else { 2 });
            let Some((index, _)) = s.name(i) else { return };
            // MySQL names the table: DROP INDEX ix ON t.
            let table = s.find(i..s.len(), &["ON"]).and_then(|on| s.name(on + 1)).map(|(t, _)| t);
            if concurrently {
                self.concurrently(s);
            }
            if self.created_indexes.contains(&index) || table.as_deref().is_some_and(|t| self.is_new(t)) {
                return;
            }
            if self.backend == Some(Backend::Postgres) && !concurrently {
                self.hit(s, Rule::DropIndexBlocking, 0);
                self.blocking(s);
            } else {
                self.hit(s, Rule::DropIndex, 0);
            }
            if table.is_some() && !lock_none(s, 0..s.len()) {
                self.hit(s, Rule::MysqlOnlineDdl, 0);
            }
        }
    }

    fn alter_table(&mut self, s: &Stmt) {
        let mut i = s.skip_if_exists(2);
        if s.kw(i, "ONLY") {
            i += 1;
        }
        let Some((table, mut i)) = s.name(i) else { return };
        if s.punct(i, b'*') {
            i += 1;
        }
        let new = self.is_new(&table);
        // A foreign key locks the table it references (SHARE ROW EXCLUSIVE), new or not.
        let references_existing = s.find(i..s.len(), &["REFERENCES"]).and_then(|r| s.name(r + 1)).is_some_and(|(t, _)| !self.is_new(&t));
        let mut takes_lock = false;
        // MySQL: whether every action can run with LOCK=NONE.
        let mut online = true;
        let mut actions = 0;
        for a in s.parts(i..s.len()) {
            let first = a.start;
            if s.kw(first, "ALGORITHM") || s.kw(first, "LOCK") {
                continue;
            }
            actions += 1;
            if s.kw(first, "VALIDATE") {
                if let Some(name) = s.ident(first + 2) {
                    self.checks.iter_mut().filter(|c| c.table == table && c.name.as_deref() == Some(&name)).for_each(|c| c.validated = true);
                }
                continue;
            }
            takes_lock = true;
            if s.kw(first, "ADD") {
                online &= self.alter_add(s, a, &table, new);
            } else if s.kw(first, "DROP") {
                online &= self.alter_drop(s, a, new);
            } else if s.kw(first, "ALTER") {
                online &= self.alter_column(s, a, &table, new);
            } else if s.kw(first, "MODIFY") || s.kw(first, "CHANGE") {
                online = false;
                let col = if s.kw(first + 1, "COLUMN") { first + 2 } else { first + 1 };
                // CHANGE restates the type with the new name; when the name differs it is
                // read as the rename it is (whether the type changed too is not visible).
                let renames = s.kw(first, "CHANGE") && s.ident(col) != s.ident(col + 1);
                if !new {
                    self.hit(s, if renames { Rule::Rename } else { Rule::AlterColumnType }, first);
                }
            } else if s.kw(first, "RENAME") {
                let renames_object = !(s.kw(first + 1, "CONSTRAINT") || s.kw(first + 1, "INDEX") || s.kw(first + 1, "KEY"));
                let to = if s.kw(first + 1, "TO") || s.kw(first + 1, "AS") { Some(first + 2) } else { None };
                match to.and_then(|t| s.name(t)) {
                    Some((renamed, _)) => self.rename_table(s, table.clone(), renamed, first),
                    None if renames_object && !new => self.hit(s, Rule::Rename, first),
                    None => {}
                }
            } else {
                online = false;
            }
        }
        if new || !takes_lock {
            if references_existing {
                self.blocking(s);
            }
            return;
        }
        self.blocking(s);
        if online && actions > 0 && !lock_none(s, 0..s.len()) {
            self.hit(s, Rule::MysqlOnlineDdl, 0);
        }
    }

    /// `ADD [COLUMN] …` or `ADD [CONSTRAINT c] …`; returns whether MySQL can do it online.
    fn alter_add(&mut self, s: &Stmt, a: std::ops::Range<usize>, table: &str, new: bool) -> bool {
        let mut j = a.start + 1;
        let explicit_column = s.kw(j, "COLUMN");
        if explicit_column {
            j += 1;
        }
        if explicit_column || !TABLE_CONSTRAINT.iter().any(|k| s.kw(j, k)) {
            let j = s.skip_if_exists(j);
            let Some(col) = column(s, j..a.end) else { return false };
            self.column_style(s, &col, j);
            if new {
                return true;
            }
            let volatile = col.serial()
                || col.generated
                || col.default.clone().is_some_and(|d| d.clone().any(|k| s.punct(k + 1, b'(') && VOLATILE.iter().any(|v| s.kw(k, v))));
            if volatile {
                self.hit(s, Rule::AddColumnVolatileDefault, j);
            } else if col.not_null && col.default.is_none() && !col.primary_key {
                self.hit(s, Rule::AddNotNullWithoutDefault, j);
            }
            if col.references {
                self.hit(s, Rule::ConstraintWithoutNotValid, j);
            }
            if col.primary_key {
                self.hit(s, Rule::AddPrimaryKey, j);
            } else if col.unique {
                self.hit(s, Rule::AddUniqueConstraint, j);
            }
            return !col.references && !col.primary_key && !col.serial() && !col.generated;
        }
        let name = if s.kw(j, "CONSTRAINT") {
            j += 2;
            s.ident(j - 1)
        } else {
            None
        };
        let not_valid = s.find(j..a.end, &["NOT", "VALID"]).is_some();
        if s.kw(j, "CHECK") {
            if let Some(column) = is_not_null_check(s, j + 1) {
                self.checks.push(NotNullCheck { name, table: table.to_string(), column, validated: !not_valid });
            }
            if !new && !not_valid {
                self.hit(s, Rule::ConstraintWithoutNotValid, a.start);
            }
            return false;
        }
        if s.kw(j, "FOREIGN") {
            if !new && !not_valid {
                self.hit(s, Rule::ConstraintWithoutNotValid, a.start);
            }
            return false;
        }
        let using_index = s.find(j..a.end, &["USING", "INDEX"]).is_some();
        if !new && !using_index {
            if s.kw(j, "PRIMARY") {
                self.hit(s, Rule::AddPrimaryKey, a.start);
            } else if s.kw(j, "UNIQUE") {
                self.hit(s, Rule::AddUniqueConstraint, a.start);
            }
        }
        // MySQL: ADD INDEX/KEY/UNIQUE/PRIMARY KEY build in place; FULLTEXT and SPATIAL need a lock.
        !(s.kw(j, "FULLTEXT") || s.kw(j, "SPATIAL") || s.kw(j, "EXCLUDE"))
    }

    /// `DROP [COLUMN] c`, `DROP CONSTRAINT c`, MySQL `DROP INDEX ix`…; returns whether
    /// MySQL can do it online.
    fn alter_drop(&mut self, s: &Stmt, a: std::ops::Range<usize>, new: bool) -> bool {
        let j = a.start + 1;
        if s.kw(j, "CONSTRAINT") || s.kw(j, "CHECK") || s.seq(j, &["FOREIGN", "KEY"]) {
            return true;
        }
        if s.seq(j, &["PRIMARY", "KEY"]) {
            return false;
        }
        if s.kw(j, "INDEX") || s.kw(j, "KEY") {
            if !new {
                self.hit(s, Rule::DropIndex, a.start);
            }
            return true;
        }
        if s.kw(j, "DEFAULT") || s.kw(j, "NOT") || s.kw(j, "EXPRESSION") || s.kw(j, "IDENTITY") {
            return true;
        }
        if !new {
            self.hit(s, Rule::DropColumn, a.start);
        }
        true
    }

    /// `ALTER [COLUMN] c …`; returns whether MySQL can do it online.
    fn alter_column(&mut self, s: &Stmt, a: std::ops::Range<usize>, table: &str, new: bool) -> bool {
        let mut j = a.start + 1;
        if s.kw(j, "COLUMN") {
            j += 1;
        }
        let Some(column) = s.ident(j) else { return false };
        let k = j + 1;
        let ty_at = if s.kw(k, "TYPE") {
            Some(k + 1)
        } else if s.seq(k, &["SET", "DATA", "TYPE"]) {
            Some(k + 3)
        } else {
            None
        };
        if let Some(at) = ty_at {
            let (ty, args, _) = type_words(s, at, a.end);
            self.type_style(s, &ty, args, at);
            if !new {
                self.hit(s, Rule::AlterColumnType, a.start);
            }
            return false;
        }
        if s.seq(k, &["SET", "NOT", "NULL"]) {
            let safe = self.checks.iter().any(|c| c.table == table && c.column == column && c.validated);
            if !new && !safe {
                self.hit(s, Rule::SetNotNull, a.start);
            }
            return false;
        }
        s.seq(k, &["SET", "DEFAULT"]) || s.seq(k, &["DROP", "DEFAULT"])
    }
}

/// Whether `range` states MySQL's `LOCK = NONE` (or `ALGORITHM = INSTANT`, which takes none).
fn lock_none(s: &Stmt, range: std::ops::Range<usize>) -> bool {
    range.clone().any(|i| {
        let eq = if s.punct(i + 1, b'=') { i + 2 } else { i + 1 };
        (s.kw(i, "LOCK") && s.kw(eq, "NONE")) || (s.kw(i, "ALGORITHM") && s.kw(eq, "INSTANT"))
    })
}

/// `(col IS NOT NULL)` opening at `open`: the column.
fn is_not_null_check(s: &Stmt, open: usize) -> Option<String> {
    let mut i = open;
    let mut parens = 0;
    while s.punct(i, b'(') {
        i += 1;
        parens += 1;
    }
    let column = s.ident(i)?;
    if !s.seq(i + 1, &["IS", "NOT", "NULL"]) || parens == 0 {
        return None;
    }
    (0..parens).all(|p| s.punct(i + 4 + p, b')')).then_some(column)
}

/// The type at `i` (up to a constraint word or `end`): lower-cased words, whether it had
/// `(…)` arguments, and the index after it.
fn type_words(s: &Stmt, mut i: usize, end: usize) -> (Vec<String>, bool, usize) {
    let mut ty = Vec::new();
    let mut args = false;
    while i < end {
        if s.punct(i, b'(') {
            args = true;
            i = s.skip_group(i);
            continue;
        }
        if s.punct(i, b'[') || s.punct(i, b']') {
            i += 1;
            continue;
        }
        let Some(t) = s.toks.get(i) else { break };
        let charset = s.seq(i, &["CHARACTER", "SET"]) || s.kw(i, "CHARSET");
        if t.kind != crate::dialect::lexer::LexemeKind::Word || charset || COLUMN_CONSTRAINT.iter().any(|k| t.is_keyword(k)) || s.kw(i, "USING") {
            break;
        }
        ty.push(t.text.to_ascii_lowercase());
        i += 1;
    }
    (ty, args, i)
}

/// A column definition `name type constraints…` over `range`.
fn column(s: &Stmt, range: std::ops::Range<usize>) -> Option<Column> {
    let name = s.ident(range.start)?;
    let (ty, ty_args, mut i) = type_words(s, range.start + 1, range.end);
    let mut col = Column { name, ty, ty_args, not_null: false, default: None, primary_key: false, unique: false, references: false, generated: false };
    while i < range.end {
        if s.seq(i, &["NOT", "NULL"]) {
            col.not_null = true;
            i += 2;
        } else if s.kw(i, "DEFAULT") {
            let start = i + 1;
            i = start;
            while i < range.end && !(i > start && COLUMN_CONSTRAINT.iter().any(|k| s.kw(i, k))) {
                i = if s.punct(i, b'(') { s.skip_group(i) } else { i + 1 };
            }
            col.default = Some(start..i);
        } else if s.seq(i, &["PRIMARY", "KEY"]) {
            col.primary_key = true;
            i += 2;
        } else if s.kw(i, "UNIQUE") {
            col.unique = true;
            i += 1;
        } else if s.kw(i, "REFERENCES") {
            col.references = true;
            i += 1;
        } else if s.kw(i, "GENERATED") {
            col.generated = s.find(i..range.end, &["IDENTITY"]).is_some() || s.find(i..range.end, &["STORED"]).is_some();
            i += 1;
        } else {
            i = if s.punct(i, b'(') { s.skip_group(i) } else { i + 1 };
        }
    }
    Some(col)
}
