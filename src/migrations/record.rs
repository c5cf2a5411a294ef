//! What the state tables hold, as data: our [`Record`] of each migration, its status
//! mark, and the [`DbState`] read at one moment. Reading and writing the tables is
//! `engine::state`'s; deciding from them ([`super::status`], `merge`, `check`) is ours.

use std::collections::BTreeMap;

pub use crate::error::failure::Direction;

pub const STATUS_APPLIED: &str = "applied";
/// A non-transactional upgrade started (or failed) and did not finish.
pub const STATUS_PARTIAL_UP: &str = "partial-up";
/// A non-transactional downgrade started (or failed) and did not finish.
pub const STATUS_PARTIAL_DOWN: &str = "partial-down";
/// The mark written before the direction was stored: which way the migration was
/// going is read from Diesel's table instead (see [`Record::mark`]).
pub const STATUS_PARTIAL_LEGACY: &str = "partial";

/// The status column read into a type: decisions (`resolve`, refusals) are made on
/// this, never on the text of the mark's detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Applied,
    /// Failed part-way (or was interrupted) while going in this direction.
    Partial(Direction),
    /// A mark written before the direction was stored.
    PartialUnknown,
}

impl Mark {
    pub fn partial(direction: Direction) -> &'static str {
        match direction {
            Direction::Up => STATUS_PARTIAL_UP,
            Direction::Down => STATUS_PARTIAL_DOWN,
        }
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
    pub status: String,
    pub detail: Option<String>,
}

impl Record {
    pub fn mark(&self) -> Mark {
        match self.status.as_str() {
            STATUS_PARTIAL_UP => Mark::Partial(Direction::Up),
            STATUS_PARTIAL_DOWN => Mark::Partial(Direction::Down),
            STATUS_PARTIAL_LEGACY => Mark::PartialUnknown,
            _ => Mark::Applied,
        }
    }

    pub fn is_partial(&self) -> bool {
        self.mark() != Mark::Applied
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
        match r.mark() {
            Mark::Applied => None,
            Mark::Partial(d) => Some(d),
            Mark::PartialUnknown => Some(if self.is_applied(&r.version) { Direction::Down } else { Direction::Up }),
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
        let record = |status: &str| Record {
            version: "0002".into(),
            name: "0002_x".into(),
            checksum: String::new(),
            up_sql: String::new(),
            down_sql: String::new(),
            applied_at: String::new(),
            duration_ms: 0,
            status: status.into(),
            detail: Some("downgrade of 0002_x: whatever the text says".into()),
        };
        let listed = DbState { applied: vec!["0002".into()], ..Default::default() };
        let unlisted = DbState::default();
        assert_eq!(record(STATUS_APPLIED).mark(), Mark::Applied);
        assert_eq!(unlisted.mark_direction(&record(STATUS_PARTIAL_UP)), Some(Direction::Up));
        assert_eq!(listed.mark_direction(&record(STATUS_PARTIAL_DOWN)), Some(Direction::Down));
        assert_eq!(listed.mark_direction(&record(STATUS_PARTIAL_LEGACY)), Some(Direction::Down));
        assert_eq!(unlisted.mark_direction(&record(STATUS_PARTIAL_LEGACY)), Some(Direction::Up));
        assert_eq!(unlisted.mark_direction(&record(STATUS_APPLIED)), None);
        assert!(record(STATUS_PARTIAL_LEGACY).is_partial() && !record(STATUS_APPLIED).is_partial());
    }
}
