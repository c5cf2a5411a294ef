//! What the state tables hold, as data: our [`Record`] of each migration, its status
//! mark, and the [`DbState`] read at one moment. Reading and writing the tables is
//! `engine::state`'s; deciding from them ([`super::status`], `merge`, `check`) is ours.

use std::collections::BTreeMap;

pub use crate::error::failure::Direction;

/// The `status` column of our table, read into a type: decisions (`resolve`,
/// refusals, the edited check) are made on this, never on the text of the mark's
/// detail. The column keeps the text of [`RecordStatus::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    Applied,
    /// A non-transactional run failed part-way (or was interrupted) while going in
    /// this direction.
    Partial(Direction),
    /// A mark written before the direction was stored: which way the migration was
    /// going is read from Diesel's table instead (see [`DbState::mark_direction`]).
    PartialUnknown,
}

impl RecordStatus {
    /// The text stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Applied => "applied",
            RecordStatus::Partial(Direction::Up) => "partial-up",
            RecordStatus::Partial(Direction::Down) => "partial-down",
            RecordStatus::PartialUnknown => "partial",
        }
    }

    pub fn is_partial(self) -> bool {
        self != RecordStatus::Applied
    }
}

/// Reads the column: anything that is not a known mark counts as applied, as Diesel's
/// row is the source of truth for that.
impl From<&str> for RecordStatus {
    fn from(s: &str) -> Self {
        match s {
            "partial-up" => RecordStatus::Partial(Direction::Up),
            "partial-down" => RecordStatus::Partial(Direction::Down),
            "partial" => RecordStatus::PartialUnknown,
            _ => RecordStatus::Applied,
        }
    }
}

impl std::fmt::Display for RecordStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What we record for one migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub version: String,
    pub name: String,
    pub checksum: String,
    pub up_sql: String,
    pub down_sql: String,
    pub applied_at: String,
    pub duration_ms: i64,
    pub status: RecordStatus,
    pub detail: Option<String>,
}

impl Record {
    pub fn is_partial(&self) -> bool {
        self.status.is_partial()
    }
}

/// The database's state as read at one moment.
#[derive(Debug, Clone, Default)]
pub struct DbState {
    /// Versions in Diesel's table, sorted numerically.
    pub applied: Vec<String>,
    pub records: BTreeMap<String, Record>,
}

impl DbState {
    pub fn is_applied(&self, version: &str) -> bool {
        self.applied.iter().any(|v| v == version)
    }

    /// Records left by a non-transactional migration that did not finish.
    pub fn partial(&self) -> Vec<&Record> {
        self.records.values().filter(|r| r.is_partial()).collect()
    }

    /// Which way a marked migration was going. An upgrade records Diesel's row only
    /// when it finishes and a downgrade removes it only when it finishes, so for a mark
    /// that does not say (written by an earlier version), Diesel's row tells.
    pub fn mark_direction(&self, r: &Record) -> Option<Direction> {
        match r.status {
            RecordStatus::Applied => None,
            RecordStatus::Partial(d) => Some(d),
            RecordStatus::PartialUnknown => Some(if self.is_applied(&r.version) { Direction::Down } else { Direction::Up }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `resolve` decides on the typed mark; a mark from before the direction was stored
    /// is read by Diesel's row, which only a finished upgrade writes and only a
    /// finished downgrade removes.
    #[test]
    fn a_mark_says_which_way_the_migration_was_going() {
        let record = |status: RecordStatus| Record {
            version: "0002".into(),
            name: "0002_x".into(),
            checksum: String::new(),
            up_sql: String::new(),
            down_sql: String::new(),
            applied_at: String::new(),
            duration_ms: 0,
            status,
            detail: Some("downgrade of 0002_x: whatever the text says".into()),
        };
        let listed = DbState { applied: vec!["0002".into()], ..Default::default() };
        let unlisted = DbState::default();
        assert_eq!(record(RecordStatus::Applied).status, RecordStatus::Applied);
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::Partial(Direction::Up))), Some(Direction::Up));
        assert_eq!(listed.mark_direction(&record(RecordStatus::Partial(Direction::Down))), Some(Direction::Down));
        assert_eq!(listed.mark_direction(&record(RecordStatus::PartialUnknown)), Some(Direction::Down));
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::PartialUnknown)), Some(Direction::Up));
        assert_eq!(unlisted.mark_direction(&record(RecordStatus::Applied)), None);
        assert!(record(RecordStatus::PartialUnknown).is_partial() && !record(RecordStatus::Applied).is_partial());
    }

    /// The column's text is what earlier versions wrote and read back.
    #[test]
    fn a_status_reads_back_what_it_wrote() {
        for s in [RecordStatus::Applied, RecordStatus::Partial(Direction::Up), RecordStatus::Partial(Direction::Down), RecordStatus::PartialUnknown] {
            assert_eq!(RecordStatus::from(s.as_str()), s);
        }
        assert_eq!(RecordStatus::Partial(Direction::Up).as_str(), "partial-up");
        assert_eq!(RecordStatus::from("something newer"), RecordStatus::Applied);
    }
}
