//! `diesel.toml`, diesel_cli's configuration: an existing Diesel project already
//! says where its migrations and its `print-schema` models are, so with no
//! `[…metadata.migrate]` table that file decides (and `init`/`adopt` copy it into one).
//!
//! diesel_cli resolves the file's relative paths against the directory holding it,
//! and so do we. Keys we do not use are ignored, as diesel_cli ignores ours.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

pub const FILE_NAME: &str = "diesel.toml";

/// What we take from `diesel.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DieselToml {
    /// The file itself.
    pub path: PathBuf,
    /// `[migrations_directory] dir`, resolved against the file's directory.
    pub migrations_dir: Option<PathBuf>,
    /// Every `[print_schema] file` (diesel 2.2 allows several named `[print_schema.NAME]`
    /// sections), resolved against the file's directory.
    pub schema_files: Vec<PathBuf>,
    /// `[print_schema] filter`: tables `print-schema` leaves out of the models. They are
    /// not described by the models, so autogenerate must not read them as dropped.
    pub filter: TableFilter,
    /// `[print_schema] schema`: the PostgreSQL schema the models describe.
    pub schema: Option<String>,
    /// `[print_schema] import_types`: `use` paths print-schema writes into each `table!`
    /// (extension crates' SQL types come in this way).
    pub import_types: Vec<String>,
    /// `[print_schema] custom_type_derives`.
    pub custom_type_derives: Vec<String>,
}

/// `only_tables` / `except_tables`: regular expressions over table names, as
/// diesel_cli matches them (anchored by the user, not by diesel).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct TableFilter {
    #[serde(default)]
    pub only_tables: Vec<String>,
    #[serde(default)]
    pub except_tables: Vec<String>,
}

#[derive(Deserialize)]
struct Raw {
    print_schema: Option<toml::Table>,
    migrations_directory: Option<RawMigrations>,
}

#[derive(Deserialize)]
struct RawMigrations {
    dir: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawPrintSchema {
    file: Option<String>,
    #[serde(default)]
    filter: TableFilter,
    schema: Option<String>,
    #[serde(default)]
    import_types: Vec<String>,
    #[serde(default)]
    custom_type_derives: Vec<String>,
}

/// Reads `dir/diesel.toml`; `None` when there is no such file.
pub fn read(dir: &Path) -> Result<Option<DieselToml>> {
    let path = dir.join(FILE_NAME);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&path, e)),
    };
    parse(&text, &path).map(Some)
}

/// Parses the text of a `diesel.toml` found at `path`.
pub fn parse(text: &str, path: &Path) -> Result<DieselToml> {
    let bad = |key: &str, message: String| Error::Config { file: path.to_path_buf(), key: key.into(), message };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        bad(&line.map(|l| format!("line {l}")).unwrap_or_default(), e.message().to_string())
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut out = DieselToml { path: path.to_path_buf(), ..Default::default() };
    if let Some(dir) = raw.migrations_directory.and_then(|m| m.dir) {
        out.migrations_dir = Some(base.join(dir));
    }
    if let Some(print) = raw.print_schema {
        // `[print_schema]` with its keys, or (diesel 2.2) `[print_schema.NAME]` tables.
        let sections: Vec<(String, toml::Table)> = if print.values().all(|v| v.is_table()) && !print.is_empty() && !print.contains_key("filter") {
            print.into_iter().filter_map(|(k, v)| Some((format!("print_schema.{k}"), v.as_table()?.clone()))).collect()
        } else {
            vec![("print_schema".to_string(), print)]
        };
        for (name, table) in sections {
            let section: RawPrintSchema = toml::Value::Table(table).try_into().map_err(|e: toml::de::Error| bad(&name, e.message().to_string()))?;
            if let Some(file) = section.file {
                out.schema_files.push(base.join(file));
            }
            out.filter.only_tables.extend(section.filter.only_tables);
            out.filter.except_tables.extend(section.filter.except_tables);
            out.schema = out.schema.or(section.schema);
            out.import_types.extend(section.import_types);
            out.custom_type_derives.extend(section.custom_type_derives);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> DieselToml {
        parse(text, Path::new("/p/diesel.toml")).unwrap()
    }

    #[test]
    fn the_usual_file_gives_migrations_and_models() {
        let d = parsed(
            "# For documentation on how to configure this file,\n[print_schema]\nfile = \"src/schema.rs\"\nimport_types = [\"diesel::sql_types::*\", \"diesel_full_text_search::Tsvector\"]\n\
             custom_type_derives = [\"diesel::query_builder::QueryId\"]\nfilter = { except_tables = [\"spatial_ref_sys\"] }\n\n[migrations_directory]\ndir = \"db/migs\"\n",
        );
        assert_eq!(d.migrations_dir.as_deref(), Some(Path::new("/p/db/migs")));
        assert_eq!(d.schema_files, [PathBuf::from("/p/src/schema.rs")]);
        assert_eq!(d.filter.except_tables, ["spatial_ref_sys"]);
        assert_eq!(d.import_types.len(), 2);
        assert_eq!(d.custom_type_derives, ["diesel::query_builder::QueryId"]);
    }

    #[test]
    fn named_print_schema_sections_each_give_a_file() {
        let d = parsed("[print_schema.main]\nfile = \"src/schema.rs\"\n[print_schema.audit]\nfile = \"src/audit.rs\"\nschema = \"audit\"\n");
        assert_eq!(d.schema_files, [PathBuf::from("/p/src/audit.rs"), PathBuf::from("/p/src/schema.rs")]);
        assert_eq!(d.schema.as_deref(), Some("audit"));
        assert_eq!(d.migrations_dir, None);
    }

    #[test]
    fn bad_files_name_the_file_and_line() {
        let e = parse("[print_schema]\nfile = 3\n", Path::new("/p/diesel.toml")).unwrap_err().to_string();
        assert!(e.contains("/p/diesel.toml") && e.contains("print_schema"), "{e}");
        let e = parse("[print_schema\n", Path::new("/p/diesel.toml")).unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
