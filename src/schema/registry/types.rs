//! Diesel SQL type paths to [`SqlType`]. Types are kept as written ([`TypeExpr`])
//! until every file is parsed, because a custom type may be declared in another
//! file than the table that uses it.

use crate::schema::model::SqlType;

use super::Pos;

/// A type path as written in `table!`: `diesel::sql_types::Nullable<Array<Text>>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExpr {
    pub path: Vec<String>,
    pub args: Vec<TypeExpr>,
    pub pos: Pos,
}

impl TypeExpr {
    pub fn from_syn(ty: &syn::TypePath) -> Result<Self, (Pos, String)> {
        // The first token's span: `Spanned::span` would re-tokenize the whole type.
        let first = match &ty.qself {
            Some(q) => q.lt_token.span,
            None => ty.path.segments.first().map_or_else(proc_macro2::Span::call_site, |s| s.ident.span()),
        };
        let pos = Pos::of(first);
        if ty.qself.is_some() {
            return Err((pos, "qualified `<T as Trait>` types are not SQL types".into()));
        }
        let mut path = Vec::with_capacity(ty.path.segments.len());
        let mut args = Vec::new();
        let last = ty.path.segments.len() - 1;
        for (i, seg) in ty.path.segments.iter().enumerate() {
            path.push(seg.ident.to_string());
            match &seg.arguments {
                syn::PathArguments::None => {}
                syn::PathArguments::AngleBracketed(generic) if i == last => {
                    for arg in &generic.args {
                        match arg {
                            syn::GenericArgument::Type(syn::Type::Path(inner)) => args.push(TypeExpr::from_syn(inner)?),
                            _ => return Err((pos, format!("`{}` takes SQL types as arguments", seg.ident))),
                        }
                    }
                }
                _ => return Err((pos, format!("unexpected arguments on `{}`", seg.ident))),
            }
        }
        Ok(TypeExpr { path, args, pos })
    }

    pub fn name(&self) -> &str {
        self.path.last().map(String::as_str).unwrap_or_default()
    }

    /// Paths under `diesel::` name Diesel's own types, never a user's custom type.
    fn is_diesel_path(&self) -> bool {
        self.path.len() > 1 && self.path[0] == "diesel"
    }
}

/// Renders the path back the way it was written, for error messages.
impl std::fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path.join("::"))?;
        if !self.args.is_empty() {
            f.write_str("<")?;
            for (i, a) in self.args.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{a}")?;
            }
            f.write_str(">")?;
        }
        Ok(())
    }
}

/// What a custom type name resolves to.
pub enum CustomLookup {
    /// Not declared anywhere: try Diesel's types.
    None,
    /// The qualified name of the one declaration.
    Found(String),
    /// Declared more than once under different SQL names (the names).
    Ambiguous(Vec<String>),
}

/// Why a type did not resolve: where, and a message naming the type.
#[derive(Debug, PartialEq, Eq)]
pub struct TypeError {
    pub pos: Pos,
    pub message: String,
}

/// Resolves a column type to its SQL type and nullability.
pub fn resolve(expr: &TypeExpr, custom: &dyn Fn(&str) -> CustomLookup) -> Result<(SqlType, bool), TypeError> {
    if expr.name() == "Nullable" {
        let inner = single_arg(expr)?;
        return Ok((resolve_inner(inner, custom)?, true));
    }
    Ok((resolve_inner(expr, custom)?, false))
}

fn single_arg(expr: &TypeExpr) -> Result<&TypeExpr, TypeError> {
    match expr.args.as_slice() {
        [one] => Ok(one),
        _ => Err(TypeError { pos: expr.pos, message: format!("`{}` takes exactly one SQL type argument, found `{expr}`", expr.name()) }),
    }
}

/// Below the top level `Nullable` only marks element nullability, which SQL DDL
/// cannot express, so it is peeled off.
fn resolve_inner(expr: &TypeExpr, custom: &dyn Fn(&str) -> CustomLookup) -> Result<SqlType, TypeError> {
    let name = expr.name();
    if !expr.is_diesel_path() {
        match custom(name) {
            CustomLookup::None => {}
            CustomLookup::Found(qualified) => return no_args(expr, SqlType::Custom { name: qualified }),
            CustomLookup::Ambiguous(names) => {
                return Err(TypeError {
                    pos: expr.pos,
                    message: format!("SQL type `{expr}` is ambiguous: custom types {} share that Rust name", names.join(", ")),
                })
            }
        }
    }
    let boxed = |e: &TypeExpr| -> Result<Box<SqlType>, TypeError> { Ok(Box::new(resolve_inner(single_arg(e)?, custom)?)) };
    let range = |inner: SqlType| no_args(expr, SqlType::Range(Box::new(inner)));
    let multirange = |inner: SqlType| no_args(expr, SqlType::Multirange(Box::new(inner)));
    let scalar = match name {
        "Nullable" => return resolve_inner(single_arg(expr)?, custom),
        "Array" => return Ok(SqlType::Array(boxed(expr)?)),
        "Range" => return Ok(SqlType::Range(boxed(expr)?)),
        "Multirange" => return Ok(SqlType::Multirange(boxed(expr)?)),
        "Unsigned" => return Ok(SqlType::Unsigned(boxed(expr)?)),
        "Int4range" => return range(SqlType::Integer),
        "Int8range" => return range(SqlType::BigInt),
        "Numrange" => return range(SqlType::Numeric),
        "Daterange" => return range(SqlType::Date),
        "Tsrange" => return range(SqlType::Timestamp),
        "Tstzrange" => return range(SqlType::Timestamptz),
        "Int4multirange" => return multirange(SqlType::Integer),
        "Int8multirange" => return multirange(SqlType::BigInt),
        "Nummultirange" => return multirange(SqlType::Numeric),
        "Datemultirange" => return multirange(SqlType::Date),
        "Tsmultirange" => return multirange(SqlType::Timestamp),
        "Tstzmultirange" => return multirange(SqlType::Timestamptz),
        "TinyInt" | "Tinyint" => SqlType::TinyInt,
        "SmallInt" | "Smallint" | "Int2" | "SmallSerial" => SqlType::SmallInt,
        "Integer" | "Int4" | "Serial" => SqlType::Integer,
        "BigInt" | "Bigint" | "Int8" | "BigSerial" => SqlType::BigInt,
        "Float" | "Float4" => SqlType::Float,
        "Double" | "Float8" => SqlType::Double,
        "Numeric" | "Decimal" => SqlType::Numeric,
        "Bool" => SqlType::Bool,
        "Text" | "Tinytext" | "TinyText" | "Mediumtext" | "MediumText" | "Longtext" | "LongText" => SqlType::Text,
        "Varchar" | "VarChar" => SqlType::Varchar,
        "Char" | "Bpchar" => SqlType::Char,
        "CChar" => SqlType::CChar,
        "Citext" => SqlType::Citext,
        "Binary" | "Bytea" | "Blob" | "Tinyblob" | "TinyBlob" | "Mediumblob" | "MediumBlob" | "Longblob" | "LongBlob" | "Varbinary" | "VarBinary" | "Bit" => {
            SqlType::Binary
        }
        "Date" => SqlType::Date,
        "Time" => SqlType::Time,
        "Timestamp" => SqlType::Timestamp,
        "Timestamptz" | "TimestamptzSqlite" => SqlType::Timestamptz,
        "Datetime" => SqlType::Datetime,
        "Interval" => SqlType::Interval,
        "Uuid" => SqlType::Uuid,
        "Json" => SqlType::Json,
        "Jsonb" => SqlType::Jsonb,
        "Inet" => SqlType::Inet,
        "Cidr" => SqlType::Cidr,
        "MacAddr" | "Macaddr" => SqlType::MacAddr,
        "MacAddr8" | "Macaddr8" => SqlType::MacAddr8,
        "Money" => SqlType::Money,
        "Oid" => SqlType::Oid,
        "PgLsn" => SqlType::PgLsn,
        _ => return Err(TypeError { pos: expr.pos, message: format!("unknown SQL type `{expr}`") }),
    };
    no_args(expr, scalar)
}

/// SQL types of the common Diesel extension crates, by Rust name, for models that
/// import them (`diesel_full_text_search::Tsvector`) instead of declaring them:
/// `diesel_full_text_search`, `diesel_ltree`, `postgis_diesel`, `pgvector`,
/// `diesel-citext` (whose `Citext` is Diesel's own) and hstore crates. They are
/// types the database (an extension) owns, never enums: no labels, no
/// `CREATE TYPE`. Any other crate's types are mapped with the `types` config key.
pub fn extension_type(rust_name: &str) -> Option<&'static str> {
    Some(match rust_name {
        "Tsvector" | "TsVector" => "tsvector",
        "Tsquery" | "TsQuery" => "tsquery",
        "Regconfig" | "RegConfig" => "regconfig",
        "Ltree" => "ltree",
        "Lquery" => "lquery",
        "Ltxtquery" => "ltxtquery",
        "Geometry" => "geometry",
        "Geography" => "geography",
        "Vector" => "vector",
        "HalfVector" | "Halfvec" => "halfvec",
        "SparseVector" | "Sparsevec" => "sparsevec",
        "Hstore" | "HStore" => "hstore",
        _ => return None,
    })
}

fn no_args(expr: &TypeExpr, ty: SqlType) -> Result<SqlType, TypeError> {
    if expr.args.is_empty() {
        Ok(ty)
    } else {
        Err(TypeError { pos: expr.pos, message: format!("SQL type `{}` takes no type arguments, found `{expr}`", expr.name()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SqlType::*;

    fn parse(text: &str) -> TypeExpr {
        let ty: syn::TypePath = syn::parse_str(text).unwrap();
        TypeExpr::from_syn(&ty).unwrap()
    }

    fn no_custom(_: &str) -> CustomLookup {
        CustomLookup::None
    }

    fn sql(text: &str) -> (SqlType, bool) {
        resolve(&parse(text), &no_custom).unwrap_or_else(|e| panic!("{text}: {}", e.message))
    }

    fn err(text: &str) -> String {
        resolve(&parse(text), &no_custom).unwrap_err().message
    }

    #[test]
    fn every_diesel_scalar_maps() {
        let cases: &[(&[&str], SqlType)] = &[
            (&["TinyInt", "Tinyint"], TinyInt),
            (&["SmallInt", "Smallint", "Int2", "SmallSerial"], SmallInt),
            (&["Integer", "Int4", "Serial"], Integer),
            (&["BigInt", "Bigint", "Int8", "BigSerial"], BigInt),
            (&["Float", "Float4"], Float),
            (&["Double", "Float8"], Double),
            (&["Numeric", "Decimal"], Numeric),
            (&["Bool"], Bool),
            (&["Text", "Tinytext", "Mediumtext", "Longtext", "LongText"], Text),
            (&["Varchar", "VarChar"], Varchar),
            (&["Char", "Bpchar"], Char),
            (&["CChar"], CChar),
            (&["Citext"], Citext),
            (&["Binary", "Bytea", "Blob", "TinyBlob", "Tinyblob", "MediumBlob", "LongBlob", "Varbinary", "Bit"], Binary),
            (&["Date"], Date),
            (&["Time"], Time),
            (&["Timestamp"], Timestamp),
            (&["Timestamptz", "TimestamptzSqlite"], Timestamptz),
            (&["Datetime"], Datetime),
            (&["Interval"], Interval),
            (&["Uuid"], Uuid),
            (&["Json"], Json),
            (&["Jsonb"], Jsonb),
            (&["Inet"], Inet),
            (&["Cidr"], Cidr),
            (&["MacAddr", "Macaddr"], MacAddr),
            (&["MacAddr8", "Macaddr8"], MacAddr8),
            (&["Money"], Money),
            (&["Oid"], Oid),
            (&["PgLsn"], PgLsn),
        ];
        for (names, expected) in cases {
            for name in *names {
                assert_eq!(sql(name), (expected.clone(), false), "{name}");
            }
        }
    }

    #[test]
    fn wrappers_and_paths() {
        let b = |t| Box::new(t);
        assert_eq!(sql("Nullable<Int4>"), (Integer, true));
        assert_eq!(sql("diesel::sql_types::Integer"), (Integer, false));
        assert_eq!(sql("sql_types::Text"), (Text, false));
        assert_eq!(sql("diesel::pg::sql_types::Uuid"), (Uuid, false));
        assert_eq!(sql("diesel::mysql::sql_types::Unsigned<diesel::sql_types::BigInt>"), (Unsigned(b(BigInt)), false));
        assert_eq!(sql("Nullable<Unsigned<TinyInt>>"), (Unsigned(b(TinyInt)), true));
        assert_eq!(sql("Array<Nullable<Text>>"), (Array(b(Text)), false));
        assert_eq!(sql("Nullable<Array<Array<Int4>>>"), (Array(b(Array(b(Integer)))), true));
        assert_eq!(sql("Range<Int8>"), (Range(b(BigInt)), false));
        assert_eq!(sql("Tstzrange"), (Range(b(Timestamptz)), false));
        assert_eq!(sql("Int4range"), (Range(b(Integer)), false));
        assert_eq!(sql("Datemultirange"), (Multirange(b(Date)), false));
        assert_eq!(sql("Multirange<Numeric>"), (Multirange(b(Numeric)), false));
    }

    #[test]
    fn custom_types_resolve_unless_diesel_qualified() {
        let custom = |name: &str| match name {
            "Mood" => CustomLookup::Found("mood".into()),
            "Text" => CustomLookup::Found("my_text".into()),
            "Twice" => CustomLookup::Ambiguous(vec!["a.twice".into(), "b.twice".into()]),
            _ => CustomLookup::None,
        };
        let go = |t: &str| resolve(&parse(t), &custom);
        assert_eq!(go("super::sql_types::Mood").unwrap(), (Custom { name: "mood".into() }, false));
        assert_eq!(go("Nullable<Array<Mood>>").unwrap(), (Array(Box::new(Custom { name: "mood".into() })), true));
        assert_eq!(go("Text").unwrap().0, Custom { name: "my_text".into() });
        assert_eq!(go("diesel::sql_types::Text").unwrap().0, Text);
        assert_eq!(go("Twice").unwrap_err().message, "SQL type `Twice` is ambiguous: custom types a.twice, b.twice share that Rust name");
    }

    #[test]
    fn bad_types_are_named() {
        assert_eq!(err("Strng"), "unknown SQL type `Strng`");
        assert_eq!(err("Nullable<sql_types::Moood>"), "unknown SQL type `sql_types::Moood`");
        assert_eq!(err("Nullable"), "`Nullable` takes exactly one SQL type argument, found `Nullable`");
        assert_eq!(err("Array<Int4, Int8>"), "`Array` takes exactly one SQL type argument, found `Array<Int4, Int8>`");
        assert_eq!(err("Text<Int4>"), "SQL type `Text` takes no type arguments, found `Text<Int4>`");
        assert_eq!(err("Tsrange<Int4>"), "SQL type `Tsrange` takes no type arguments, found `Tsrange<Int4>`");
    }

    #[test]
    fn positions_point_at_the_type() {
        let e = resolve(&parse("Nullable<\n  Strng>"), &no_custom).unwrap_err();
        assert_eq!((e.pos.line, e.pos.col), (2, 3));
    }
}
