//! A migration's `metadata.toml`: Diesel's `run_in_transaction` and our keys beside
//! it, read through serde and written with `toml_edit`. Each key's check and its
//! message live on the key, as a `deserialize_with` function. Unknown keys are not
//! refused: Diesel ignores them, and `adopt` keeps every key a project had.

use std::collections::BTreeMap;

use serde::de::{Deserializer, Error as _};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The parent revision id; absent for the first migration.
    #[serde(default, deserialize_with = "revision_id", skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    #[serde(default, deserialize_with = "message", skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "created", skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Diesel reads a missing key as `false`; we always write it.
    #[serde(default, deserialize_with = "flag", skip_serializing_if = "Option::is_none")]
    pub run_in_transaction: Option<bool>,
    /// `[lint.allow]`: lint rules silenced for this migration, each with its reason.
    #[serde(default, rename = "lint", deserialize_with = "lint_allow", serialize_with = "lint_table")]
    pub lint_allow: BTreeMap<String, String>,
    /// The version Diesel knew this migration by before `adopt` renamed it
    /// (`20190322170700`): a database Diesel migrated lists it in its state table.
    #[serde(default, deserialize_with = "diesel_version", skip_serializing_if = "Option::is_none")]
    pub diesel_version: Option<String>,
}

impl Metadata {
    pub fn run_in_transaction(&self) -> bool {
        self.run_in_transaction.unwrap_or(false)
    }

    /// Reads the file's text; the error says what is wrong, and where.
    pub fn parse(text: &str) -> Result<Self, String> {
        let line = |e: &toml::de::Error| e.span().map(|s| text[..s.start.min(text.len())].lines().count().max(1));
        toml::from_str(text).map_err(|e| match toml::from_str::<toml::Table>(text) {
            // Only on failure, read again to tell bad syntax from a bad key.
            Err(syntax) => match line(&syntax) {
                Some(l) => format!("line {l}: invalid TOML: {}", syntax.message().trim_end()),
                None => format!("invalid TOML: {}", syntax.message().trim_end()),
            },
            Ok(_) => match line(&e) {
                Some(l) => format!("{} (line {l})", e.message().trim_end()),
                None => e.message().trim_end().to_string(),
            },
        })
    }

    /// Renders the file we write: Diesel's key stated explicitly, ours beside it.
    pub fn to_toml(&self) -> String {
        let mut doc = toml_edit::DocumentMut::new();
        if let Some(r) = &self.revises {
            doc["revises"] = toml_edit::value(r.as_str());
        }
        if let Some(m) = &self.message {
            doc["message"] = toml_edit::value(m.as_str());
        }
        if let Some(c) = &self.created {
            doc["created"] = toml_edit::value(c.as_str());
        }
        doc["run_in_transaction"] = toml_edit::value(self.run_in_transaction.unwrap_or(true));
        if let Some(v) = &self.diesel_version {
            doc["diesel_version"] = toml_edit::value(v.as_str());
        }
        if !self.lint_allow.is_empty() {
            let mut allow = toml_edit::Table::new();
            for (rule, reason) in &self.lint_allow {
                allow.insert(rule, toml_edit::value(reason.as_str()));
            }
            let mut lint = toml_edit::Table::new();
            lint.set_implicit(true);
            lint.insert("allow", toml_edit::Item::Table(allow));
            doc["lint"] = toml_edit::Item::Table(lint);
        }
        doc.to_string()
    }
}

/// `` `key` must be … ``: the message every key's check gives.
fn must<E: serde::de::Error>(key: &str, expected: &str) -> E {
    E::custom(format!("`{key}` must be {expected}"))
}

fn string_of<'de, D: Deserializer<'de>>(d: D, key: &str) -> Result<Option<String>, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) => Ok(Some(s)),
        _ => Err(must(key, "a string")),
    }
}

fn revision_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let r = string_of(d, "revises")?;
    match &r {
        Some(r) if r.is_empty() || !r.bytes().all(|b| b.is_ascii_digit()) => Err(must("revises", "a revision number such as \"0004\"")),
        _ => Ok(r),
    }
}

fn message<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    string_of(d, "message")
}

fn diesel_version<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    string_of(d, "diesel_version")
}

/// `created` may be written as a bare TOML datetime.
fn created<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::String(s) => Ok(Some(s)),
        toml::Value::Datetime(t) => Ok(Some(t.to_string())),
        _ => Err(must("created", "a string")),
    }
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match toml::Value::deserialize(d)? {
        toml::Value::Boolean(b) => Ok(Some(b)),
        _ => Err(must("run_in_transaction", "true or false")),
    }
}

/// `[lint] allow = { rule = "reason" }`, the only key of `[lint]`.
fn lint_allow<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let toml::Value::Table(mut lint) = toml::Value::deserialize(d)? else { return Err(must("lint", "a table")) };
    let allow = match lint.remove("allow") {
        None => toml::Table::new(),
        Some(toml::Value::Table(allow)) => allow,
        Some(_) => return Err(must("lint.allow", "a table of `rule = \"reason\"`")),
    };
    if let Some(key) = lint.keys().next() {
        return Err(D::Error::custom(format!("`lint.{key}` is not a key (`lint.allow` is)")));
    }
    allow
        .into_iter()
        .map(|(rule, reason)| match reason {
            toml::Value::String(r) if !r.trim().is_empty() => Ok((rule, r)),
            _ => Err(must(&format!("lint.allow.{rule}"), "the reason for allowing it, as a non-empty string")),
        })
        .collect()
}

/// The same shape the file has, for caches that store metadata as JSON.
fn lint_table<S: serde::Serializer>(allow: &BTreeMap<String, String>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Lint<'a> {
        allow: &'a BTreeMap<String, String>,
    }
    Lint { allow }.serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_from_what_we_write() {
        let meta = Metadata {
            revises: Some("0006".into()),
            message: Some("add \"phone\"".into()),
            created: Some("2026-11-01T00:00:00Z".into()),
            run_in_transaction: Some(false),
            lint_allow: BTreeMap::from([("drop-column".to_string(), "archived".to_string())]),
            diesel_version: Some("20190322170700".into()),
        };
        assert_eq!(Metadata::parse(&meta.to_toml()).unwrap(), meta);
        for meta in [meta, Metadata::default()] {
            let json = serde_json::to_string(&meta).unwrap();
            assert_eq!(serde_json::from_str::<Metadata>(&json).unwrap(), meta, "{json}");
        }
        assert_eq!(Metadata::parse("").unwrap(), Metadata::default());
        assert_eq!(Metadata::parse("created = 2026-11-01T00:00:00Z\n").unwrap().created.as_deref(), Some("2026-11-01T00:00:00Z"));
    }

    #[test]
    fn a_wrong_key_is_named_and_an_unknown_one_kept_out_of_the_way() {
        assert_eq!(Metadata::parse("foo = 1\nrevises = \"0001\"\n").unwrap().revises.as_deref(), Some("0001"));
        assert_eq!(Metadata::parse("revises = 1\n").unwrap_err(), "`revises` must be a string (line 1)");
        assert_eq!(Metadata::parse("revises = \"x\"\n").unwrap_err(), "`revises` must be a revision number such as \"0004\" (line 1)");
        assert_eq!(Metadata::parse("\nrun_in_transaction = \"yes\"\n").unwrap_err(), "`run_in_transaction` must be true or false (line 2)");
        assert!(Metadata::parse("[lint.allow]\nx = \"\"\n").unwrap_err().starts_with("`lint.allow.x` must be"));
        assert!(Metadata::parse("message = [\n").unwrap_err().starts_with("line 1: invalid TOML"));
    }
}
