//! The lint rules: one [`Rule`] per risky pattern, each knowing its stable id, the
//! backends it applies to, how bad it is, the lock it takes, why that hurts and the
//! safe rewrite. The README's rule table is this file in prose; keep them in step.

use serde::Serialize;

use crate::backend::Backend;

/// How a finding affects the exit code: errors fail `lint` (and `check` under
/// `lint_fails_check`), warnings are advice on the schema's design and never fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Every rule `lint` knows. Ids are stable: `[lint.allow]` and scripts name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    DropTable,
    DropColumn,
    DropIndex,
    AddNotNullWithoutDefault,
    SetNotNull,
    Rename,
    AlterColumnType,
    CreateIndexBlocking,
    DropIndexBlocking,
    ConcurrentlyInTransaction,
    ConstraintWithoutNotValid,
    AddColumnVolatileDefault,
    AddUniqueConstraint,
    AddPrimaryKey,
    MissingLockTimeout,
    VacuumFull,
    Cluster,
    LockTable,
    ReindexBlocking,
    PreferIdentity,
    PreferBigintPrimaryKey,
    PreferText,
    PreferTimestamptz,
    MysqlOnlineDdl,
}

const ALL_BACKENDS: &[Backend] = &[Backend::Postgres, Backend::Mysql, Backend::Sqlite];
const POSTGRES: &[Backend] = &[Backend::Postgres];
const MYSQL: &[Backend] = &[Backend::Mysql];
const SERVERS: &[Backend] = &[Backend::Postgres, Backend::Mysql];

impl Rule {
    pub const ALL: &'static [Rule] = &[
        Rule::DropTable,
        Rule::DropColumn,
        Rule::DropIndex,
        Rule::AddNotNullWithoutDefault,
        Rule::SetNotNull,
        Rule::Rename,
        Rule::AlterColumnType,
        Rule::CreateIndexBlocking,
        Rule::DropIndexBlocking,
        Rule::ConcurrentlyInTransaction,
        Rule::ConstraintWithoutNotValid,
        Rule::AddColumnVolatileDefault,
        Rule::AddUniqueConstraint,
        Rule::AddPrimaryKey,
        Rule::MissingLockTimeout,
        Rule::VacuumFull,
        Rule::Cluster,
        Rule::LockTable,
        Rule::ReindexBlocking,
        Rule::PreferIdentity,
        Rule::PreferBigintPrimaryKey,
        Rule::PreferText,
        Rule::PreferTimestamptz,
        Rule::MysqlOnlineDdl,
    ];

    /// The stable kebab-case id.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The rule `id` names, if any.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    pub fn severity(self) -> Severity {
        self.info().severity
    }

    /// The lock the flagged statement takes (PostgreSQL lock modes; "table copy" for MySQL).
    pub fn lock(self) -> &'static str {
        self.info().lock
    }

    /// Why the pattern hurts a running application.
    pub fn why(self) -> &'static str {
        self.info().why
    }

    /// What to write instead.
    pub fn fix(self) -> &'static str {
        self.info().fix
    }

    /// The backends whose migrations the rule reads.
    pub fn backends(self) -> &'static [Backend] {
        self.info().backends
    }

    /// Whether the rule applies to `backend`. With no known backend (no database URL and
    /// no `--dialect`), only rules that hold on every backend apply.
    pub fn applies_to(self, backend: Option<Backend>) -> bool {
        match backend {
            Some(b) => self.backends().contains(&b),
            None => self.backends().len() == ALL_BACKENDS.len(),
        }
    }

    fn info(self) -> Info {
        use Severity::{Error, Warning};
        let i = |id, backends, severity, lock, why, fix| Info { id, backends, severity, lock, why, fix };
        match self {
            Rule::DropTable => i(
                "drop-table",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE",
                "drops a table and all its rows; a running application that still queries it fails",
                "stop using the table in a deploy first; then drop it, recording why in [lint.allow]",
            ),
            Rule::DropColumn => i(
                "drop-column",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE",
                "drops a column and its data; a running application whose `table!` still lists it fails on every query of the table",
                "remove the column from the models and deploy first; then drop it, recording why in [lint.allow]",
            ),
            Rule::DropIndex => i(
                "drop-index",
                ALL_BACKENDS,
                Warning,
                "SHARE UPDATE EXCLUSIVE (CONCURRENTLY)",
                "queries that used the index fall back to scans",
                "check the index is unused (pg_stat_user_indexes.idx_scan, MySQL sys.schema_unused_indexes) before dropping it",
            ),
            Rule::AddNotNullWithoutDefault => i(
                "add-not-null-without-default",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE",
                "adds a NOT NULL column without a default, which fails on a table that has rows",
                "add the column nullable (or with a constant default), backfill it, then add NOT NULL the safe way (see set-not-null)",
            ),
            Rule::SetNotNull => i(
                "set-not-null",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE",
                "sets NOT NULL, which scans the whole table under the lock and fails if any row is NULL",
                "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c; SET NOT NULL (PostgreSQL 12+ skips the scan); DROP CONSTRAINT c",
            ),
            Rule::Rename => i(
                "rename",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE",
                "renames a table or column; the running application still uses the old name until it is redeployed",
                "add the new column (or a view under the new name), write both, move readers, then drop the old one",
            ),
            Rule::AlterColumnType => i(
                "alter-column-type",
                ALL_BACKENDS,
                Error,
                "ACCESS EXCLUSIVE (table rewrite); MySQL: table copy",
                "changes a column's type, which may rewrite the table while blocking reads and writes; narrowing can lose data",
                "add a column of the new type, backfill it in batches, switch the application to it, drop the old column",
            ),
            Rule::CreateIndexBlocking => i(
                "create-index-blocking",
                POSTGRES,
                Error,
                "SHARE",
                "CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds",
                "CREATE INDEX CONCURRENTLY in a migration with run_in_transaction = false",
            ),
            Rule::DropIndexBlocking => i(
                "drop-index-blocking",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE",
                "DROP INDEX without CONCURRENTLY blocks reads and writes of its table",
                "DROP INDEX CONCURRENTLY in a migration with run_in_transaction = false",
            ),
            Rule::ConcurrentlyInTransaction => i(
                "concurrently-in-transaction",
                POSTGRES,
                Error,
                "none: the statement fails",
                "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY inside a transaction block",
                "set run_in_transaction = false in the migration's metadata.toml (and keep it to the concurrent statements)",
            ),
            Rule::ConstraintWithoutNotValid => i(
                "constraint-without-not-valid",
                POSTGRES,
                Error,
                "SHARE ROW EXCLUSIVE (foreign key, on both tables) / ACCESS EXCLUSIVE (check)",
                "adding a foreign key or check validates every row while holding the lock",
                "ADD CONSTRAINT … NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT … (SHARE UPDATE EXCLUSIVE, reads and writes go on)",
            ),
            Rule::AddColumnVolatileDefault => i(
                "add-column-volatile-default",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE (table rewrite)",
                "a column whose default is computed per row (volatile function, serial, identity, stored generated) rewrites the whole table",
                "add the column without a default, set the default, backfill existing rows in batches",
            ),
            Rule::AddUniqueConstraint => i(
                "add-unique-constraint",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE",
                "adding a UNIQUE constraint builds its index while blocking reads and writes",
                "CREATE UNIQUE INDEX CONCURRENTLY ix … (run_in_transaction = false), then ADD CONSTRAINT c UNIQUE USING INDEX ix",
            ),
            Rule::AddPrimaryKey => i(
                "add-primary-key",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE",
                "adding a PRIMARY KEY builds its index (and checks NOT NULL) while blocking reads and writes",
                "CREATE UNIQUE INDEX CONCURRENTLY ix … (run_in_transaction = false), then ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix",
            ),
            Rule::MissingLockTimeout => i(
                "missing-lock-timeout",
                POSTGRES,
                Error,
                "any of the above, queued",
                "a DDL statement waiting for its lock behind a long transaction makes every later query on the table wait behind it",
                "start the migration with SET lock_timeout = '5s' (retry on failure: upgrade --retry-lock-timeout)",
            ),
            Rule::VacuumFull => i(
                "vacuum-full",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE (table rewrite)",
                "VACUUM FULL rewrites the table while blocking reads and writes",
                "plain VACUUM, or pg_repack for an online rewrite",
            ),
            Rule::Cluster => i(
                "cluster",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE (table rewrite)",
                "CLUSTER rewrites the table while blocking reads and writes",
                "pg_repack --order-by for an online reorder, outside migrations",
            ),
            Rule::LockTable => i(
                "lock-table",
                SERVERS,
                Error,
                "as requested (PostgreSQL default ACCESS EXCLUSIVE)",
                "an explicit table lock blocks the application for as long as the migration runs",
                "lock rows (SELECT … FOR UPDATE) or batch the change instead of locking the table",
            ),
            Rule::ReindexBlocking => i(
                "reindex-blocking",
                POSTGRES,
                Error,
                "ACCESS EXCLUSIVE (index) and SHARE (table)",
                "REINDEX without CONCURRENTLY blocks writes, and reads that use the index",
                "REINDEX … CONCURRENTLY (PostgreSQL 12+) in a migration with run_in_transaction = false",
            ),
            Rule::PreferIdentity => i(
                "prefer-identity",
                POSTGRES,
                Warning,
                "none",
                "serial makes a sequence owned loosely by the column (grants, copies, dumps each need it separately)",
                "bigint GENERATED BY DEFAULT AS IDENTITY",
            ),
            Rule::PreferBigintPrimaryKey => i(
                "prefer-bigint-primary-key",
                SERVERS,
                Warning,
                "none (changing it later: ACCESS EXCLUSIVE, table rewrite)",
                "a 32-bit key runs out at 2,147,483,647 rows, and widening it later rewrites the table and every referencing one",
                "bigint (Diesel BigInt) keys",
            ),
            Rule::PreferText => i(
                "prefer-text",
                POSTGRES,
                Warning,
                "none (shortening it later: ACCESS EXCLUSIVE, table rewrite)",
                "varchar(n) stores the same as text; its limit can only be lowered with a rewrite",
                "text, with CHECK (char_length(col) <= n) when the limit matters (changeable with NOT VALID)",
            ),
            Rule::PreferTimestamptz => i(
                "prefer-timestamptz",
                POSTGRES,
                Warning,
                "none (changing it later: ACCESS EXCLUSIVE, table rewrite)",
                "timestamp without time zone stores wall-clock time whose meaning depends on the writer's zone",
                "timestamptz (Diesel Timestamptz)",
            ),
            Rule::MysqlOnlineDdl => i(
                "mysql-online-ddl",
                MYSQL,
                Warning,
                "SHARED or a table copy, when the server picks",
                "this ALTER can run online, but without ALGORITHM/LOCK the server silently falls back to a blocking algorithm when it cannot",
                "append ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT): the server then refuses instead of blocking",
            ),
        }
    }
}

#[derive(Clone, Copy)]
struct Info {
    id: &'static str,
    backends: &'static [Backend],
    severity: Severity,
    lock: &'static str,
    why: &'static str,
    fix: &'static str,
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
