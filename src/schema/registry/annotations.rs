//! The `@` lines of doc comments: what Diesel's `table!` DSL cannot say.
//!
//! Diesel rejects unknown attributes inside `table!` but passes doc comments
//! through, so annotations ride in `///` lines (or `#[doc = "…"]`) and the model
//! file compiles unchanged. A doc line whose first non-blank character is `@` is
//! an annotation; every other line is documentation. The grammar (this list is its
//! one statement in the source; README's "Models and annotations" is the user's
//! guide), where `[…]` is optional and names are SQL identifiers:
//!
//! On a table:
//! - `@index [name] (col, …)`
//! - `@unique [name] (col, …)`
//! - `@check [name] (sql boolean expression)`
//! - `@renamed_from old_name`
//! - `@unique_index [name] (col, …)`: a unique *index*, not a unique constraint
//!   (PostgreSQL drops the two differently)
//! - `@unmanaged`: the `table!` describes a view, a materialized view or another
//!   object the database owns; autogenerate and drift leave it alone
//! - `@unmanaged (col, …)`: columns the database has and the `table!` leaves out on
//!   purpose (a print-schema `patch_file` removed them); never added or dropped,
//!   nor the indexes and constraints on them
//!
//! On a column:
//! - `@index [name]` and `@unique [name]`
//! - `@unique_index [name]`
//! - `@auto_increment` / `@auto_increment false`: whether the database hands out
//!   the values (a sequence, identity or rowid alias). Without it, a lone integer
//!   primary key auto-increments unless it is also a foreign key
//! - `@default <sql expression to the end of the line>`
//! - `@references table(col) [on delete <action>] [on update <action>]`, where the
//!   table may be `schema.table` and an action is `cascade`, `set null`,
//!   `set default`, `restrict` or `no action` (keywords in any case)
//! - `@renamed_from old_name`
//!
//! On a `#[derive(SqlType)]` struct (a Postgres enum from `diesel print-schema`):
//! - `@enum label, label, 'label with spaces'`
//!
//! Columns in lists and `@references` may be written as SQL names or as the
//! `table!`'s Rust identifiers. Unnamed indexes and constraints are named by
//! [`super`]: its module doc lists the generated names, and its `finish` gives
//! them. Anything else after `@` is an error.

use crate::schema::model::Action;

/// One documentation line and the source line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableAnnotation {
    Index {
        name: Option<String>,
        columns: Vec<String>,
    },
    Unique {
        name: Option<String>,
        columns: Vec<String>,
    },
    UniqueIndex {
        name: Option<String>,
        columns: Vec<String>,
    },
    Check {
        name: Option<String>,
        expr: String,
    },
    RenamedFrom(String),
    /// Empty: the whole table; else columns the table leaves out (SQL names).
    Unmanaged {
        columns: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnAnnotation {
    Index { name: Option<String> },
    Unique { name: Option<String> },
    UniqueIndex { name: Option<String> },
    AutoIncrement(bool),
    Default(String),
    References { table: String, column: String, on_delete: Option<Action>, on_update: Option<Action> },
    RenamedFrom(String),
}

/// An annotation with the doc line it came from, kept for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub item: T,
    pub line: usize,
    /// The `@…` line as written (trimmed).
    pub text: String,
}

/// An annotation line that did not parse: where, what, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationError {
    pub line: usize,
    pub text: String,
    pub message: String,
}

/// Splits doc lines into documentation text and annotation lines.
pub fn split(lines: &[DocLine]) -> (Option<String>, Vec<(String, usize)>) {
    let mut doc: Vec<&str> = Vec::new();
    let mut annotations = Vec::new();
    for l in lines {
        let trimmed = l.text.trim();
        if trimmed.starts_with('@') {
            annotations.push((trimmed.to_string(), l.line));
        } else {
            // rustdoc's convention: `/// text` carries one space before the text.
            let text = l.text.strip_prefix(' ').unwrap_or(&l.text);
            doc.push(text.trim_end());
        }
    }
    while doc.first().is_some_and(|l| l.is_empty()) {
        doc.remove(0);
    }
    while doc.last().is_some_and(|l| l.is_empty()) {
        doc.pop();
    }
    let doc = (!doc.is_empty()).then(|| doc.join("\n"));
    (doc, annotations)
}

fn located<T>(item: T, text: &str, line: usize) -> Located<T> {
    Located { item, line, text: text.to_string() }
}

fn fail(text: &str, line: usize, message: impl Into<String>) -> AnnotationError {
    AnnotationError { line, text: text.to_string(), message: message.into() }
}

const TABLE_DIRECTIVES: &str = "@index, @unique, @unique_index, @check, @renamed_from, @unmanaged";
const COLUMN_DIRECTIVES: &str = "@index, @unique, @unique_index, @auto_increment, @default, @references, @renamed_from";

pub fn parse_table(text: &str, line: usize) -> Result<Located<TableAnnotation>, AnnotationError> {
    let (directive, mut c) = directive(text);
    let err = |m: String| fail(text, line, m);
    let item = match directive {
        "index" | "unique" | "unique_index" => {
            let name = c.ident();
            if !c.peek('(') {
                return Err(err(format!("`@{directive}` on a table needs a column list: `@{directive} [name] (col, ...)`")));
            }
            let columns = c.column_list().map_err(err)?;
            c.end().map_err(err)?;
            match directive {
                "index" => TableAnnotation::Index { name, columns },
                "unique" => TableAnnotation::Unique { name, columns },
                _ => TableAnnotation::UniqueIndex { name, columns },
            }
        }
        "unmanaged" => {
            let columns = if c.peek('(') { c.column_list().map_err(err)? } else { Vec::new() };
            c.end().map_err(|e| err(format!("{e}: `@unmanaged` takes nothing or a column list")))?;
            TableAnnotation::Unmanaged { columns }
        }
        "auto_increment" => return Err(err("`@auto_increment` belongs on a column, not on a table".into())),
        "check" => {
            let name = c.ident();
            if !c.peek('(') {
                return Err(err("`@check` needs a parenthesized expression: `@check [name] (expr)`".into()));
            }
            let expr = c.balanced().map_err(err)?;
            c.end().map_err(err)?;
            TableAnnotation::Check { name, expr }
        }
        "renamed_from" => TableAnnotation::RenamedFrom(c.sole_ident("@renamed_from old_name").map_err(err)?),
        "default" | "references" => return Err(err(format!("`@{directive}` belongs on a column, not on a table"))),
        "enum" => return Err(err("`@enum` belongs on a `#[derive(SqlType)]` struct, not on a table".into())),
        other => return Err(err(format!("unknown table annotation `@{other}` (expected one of {TABLE_DIRECTIVES})"))),
    };
    Ok(located(item, text, line))
}

pub fn parse_column(text: &str, line: usize) -> Result<Located<ColumnAnnotation>, AnnotationError> {
    let (directive, mut c) = directive(text);
    let err = |m: String| fail(text, line, m);
    let item = match directive {
        "index" | "unique" | "unique_index" => {
            let name = c.ident();
            if c.peek('(') {
                return Err(err(format!("`@{directive}` on a column takes no column list; put `@{directive} (a, b)` on the table")));
            }
            c.end().map_err(err)?;
            match directive {
                "index" => ColumnAnnotation::Index { name },
                "unique" => ColumnAnnotation::Unique { name },
                _ => ColumnAnnotation::UniqueIndex { name },
            }
        }
        "auto_increment" => match c.ident().as_deref() {
            None => {
                c.end().map_err(err)?;
                ColumnAnnotation::AutoIncrement(true)
            }
            Some(word @ ("true" | "false")) => {
                c.end().map_err(err)?;
                ColumnAnnotation::AutoIncrement(word == "true")
            }
            Some(other) => return Err(err(format!("expected `true` or `false` after `@auto_increment`, found `{other}`"))),
        },
        "unmanaged" => return Err(err("`@unmanaged` belongs on a table, not on a column".into())),
        "default" => {
            let expr = c.rest().trim();
            if expr.is_empty() {
                return Err(err("`@default` needs an SQL expression: `@default <expr>`".into()));
            }
            ColumnAnnotation::Default(expr.to_string())
        }
        "references" => references(&mut c).map_err(err)?,
        "renamed_from" => ColumnAnnotation::RenamedFrom(c.sole_ident("@renamed_from old_name").map_err(err)?),
        "check" => return Err(err("`@check` belongs on the table: `@check [name] (expr)`".into())),
        "enum" => return Err(err("`@enum` belongs on a `#[derive(SqlType)]` struct, not on a column".into())),
        other => return Err(err(format!("unknown column annotation `@{other}` (expected one of {COLUMN_DIRECTIVES})"))),
    };
    Ok(located(item, text, line))
}

/// `@enum` labels, in order.
pub fn parse_enum(text: &str, line: usize) -> Result<Vec<String>, AnnotationError> {
    let (directive, c) = directive(text);
    let err = |m: String| fail(text, line, m);
    if directive != "enum" {
        return Err(err(format!("unknown annotation `@{directive}` on a SQL type (expected `@enum label, ...`)")));
    }
    let mut labels: Vec<String> = Vec::new();
    let mut rest = c.rest().trim();
    if rest.is_empty() {
        return Err(err("`@enum` needs its labels: `@enum a, b, 'c d'`".into()));
    }
    loop {
        let (label, after) = if let Some(quoted) = rest.strip_prefix('\'') {
            let (label, after) = quoted_label(quoted).ok_or_else(|| err("unterminated quoted label".into()))?;
            (label, after.trim_start())
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let label = rest[..end].trim();
            if label.is_empty() || label.contains(char::is_whitespace) || label.contains('\'') {
                return Err(err(format!("bad enum label `{label}`: quote labels that are empty or hold spaces")));
            }
            (label.to_string(), &rest[end..])
        };
        if labels.contains(&label) {
            return Err(err(format!("duplicate enum label `{label}`")));
        }
        labels.push(label);
        match after.strip_prefix(',') {
            Some(next) => rest = next.trim_start(),
            None if after.is_empty() => return Ok(labels),
            None => return Err(err(format!("expected `,` between labels, found `{after}`"))),
        }
    }
}

/// Reads a single-quoted SQL string after its opening quote (`''` escapes a quote).
fn quoted_label(s: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch == '\'' {
            if chars.peek().is_some_and(|&(_, c)| c == '\'') {
                chars.next();
                out.push('\'');
            } else {
                return Some((out, &s[i + 1..]));
            }
        } else {
            out.push(ch);
        }
    }
    None
}

fn references(c: &mut Cursor) -> Result<ColumnAnnotation, String> {
    const USAGE: &str = "`@references table(col) [on delete <action>] [on update <action>]`";
    let mut table = c.ident().ok_or_else(|| format!("`@references` needs a target: {USAGE}"))?;
    if c.eat('.') {
        let name = c.ident().ok_or_else(|| format!("expected a table name after `{table}.`: {USAGE}"))?;
        table = format!("{table}.{name}");
    }
    if !c.peek('(') {
        return Err(format!("`@references {table}` needs the referenced column: {USAGE}"));
    }
    let mut columns = c.column_list()?;
    if columns.len() != 1 {
        return Err(format!("`@references` on a column names one referenced column, found {}", columns.len()));
    }
    let column = columns.remove(0);
    let words: Vec<String> = c.rest().split_whitespace().map(str::to_ascii_lowercase).collect();
    let (mut on_delete, mut on_update) = (None, None);
    let mut i = 0;
    while i < words.len() {
        let slot = match (words[i].as_str(), words.get(i + 1).map(String::as_str)) {
            ("on", Some("delete")) => &mut on_delete,
            ("on", Some("update")) => &mut on_update,
            _ => return Err(format!("expected `on delete` or `on update`, found `{}`", words[i..].join(" "))),
        };
        let event = words[i + 1].clone();
        if slot.is_some() {
            return Err(format!("`on {event}` given twice"));
        }
        i += 2;
        let (action, used) = match (words.get(i).map(String::as_str), words.get(i + 1).map(String::as_str)) {
            (Some("cascade"), _) => (Action::Cascade, 1),
            (Some("restrict"), _) => (Action::Restrict, 1),
            (Some("set"), Some("null")) => (Action::SetNull, 2),
            (Some("set"), Some("default")) => (Action::SetDefault, 2),
            (Some("no"), Some("action")) => (Action::NoAction, 2),
            _ => {
                let found = words.get(i..).map(|w| w.join(" ")).unwrap_or_default();
                return Err(format!("unknown action after `on {event}`: `{found}` (expected cascade, set null, set default, restrict or no action)"));
            }
        };
        *slot = Some(action);
        i += used;
    }
    Ok(ColumnAnnotation::References { table, column, on_delete, on_update })
}

/// The directive word after `@`, and a cursor on the rest of the line.
fn directive(text: &str) -> (&str, Cursor<'_>) {
    let body = &text[1..];
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(body.len());
    (&body[..end], Cursor { rest: &body[end..] })
}

/// A tiny scanner over one annotation line; whitespace between tokens is free.
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn skip_ws(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn peek(&mut self, ch: char) -> bool {
        self.skip_ws();
        self.rest.starts_with(ch)
    }

    fn eat(&mut self, ch: char) -> bool {
        let found = self.peek(ch);
        if found {
            self.rest = &self.rest[ch.len_utf8()..];
        }
        found
    }

    fn rest(&self) -> &'a str {
        self.rest
    }

    /// An SQL identifier: a letter or `_`, then letters, digits and `_`.
    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let mut chars = self.rest.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_ascii_alphabetic() || c == '_' => {}
            _ => return None,
        }
        let end = chars.find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_')).map_or(self.rest.len(), |(i, _)| i);
        let ident = self.rest[..end].to_string();
        self.rest = &self.rest[end..];
        Some(ident)
    }

    fn end(&mut self) -> Result<(), String> {
        self.skip_ws();
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(format!("unexpected `{}`", self.rest))
        }
    }

    fn sole_ident(&mut self, usage: &str) -> Result<String, String> {
        let ident = self.ident().ok_or_else(|| format!("expected a name: `{usage}`"))?;
        self.end().map_err(|e| format!("{e} after `{ident}`: `{usage}`"))?;
        Ok(ident)
    }

    /// `(a, b, c)`: at least one name, no repeats.
    fn column_list(&mut self) -> Result<Vec<String>, String> {
        self.eat('(');
        let mut columns: Vec<String> = Vec::new();
        loop {
            let col = self.ident().ok_or_else(|| match self.rest.chars().next() {
                None => "missing `)`".to_string(),
                Some(')') if columns.is_empty() => "empty column list".to_string(),
                Some(_) => format!("expected a column name, found `{}`", self.rest.trim_end()),
            })?;
            if columns.contains(&col) {
                return Err(format!("column `{col}` listed twice"));
            }
            columns.push(col);
            if self.eat(')') {
                return Ok(columns);
            }
            if !self.eat(',') {
                return Err(if self.rest.is_empty() { "missing `)`".into() } else { format!("expected `,` or `)`, found `{}`", self.rest) });
            }
        }
    }

    /// The text inside a parenthesized SQL expression, quotes respected.
    fn balanced(&mut self) -> Result<String, String> {
        self.eat('(');
        let mut depth = 1usize;
        let mut quote: Option<char> = None;
        for (i, ch) in self.rest.char_indices() {
            match (quote, ch) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(ch),
                (None, '(') => depth += 1,
                (None, ')') => {
                    depth -= 1;
                    if depth == 0 {
                        let expr = self.rest[..i].trim().to_string();
                        self.rest = &self.rest[i + 1..];
                        if expr.is_empty() {
                            return Err("empty expression".into());
                        }
                        return Ok(expr);
                    }
                }
                _ => {}
            }
        }
        Err("missing `)`".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> TableAnnotation {
        parse_table(text, 7).unwrap_or_else(|e| panic!("{text}: {}", e.message)).item
    }

    fn column(text: &str) -> ColumnAnnotation {
        parse_column(text, 7).unwrap_or_else(|e| panic!("{text}: {}", e.message)).item
    }

    fn table_err(text: &str) -> String {
        let e = parse_table(text, 7).unwrap_err();
        assert_eq!((e.line, e.text.as_str()), (7, text));
        e.message
    }

    fn column_err(text: &str) -> String {
        parse_column(text, 7).unwrap_err().message
    }

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn table_annotations() {
        assert_eq!(table("@index (email, created_at)"), TableAnnotation::Index { name: None, columns: s(&["email", "created_at"]) });
        assert_eq!(table("@index ix_by_day(day)"), TableAnnotation::Index { name: Some("ix_by_day".into()), columns: s(&["day"]) });
        assert_eq!(
            table("@unique uq_users_handle ( handle ,tenant_id )"),
            TableAnnotation::Unique { name: Some("uq_users_handle".into()), columns: s(&["handle", "tenant_id"]) }
        );
        assert_eq!(table("@unique (a)"), TableAnnotation::Unique { name: None, columns: s(&["a"]) });
        assert_eq!(table("@check ck_users_age (age >= 0)"), TableAnnotation::Check { name: Some("ck_users_age".into()), expr: "age >= 0".into() });
        assert_eq!(table("@check ((a > 0) AND (b <> ')'))"), TableAnnotation::Check { name: None, expr: "(a > 0) AND (b <> ')')".into() });
        assert_eq!(table("@renamed_from members"), TableAnnotation::RenamedFrom("members".into()));
    }

    #[test]
    fn column_annotations() {
        assert_eq!(column("@unique"), ColumnAnnotation::Unique { name: None });
        assert_eq!(column("@unique uq_email"), ColumnAnnotation::Unique { name: Some("uq_email".into()) });
        assert_eq!(column("@index"), ColumnAnnotation::Index { name: None });
        assert_eq!(column("@default 'active'"), ColumnAnnotation::Default("'active'".into()));
        assert_eq!(column("@default  now() at time zone 'utc'"), ColumnAnnotation::Default("now() at time zone 'utc'".into()));
        assert_eq!(column("@renamed_from full_name"), ColumnAnnotation::RenamedFrom("full_name".into()));
        assert_eq!(
            column("@references tenants(id) on delete set null on update cascade"),
            ColumnAnnotation::References { table: "tenants".into(), column: "id".into(), on_delete: Some(Action::SetNull), on_update: Some(Action::Cascade) }
        );
        assert_eq!(
            column("@references auth.users (id) ON UPDATE No Action On Delete RESTRICT"),
            ColumnAnnotation::References {
                table: "auth.users".into(),
                column: "id".into(),
                on_delete: Some(Action::Restrict),
                on_update: Some(Action::NoAction)
            }
        );
        assert_eq!(
            column("@references users(id) on delete set default"),
            ColumnAnnotation::References { table: "users".into(), column: "id".into(), on_delete: Some(Action::SetDefault), on_update: None }
        );
        assert_eq!(
            column("@references users(id)"),
            ColumnAnnotation::References { table: "users".into(), column: "id".into(), on_delete: None, on_update: None }
        );
    }

    #[test]
    fn malformed_table_annotations() {
        assert_eq!(
            table_err("@indx (a)"),
            "unknown table annotation `@indx` (expected one of @index, @unique, @unique_index, @check, @renamed_from, @unmanaged)"
        );
        assert_eq!(table_err("@unique uq_x"), "`@unique` on a table needs a column list: `@unique [name] (col, ...)`");
        assert_eq!(table_err("@index"), "`@index` on a table needs a column list: `@index [name] (col, ...)`");
        assert_eq!(table_err("@index (a, b"), "missing `)`");
        assert_eq!(table_err("@index ()"), "empty column list");
        assert_eq!(table_err("@index (a, a)"), "column `a` listed twice");
        assert_eq!(table_err("@index (a b)"), "expected `,` or `)`, found `b)`");
        assert_eq!(table_err("@index (a) where x"), "unexpected `where x`");
        assert_eq!(table_err("@check (a > 0"), "missing `)`");
        assert_eq!(table_err("@check ck_x"), "`@check` needs a parenthesized expression: `@check [name] (expr)`");
        assert_eq!(table_err("@check ( )"), "empty expression");
        assert_eq!(table_err("@renamed_from"), "expected a name: `@renamed_from old_name`");
        assert_eq!(table_err("@renamed_from a b"), "unexpected `b` after `a`: `@renamed_from old_name`");
        assert_eq!(table_err("@default 1"), "`@default` belongs on a column, not on a table");
        assert_eq!(table_err("@"), "unknown table annotation `@` (expected one of @index, @unique, @unique_index, @check, @renamed_from, @unmanaged)");
    }

    #[test]
    fn malformed_column_annotations() {
        assert_eq!(
            column_err("@uniq"),
            "unknown column annotation `@uniq` (expected one of @index, @unique, @unique_index, @auto_increment, @default, @references, @renamed_from)"
        );
        assert_eq!(column_err("@unique (a, b)"), "`@unique` on a column takes no column list; put `@unique (a, b)` on the table");
        assert_eq!(column_err("@default"), "`@default` needs an SQL expression: `@default <expr>`");
        assert_eq!(column_err("@references"), "`@references` needs a target: `@references table(col) [on delete <action>] [on update <action>]`");
        assert_eq!(
            column_err("@references users"),
            "`@references users` needs the referenced column: `@references table(col) [on delete <action>] [on update <action>]`"
        );
        assert_eq!(column_err("@references users(id"), "missing `)`");
        assert_eq!(column_err("@references users(a, b)"), "`@references` on a column names one referenced column, found 2");
        assert_eq!(
            column_err("@references users(id) on delete explode"),
            "unknown action after `on delete`: `explode` (expected cascade, set null, set default, restrict or no action)"
        );
        assert_eq!(
            column_err("@references users(id) on delete"),
            "unknown action after `on delete`: `` (expected cascade, set null, set default, restrict or no action)"
        );
        assert_eq!(
            column_err("@references users(id) on delete set"),
            "unknown action after `on delete`: `set` (expected cascade, set null, set default, restrict or no action)"
        );
        assert_eq!(column_err("@references users(id) cascade"), "expected `on delete` or `on update`, found `cascade`");
        assert_eq!(column_err("@references users(id) on delete cascade on delete restrict"), "`on delete` given twice");
        assert_eq!(column_err("@check (a > 0)"), "`@check` belongs on the table: `@check [name] (expr)`");
    }

    #[test]
    fn unique_indexes_auto_increment_and_unmanaged() {
        assert_eq!(table("@unique_index uq_a (a, b)"), TableAnnotation::UniqueIndex { name: Some("uq_a".into()), columns: s(&["a", "b"]) });
        assert_eq!(column("@unique_index"), ColumnAnnotation::UniqueIndex { name: None });
        assert_eq!(column("@unique_index ux_email"), ColumnAnnotation::UniqueIndex { name: Some("ux_email".into()) });
        assert_eq!(column("@auto_increment"), ColumnAnnotation::AutoIncrement(true));
        assert_eq!(column("@auto_increment false"), ColumnAnnotation::AutoIncrement(false));
        assert_eq!(column_err("@auto_increment maybe"), "expected `true` or `false` after `@auto_increment`, found `maybe`");
        assert_eq!(table("@unmanaged"), TableAnnotation::Unmanaged { columns: vec![] });
        assert_eq!(table("@unmanaged (path, tree)"), TableAnnotation::Unmanaged { columns: s(&["path", "tree"]) });
        assert_eq!(table_err("@unmanaged view"), "unexpected `view`: `@unmanaged` takes nothing or a column list");
        assert_eq!(column_err("@unmanaged"), "`@unmanaged` belongs on a table, not on a column");
        assert_eq!(table_err("@auto_increment"), "`@auto_increment` belongs on a column, not on a table");
    }

    #[test]
    fn enum_labels() {
        assert_eq!(parse_enum("@enum happy, sad", 1).unwrap(), s(&["happy", "sad"]));
        assert_eq!(parse_enum("@enum 'very happy','it''s', ok", 1).unwrap(), s(&["very happy", "it's", "ok"]));
        assert_eq!(parse_enum("@enum", 1).unwrap_err().message, "`@enum` needs its labels: `@enum a, b, 'c d'`");
        assert_eq!(parse_enum("@enum a, a", 1).unwrap_err().message, "duplicate enum label `a`");
        assert_eq!(parse_enum("@enum a b", 1).unwrap_err().message, "bad enum label `a b`: quote labels that are empty or hold spaces");
        assert_eq!(parse_enum("@enum a,", 1).unwrap_err().message, "bad enum label ``: quote labels that are empty or hold spaces");
        assert_eq!(parse_enum("@enum 'a", 1).unwrap_err().message, "unterminated quoted label");
        assert_eq!(parse_enum("@enum 'a' b", 1).unwrap_err().message, "expected `,` between labels, found `b`");
        assert_eq!(parse_enum("@index (a)", 1).unwrap_err().message, "unknown annotation `@index` on a SQL type (expected `@enum label, ...`)");
    }

    #[test]
    fn doc_text_and_annotations_split() {
        let lines = [
            DocLine { text: " Registered users.".into(), line: 1 },
            DocLine { text: String::new(), line: 2 },
            DocLine { text: "   @index (a)".into(), line: 3 },
            DocLine { text: "  indented".into(), line: 4 },
            DocLine { text: " ".into(), line: 5 },
        ];
        let (doc, ann) = split(&lines);
        assert_eq!(doc.as_deref(), Some("Registered users.\n\n indented"));
        assert_eq!(ann, vec![("@index (a)".to_string(), 3)]);
        assert_eq!(split(&[DocLine { text: " @unique".into(), line: 9 }]), (None, vec![("@unique".to_string(), 9)]));
    }
}
