//! The schema at head, kept as `schema_snapshot.json` in the migrations directory
//! (the way EF Core keeps a model snapshot), so autogenerate and `check` need no
//! database. It records which revision it belongs to, so a snapshot left behind by
//! a merge or a hand-made migration is noticed.
//!
//! Source locations are left out: they change whenever a line is added above a
//! table, and a snapshot must only change when the schema does.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::schema::model::{Schema, Source};

/// The file beside the migrations that autogenerate compares against (a file, never
/// a subdirectory: Diesel treats every subdirectory as a migration).
pub const SNAPSHOT_FILE: &str = "schema_snapshot.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The head revision this schema is the result of (`None` before the first).
    pub revision: Option<String>,
    pub schema: Schema,
}

impl Snapshot {
    pub fn new(revision: Option<String>, schema: &Schema) -> Self {
        Snapshot { revision, schema: without_sources(schema) }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a schema always serializes") + "\n"
    }
}

/// The schema with every `source` blanked, as stored and compared.
pub fn without_sources(schema: &Schema) -> Schema {
    let mut s = schema.clone();
    let blank = || Source::none();
    for t in s.tables.values_mut() {
        t.source = blank();
    }
    for e in s.enums.values_mut() {
        e.source = blank();
    }
    s
}

/// Reads the snapshot; `None` when there is none yet.
pub fn read(migrations_dir: &Path) -> Result<Option<Snapshot>> {
    let path = migrations_dir.join(SNAPSHOT_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    serde_json::from_str(&text).map(Some).map_err(|e| Error::Config {
        file: path,
        key: format!("line {}", e.line()),
        message: format!("not a schema snapshot: {e}\n  hint: a merge conflict? regenerate it with `cargo migrate revision`"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_without_sources() {
        let t = tempfile::tempdir().unwrap();
        let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations_example");
        let schema = crate::schema::registry::load(&base, &["crates/db/src/models".to_string()]).unwrap();
        let snap = Snapshot::new(Some("0004".into()), &schema);
        assert!(snap.schema.tables.values().all(|t| t.source.line == 0));
        std::fs::write(t.path().join(SNAPSHOT_FILE), snap.to_json()).unwrap();
        assert_eq!(read(t.path()).unwrap(), Some(snap));
        assert_eq!(read(&t.path().join("nope")).unwrap(), None);
        std::fs::write(t.path().join(SNAPSHOT_FILE), "<<<<<<< HEAD\n").unwrap();
        let e = read(t.path()).unwrap_err().to_string();
        assert!(e.contains(SNAPSHOT_FILE) && e.contains("merge conflict"), "{e}");
    }
}
