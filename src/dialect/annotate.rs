//! The model annotator behind `adopt --db`: what a live database has that the
//! models do not state, written into the model files as `/// @…` lines.
//!
//! A `schema.rs` from `diesel print-schema` states tables, columns, types, primary
//! keys and `joinable!`, nothing else. Read as the whole truth, it would make
//! autogenerate drop every index, default, check, foreign key action and enum label
//! the database has. [`plan`] compares the models with the live schema (both as the
//! backend stores them, with what neither side manages set aside) and proposes, for
//! each thing the models are silent about, the annotation that states it, with the
//! database's own name; [`AnnotationPlan::write`] inserts exactly those lines and
//! changes no other byte. Right after, diffing the reloaded models against the same
//! database gives no operation.
//!
//! What annotations cannot state (a composite foreign key, a column type or a key
//! the models spell differently, a default the models already give differently) is
//! listed in [`AnnotationPlan::unstated`] instead, for the caller to report.

use std::path::{Path, PathBuf};

use crate::backend::Backend;
use crate::dialect::introspect::{comparable, reconcile_aliases, set_aside_unmanaged};
use crate::schema::model::{qualified_name, Column, ForeignKey, Schema, Table};

use crate::schema::registry::parse::{ParsedFile, RawTable};
use crate::schema::registry::{assemble_with, model_files, parse_files, RegistryError, TypeMap};

/// What [`plan`] takes besides the models and the database.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The `types` config mapping (see [`crate::schema::registry::load_with`]).
    pub types: TypeMap,
    /// Table names or globs left alone (the `ignore` key, `diesel.toml`'s `filter`):
    /// never annotated.
    pub ignore: Vec<String>,
}

/// One line to insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insertion {
    /// The model file, as found under the base directory.
    pub path: PathBuf,
    /// The file relative to the base directory, with forward slashes.
    pub file: String,
    /// The 1-based line the new line goes before (the line of the table's name,
    /// the column's name or the `SqlType` struct), in the file as it is now.
    pub line: usize,
    /// The whole line, indentation and `///` included, without a line break.
    pub text: String,
    /// For people: `users.email: @unique uq_users_email`.
    pub description: String,
}

/// Lines to insert, in file order and, within a file, in line order (several
/// lines before one line keep the order given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationPlan {
    pub insertions: Vec<Insertion>,
    /// Differences no annotation can state, described for people.
    pub unstated: Vec<String>,
}

impl AnnotationPlan {
    pub fn is_empty(&self) -> bool {
        self.insertions.is_empty()
    }

    /// The human descriptions, one per inserted line.
    pub fn descriptions(&self) -> Vec<String> {
        self.insertions.iter().map(|i| i.description.clone()).collect()
    }

    /// Inserts the lines, each file written whole to a temporary name and renamed
    /// over the original (so a file is either as it was or fully annotated). Only the
    /// planned lines are added, with the file's own line ending; every other byte
    /// stays. The plan must be applied to the files it was made from.
    pub fn write(&self) -> std::io::Result<()> {
        let mut files: Vec<&Path> = self.insertions.iter().map(|i| i.path.as_path()).collect();
        files.dedup();
        for path in files {
            let original = std::fs::read_to_string(path)?;
            let lines: Vec<(usize, &str)> = self.insertions.iter().filter(|i| i.path == path).map(|i| (i.line, i.text.as_str())).collect();
            let updated = insert_lines(&original, &lines);
            // A symbolic link stays one: the file it points at is rewritten.
            let target = std::fs::canonicalize(path)?;
            crate::atomic_write::write_atomically(&target, &updated).map_err(|e| std::io::Error::other(e.to_string()))?;
        }
        Ok(())
    }
}

/// `text` with each `(line, new)` inserted before its 1-based line (a line past the
/// end appends). Line endings follow the file's first one.
pub fn insert_lines(text: &str, inserts: &[(usize, &str)]) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + inserts.iter().map(|(_, t)| t.len() + 2).sum::<usize>());
    let mut line_no = 1;
    let mut rest = text;
    loop {
        for (_, new) in inserts.iter().filter(|(l, _)| *l == line_no) {
            out.push_str(new);
            out.push_str(eol);
        }
        match rest.find('\n') {
            Some(i) => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
                line_no += 1;
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    for (_, new) in inserts.iter().filter(|(l, _)| *l > line_no) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(eol);
        }
        out.push_str(new);
        out.push_str(eol);
    }
    out
}

/// Plans the annotations that make the models under `model_paths` state what `live`
/// (as introspected, not yet made comparable) has. `backend` is the live database's.
pub fn plan(base_dir: &Path, model_paths: &[String], live: &Schema, backend: Backend, options: &PlanOptions) -> Result<AnnotationPlan, RegistryError> {
    let paths = model_files(base_dir, model_paths)?;
    let parsed = parse_files(base_dir, &paths)?;
    let models = assemble_with(&parsed, &options.types)?;
    let (mut l, mut m) = (comparable(live, backend), comparable(&models, backend));
    let declared_unmanaged: Vec<String> = models.unmanaged.iter().map(|u| u.name.clone()).collect();
    set_aside_unmanaged(&mut l, &mut m, &options.ignore);
    reconcile_aliases(&mut l, &m, backend);

    let texts: Vec<String> =
        paths.iter().map(|p| std::fs::read_to_string(p).map_err(|source| RegistryError::Io { path: p.clone(), source })).collect::<Result<_, _>>()?;
    let mut out = Planner { plan: AnnotationPlan::default() };

    for (fi, f) in parsed.iter().enumerate() {
        let ctx = FileCtx { path: &paths[fi], file: &f.file, text: &texts[fi] };
        for raw in &f.tables {
            let key = qualified_name(raw.schema.as_deref(), &raw.name);
            // A view (or virtual table…) declared with `table!`: recorded as such.
            let hidden = l.unmanaged.iter().find(|u| u.name == key && u.kind.hides_tables() && u.kind != crate::schema::model::UnmanagedKind::Ignored);
            if let Some(u) = hidden {
                if !declared_unmanaged.contains(&key) {
                    out.table_line(&ctx, raw, "@unmanaged".into(), format!("{key}: @unmanaged ({})", u.kind.as_str()))?;
                }
                continue;
            }
            let (Some(lt), Some(mt)) = (l.tables.get(&key), m.tables.get(&key)) else { continue };
            // Decisions on the comparable forms. PostgreSQL's comparable spelling is
            // canonical SQL without the casts the server adds (`'a'::text`); on SQLite
            // and MySQL it is only a comparison key, so the text is the database's own.
            let spelled = match backend {
                Backend::Postgres => None,
                _ => live.tables.get(&key).or_else(|| live.tables.values().find(|t| t.name == raw.name)),
            };
            table(&mut out, &ctx, raw, &key, (lt, mt, &m), spelled)?;
        }
        enums(&mut out, &ctx, f, &l, &m)?;
    }
    out.plan.insertions.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(out.plan)
}

struct FileCtx<'a> {
    path: &'a Path,
    file: &'a str,
    text: &'a str,
}

struct Planner {
    plan: AnnotationPlan,
}

impl Planner {
    /// A line before `line`, indented like it; the text before `col` (1-based) on that
    /// line must be whitespace (or, for a table, its `schema.` prefix), so the new
    /// line lands among the item's attributes.
    fn insert(&mut self, ctx: &FileCtx, line: usize, col: usize, annotation: String, description: String, allowed_prefix: &str) -> Result<(), RegistryError> {
        let source_line = ctx.text.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let before: String = source_line.chars().take(col.saturating_sub(1)).collect();
        let indent: String = before.chars().take_while(|c| c.is_whitespace()).collect();
        let prefix = before.trim();
        if !(prefix.is_empty() || prefix == allowed_prefix) {
            return Err(RegistryError::Annotation {
                file: ctx.file.to_string(),
                line,
                text: annotation,
                message: format!("cannot add this annotation: `{prefix}` comes before the name on its line; put the name on a line of its own"),
            });
        }
        self.plan.insertions.push(Insertion {
            path: ctx.path.to_path_buf(),
            file: ctx.file.to_string(),
            line,
            text: format!("{indent}/// {annotation}"),
            description,
        });
        Ok(())
    }

    fn table_line(&mut self, ctx: &FileCtx, raw: &RawTable, annotation: String, description: String) -> Result<(), RegistryError> {
        let prefix = raw.schema.as_ref().map(|s| format!("{s}.")).unwrap_or_default();
        self.insert(ctx, raw.pos.line, raw.pos.col, annotation, description, &prefix)
    }

    fn column_line(&mut self, ctx: &FileCtx, raw: &RawTable, column: &str, annotation: String, table_key: &str) -> Result<(), RegistryError> {
        let Some(rc) = raw.columns.iter().find(|c| c.name == column) else {
            self.plan.unstated.push(format!("{table_key}.{column}: {annotation} (no such column in the models)"));
            return Ok(());
        };
        let description = format!("{table_key}.{column}: {annotation}");
        self.insert(ctx, rc.pos.line, rc.pos.col, annotation, description, "")
    }
}

fn list(cols: &[String]) -> String {
    cols.join(", ")
}

/// What `lt` (live) has and `mt` (models) does not, for one table.
/// `(lt, mt, m)`: the live table, the models' table, and all the models.
fn table(
    out: &mut Planner,
    ctx: &FileCtx,
    raw: &RawTable,
    key: &str,
    (lt, mt, m): (&Table, &Table, &Schema),
    spelled: Option<&Table>,
) -> Result<(), RegistryError> {
    // Columns the database has and the `table!` leaves out (a print-schema
    // `patch_file` removed them): recorded, and what involves them left alone.
    let left_out: Vec<String> = lt.columns.iter().filter(|c| mt.column(&c.name).is_none()).map(|c| c.name.clone()).collect();
    let mut trimmed;
    let lt = if left_out.is_empty() {
        lt
    } else {
        out.table_line(ctx, raw, format!("@unmanaged ({})", list(&left_out)), format!("{key}: @unmanaged ({})", list(&left_out)))?;
        trimmed = lt.clone();
        for c in &left_out {
            crate::dialect::introspect::set_aside_column(&mut trimmed, c);
        }
        &trimmed
    };
    for i in &lt.indexes {
        if mt.indexes.iter().any(|x| x.name == i.name && x.columns == i.columns && x.unique == i.unique) {
            continue;
        }
        let directive = if i.unique { "@unique_index" } else { "@index" };
        match i.columns.as_slice() {
            [one] => out.column_line(ctx, raw, one, format!("{directive} {}", i.name), key)?,
            many => out.table_line(ctx, raw, format!("{directive} {} ({})", i.name, list(many)), format!("{key}: {directive} {} ({})", i.name, list(many)))?,
        }
    }
    for u in &lt.uniques {
        if mt.uniques.iter().any(|x| x.name == u.name && x.columns == u.columns) {
            continue;
        }
        match u.columns.as_slice() {
            [one] => out.column_line(ctx, raw, one, format!("@unique {}", u.name), key)?,
            many => out.table_line(ctx, raw, format!("@unique {} ({})", u.name, list(many)), format!("{key}: @unique {} ({})", u.name, list(many)))?,
        }
    }
    for c in &lt.checks {
        if mt.checks.iter().any(|x| x.name == c.name) {
            continue;
        }
        let expr = spelled.and_then(|t| t.checks.iter().find(|x| x.name == c.name)).map_or(&c.expr, |x| &x.expr);
        let expr = crate::dialect::render::one_line(strip_outer_parens(expr));
        out.table_line(ctx, raw, format!("@check {} ({expr})", c.name), format!("{key}: @check {} ({expr})", c.name))?;
    }
    for lc in &lt.columns {
        let Some(mc) = mt.column(&lc.name) else { continue };
        let spelled_default = spelled.and_then(|t| t.column(&lc.name)).and_then(|c| c.default.as_deref());
        column(out, ctx, raw, key, lc, mc, mt, spelled_default)?;
    }
    for fk in &lt.foreign_keys {
        if mt.foreign_keys.iter().any(|x| same_fk(x, fk)) {
            continue;
        }
        let ([col], [ref_col]) = (fk.columns.as_slice(), fk.ref_columns.as_slice()) else {
            out.plan.unstated.push(format!(
                "{key}: foreign key {} ({}) -> {} ({}) has several columns; `@references` states one",
                fk.name,
                list(&fk.columns),
                fk.ref_table,
                list(&fk.ref_columns)
            ));
            continue;
        };
        if !m.tables.contains_key(&fk.ref_table) {
            out.plan
                .unstated
                .push(format!("{key}.{col}: foreign key {} references {}, which the models do not declare (or leave alone)", fk.name, fk.ref_table));
            continue;
        }
        let stated = raw
            .columns
            .iter()
            .find(|c| c.name == *col)
            .is_some_and(|c| c.annotations.iter().any(|a| matches!(a.item, crate::schema::registry::annotations::ColumnAnnotation::References { .. })));
        if stated {
            out.plan.unstated.push(format!("{key}.{col}: the database's foreign key {} differs from the `@references` the models give", fk.name));
            continue;
        }
        let mut text = format!("@references {}({ref_col})", fk.ref_table);
        if let Some(a) = fk.on_delete {
            text.push_str(&format!(" on delete {}", a.as_sql().to_ascii_lowercase()));
        }
        if let Some(a) = fk.on_update {
            text.push_str(&format!(" on update {}", a.as_sql().to_ascii_lowercase()));
        }
        out.column_line(ctx, raw, col, text, key)?;
    }
    for fk in mt.foreign_keys.iter().filter(|f| !lt.foreign_keys.iter().any(|x| same_fk(x, f))) {
        // Adding is what annotations do; a key the database lacks cannot be taken away.
        if !lt.foreign_keys.iter().any(|x| x.columns == fk.columns) {
            out.plan.unstated.push(format!(
                "{key}.{}: the models make a foreign key to {} ({}) that the database does not have (a `joinable!` for queries only?)",
                list(&fk.columns),
                fk.ref_table,
                list(&fk.ref_columns)
            ));
        }
    }
    if lt.primary_key != mt.primary_key {
        out.plan.unstated.push(format!("{key}: the database's primary key is ({}), the models say ({})", list(&lt.primary_key), list(&mt.primary_key)));
    }
    Ok(())
}

/// `((a >= 0))` as `a >= 0`: `@check` adds the one pair of parentheses.
fn strip_outer_parens(expr: &str) -> &str {
    let mut e = expr.trim();
    while e.starts_with('(') && e.ends_with(')') {
        let mut depth = 0i32;
        let closes_at_end = e.char_indices().all(|(i, ch)| {
            match ch {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth > 0 || i == e.len() - 1
        });
        if !closes_at_end {
            break;
        }
        e = e[1..e.len() - 1].trim();
    }
    e
}

/// Foreign keys are the same whatever their names (as the diff matches them).
fn same_fk(a: &ForeignKey, b: &ForeignKey) -> bool {
    a.columns == b.columns && a.ref_table == b.ref_table && a.ref_columns == b.ref_columns && a.on_delete == b.on_delete && a.on_update == b.on_update
}

#[allow(clippy::too_many_arguments)]
fn column(
    out: &mut Planner,
    ctx: &FileCtx,
    raw: &RawTable,
    key: &str,
    lc: &Column,
    mc: &Column,
    mt: &Table,
    spelled_default: Option<&str>,
) -> Result<(), RegistryError> {
    match (&lc.default, &mc.default) {
        (Some(d), None) => out.column_line(ctx, raw, &lc.name, format!("@default {}", crate::dialect::render::one_line(spelled_default.unwrap_or(d))), key)?,
        (Some(d), Some(m)) if d != m => out.plan.unstated.push(format!("{key}.{}: the database's default is {d}, the models say {m}", lc.name)),
        _ => {}
    }
    if lc.auto_increment != mc.auto_increment && mt.primary_key.contains(&lc.name) {
        let text = if lc.auto_increment { "@auto_increment" } else { "@auto_increment false" };
        out.column_line(ctx, raw, &lc.name, text.into(), key)?;
    }
    if lc.sql_type != mc.sql_type || lc.max_length != mc.max_length || lc.nullable != mc.nullable {
        out.plan.unstated.push(format!(
            "{key}.{}: the database has {}{}, the models say {}{}",
            lc.name,
            crate::schema::diff::describe_type(lc),
            if lc.nullable { " NULL" } else { " NOT NULL" },
            crate::schema::diff::describe_type(mc),
            if mc.nullable { " NULL" } else { " NOT NULL" }
        ));
    }
    Ok(())
}

/// `@enum` labels for `SqlType`s the models declare without them.
fn enums(out: &mut Planner, ctx: &FileCtx, f: &ParsedFile, l: &Schema, m: &Schema) -> Result<(), RegistryError> {
    for ct in &f.custom_types {
        let key = qualified_name(ct.schema.as_deref(), &ct.name);
        let bare = key.strip_prefix("public.").unwrap_or(&key);
        let (Some(me), Some(le)) = (m.enums.get(&key), l.enums.get(bare)) else { continue };
        if !me.is_opaque() || le.is_opaque() {
            continue;
        }
        let labels: Vec<String> = le.variants.iter().map(|v| enum_label(v)).collect();
        let text = format!("@enum {}", labels.join(", "));
        let description = format!("type {key}: {text}");
        // The struct's name follows `pub struct` (or `struct`, `pub(crate) struct`…).
        let line = ctx.text.lines().nth(ct.pos.line.saturating_sub(1)).unwrap_or("");
        let before: String = line.chars().take(ct.pos.col.saturating_sub(1)).collect();
        let prefix = before.trim().to_string();
        if prefix.split_whitespace().last() != Some("struct") {
            out.plan.unstated.push(format!("{description} (the struct's name does not follow `struct` on its line)"));
            continue;
        }
        out.insert(ctx, ct.pos.line, ct.pos.col, text, description, &prefix)?;
    }
    Ok(())
}

/// A label as `@enum` reads it: bare when it is a plain word, else quoted.
fn enum_label(v: &str) -> String {
    let plain = !v.is_empty() && !v.contains(|c: char| c.is_whitespace() || c == ',' || c == '\'');
    if plain {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::model::{Action, Check, EnumType, Index, Source, SqlType, UniqueConstraint, Unmanaged, UnmanagedKind};

    const SCHEMA_RS: &str = "// @generated automatically by Diesel CLI.\n\npub mod sql_types {\n    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]\n    #[diesel(postgres_type(name = \"mood\"))]\n    pub struct Mood;\n}\n\ndiesel::table! {\n    use diesel::sql_types::*;\n    use super::sql_types::Mood;\n\n    users (id) {\n        id -> Int4,\n        #[max_length = 255]\n        email -> Varchar,\n        name -> Text,\n        status -> Text,\n        mood -> Mood,\n    }\n}\n\ndiesel::table! {\n    posts (id) {\n        id -> Int4,\n        user_id -> Int4,\n        likes -> Int4,\n    }\n}\n\ndiesel::table! {\n    recent_posts (id) {\n        id -> Int4,\n    }\n}\n\ndiesel::joinable!(posts -> users (user_id));\n";

    fn live() -> Schema {
        let mut s = Schema::default();
        let mut users = Table::new(
            "users",
            vec![
                Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
                Column { max_length: Some(255), ..Column::new("email", SqlType::Varchar) },
                Column::new("name", SqlType::Text),
                Column { default: Some("'active'".into()), ..Column::new("status", SqlType::Text) },
                Column::new("mood", SqlType::Custom { name: "mood".into() }),
            ],
            &["id"],
        );
        users.uniques.push(UniqueConstraint { name: "users_email_key".into(), columns: vec!["email".into()] });
        users.indexes.push(Index { name: "users_name_status_idx".into(), columns: vec!["name".into(), "status".into()], unique: false });
        users.indexes.push(Index { name: "users_lower_name".into(), columns: vec!["name".into()], unique: true });
        let mut posts = Table::new(
            "posts",
            vec![
                Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
                Column::new("user_id", SqlType::Integer),
                Column::new("likes", SqlType::Integer),
            ],
            &["id"],
        );
        posts.foreign_keys.push(ForeignKey {
            name: "posts_user_id_fkey".into(),
            columns: vec!["user_id".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            on_delete: Some(Action::Cascade),
            on_update: None,
        });
        posts.checks.push(Check { name: "posts_likes_check".into(), expr: "likes >= 0".into() });
        s.tables.insert("users".into(), users);
        s.tables.insert("posts".into(), posts);
        s.enums.insert("mood".into(), EnumType { name: "mood".into(), schema: None, variants: vec!["happy".into(), "so so".into()], source: Source::none() });
        s.unmanaged.push(Unmanaged { kind: UnmanagedKind::MaterializedView, name: "recent_posts".into(), table: None, sql: None });
        s
    }

    #[test]
    fn lines_are_inserted_and_nothing_else_changes() {
        assert_eq!(insert_lines("a\nb\n", &[(2, "x"), (2, "y"), (9, "z")]), "a\nx\ny\nb\nz\n");
        assert_eq!(insert_lines("a\r\nb", &[(1, "x"), (3, "z")]), "x\r\na\r\nb\r\nz\r\n");
    }

    #[test]
    fn a_print_schema_file_gets_what_the_database_has_and_then_diffs_clean() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        std::fs::write(dir.path().join("src/schema.rs"), SCHEMA_RS).unwrap();
        let paths = ["src".to_string()];
        let live = live();
        let plan = plan(dir.path(), &paths, &live, Backend::Postgres, &PlanOptions::default()).unwrap();
        assert_eq!(
            plan.descriptions(),
            [
                "type mood: @enum happy, 'so so'",
                "users: @index users_name_status_idx (name, status)",
                "users.email: @unique users_email_key",
                "users.name: @unique_index users_lower_name",
                "users.status: @default 'active'",
                "posts: @check posts_likes_check (likes >= 0)",
                "posts.user_id: @references users(id) on delete cascade",
                "recent_posts: @unmanaged (materialized view)",
            ]
        );
        assert!(plan.unstated.is_empty(), "{:?}", plan.unstated);
        plan.write().unwrap();
        let after = std::fs::read_to_string(dir.path().join("src/schema.rs")).unwrap();
        // Only lines were added: removing them gives the original back, byte for byte.
        let stripped: String = after.split_inclusive('\n').filter(|l| !plan.insertions.iter().any(|i| i.text == l.trim_end_matches('\n'))).collect();
        assert_eq!(stripped, SCHEMA_RS);
        assert!(after.contains("    /// @enum happy, 'so so'\n    pub struct Mood;"), "{after}");
        assert!(after.contains("        #[max_length = 255]\n        /// @unique users_email_key\n        email -> Varchar,"), "{after}");

        let models = crate::schema::registry::load(dir.path(), &paths).unwrap();
        let (mut l, mut m) = (comparable(&live, Backend::Postgres), comparable(&models, Backend::Postgres));
        set_aside_unmanaged(&mut l, &mut m, &[]);
        assert_eq!(crate::schema::diff::diff(&l, &m, &Default::default()), vec![], "{after}");
        // A second plan finds nothing more.
        assert!(super::plan(dir.path(), &paths, &live, Backend::Postgres, &PlanOptions::default()).unwrap().is_empty());
    }

    #[test]
    fn a_name_sharing_its_line_is_an_error_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("m.rs"), "diesel::table! { users (id) { id -> Int4, status -> Text, } }\n").unwrap();
        let mut live = Schema::default();
        live.tables.insert(
            "users".into(),
            Table::new(
                "users",
                vec![
                    Column { auto_increment: true, ..Column::new("id", SqlType::Integer) },
                    Column { default: Some("'a'".into()), ..Column::new("status", SqlType::Text) },
                ],
                &["id"],
            ),
        );
        let e = plan(dir.path(), &["m.rs".to_string()], &live, Backend::Postgres, &PlanOptions::default()).unwrap_err().to_string();
        assert!(e.starts_with("m.rs:1: `@default 'a'`: cannot add this annotation"), "{e}");
    }
}
