//! The database's state read against the chain: which migrations are applied (under
//! their version or the Diesel version they had before `adopt`), which applied
//! versions have no files, and which applied files were edited since. Read-only, so
//! `check`, `current` and `history` use it without the apply loop.

use crate::error::Result;
use crate::migrations::chain::{Chain, Migration};
use crate::migrations::checksum::{checksum, line_diff};
use crate::migrations::position::Position;
use crate::migrations::record::{DbState, Record, RecordStatus};

/// One applied version as the database knows it, matched to the files.
#[derive(Debug, Clone)]
pub struct Applied<'c> {
    pub version: String,
    /// Its version read as a position (past the head for an orphan).
    pub number: Position,
    /// The migration directory with this version, if it is the one that was applied.
    pub migration: Option<&'c Migration>,
    pub record: Option<Record>,
    /// Versions in Diesel's table that stand for this migration under the name Diesel
    /// knew it by before `adopt` (its `diesel_version`). They are kept, so binaries
    /// built before the adoption see nothing pending, and removed with it on downgrade.
    pub legacy: Vec<String>,
    /// Whether Diesel's table lists `version` itself; `false` when only a legacy
    /// version says the migration is applied (a database not yet translated).
    pub in_table: bool,
}

/// The database's state read against the chain.
#[derive(Debug, Clone)]
pub struct Status<'c> {
    pub applied: Vec<Applied<'c>>,
    /// Highest applied version (base when nothing is applied).
    pub current: Position,
    /// Applied versions with no matching directory (files gone, or another branch's migration).
    pub orphans: Vec<Applied<'c>>,
    /// Applied migrations whose `up.sql` changed since: (migration, record, diff).
    pub edited: Vec<(&'c Migration, Record, String)>,
    pub partial: Vec<Record>,
}

impl Applied<'_> {
    /// Every other version in Diesel's table that stands for this migration: the legacy
    /// rows found, and its `diesel_version` (which upgrades record too), each once. What
    /// a rollback or an unmarking removes beside `version`.
    pub fn other_versions(&self) -> Vec<String> {
        let mut out: Vec<String> = self.legacy.iter().filter(|v| **v != self.version).cloned().collect();
        if let Some(v) = self.migration.and_then(Migration::diesel_alias).filter(|v| !out.iter().any(|o| o == v)) {
            out.push(v.to_string());
        }
        out
    }

    /// What recording an untranslated migration under its revision says, for people.
    pub fn translation_note(&self, m: &Migration) -> String {
        format!("{}: recorded as {} (Diesel's {} kept)", m.name, m.id, self.legacy.join(", "))
    }
}

impl<'c> Status<'c> {
    pub fn read(chain: &'c Chain, db: &DbState) -> Result<Self> {
        let mut applied: Vec<Applied<'c>> = Vec::new();
        let mut orphans = Vec::new();
        let mut edited = Vec::new();
        let by_diesel_version: std::collections::HashMap<&str, &'c Migration> =
            chain.migrations.iter().filter_map(|m| Some((m.meta.diesel_version.as_deref()?, m))).collect();
        let ids: std::collections::HashSet<&str> = chain.migrations.iter().map(|m| m.id.as_str()).collect();
        let mut legacy: Vec<(&String, &'c Migration)> = Vec::new();
        for v in &db.applied {
            // Diesel compares versions as strings: `0001` and `00000000000000` differ.
            if !ids.contains(v.as_str()) {
                if let Some(m) = by_diesel_version.get(v.as_str()) {
                    legacy.push((v, m));
                    continue;
                }
            }
            let number = Position::new(v.parse::<u64>().unwrap_or(u64::MAX));
            let record = db.records.get(v).cloned();
            let by_number = chain.migrations.iter().find(|m| m.position() == number);
            let migration = by_number.filter(|m| record.as_ref().is_none_or(|r| r.name == m.name));
            let entry = Applied { version: v.clone(), number, migration, record: record.clone(), legacy: Vec::new(), in_table: true };
            if migration.is_none() {
                orphans.push(entry.clone());
            } else if let (Some(m), Some(r)) = (migration, &record) {
                if r.status == RecordStatus::Applied {
                    let now = m.read_up()?;
                    if checksum(&now) != r.checksum {
                        edited.push((m, r.clone(), line_diff(&r.up_sql, &now)));
                    }
                }
            }
            applied.push(entry);
        }
        for (v, m) in legacy {
            match applied.iter_mut().find(|a| a.migration.is_some_and(|x| x.name == m.name)) {
                Some(a) => a.legacy.push(v.clone()),
                None => applied.push(Applied {
                    version: m.id.clone(),
                    number: m.position(),
                    migration: Some(m),
                    record: db.records.get(&m.id).filter(|r| r.name == m.name).cloned(),
                    legacy: vec![v.clone()],
                    in_table: false,
                }),
            }
        }
        applied.sort_by_key(|a| a.number);
        let current = applied.iter().map(|a| a.number).max().unwrap_or(Position::BASE);
        Ok(Status { applied, current, orphans, edited, partial: db.partial().into_iter().cloned().collect() })
    }

    pub fn is_applied(&self, m: &Migration) -> bool {
        self.applied.iter().any(|a| a.migration.is_some_and(|x| x.name == m.name))
    }

    /// Migrations of the chain not yet applied.
    pub fn pending<'a>(&self, chain: &'a Chain) -> Vec<&'a Migration> {
        chain.migrations.iter().filter(|m| !self.is_applied(m)).collect()
    }
}
