//! One model file to raw declarations: `table!` bodies read the way Diesel's own
//! parser reads them, `joinable!` triples, and `#[derive(SqlType)]` structs.
//! Everything span-related is turned into line and column here, so nothing from syn
//! outlives the parse of its file.
//!
//! The `table!` grammar is ours rather than `diesel_table_macro_syntax`'s: that crate
//! takes one table per macro (Diesel 1 files hold several), and reports a bad
//! `#[max_length]` as an invalid `#[sql_name]`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Item, Token};

use super::annotations::{self, ColumnAnnotation, DocLine, Located, TableAnnotation};
use super::types::TypeExpr;
use super::{Pos, RegistryError};

/// What one file declares, before anything is resolved against other files.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub file: String,
    pub tables: Vec<RawTable>,
    pub joinables: Vec<RawJoinable>,
    pub custom_types: Vec<RawCustomType>,
}

#[derive(Debug)]
pub struct RawTable {
    /// The `table!` identifier, which is also its Rust module name.
    pub rust_name: String,
    pub name: String,
    pub schema: Option<String>,
    pub pos: Pos,
    /// SQL names; Diesel's implicit `id` when the `(…)` was left out.
    pub primary_key: Vec<String>,
    pub columns: Vec<RawColumn>,
    pub doc: Option<String>,
    pub annotations: Vec<Located<TableAnnotation>>,
}

#[derive(Debug)]
pub struct RawColumn {
    /// Where the column's name is written (annotations go on the line before).
    pub pos: Pos,
    pub rust_name: String,
    pub name: String,
    pub ty: TypeExpr,
    pub max_length: Option<u32>,
    pub doc: Option<String>,
    pub annotations: Vec<Located<ColumnAnnotation>>,
}

/// `joinable!(child -> parent (column))`, by Rust identifiers (last path segment).
#[derive(Debug)]
pub struct RawJoinable {
    pub child: String,
    pub parent: String,
    pub column: String,
    pub pos: Pos,
}

#[derive(Debug)]
pub struct RawCustomType {
    pub rust_name: String,
    pub name: String,
    pub schema: Option<String>,
    pub variants: Vec<String>,
    pub pos: Pos,
}

/// Parses one file's text; `file` is the label errors and sources carry.
pub fn parse_source(file: &str, text: &str) -> Result<ParsedFile, RegistryError> {
    let ast = syn::parse_file(text).map_err(|e| {
        let pos = Pos::of(e.span());
        let mut message = e.to_string();
        // proc-macro2's lexer says only this; these are the ways lexing fails.
        if message == "cannot parse string into token stream" {
            message = "cannot tokenize: an unclosed delimiter, string or block comment, or a stray closing delimiter".into();
        }
        RegistryError::Parse { file: file.to_string(), line: pos.line, col: pos.col, message }
    })?;
    let mut out = ParsedFile { file: file.to_string(), ..Default::default() };
    walk(&ast.items, &mut out)?;
    Ok(out)
}

fn walk(items: &[Item], out: &mut ParsedFile) -> Result<(), RegistryError> {
    for item in items {
        match item {
            Item::Macro(m) => match macro_name(&m.mac.path) {
                Some("table") => {
                    let decls = m.mac.parse_body_with(parse_table_decls).map_err(|e| malformed(&out.file, "`table!`", &e))?;
                    for decl in decls {
                        let table = raw_table(&out.file, decl)?;
                        out.tables.push(table);
                    }
                }
                Some("joinable") => {
                    let j = m.mac.parse_body_with(parse_joinable).map_err(|e| malformed(&out.file, "`joinable!`", &e))?;
                    out.joinables.push(j);
                }
                _ => {}
            },
            Item::Mod(m) if !is_cfg_test(&m.attrs) => {
                if let Some((_, items)) = &m.content {
                    walk(items, out)?;
                }
            }
            Item::Struct(s) if derives_sql_type(&s.attrs) => {
                let custom = custom_type(&out.file, s)?;
                out.custom_types.push(custom);
            }
            _ => {}
        }
    }
    Ok(())
}

/// `table`, `diesel::table`, `::diesel::table` (and the same for `joinable`).
fn macro_name(path: &syn::Path) -> Option<&'static str> {
    let mut segs = path.segments.iter().map(|s| &s.ident);
    let name = match (segs.next(), segs.next(), segs.next()) {
        (Some(name), None, _) => name,
        (Some(krate), Some(name), None) if krate == "diesel" => name,
        _ => return None,
    };
    ["table", "joinable"].into_iter().find(|n| *name == n)
}

/// Tables under `#[cfg(test)]` are test scaffolding, not the schema.
fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && a.parse_args::<Ident>().is_ok_and(|i| i == "test"))
}

fn malformed(file: &str, what: &'static str, e: &syn::Error) -> RegistryError {
    let pos = Pos::of(e.span());
    RegistryError::Malformed { file: file.to_string(), line: pos.line, col: pos.col, what, message: e.to_string() }
}

struct TableDecl {
    attrs: Vec<Attribute>,
    schema: Option<Ident>,
    name: Ident,
    primary_key: Option<Punctuated<Ident, Token![,]>>,
    columns: Punctuated<ColumnDecl, Token![,]>,
}

struct ColumnDecl {
    attrs: Vec<Attribute>,
    name: Ident,
    ty: syn::TypePath,
}

/// Diesel 2 takes one table per `table!`; Diesel 1 took several, so we do too.
/// `use` lines (as `diesel print-schema` writes them) may open each table.
fn parse_table_decls(input: ParseStream) -> syn::Result<Vec<TableDecl>> {
    let mut decls = Vec::new();
    while !input.is_empty() {
        while input.fork().parse::<syn::ItemUse>().is_ok() {
            input.parse::<syn::ItemUse>()?;
        }
        let attrs = input.call(Attribute::parse_outer)?;
        let first: Ident = input.parse()?;
        let (schema, name) = if input.peek(Token![.]) {
            input.parse::<Token![.]>()?;
            (Some(first), input.parse()?)
        } else {
            (None, first)
        };
        let primary_key = if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            Some(content.parse_terminated(Ident::parse, Token![,])?)
        } else {
            None
        };
        let content;
        syn::braced!(content in input);
        let columns = content.parse_terminated(ColumnDecl::parse, Token![,])?;
        decls.push(TableDecl { attrs, schema, name, primary_key, columns });
    }
    Ok(decls)
}

impl Parse for ColumnDecl {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let name = input.parse()?;
        input.parse::<Token![->]>()?;
        let ty = input.parse()?;
        Ok(ColumnDecl { attrs, name, ty })
    }
}

fn parse_joinable(input: ParseStream) -> syn::Result<RawJoinable> {
    let child = input.call(syn::Path::parse_mod_style)?;
    input.parse::<Token![->]>()?;
    let parent = input.call(syn::Path::parse_mod_style)?;
    let content;
    syn::parenthesized!(content in input);
    let column: Ident = content.parse()?;
    content.parse::<syn::parse::Nothing>()?;
    input.parse::<syn::parse::Nothing>()?;
    let last = |p: &syn::Path| p.segments.last().map(|s| unraw(&s.ident)).unwrap_or_default();
    Ok(RawJoinable { child: last(&child), parent: last(&parent), column: unraw(&column), pos: Pos::of(child.span()) })
}

fn unraw(ident: &Ident) -> String {
    use syn::ext::IdentExt;
    ident.unraw().to_string()
}

/// Doc lines, whether written `///`, `/** */` or `#[doc = "…"]`, with their lines.
fn doc_lines(attrs: &[Attribute]) -> Vec<DocLine> {
    let mut out = Vec::new();
    for attr in attrs {
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if !nv.path.is_ident("doc") {
                continue;
            }
            if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value {
                let span = s.span();
                let first = span.start().line;
                // A literal spanning several lines maps line i of its text to line
                // first + i; an escaped `\n` on one source line cannot be placed better.
                let multi = span.end().line > first;
                // `split`, not `lines`: an empty `///` is an empty line of text.
                for (i, text) in s.value().split('\n').enumerate() {
                    let text = text.strip_suffix('\r').unwrap_or(text).to_string();
                    out.push(DocLine { text, line: if multi { first + i } else { first } });
                }
            }
        }
    }
    out
}

/// Takes `#[name = lit]` out of `attrs`, as Diesel does with `sql_name` and `max_length`.
fn take_attr(attrs: &mut Vec<Attribute>, name: &str) -> Option<Attribute> {
    let i = attrs.iter().position(|a| a.path().is_ident(name))?;
    Some(attrs.remove(i))
}

fn sql_name(file: &str, attrs: &mut Vec<Attribute>, ident: &Ident) -> Result<String, RegistryError> {
    let Some(attr) = take_attr(attrs, "sql_name") else { return Ok(unraw(ident)) };
    match &attr.meta {
        syn::Meta::NameValue(syn::MetaNameValue { value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }), .. }) => {
            let v = s.value();
            Ok(v.strip_prefix("r#").map(str::to_string).unwrap_or(v))
        }
        _ => Err(malformed(file, "`table!`", &syn::Error::new(attr.span(), "expected `#[sql_name = \"name\"]`"))),
    }
}

fn max_length(file: &str, attrs: &mut Vec<Attribute>) -> Result<Option<u32>, RegistryError> {
    let Some(attr) = take_attr(attrs, "max_length") else { return Ok(None) };
    let parsed = match &attr.meta {
        syn::Meta::NameValue(syn::MetaNameValue { value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }), .. }) => i.base10_parse::<u32>().ok(),
        _ => None,
    };
    parsed.map(Some).ok_or_else(|| malformed(file, "`table!`", &syn::Error::new(attr.span(), "expected `#[max_length = N]` with N a whole number")))
}

fn annotation_error(file: &str, e: annotations::AnnotationError) -> RegistryError {
    RegistryError::Annotation { file: file.to_string(), line: e.line, text: e.text, message: e.message }
}

fn raw_table(file: &str, mut decl: TableDecl) -> Result<RawTable, RegistryError> {
    let pos = Pos::of(decl.name.span());
    let rust_name = unraw(&decl.name);
    let name = sql_name(file, &mut decl.attrs, &decl.name)?;
    let (doc, lines) = annotations::split(&doc_lines(&decl.attrs));
    let annotations =
        lines.iter().map(|(text, line)| annotations::parse_table(text, *line).map_err(|e| annotation_error(file, e))).collect::<Result<Vec<_>, _>>()?;
    let bad = |span: Span, message: String| malformed(file, "`table!`", &syn::Error::new(span, message));

    let mut columns: Vec<RawColumn> = Vec::with_capacity(decl.columns.len());
    for mut col in decl.columns {
        let col_name = sql_name(file, &mut col.attrs, &col.name)?;
        let col_rust = unraw(&col.name);
        if let Some(prev) = columns.iter().find(|c| c.name == col_name || c.rust_name == col_rust) {
            return Err(bad(col.name.span(), format!("column `{}` is declared twice in table `{rust_name}`", prev.rust_name)));
        }
        let max_length = max_length(file, &mut col.attrs)?;
        let ty = TypeExpr::from_syn(&col.ty).map_err(|(pos, message)| RegistryError::Malformed {
            file: file.to_string(),
            line: pos.line,
            col: pos.col,
            what: "`table!`",
            message,
        })?;
        let (doc, lines) = annotations::split(&doc_lines(&col.attrs));
        let annotations =
            lines.iter().map(|(text, line)| annotations::parse_column(text, *line).map_err(|e| annotation_error(file, e))).collect::<Result<Vec<_>, _>>()?;
        columns.push(RawColumn { pos: Pos::of(col.name.span()), rust_name: col_rust, name: col_name, ty, max_length, doc, annotations });
    }
    if columns.is_empty() {
        return Err(bad(decl.name.span(), format!("table `{rust_name}` has no columns")));
    }

    let primary_key = match decl.primary_key {
        Some(keys) => {
            if keys.is_empty() {
                return Err(bad(decl.name.span(), format!("table `{rust_name}` has an empty primary key list")));
            }
            let mut pk: Vec<String> = Vec::with_capacity(keys.len());
            for key in &keys {
                let key_name = unraw(key);
                let col = columns
                    .iter()
                    .find(|c| c.rust_name == key_name)
                    .ok_or_else(|| bad(key.span(), format!("primary key column `{key_name}` is not a column of table `{rust_name}`")))?;
                if pk.contains(&col.name) {
                    return Err(bad(key.span(), format!("primary key column `{key_name}` is listed twice")));
                }
                pk.push(col.name.clone());
            }
            pk
        }
        None => match columns.iter().find(|c| c.rust_name == "id") {
            Some(id) => vec![id.name.clone()],
            None => {
                return Err(bad(decl.name.span(), format!("table `{rust_name}` has neither a primary key list `{rust_name} (col) {{ … }}` nor an `id` column")))
            }
        },
    };

    Ok(RawTable { rust_name, name, schema: decl.schema.as_ref().map(unraw), pos, primary_key, columns, doc, annotations })
}

fn derives_sql_type(attrs: &[Attribute]) -> bool {
    attrs.iter().filter(|a| a.path().is_ident("derive")).any(|a| {
        a.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
            .is_ok_and(|paths| paths.iter().any(|p| p.segments.last().is_some_and(|s| s.ident == "SqlType")))
    })
}

/// A `#[derive(SqlType)]` struct: its SQL name comes from
/// `#[diesel(postgres_type(name = "…", schema = "…"))]`, else from the struct's
/// name in snake_case (MySQL's `mysql_type(name = "Enum")` names a kind, not a type).
fn custom_type(file: &str, s: &syn::ItemStruct) -> Result<RawCustomType, RegistryError> {
    let mut name = None;
    let mut schema = None;
    for attr in s.attrs.iter().filter(|a| a.path().is_ident("diesel")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("postgres_type") {
                meta.parse_nested_meta(|inner| {
                    if inner.path.is_ident("name") {
                        name = Some(inner.value()?.parse::<syn::LitStr>()?.value());
                    } else if inner.path.is_ident("schema") {
                        schema = Some(inner.value()?.parse::<syn::LitStr>()?.value());
                    } else {
                        skip_meta(&inner)?;
                    }
                    Ok(())
                })
            } else {
                skip_meta(&meta)
            }
        })
        .map_err(|e| malformed(file, "`#[diesel(...)]` attribute", &e))?;
    }
    let rust_name = unraw(&s.ident);
    let name = name.unwrap_or_else(|| snake_case(&rust_name));
    let mut variants = Vec::new();
    let (_, lines) = annotations::split(&doc_lines(&s.attrs));
    for (text, line) in &lines {
        if !variants.is_empty() {
            return Err(annotation_error(file, annotations::AnnotationError { line: *line, text: text.clone(), message: "`@enum` given twice".into() }));
        }
        variants = annotations::parse_enum(text, *line).map_err(|e| annotation_error(file, e))?;
    }
    Ok(RawCustomType { rust_name, name, schema, variants, pos: Pos::of(s.ident.span()) })
}

/// Consumes `= value` or `(…)` after a nested meta we do not read.
fn skip_meta(meta: &syn::meta::ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.char_indices() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}
