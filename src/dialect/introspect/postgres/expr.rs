//! One canonical spelling of a PostgreSQL default or check expression, so that the
//! models' text and what the server prints back (`pg_get_expr`, with casts and
//! parentheses of its own) compare equal: the expression's tokens from the SQL
//! lexer, and a few rewrites run to a fixed point.
//!
//! Apart from the catalog reading in [`super`] because it is a rewriter of its own
//! that needs no database.

use crate::backend::Backend;
use crate::dialect::lexer::{self, Lexeme, LexemeKind};

/// What the rewrites work on: the [`lexer`]'s tokens of the expression, owned, with
/// what the lexer leaves apart joined (a number, a run of operator characters).
#[derive(Debug, Clone, PartialEq)]
enum Term {
    /// Lower-cased unquoted word (keyword or identifier).
    Word(String),
    /// A double-quoted identifier that needs its quotes, with them.
    Quoted(String),
    /// A string literal with its quotes.
    Str(String),
    Num(String),
    Op(String),
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    Other(char),
}

/// Characters PostgreSQL runs together into one operator (`>=`, `::`, `!~~*`).
const OPERATOR_CHARS: &[u8] = b"+-*/<>=~!@#%^&|?:";

fn terms(s: &str) -> Vec<Term> {
    let lexemes: Vec<Lexeme<'_>> = lexer::tokens(s, Backend::Postgres).collect();
    let touches = |k: usize| lexemes.get(k + 1).filter(|next| next.offset == lexemes[k].end());
    let digit_word = |l: &Lexeme<'_>| l.kind == LexemeKind::Word && l.text.as_bytes()[0].is_ascii_digit();
    let mut out = Vec::new();
    let mut k = 0;
    while k < lexemes.len() {
        let l = lexemes[k];
        let (start, mut last) = (l.offset, k);
        let term = match l.kind {
            LexemeKind::String | LexemeKind::DollarBody | LexemeKind::Executable => Term::Str(l.text.to_string()),
            LexemeKind::QuotedIdent => {
                let name = l.ident().unwrap_or_default();
                if crate::dialect::postgres::ident(&name) == name {
                    Term::Word(name)
                } else {
                    Term::Quoted(l.text.to_string())
                }
            }
            // A number: digits, a `.`, an exponent and its sign (`1.5e-3`, `.5`).
            _ if digit_word(&l) || (l.kind == LexemeKind::Punct(b'.') && touches(k).is_some_and(digit_word)) => {
                while let Some(next) = touches(last) {
                    let exponent_sign = matches!(next.kind, LexemeKind::Punct(b'+' | b'-')) && lexemes[last].text.ends_with(['e', 'E']);
                    let part = next.kind == LexemeKind::Punct(b'.') || (next.kind == LexemeKind::Word && next.text.bytes().all(|b| b.is_ascii_alphanumeric()));
                    if !(part || exponent_sign) {
                        break;
                    }
                    last += 1;
                }
                Term::Num(s[start..lexemes[last].end()].to_string())
            }
            LexemeKind::Word => Term::Word(l.text.to_lowercase()),
            LexemeKind::Punct(c) if OPERATOR_CHARS.contains(&c) => {
                while touches(last).is_some_and(|next| matches!(next.kind, LexemeKind::Punct(c) if OPERATOR_CHARS.contains(&c))) {
                    last += 1;
                }
                let op = &s[start..lexemes[last].end()];
                // `::` inside a run (`x::text`) stays its own token.
                if let Some(rest) = op.strip_prefix("::").filter(|rest| !rest.is_empty()) {
                    out.push(Term::Op("::".into()));
                    Term::Op(rest.into())
                } else {
                    Term::Op(op.into())
                }
            }
            LexemeKind::Punct(b'(') => Term::Open,
            LexemeKind::Punct(b')') => Term::Close,
            LexemeKind::Punct(b'[') => Term::OpenBracket,
            LexemeKind::Punct(b']') => Term::CloseBracket,
            LexemeKind::Punct(b',') => Term::Comma,
            LexemeKind::Punct(b'.') => Term::Dot,
            LexemeKind::Punct(c) => Term::Other(char::from(c)),
            LexemeKind::Delimiter => Term::Other(';'),
        };
        out.push(term);
        k = last + 1;
    }
    // A minus right after an operator or at the start of a group is the number's sign.
    let mut merged: Vec<Term> = Vec::new();
    let mut it = out.into_iter().peekable();
    while let Some(t) = it.next() {
        if t == Term::Op("-".into()) && matches!(it.peek(), Some(Term::Num(_))) && starts_operand(merged.last()) {
            if let Some(Term::Num(n)) = it.next() {
                merged.push(Term::Num(format!("-{n}")));
            }
            continue;
        }
        merged.push(t);
    }
    merged
}

/// Whether an operand may start after `prev`.
fn starts_operand(prev: Option<&Term>) -> bool {
    match prev {
        None | Some(Term::Open | Term::Comma | Term::OpenBracket | Term::Op(_)) => true,
        Some(Term::Word(w)) => OPERATOR_WORDS.contains(&w.as_str()),
        _ => false,
    }
}

const OPERATOR_WORDS: &[&str] = &["and", "or", "not", "is", "like", "ilike", "similar", "between", "when", "then", "else", "case", "in"];
const NUMERIC_TYPES: &[&str] = &["smallint", "integer", "bigint", "numeric", "real", "double", "int2", "int4", "int8", "float4", "float8", "decimal"];
const TYPE_WORDS: &[&str] = &["varying", "precision", "without", "with", "time", "zone"];
const TYPED_LITERALS: &[&str] =
    &["interval", "date", "timestamp", "timestamptz", "time", "uuid", "json", "jsonb", "text", "boolean", "numeric", "inet", "cidr"];
const UPPER: &[&str] = &[
    "and",
    "or",
    "not",
    "is",
    "null",
    "in",
    "any",
    "all",
    "array",
    "like",
    "ilike",
    "similar",
    "to",
    "between",
    "current_timestamp",
    "current_date",
    "current_time",
    "localtimestamp",
    "localtime",
    "true",
    "false",
    "case",
    "when",
    "then",
    "else",
    "end",
    "distinct",
    "from",
    "exists",
];

/// One canonical spelling of a default or check expression, valid SQL: casts the
/// server adds after literals and parenthesised groups dropped (a number cast to a
/// numeric type unquoted), parentheses that precedence makes redundant removed,
/// `now()` as `CURRENT_TIMESTAMP`, `~~` as `LIKE`, `= ANY (ARRAY[…])` as `IN (…)`,
/// `BETWEEN` spelled out, keywords upper case, other words lower case, one spacing.
pub fn normalize_expr(expr: &str) -> String {
    let mut toks = terms(expr);
    for _ in 0..20 {
        let before = toks.clone();
        toks = strip_casts(toks);
        toks = fold_words(toks);
        toks = fold_between(toks);
        toks = strip_parens(toks);
        toks = fold_any_array(toks);
        if toks == before {
            break;
        }
    }
    join(&toks)
}

fn strip_casts(toks: Vec<Term>) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let castable = matches!(out.last(), Some(Term::Str(_) | Term::Num(_) | Term::Close | Term::Word(_) | Term::Quoted(_)));
        if toks[i] == Term::Op("::".into()) && castable {
            let mut j = i + 1;
            let mut type_words = Vec::new();
            // name [. name] [words…] [(n[, m])] [[]…]
            let mut after_dot = false;
            while let Some(Term::Word(w) | Term::Quoted(w)) = toks.get(j) {
                if !type_words.is_empty() && !after_dot && !TYPE_WORDS.contains(&w.as_str()) {
                    break;
                }
                type_words.push(w.clone());
                j += 1;
                after_dot = toks.get(j) == Some(&Term::Dot);
                if after_dot {
                    j += 1;
                }
            }
            if toks.get(j) == Some(&Term::Open) {
                let close = matching(&toks, j).unwrap_or(j);
                j = close + 1;
            }
            while toks.get(j) == Some(&Term::OpenBracket) && toks.get(j + 1) == Some(&Term::CloseBracket) {
                j += 2;
            }
            if type_words.is_empty() {
                out.push(toks[i].clone());
                i += 1;
                continue;
            }
            if NUMERIC_TYPES.contains(&type_words[0].as_str()) {
                if let Some(Term::Str(s)) = out.last() {
                    let inner = &s[1..s.len() - 1];
                    if !inner.is_empty() && inner.parse::<f64>().is_ok() && !inner.contains(|c: char| c.is_alphabetic()) {
                        let n = inner.to_string();
                        out.pop();
                        out.push(Term::Num(n));
                    }
                }
            }
            i = j;
            continue;
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// Index of the `)` (or `]`) closing the group opened at `open`.
fn matching(toks: &[Term], open: usize) -> Option<usize> {
    let (o, c) = if toks[open] == Term::OpenBracket { (Term::OpenBracket, Term::CloseBracket) } else { (Term::Open, Term::Close) };
    let mut depth = 0;
    for (k, t) in toks.iter().enumerate().skip(open) {
        if *t == o {
            depth += 1;
        } else if *t == c {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

fn fold_words(toks: Vec<Term>) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t {
            Term::Word(w) if (w == "now" || w == "transaction_timestamp") && toks.get(i + 1) == Some(&Term::Open) && toks.get(i + 2) == Some(&Term::Close) => {
                out.push(Term::Word("current_timestamp".into()));
                i += 3;
                continue;
            }
            // `interval '1 day'` is stored as `'1 day'::interval`.
            Term::Word(w)
                if TYPED_LITERALS.contains(&w.as_str())
                    && matches!(toks.get(i + 1), Some(Term::Str(_)))
                    && !matches!(out.last(), Some(Term::Op(o)) if o == "::") =>
            {
                i += 1;
                continue;
            }
            Term::Op(o) if o == "!=" => out.push(Term::Op("<>".into())),
            Term::Op(o) if o == "~~" => out.push(Term::Word("like".into())),
            Term::Op(o) if o == "~~*" => out.push(Term::Word("ilike".into())),
            Term::Op(o) if o == "!~~" => out.extend([Term::Word("not".into()), Term::Word("like".into())]),
            Term::Op(o) if o == "!~~*" => out.extend([Term::Word("not".into()), Term::Word("ilike".into())]),
            _ => out.push(t.clone()),
        }
        i += 1;
    }
    out
}

/// `x BETWEEN a AND b` (single-token operands) as `(x >= a AND x <= b)`, as PostgreSQL stores it.
fn fold_between(toks: Vec<Term>) -> Vec<Term> {
    let atom = |t: Option<&Term>| matches!(t, Some(Term::Word(_) | Term::Quoted(_) | Term::Num(_) | Term::Str(_)));
    for i in 1..toks.len() {
        if toks[i] == Term::Word("between".into())
            && atom(toks.get(i - 1))
            && atom(toks.get(i + 1))
            && toks.get(i + 2) == Some(&Term::Word("and".into()))
            && atom(toks.get(i + 3))
            && !matches!(toks.get(i - 1), Some(Term::Word(w)) if OPERATOR_WORDS.contains(&w.as_str()))
        {
            let x = toks[i - 1].clone();
            let mut out = toks[..i - 1].to_vec();
            out.extend([Term::Open, x.clone(), Term::Op(">=".into()), toks[i + 1].clone(), Term::Word("and".into())]);
            out.extend([x, Term::Op("<=".into()), toks[i + 3].clone(), Term::Close]);
            out.extend_from_slice(&toks[i + 4..]);
            return out;
        }
    }
    toks
}

/// `x = ANY (ARRAY[a, b])` as `x IN (a, b)`, `x <> ALL (ARRAY[…])` as `x NOT IN (…)`.
fn fold_any_array(toks: Vec<Term>) -> Vec<Term> {
    for i in 0..toks.len() {
        let (Term::Op(op), Some(Term::Word(q))) = (&toks[i], toks.get(i + 1)) else { continue };
        let negated = match (op.as_str(), q.as_str()) {
            ("=", "any") => false,
            ("<>", "all") => true,
            _ => continue,
        };
        if toks.get(i + 2) != Some(&Term::Open) || toks.get(i + 3) != Some(&Term::Word("array".into())) || toks.get(i + 4) != Some(&Term::OpenBracket) {
            continue;
        }
        let (Some(cb), Some(cp)) = (matching(&toks, i + 4), matching(&toks, i + 2)) else { continue };
        if cp != cb + 1 {
            continue;
        }
        let mut out = toks[..i].to_vec();
        if negated {
            out.push(Term::Word("not".into()));
        }
        out.extend([Term::Word("in".into()), Term::Open]);
        out.extend_from_slice(&toks[i + 5..cb]);
        out.push(Term::Close);
        out.extend_from_slice(&toks[cp + 1..]);
        return out;
    }
    toks
}

/// Binding strength of an operator token (PostgreSQL's precedence table); 0 for
/// anything that is not a binary operator.
fn precedence(t: &Term) -> u8 {
    match t {
        Term::Word(w) => match w.as_str() {
            "or" => 1,
            "and" => 2,
            "not" => 3,
            "is" | "isnull" | "notnull" => 4,
            "in" | "like" | "ilike" | "similar" | "between" => 6,
            _ => 0,
        },
        Term::Op(o) => match o.as_str() {
            "=" | "<" | ">" | "<=" | ">=" | "<>" => 5,
            "+" | "-" => 8,
            "*" | "/" | "%" => 9,
            "^" => 10,
            "::" => 12,
            _ => 7,
        },
        _ => 0,
    }
}

/// Whether `(` after `prev` is a call's or a list's, not a grouping.
fn call_paren(prev: Option<&Term>) -> bool {
    match prev {
        Some(Term::Word(w)) => !OPERATOR_WORDS.contains(&w.as_str()) || w == "in",
        Some(Term::Quoted(_) | Term::CloseBracket) => true,
        _ => false,
    }
}

fn strip_parens(mut toks: Vec<Term>) -> Vec<Term> {
    'again: loop {
        for i in 0..toks.len() {
            if toks[i] != Term::Open || call_paren(i.checked_sub(1).map(|p| &toks[p])) {
                continue;
            }
            let Some(j) = matching(&toks, i) else { return toks };
            if j == i + 1 {
                continue;
            }
            // Weakest operator at the group's top level, and whether it is a row (a, b).
            let (mut depth, mut inner, mut row) = (0, u8::MAX, false);
            for t in &toks[i + 1..j] {
                match t {
                    Term::Open | Term::OpenBracket => depth += 1,
                    Term::Close | Term::CloseBracket => depth -= 1,
                    Term::Comma if depth == 0 => row = true,
                    _ if depth == 0 && precedence(t) > 0 => inner = inner.min(precedence(t)),
                    _ => {}
                }
            }
            let left = i.checked_sub(1).map_or(0, |p| precedence(&toks[p]));
            let right = toks.get(j + 1).map_or(0, precedence);
            if !row && inner > left.max(right) {
                toks.remove(j);
                toks.remove(i);
                continue 'again;
            }
        }
        return toks;
    }
}

fn join(toks: &[Term]) -> String {
    let mut s = String::new();
    for (k, t) in toks.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| &toks[p]);
        let text = match t {
            Term::Word(w) if UPPER.contains(&w.as_str()) => w.to_uppercase(),
            Term::Word(w) | Term::Quoted(w) | Term::Str(w) | Term::Num(w) | Term::Op(w) => w.clone(),
            Term::Open => "(".into(),
            Term::Close => ")".into(),
            Term::OpenBracket => "[".into(),
            Term::CloseBracket => "]".into(),
            Term::Comma => ",".into(),
            Term::Dot => ".".into(),
            Term::Other(c) => c.to_string(),
        };
        let tight = match (prev, t) {
            (None, _) => true,
            (Some(Term::Open | Term::OpenBracket | Term::Dot), _) => true,
            (Some(Term::Op(o)), _) | (_, Term::Op(o)) if o == "::" => true,
            (_, Term::Close | Term::CloseBracket | Term::Comma | Term::Dot) => true,
            (Some(Term::Word(w)), Term::Open) => !UPPER.contains(&w.as_str()),
            (Some(Term::Quoted(_)), Term::Open) => true,
            (Some(Term::Close | Term::CloseBracket | Term::Word(_) | Term::Quoted(_)), Term::OpenBracket) => true,
            _ => false,
        };
        if !tight {
            s.push(' ');
        }
        s.push_str(&text);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_rewrites_normalise_like_the_models() {
        let pairs = [
            ("'active'::character varying", "'active'"),
            ("'-1'::integer", "-1"),
            ("now()", "CURRENT_TIMESTAMP"),
            ("CURRENT_TIMESTAMP", "current_timestamp"),
            ("'1 day'::interval", "interval '1 day'"),
            ("'{}'::text[]", "'{}'"),
            ("(likes >= 0)", "likes >= 0"),
            ("((likes >= 0) AND (likes < 100))", "likes >= 0 and likes < 100"),
            ("(char_length(handle) > 2)", "char_length(handle)>2"),
            ("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "status IN ('a', 'b')"),
            ("((status)::text <> ALL ((ARRAY['a'::character varying])::text[]))", "status NOT IN ('a')"),
            ("((n >= 1) AND (n <= 5))", "n BETWEEN 1 AND 5"),
            ("((name)::text ~~ 'a%'::text)", "name LIKE 'a%'"),
            ("(a <> b)", "a != b"),
            ("(\"Kind\" IS NOT NULL)", "\"Kind\" is not null"),
            ("((a > 0) OR (b > 0))", "a > 0 OR b > 0"),
        ];
        for (server, model) in pairs {
            assert_eq!(normalize_expr(server), normalize_expr(model), "{server} vs {model}");
        }
        assert_eq!(normalize_expr("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"), "status IN ('a', 'b')");
        assert_eq!(normalize_expr("(char_length(handle) > 2)"), "char_length(handle) > 2");
        assert_eq!(normalize_expr("\"quoted\" = 1"), "quoted = 1");
    }

    #[test]
    fn normalising_keeps_real_differences() {
        let differ = [
            ("(a OR b) AND c", "a OR (b AND c)"),
            ("(a + b) * c", "a + b * c"),
            ("a - (b - c)", "a - b - c"),
            ("'007'::text", "7"),
            ("NOT (a AND b)", "NOT a AND b"),
            ("x > 1", "x > 2"),
            ("'A'", "'a'"),
            ("\"Kind\" = 1", "kind = 1"),
        ];
        for (a, b) in differ {
            assert_ne!(normalize_expr(a), normalize_expr(b), "{a} vs {b}");
        }
    }

    /// The terms come from the one SQL lexer: what it keeps apart is joined again
    /// (numbers, operator runs), and what it skips (comments) never reaches a rewrite.
    #[test]
    fn terms_join_numbers_and_operators_from_the_lexer() {
        assert_eq!(
            terms("x>=1.5e-3 AND y::text<>.5 -- a note\n"),
            [
                Term::Word("x".into()),
                Term::Op(">=".into()),
                Term::Num("1.5e-3".into()),
                Term::Word("and".into()),
                Term::Word("y".into()),
                Term::Op("::".into()),
                Term::Word("text".into()),
                Term::Op("<>".into()),
                Term::Num(".5".into()),
            ]
        );
        assert_eq!(terms("t.\"A\" = -2"), [Term::Word("t".into()), Term::Dot, Term::Quoted("\"A\"".into()), Term::Op("=".into()), Term::Num("-2".into())]);
        assert_eq!(normalize_expr("a /* why */ > 0"), normalize_expr("a > 0"));
    }

    #[test]
    fn normalising_is_idempotent() {
        for e in [
            "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
            "(a OR b) AND NOT (c = -1)",
            "CASE WHEN (a > 0) THEN 1 ELSE 2 END",
            "ARRAY[]::text[]",
            "tags[1] = 'x'",
            "'2020-01-01'::date + 1",
        ] {
            let once = normalize_expr(e);
            assert_eq!(normalize_expr(&once), once, "{e}");
        }
        // A cast the value needs stays.
        assert_eq!(normalize_expr("ARRAY[]::text[]"), "ARRAY[]::text[]");
    }
}
