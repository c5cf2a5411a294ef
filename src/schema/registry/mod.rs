//! The model registry ("auto-import"): every `.rs` file under the configured model
//! paths is parsed with syn — no list of modules to maintain — and its Diesel
//! `table!`, `joinable!`, `#[derive(SqlType)]` structs and doc-comment annotations
//! ([`annotations`]) become one backend-neutral [`Schema`].
//!
//! Two phases: [`parse_source`] reads one file on its own; [`assemble`] resolves
//! what crosses files (custom types, `@references`, `joinable!`), names unnamed
//! indexes and constraints, and rejects conflicts. Nothing is skipped silently: a
//! file that does not parse, a bad annotation or an unknown type is an error
//! naming the file and line.
//!
//! Generated names (when an annotation gives none), with the table's SQL name
//! without its schema:
//! - index: `ix_<table>_<col>_<col>…`
//! - unique index (`@unique_index`): `ux_<table>_<col>…`
//! - unique constraint: `uq_<table>_<col>…`
//! - foreign key: `fk_<table>_<col>…_<referenced table>`
//! - check: `ck_<table>_<columns the expression mentions, in order>` (`ck_<table>`
//!   when it mentions none)
//!
//! Names must be unique within a database schema (PostgreSQL and SQLite scope index
//! and constraint names that way), so a generated name already taken gets `_2`, `_3`…
//! in table order, while an explicit name already taken is an error, except that two
//! tables' indexes or unique constraints may share one (MySQL scopes those names to
//! their table, and models annotated from a MySQL database say so). A name longer
//! than 63 bytes (PostgreSQL's limit, which it would silently truncate to) keeps
//! its first 54 bytes (less trailing `_`) plus `_` and 8 hex digits of its SHA-256.

pub mod annotations;
pub mod files;
pub mod parse;
pub mod types;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use sha2::{Digest, Sha256};

pub use crate::error::registry::RegistryError;
use crate::schema::model::{Check, Column, EnumType, ForeignKey, Index, Schema, Source, Table, UniqueConstraint, Unmanaged, UnmanagedKind};
use annotations::{ColumnAnnotation, TableAnnotation};
pub(crate) use files::{model_files, parse_files};
pub use parse::{parse_source, ParsedFile, RawTable};
use types::CustomLookup;

/// The longest identifier PostgreSQL keeps (MySQL allows 64).
const MAX_NAME_LEN: usize = 63;

/// The stack of each parser thread. syn recurses once per level of nesting (about
/// 2 KiB a level in release builds, several times that in debug ones), so a thread's
/// default 2 MiB overflowed, killing the process, on a line of a thousand `<`. Only
/// as much of it as a file nests is ever touched.
pub const PARSE_STACK_SIZE: usize = 128 << 20;

/// A 1-based line and column in a model file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn of(span: proc_macro2::Span) -> Self {
        let start = span.start();
        Pos { line: start.line, col: start.column + 1 }
    }
}

/// SQL type names by Rust name, from the `[…metadata.migrate.types]` config table:
/// types from crates the registry does not know (`Foo = "foo"`).
pub type TypeMap = BTreeMap<String, String>;

/// Reads every model file under `model_paths` (directories, `.rs` files or globs,
/// relative to `base_dir`) into one schema.
pub fn load(base_dir: &Path, model_paths: &[String]) -> Result<Schema, RegistryError> {
    load_with(base_dir, model_paths, &TypeMap::new())
}

/// [`load`] with the configured type mapping.
pub fn load_with(base_dir: &Path, model_paths: &[String], types: &TypeMap) -> Result<Schema, RegistryError> {
    let files = model_files(base_dir, model_paths)?;
    assemble_with(&parse_files(base_dir, &files)?, types)
}

/// An index or constraint waiting for its name, with the annotation it came from
/// (none for a `joinable!` foreign key).
struct Pending<T> {
    explicit: Option<String>,
    origin: Option<(usize, String)>,
    item: T,
}

struct Draft<'a> {
    raw: &'a RawTable,
    file: &'a str,
    table: Table,
    indexes: Vec<Pending<Index>>,
    uniques: Vec<Pending<UniqueConstraint>>,
    foreign_keys: Vec<Pending<ForeignKey>>,
    checks: Vec<Pending<Check>>,
    /// Columns whose `@auto_increment` settles the question.
    auto_increment_given: Vec<String>,
    /// `@unmanaged`: kept while `joinable!`s are resolved, then left out.
    unmanaged: bool,
    /// `@unmanaged (col, …)`.
    unmanaged_columns: Vec<String>,
}

impl Draft<'_> {
    fn annotation_error(&self, line: usize, text: &str, message: impl Into<String>) -> RegistryError {
        RegistryError::Annotation { file: self.file.to_string(), line, text: text.to_string(), message: message.into() }
    }

    /// A column named by its SQL name or its Rust identifier, as its SQL name.
    fn column(&self, name: &str) -> Option<&str> {
        let columns = &self.raw.columns;
        columns.iter().find(|c| c.name == name).or_else(|| columns.iter().find(|c| c.rust_name == name)).map(|c| c.name.as_str())
    }
}

/// Resolves what crosses files and produces the schema. `files` should come in a
/// stable order (as [`load`] gives them): it decides which of two duplicates is
/// reported first and which table gets a `_2` name.
pub fn assemble(files: &[ParsedFile]) -> Result<Schema, RegistryError> {
    assemble_with(files, &TypeMap::new())
}

/// [`assemble`] with the configured type mapping. A type name resolves to, in
/// order: a `#[derive(SqlType)]` in the models, the config's mapping, a type of a
/// known Diesel extension crate ([`types::extension_type`]), then Diesel's own.
pub fn assemble_with(files: &[ParsedFile], types_map: &TypeMap) -> Result<Schema, RegistryError> {
    let (enums, custom_by_rust) = custom_types(files)?;
    let custom = |name: &str| match custom_by_rust.get(name).map(Vec::as_slice) {
        None => match types_map.get(name).map(String::as_str).or_else(|| types::extension_type(name)) {
            Some(sql) => CustomLookup::Found(sql.to_string()),
            None => CustomLookup::None,
        },
        Some([one]) => CustomLookup::Found(one.clone()),
        Some(many) => CustomLookup::Ambiguous(many.to_vec()),
    };

    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();
    for f in files {
        for raw in &f.tables {
            let draft = draft(&f.file, raw, &custom)?;
            let key = draft.table.qualified_name();
            if let Some(first) = drafts.get(&key) {
                return Err(RegistryError::DuplicateTable { name: key, first: first.table.source.clone(), second: draft.table.source });
            }
            drafts.insert(key, draft);
        }
    }

    let mut by_rust: RustNames = HashMap::new();
    for (key, d) in &drafts {
        by_rust.entry(d.raw.rust_name.as_str()).or_default().push(key.clone());
    }
    references(&mut drafts, &by_rust)?;
    let shared = shared_joinable_columns(files, &drafts, &by_rust);
    for f in files {
        for j in &f.joinables {
            joinable(&f.file, j, &mut drafts, &by_rust, &shared)?;
        }
    }

    settle_auto_increment(&mut drafts);

    let mut used: HashMap<Option<String>, HashMap<String, NameOwner>> = HashMap::new();
    let mut tables = BTreeMap::new();
    let mut unmanaged = Vec::new();
    for (key, draft) in drafts {
        if draft.unmanaged {
            unmanaged.push(Unmanaged { kind: UnmanagedKind::Declared, name: key, table: None, sql: None });
            continue;
        }
        for c in &draft.unmanaged_columns {
            unmanaged.push(Unmanaged { kind: UnmanagedKind::Column, name: c.clone(), table: Some(key.clone()), sql: None });
        }
        let names = used.entry(draft.table.schema.clone()).or_default();
        tables.insert(key, finish(draft, names)?);
    }
    // A view has no key to reference: a `joinable!` to one is for queries only.
    for t in tables.values_mut() {
        t.foreign_keys.retain(|fk: &ForeignKey| !unmanaged.iter().any(|u| u.name == fk.ref_table));
    }
    Ok(Schema { tables, enums, unmanaged })
}

/// A lone integer primary key auto-increments, unless it is also a foreign key (a
/// one-to-one extension table takes its parent's ids) or `@auto_increment` says
/// otherwise. Runs once every foreign key is known.
fn settle_auto_increment(drafts: &mut BTreeMap<String, Draft>) {
    for d in drafts.values_mut() {
        let fk_columns: Vec<&String> = d.foreign_keys.iter().filter(|f| f.item.columns.len() == 1).map(|f| &f.item.columns[0]).collect();
        let given = &d.auto_increment_given;
        let pk = &d.table.primary_key;
        for c in &mut d.table.columns {
            if !given.contains(&c.name) {
                c.auto_increment =
                    matches!(pk.as_slice(), [only] if *only == c.name) && c.sql_type.is_integer() && c.default.is_none() && !fk_columns.contains(&&c.name);
            }
        }
    }
}

type CustomTypes = (BTreeMap<String, EnumType>, HashMap<String, Vec<String>>);

/// Declarations of one SQL type in two crates are fine as long as they agree.
fn custom_types(files: &[ParsedFile]) -> Result<CustomTypes, RegistryError> {
    let mut enums: BTreeMap<String, EnumType> = BTreeMap::new();
    let mut by_rust: HashMap<String, Vec<String>> = HashMap::new();
    for f in files {
        for ct in &f.custom_types {
            let source = Source { file: f.file.clone(), line: ct.pos.line };
            let e = EnumType { name: ct.name.clone(), schema: ct.schema.clone(), variants: ct.variants.clone(), source };
            let key = e.qualified_name();
            match enums.get(&key) {
                Some(first) if first.variants != e.variants => {
                    return Err(RegistryError::DuplicateType { name: key, first: first.source.clone(), second: e.source });
                }
                Some(_) => {}
                None => {
                    enums.insert(key.clone(), e);
                }
            }
            let names = by_rust.entry(ct.rust_name.clone()).or_default();
            if !names.contains(&key) {
                names.push(key);
            }
        }
    }
    Ok((enums, by_rust))
}

/// Everything one table says about itself; cross-table parts come later.
fn draft<'a>(file: &'a str, raw: &'a RawTable, custom: &dyn Fn(&str) -> CustomLookup) -> Result<Draft<'a>, RegistryError> {
    let mut draft = Draft {
        raw,
        file,
        table: Table {
            name: raw.name.clone(),
            schema: raw.schema.clone(),
            columns: Vec::with_capacity(raw.columns.len()),
            primary_key: raw.primary_key.clone(),
            indexes: Vec::new(),
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            renamed_from: None,
            doc: raw.doc.clone(),
            source: Source { file: file.to_string(), line: raw.pos.line },
        },
        indexes: Vec::new(),
        uniques: Vec::new(),
        foreign_keys: Vec::new(),
        checks: Vec::new(),
        auto_increment_given: Vec::new(),
        unmanaged: false,
        unmanaged_columns: Vec::new(),
    };

    for rc in &raw.columns {
        let (sql_type, nullable) = types::resolve(&rc.ty, custom).map_err(|e| RegistryError::Type {
            file: file.to_string(),
            line: e.pos.line,
            col: e.pos.col,
            table: raw.name.clone(),
            column: rc.name.clone(),
            message: e.message,
        })?;
        let mut column = Column {
            name: rc.name.clone(),
            sql_type,
            nullable,
            max_length: rc.max_length,
            default: None,
            auto_increment: false,
            renamed_from: None,
            doc: rc.doc.clone(),
        };
        for a in &rc.annotations {
            let origin = Some((a.line, a.text.clone()));
            let once = |slot: &Option<String>, what: &str| match slot {
                Some(_) => Err(draft.annotation_error(a.line, &a.text, format!("`@{what}` given twice on column `{}`", rc.name))),
                None => Ok(()),
            };
            match &a.item {
                ColumnAnnotation::Index { name } => draft.indexes.push(Pending {
                    explicit: name.clone(),
                    origin,
                    item: Index { name: String::new(), columns: vec![rc.name.clone()], unique: false },
                }),
                ColumnAnnotation::Unique { name } => draft.uniques.push(Pending {
                    explicit: name.clone(),
                    origin,
                    item: UniqueConstraint { name: String::new(), columns: vec![rc.name.clone()] },
                }),
                ColumnAnnotation::UniqueIndex { name } => draft.indexes.push(Pending {
                    explicit: name.clone(),
                    origin,
                    item: Index { name: String::new(), columns: vec![rc.name.clone()], unique: true },
                }),
                ColumnAnnotation::AutoIncrement(on) => {
                    if draft.auto_increment_given.contains(&rc.name) {
                        return Err(draft.annotation_error(a.line, &a.text, format!("`@auto_increment` given twice on column `{}`", rc.name)));
                    }
                    draft.auto_increment_given.push(rc.name.clone());
                    column.auto_increment = *on;
                }
                ColumnAnnotation::Default(expr) => {
                    once(&column.default, "default")?;
                    column.default = Some(expr.clone());
                }
                ColumnAnnotation::RenamedFrom(old) => {
                    once(&column.renamed_from, "renamed_from")?;
                    column.renamed_from = Some(old.clone());
                }
                // Needs every table; see `references`.
                ColumnAnnotation::References { .. } => {}
            }
        }
        draft.table.columns.push(column);
    }

    for a in &raw.annotations {
        let origin = Some((a.line, a.text.clone()));
        let columns = |list: &[String]| -> Result<Vec<String>, RegistryError> {
            list.iter()
                .map(|c| {
                    draft
                        .column(c)
                        .map(str::to_string)
                        .ok_or_else(|| draft.annotation_error(a.line, &a.text, format!("table `{}` has no column `{c}`", raw.name)))
                })
                .collect()
        };
        match &a.item {
            TableAnnotation::Index { name, columns: list } => {
                let item = Index { name: String::new(), columns: columns(list)?, unique: false };
                draft.indexes.push(Pending { explicit: name.clone(), origin, item });
            }
            TableAnnotation::Unique { name, columns: list } => {
                let item = UniqueConstraint { name: String::new(), columns: columns(list)? };
                draft.uniques.push(Pending { explicit: name.clone(), origin, item });
            }
            TableAnnotation::UniqueIndex { name, columns: list } => {
                let item = Index { name: String::new(), columns: columns(list)?, unique: true };
                draft.indexes.push(Pending { explicit: name.clone(), origin, item });
            }
            TableAnnotation::Unmanaged { columns } if columns.is_empty() => draft.unmanaged = true,
            // Columns the `table!` does not declare: names as the database has them.
            TableAnnotation::Unmanaged { columns } => draft.unmanaged_columns.extend(columns.iter().cloned()),
            TableAnnotation::Check { name, expr } => {
                let item = Check { name: String::new(), expr: expr.clone() };
                draft.checks.push(Pending { explicit: name.clone(), origin, item });
            }
            TableAnnotation::RenamedFrom(old) => {
                if draft.table.renamed_from.is_some() {
                    return Err(draft.annotation_error(a.line, &a.text, format!("`@renamed_from` given twice on table `{}`", raw.name)));
                }
                draft.table.renamed_from = Some(old.clone());
            }
        }
    }
    Ok(draft)
}

/// Qualified table names by `table!` identifier, in key order: annotations and
/// `joinable!` may name tables the Rust way.
type RustNames<'a> = HashMap<&'a str, Vec<String>>;

/// A table named in an annotation: its qualified SQL name, else its Rust identifier
/// when exactly one table has it.
fn find_table(drafts: &BTreeMap<String, Draft>, by_rust: &RustNames, name: &str) -> Result<String, String> {
    if drafts.contains_key(name) {
        return Ok(name.to_string());
    }
    match by_rust.get(name).map_or(&[][..], Vec::as_slice) {
        [one] => Ok(one.clone()),
        [] => Err(format!("no table `{name}` in the models")),
        many => Err(format!("`{name}` could be any of the tables {}", many.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "))),
    }
}

fn references(drafts: &mut BTreeMap<String, Draft>, by_rust: &RustNames) -> Result<(), RegistryError> {
    let mut found = Vec::new();
    for (key, draft) in drafts.iter() {
        for rc in &draft.raw.columns {
            for a in &rc.annotations {
                let ColumnAnnotation::References { table, column, on_delete, on_update } = &a.item else { continue };
                let err = |m: String| draft.annotation_error(a.line, &a.text, m);
                let target_key = find_table(drafts, by_rust, table).map_err(err)?;
                let target = &drafts[&target_key];
                let ref_column = target.column(column).ok_or_else(|| err(format!("table `{target_key}` has no column `{column}`")))?;
                let fk = ForeignKey {
                    name: String::new(),
                    columns: vec![rc.name.clone()],
                    ref_table: target_key.clone(),
                    ref_columns: vec![ref_column.to_string()],
                    on_delete: *on_delete,
                    on_update: *on_update,
                };
                found.push((key.clone(), Pending { explicit: None, origin: Some((a.line, a.text.clone())), item: fk }));
            }
        }
    }
    for (key, fk) in found {
        if let Some(d) = drafts.get_mut(&key) {
            d.foreign_keys.push(fk);
        }
    }
    Ok(())
}

/// A table a `joinable!` names by Rust identifier; with several such tables, the
/// one in the `joinable!`'s own file.
fn joinable_table(drafts: &BTreeMap<String, Draft>, by_rust: &RustNames, file: &str, rust_name: &str) -> Result<String, String> {
    let all = by_rust.get(rust_name).map_or(&[][..], Vec::as_slice);
    let here: Vec<&String> = all.iter().filter(|k| drafts[*k].file == file).collect();
    match (all, here.as_slice()) {
        ([], _) => Err(format!("no `table!` named `{rust_name}` in the models")),
        ([k], _) => Ok(k.clone()),
        (_, [k]) => Ok((*k).clone()),
        _ => Err(format!(
            "`{rust_name}` names several tables ({}); put the `joinable!` in the file of the one it means",
            all.iter().map(|k| drafts[k].table.source.to_string()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// A `joinable!` is a foreign key to the parent's primary key, unless the column
/// already has one (an `@references`, with its actions, stands) or several
/// `joinable!`s name the same column: a column references one table, and Diesel
/// allows such joins for queries through a shared key, so the foreign key, if the
/// database has one, must be stated with `@references` rather than guessed.
fn joinable(
    file: &str,
    j: &parse::RawJoinable,
    drafts: &mut BTreeMap<String, Draft>,
    by_rust: &RustNames,
    shared: &[(String, String)],
) -> Result<(), RegistryError> {
    let err = |message: String| RegistryError::Joinable {
        file: file.to_string(),
        line: j.pos.line,
        col: j.pos.col,
        joinable: format!("{} -> {} ({})", j.child, j.parent, j.column),
        message,
    };
    let child_key = joinable_table(drafts, by_rust, file, &j.child).map_err(err)?;
    let parent_key = joinable_table(drafts, by_rust, file, &j.parent).map_err(err)?;
    let child = &drafts[&child_key];
    let column = child
        .raw
        .columns
        .iter()
        .find(|c| c.rust_name == j.column)
        .map(|c| c.name.clone())
        .ok_or_else(|| err(format!("table `{child_key}` has no column `{}`", j.column)))?;
    let ref_columns = drafts[&parent_key].table.primary_key.clone();
    if ref_columns.len() != 1 {
        return Err(err(format!("table `{parent_key}` has a composite primary key; `joinable!` needs a single-column one")));
    }
    if shared.iter().any(|(t, c)| *t == child_key && *c == column) {
        return Ok(());
    }
    let child = drafts.get_mut(&child_key).expect("child was found above");
    let columns = vec![column];
    if child.foreign_keys.iter().any(|fk| fk.item.columns == columns) {
        return Ok(());
    }
    let item = ForeignKey { name: String::new(), columns, ref_table: parent_key, ref_columns, on_delete: None, on_update: None };
    child.foreign_keys.push(Pending { explicit: None, origin: None, item });
    Ok(())
}

/// (child table, column SQL name) named by `joinable!`s to more than one parent.
/// Unresolvable names are skipped here; [`joinable`] reports them.
fn shared_joinable_columns(files: &[ParsedFile], drafts: &BTreeMap<String, Draft>, by_rust: &RustNames) -> Vec<(String, String)> {
    let mut parents: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for f in files {
        for j in &f.joinables {
            let (Ok(child), Ok(parent)) = (joinable_table(drafts, by_rust, &f.file, &j.child), joinable_table(drafts, by_rust, &f.file, &j.parent)) else {
                continue;
            };
            let Some(column) = drafts[&child].raw.columns.iter().find(|c| c.rust_name == j.column) else { continue };
            parents.entry((child, column.name.clone())).or_default().insert(parent);
        }
    }
    parents.into_iter().filter(|(_, p)| p.len() > 1).map(|(k, _)| k).collect()
}

/// What an index or constraint name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Index,
    Unique,
    ForeignKey,
    Check,
}

impl NameKind {
    fn label(self) -> &'static str {
        match self {
            NameKind::Index => "index",
            NameKind::Unique => "unique constraint",
            NameKind::ForeignKey => "foreign key",
            NameKind::Check => "check",
        }
    }

    /// MySQL scopes index (and unique constraint) names to their table, so a MySQL
    /// database, and models annotated from one, can repeat them across tables.
    fn table_scoped(self) -> bool {
        matches!(self, NameKind::Index | NameKind::Unique)
    }
}

/// Who took a name: a description for the error, and what is needed to tell whether
/// two owners may share it.
#[derive(Debug, Clone)]
struct NameOwner {
    description: String,
    table: String,
    kind: NameKind,
}

/// Names every index and constraint, then sorts them by name. `used` holds the
/// names taken in this table's database schema, with their owners.
fn finish(mut draft: Draft, used: &mut HashMap<String, NameOwner>) -> Result<Table, RegistryError> {
    let table = draft.table.name.clone();
    let owner = |kind: NameKind, name: &str, origin: &Option<(usize, String)>| {
        let label = kind.label();
        let description = match origin {
            Some((line, _)) => format!("{label} `{name}` of table `{table}` ({}:{line})", draft.file),
            None => format!("{label} `{name}` of table `{table}` ({})", draft.table.source),
        };
        NameOwner { description, table: table.clone(), kind }
    };

    // Explicit names first, so a generated name never takes a name the user chose.
    let mut claim = |kind: NameKind, explicit: &Option<String>, origin: &Option<(usize, String)>| -> Result<(), RegistryError> {
        let Some(name) = explicit else { return Ok(()) };
        let (line, text) = origin.clone().unwrap_or_default();
        let err = |m: String| RegistryError::Annotation { file: draft.file.to_string(), line, text: text.clone(), message: m };
        if name.len() > MAX_NAME_LEN {
            return Err(err(format!("name `{name}` is longer than {MAX_NAME_LEN} bytes")));
        }
        if let Some(taken) = used.get(name) {
            // PostgreSQL and SQLite refuse such a pair when the migration runs, naming it.
            let shareable = kind.table_scoped() && taken.kind.table_scoped() && taken.table != table;
            if !shareable {
                return Err(err(format!("name `{name}` is already used by {}", taken.description)));
            }
            return Ok(());
        }
        used.insert(name.clone(), owner(kind, name, origin));
        Ok(())
    };
    for p in &draft.indexes {
        claim(NameKind::Index, &p.explicit, &p.origin)?;
    }
    for p in &draft.uniques {
        claim(NameKind::Unique, &p.explicit, &p.origin)?;
    }
    for p in &draft.foreign_keys {
        claim(NameKind::ForeignKey, &p.explicit, &p.origin)?;
    }
    for p in &draft.checks {
        claim(NameKind::Check, &p.explicit, &p.origin)?;
    }

    let mut pick = |kind: NameKind, explicit: &Option<String>, origin: &Option<(usize, String)>, base: String| -> String {
        if let Some(name) = explicit {
            return name.clone();
        }
        let mut n = 1;
        loop {
            let candidate = shorten(if n == 1 { base.clone() } else { format!("{base}_{n}") });
            if !used.contains_key(&candidate) {
                used.insert(candidate.clone(), owner(kind, &candidate, origin));
                return candidate;
            }
            n += 1;
        }
    };
    for p in &mut draft.indexes {
        let prefix = if p.item.unique { "ux" } else { "ix" };
        p.item.name = pick(NameKind::Index, &p.explicit, &p.origin, format!("{prefix}_{table}_{}", p.item.columns.join("_")));
    }
    for p in &mut draft.uniques {
        p.item.name = pick(NameKind::Unique, &p.explicit, &p.origin, format!("uq_{table}_{}", p.item.columns.join("_")));
    }
    for p in &mut draft.foreign_keys {
        let ref_name = crate::schema::model::QualifiedName::from_key(&p.item.ref_table).name;
        let base = format!("fk_{table}_{}_{ref_name}", p.item.columns.join("_"));
        p.item.name = pick(NameKind::ForeignKey, &p.explicit, &p.origin, base);
    }
    for p in &mut draft.checks {
        let mentioned = mentioned_columns(&p.item.expr, &draft.table);
        let base = if mentioned.is_empty() { format!("ck_{table}") } else { format!("ck_{table}_{}", mentioned.join("_")) };
        p.item.name = pick(NameKind::Check, &p.explicit, &p.origin, base);
    }

    let mut t = draft.table;
    t.indexes = sorted(draft.indexes, |i| &i.name);
    t.uniques = sorted(draft.uniques, |u| &u.name);
    t.foreign_keys = sorted(draft.foreign_keys, |f| &f.name);
    t.checks = sorted(draft.checks, |c| &c.name);
    Ok(t)
}

fn sorted<T>(pending: Vec<Pending<T>>, name: impl Fn(&T) -> &String) -> Vec<T> {
    let mut items: Vec<T> = pending.into_iter().map(|p| p.item).collect();
    items.sort_by(|a, b| name(a).cmp(name(b)));
    items
}

/// Keeps a name within PostgreSQL's limit while keeping distinct names distinct.
fn shorten(name: String) -> String {
    if name.len() <= MAX_NAME_LEN {
        return name;
    }
    let digest = Sha256::digest(name.as_bytes());
    let hex: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let mut cut = MAX_NAME_LEN - 9;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}_{hex}", name[..cut].trim_end_matches('_'))
}

/// The table's columns an SQL expression mentions, in order of first mention;
/// words inside quotes are literals or quoted identifiers and do not count.
fn mentioned_columns(expr: &str, table: &Table) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut quote: Option<char> = None;
    let mut word_start: Option<usize> = None;
    for (i, ch) in expr.char_indices().chain(std::iter::once((expr.len(), ' '))) {
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            }
            continue;
        }
        let word_char = ch.is_ascii_alphanumeric() || ch == '_';
        match (word_start, word_char) {
            (None, true) => word_start = Some(i),
            (Some(start), false) => {
                let word = &expr[start..i];
                if table.column(word).is_some() && !out.iter().any(|w| w == word) {
                    out.push(word.to_string());
                }
                word_start = None;
            }
            _ => {}
        }
        if ch == '\'' || ch == '"' {
            quote = Some(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests;
