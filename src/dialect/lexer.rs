//! Splits a migration file (`up.sql` / `down.sql`) into individual statements.
//!
//! The runner executes one statement at a time so that (a) an error can name the failing
//! statement and its line in the file, and (b) a migration that opts out of transactions really
//! runs statement by statement (PostgreSQL runs a multi-statement query string as one implicit
//! transaction, which breaks `CREATE INDEX CONCURRENTLY`).
//!
//! This is a small hand-written lexer ([`Scanner`]), not a parser. It knows each dialect's
//! *lexical* rules exactly (strings, quoted identifiers, comments, dollar quotes) and finds
//! trigger/routine bodies with the same kind of keyword heuristics the dialects' own command-line
//! clients use (`psql`, `sqlite3_complete`, the `mysql` client), so it never splits inside a
//! string, identifier, comment, dollar-quoted body or `BEGIN … END` body.

use std::mem;

/// Which database's lexical rules apply: the one [`Backend`] enum of the crate.
pub use crate::backend::Backend;

/// One statement of a migration file, borrowed from the file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement<'a> {
    /// The statement text, trimmed of surrounding whitespace, WITHOUT the terminating delimiter;
    /// leading comments directly before the statement are excluded (start at the first token),
    /// and so are comments between its last token and the delimiter.
    pub sql: &'a str,
    /// 1-based line (in the whole input) of the statement's first token.
    pub line: usize,
    /// Byte offset of the statement's first token in the input.
    pub offset: usize,
}

/// Splits `sql` into statements. Comment-only or empty pieces are dropped.
///
/// Never fails: an unterminated construct simply runs to the end of the input (and becomes part
/// of the last statement); call [`validate`] first to refuse such a file.
pub fn split(sql: &str, dialect: Backend) -> Vec<Statement<'_>> {
    Splitter::new(sql, dialect).run().0
}

/// What a statement does to the session's transaction, read from its leading keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxControl {
    /// `BEGIN`, `START TRANSACTION`, `BEGIN TRANSACTION`…
    Begin,
    /// `COMMIT` / `END`: what ran since the `BEGIN` is kept.
    Commit,
    /// `ROLLBACK` (not `ROLLBACK TO` a savepoint): what ran since the `BEGIN` is undone.
    Rollback,
}

fn leading_words(sql: &str, n: usize) -> Vec<String> {
    sql.split(|c: char| c.is_whitespace() || c == ';' || c == '(' || c == '=').filter(|w| !w.is_empty()).take(n).map(|w| w.to_ascii_uppercase()).collect()
}

/// Whether a statement (as [`split`] returns it: first token first) opens or ends a
/// transaction. A migration that runs outside our transaction (`run_in_transaction =
/// false`) may manage its own, as the SQLite table rebuild does; when it then fails,
/// what its own transaction covered is undone, and the report must say so.
pub fn tx_control(statement: &str) -> Option<TxControl> {
    let w = leading_words(statement, 2);
    match (w.first().map(String::as_str), w.get(1).map(String::as_str)) {
        (Some("BEGIN"), _) => Some(TxControl::Begin),
        (Some("START"), Some("TRANSACTION")) => Some(TxControl::Begin),
        (Some("COMMIT" | "END"), _) => Some(TxControl::Commit),
        (Some("ROLLBACK"), Some("TO")) => None,
        (Some("ROLLBACK"), _) => Some(TxControl::Rollback),
        _ => None,
    }
}

/// Whether a statement changes only the session, never what the database stores:
/// transaction control, `PRAGMA foreign_keys`, a session `SET`. When only such
/// statements completed before a failure, nothing of the migration stayed.
pub fn session_only(statement: &str) -> bool {
    if tx_control(statement).is_some() {
        return true;
    }
    let w = leading_words(statement, 2);
    match (w.first().map(String::as_str), w.get(1).map(String::as_str)) {
        (Some("PRAGMA"), Some("FOREIGN_KEYS" | "DEFER_FOREIGN_KEYS")) => true,
        (Some("SET"), Some(second)) => !matches!(second, "GLOBAL" | "PERSIST" | "PERSIST_ONLY"),
        _ => false,
    }
}

/// Whether PostgreSQL undoes all of `statement` when it fails outside a transaction
/// block: it runs as a transaction of its own, except commands that commit part-way
/// (`… CONCURRENTLY`, and `CALL`/`DO`, whose bodies may `COMMIT`).
pub fn atomic_on_postgres(statement: &str) -> bool {
    let mut words = tokens(statement, Backend::Postgres).filter(|t| t.kind == LexemeKind::Word);
    match words.next() {
        Some(first) if first.is_keyword("CALL") || first.is_keyword("DO") => false,
        Some(_) => !words.any(|w| w.is_keyword("CONCURRENTLY")),
        None => true,
    }
}

/// An error-free check used before running: returns Err(description with 1-based line) for an
/// unterminated string / quoted identifier / block comment / dollar quote, so the runner can
/// refuse a broken file before executing any of it.
pub fn validate(sql: &str, dialect: Backend) -> Result<(), String> {
    match Splitter::new(sql, dialect).run().1 {
        None => Ok(()),
        Some(error) => Err(error),
    }
}

/// What a [`Lexeme`] is, for code that reads SQL rather than splitting it (lint,
/// introspection of stored definitions). Whitespace and ordinary comments are never lexemes,
/// so nothing inside a string, a comment or a `$$` body can look like a keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexemeKind {
    /// Keyword, unquoted identifier or number.
    Word,
    /// A string literal (`'…'`, PostgreSQL `E'…'`, MySQL `"…"`).
    String,
    /// A quoted identifier (`"…"`, `` `…` ``, SQLite `[…]`).
    QuotedIdent,
    /// A PostgreSQL dollar-quoted body (`$$ … $$`, `$fn$ … $fn$`).
    DollarBody,
    /// A MySQL executable comment (`/*! … */`), which the server runs.
    Executable,
    /// Any other single ASCII byte, e.g. `(`, `,`, `.`.
    Punct(u8),
    /// The statement delimiter `;`.
    Delimiter,
}

/// One token of SQL text, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexeme<'a> {
    pub kind: LexemeKind,
    /// The token's text as written, quotes included.
    pub text: &'a str,
    /// Byte offset of the token in the lexed text.
    pub offset: usize,
}

impl Lexeme<'_> {
    /// Byte offset just past the token: the next token touches this one when it starts here
    /// (`>=` is two touching `Punct`s, `1.5` a `Word`, a `Punct` and a `Word`).
    pub fn end(&self) -> usize {
        self.offset + self.text.len()
    }

    /// Whether this is the unquoted word `keyword` (ASCII case-insensitive).
    pub fn is_keyword(&self, keyword: &str) -> bool {
        self.kind == LexemeKind::Word && self.text.eq_ignore_ascii_case(keyword)
    }

    /// The name this token stands for when it is an identifier: an unquoted word as written,
    /// a quoted identifier without its quotes and with doubled quotes undone.
    pub fn ident(&self) -> Option<String> {
        match self.kind {
            LexemeKind::Word => Some(self.text.to_string()),
            LexemeKind::QuotedIdent if self.text.starts_with('[') => Some(self.text[1..].trim_end_matches(']').to_string()),
            LexemeKind::QuotedIdent => {
                let quote = &self.text[..1];
                let inner = self.text[1..].strip_suffix(quote).unwrap_or(&self.text[1..]);
                Some(inner.replace(&quote.repeat(2), quote))
            }
            _ => None,
        }
    }
}

/// The tokens of `sql` (one statement or many) under `dialect`'s lexical rules. Never fails:
/// an unterminated construct runs to the end of the input, as in [`split`].
pub fn tokens(sql: &str, dialect: Backend) -> impl Iterator<Item = Lexeme<'_>> {
    let mut scanner = Scanner::new(sql, dialect);
    std::iter::from_fn(move || {
        let token = scanner.next_token()?;
        let text = &sql[token.start..token.end];
        let kind = match token.kind {
            Kind::Word => LexemeKind::Word,
            Kind::Punct(c) => LexemeKind::Punct(c),
            Kind::Delimiter => LexemeKind::Delimiter,
            Kind::Literal => match text.as_bytes()[0] {
                b'/' => LexemeKind::Executable,
                b'$' => LexemeKind::DollarBody,
                b'`' | b'[' => LexemeKind::QuotedIdent,
                b'"' if dialect != Backend::Mysql => LexemeKind::QuotedIdent,
                _ => LexemeKind::String,
            },
        };
        Some(Lexeme { kind, text, offset: token.start })
    })
}

/// Whether `sql` is one parenthesised group: its first token is a `(` that closes at its
/// last token (`(a) AND (b)` is not; a `)` inside a string or comment does not count).
pub fn is_wrapped(sql: &str, dialect: Backend) -> bool {
    let mut depth = 0usize;
    let mut lexemes = tokens(sql, dialect).peekable();
    if lexemes.peek().map(|t| t.kind) != Some(LexemeKind::Punct(b'(')) {
        return false;
    }
    while let Some(t) = lexemes.next() {
        match t.kind {
            LexemeKind::Punct(b'(') => depth += 1,
            LexemeKind::Punct(b')') => {
                depth -= 1;
                if depth == 0 {
                    return lexemes.peek().is_none();
                }
            }
            _ => {}
        }
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

/// What a [`Token`] is. Whitespace and comments are not tokens: they never start or end a
/// statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Keyword, unquoted identifier or number.
    Word,
    /// Opaque text: a string, quoted identifier, dollar-quoted body, or a MySQL executable
    /// comment (`/*! … */`, which the server runs, so it must not be dropped as a comment).
    Literal,
    /// Any other single (ASCII) byte, e.g. `(`, `,`, or a `;` inside a body.
    Punct(u8),
    /// The statement delimiter: `;`, or the MySQL client's custom `DELIMITER`.
    Delimiter,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
}

/// A lexer over the input's bytes. Every token starts and ends on a UTF-8 character boundary:
/// the lexer only ever stops at ASCII bytes, and treats every non-ASCII byte as part of a word,
/// so slicing the input at token boundaries can't panic.
///
/// It is `Clone` so the splitter can look ahead a few tokens on a copy.
#[derive(Clone)]
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    dialect: Backend,
    /// The MySQL client's custom delimiter (`DELIMITER $$`); `None` means `;`.
    delimiter: Option<&'a [u8]>,
    /// The first unterminated construct: its opening offset and what it is.
    error: Option<(usize, &'static str)>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, dialect: Backend) -> Self {
        // Editors on Windows like to save a BOM; it is not SQL. Offsets stay input-relative.
        let pos = if src.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Scanner { bytes: src.as_bytes(), pos, dialect, delimiter: None, error: None }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn at_custom_delimiter(&self) -> bool {
        match (self.delimiter, self.bytes.get(self.pos..)) {
            (Some(d), Some(rest)) => rest.starts_with(d),
            _ => false,
        }
    }

    fn fail(&mut self, offset: usize, what: &'static str) {
        if self.error.is_none() {
            self.error = Some((offset, what));
        }
    }

    /// The next token, skipping whitespace and comments; `None` at the end of the input.
    fn next_token(&mut self) -> Option<Token> {
        let mysql = self.dialect == Backend::Mysql;
        loop {
            while matches!(self.peek(0), Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) {
                self.pos += 1;
            }
            let start = self.pos;
            let c = self.peek(0)?;
            // The mysql client looks for its delimiter everywhere outside quotes and comments.
            if let Some(d) = self.delimiter.filter(|_| self.at_custom_delimiter()) {
                self.pos += d.len();
                return Some(Token { kind: Kind::Delimiter, start, end: self.pos });
            }
            let kind = match c {
                b';' if self.delimiter.is_none() => {
                    self.pos += 1;
                    Kind::Delimiter
                }
                // MySQL only treats `--` as a comment when followed by whitespace/control
                // (`5--2` is 5 minus -2 there).
                b'-' if self.peek(1) == Some(b'-') && (!mysql || self.peek(2).is_none_or(|c| c <= b' ')) => {
                    self.skip_line();
                    continue;
                }
                b'#' if mysql => {
                    self.skip_line();
                    continue;
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    let executable = mysql && (self.peek(2) == Some(b'!') || (self.peek(2) == Some(b'M') && self.peek(3) == Some(b'!')));
                    self.block_comment();
                    if !executable {
                        continue;
                    }
                    Kind::Literal
                }
                b'\'' => {
                    // Backslash escapes: MySQL always; PostgreSQL only in E'…' (see `word`).
                    self.quoted(b'\'', mysql, "string literal");
                    Kind::Literal
                }
                b'"' if mysql => {
                    self.quoted(b'"', true, "string literal");
                    Kind::Literal
                }
                b'"' => {
                    self.quoted(b'"', false, "quoted identifier");
                    Kind::Literal
                }
                b'`' if self.dialect != Backend::Postgres => {
                    self.quoted(b'`', false, "quoted identifier");
                    Kind::Literal
                }
                b'[' if self.dialect == Backend::Sqlite => {
                    self.bracketed();
                    Kind::Literal
                }
                b'$' if self.dialect == Backend::Postgres && self.dollar_quote() => Kind::Literal,
                c if is_word_start(c) => self.word(),
                c => {
                    self.pos += 1;
                    Kind::Punct(c)
                }
            };
            return Some(Token { kind, start, end: self.pos });
        }
    }

    /// `-- …` / `# …` comments run to the end of the line.
    fn skip_line(&mut self) {
        self.pos = match self.bytes[self.pos..].iter().position(|&c| c == b'\n') {
            Some(i) => self.pos + i + 1,
            None => self.bytes.len(),
        };
    }

    /// `/* … */`; PostgreSQL nests them, the others end at the first `*/`.
    fn block_comment(&mut self) {
        let open = self.pos;
        let nests = self.dialect == Backend::Postgres;
        let (mut i, mut depth) = (open + 2, 1usize);
        while i + 1 < self.bytes.len() {
            match (self.bytes[i], self.bytes[i + 1]) {
                (b'*', b'/') => {
                    i += 2;
                    depth -= 1;
                    if depth == 0 {
                        self.pos = i;
                        return;
                    }
                }
                (b'/', b'*') if nests => {
                    i += 2;
                    depth += 1;
                }
                _ => i += 1,
            }
        }
        self.pos = self.bytes.len();
        self.fail(open, "block comment");
    }

    /// A quoted string or identifier at `self.pos`; a doubled quote is an escaped quote, and
    /// with `backslash` so is `\` followed by anything.
    fn quoted(&mut self, quote: u8, backslash: bool, what: &'static str) {
        let open = self.pos;
        let mut i = open + 1;
        while let Some(&c) = self.bytes.get(i) {
            i += 1;
            if c == b'\\' && backslash {
                i += 1; // may land inside a multi-byte char: harmless, only ASCII is compared
            } else if c == quote {
                if self.bytes.get(i) != Some(&quote) {
                    self.pos = i;
                    return;
                }
                i += 1;
            }
        }
        self.pos = self.bytes.len();
        self.fail(open, what);
    }

    /// SQLite's `[identifier]` (no escapes).
    fn bracketed(&mut self) {
        let open = self.pos;
        match self.bytes[open..].iter().position(|&c| c == b']') {
            Some(i) => self.pos = open + i + 1,
            None => {
                self.pos = self.bytes.len();
                self.fail(open, "bracketed identifier");
            }
        }
    }

    /// A PostgreSQL dollar quote `$tag$ … $tag$` at `self.pos`. Returns false (consuming
    /// nothing) when the `$` does not open one, e.g. the positional parameter `$1`.
    fn dollar_quote(&mut self) -> bool {
        let open = self.pos;
        let mut i = open + 1;
        if self.bytes.get(i).is_some_and(|&c| is_word_start(c) && !c.is_ascii_digit()) {
            while self.bytes.get(i).is_some_and(|&c| is_word_start(c)) {
                i += 1;
            }
        }
        if self.bytes.get(i) != Some(&b'$') {
            return false;
        }
        let tag = &self.bytes[open..=i];
        let body = &self.bytes[i + 1..];
        match body.windows(tag.len()).position(|w| w == tag) {
            Some(k) => self.pos = i + 1 + k + tag.len(),
            None => {
                self.pos = self.bytes.len();
                self.fail(open, "dollar-quoted string");
            }
        }
        true
    }

    /// A keyword, identifier or number; also PostgreSQL's `E'…'` escape string, whose
    /// prefix looks like a one-letter word.
    fn word(&mut self) -> Kind {
        let start = self.pos;
        self.pos += 1;
        while self.peek(0).is_some_and(is_word_byte) && !self.at_custom_delimiter() {
            self.pos += 1;
        }
        if self.dialect == Backend::Postgres && self.pos == start + 1 && matches!(self.bytes[start], b'e' | b'E') && self.peek(0) == Some(b'\'') {
            self.quoted(b'\'', true, "string literal");
            return Kind::Literal;
        }
        Kind::Word
    }

    /// The mysql client's `DELIMITER <new>` directive, called right after a statement-initial
    /// `DELIMITER` word. Consumes the rest of the line; false (consuming nothing) if no
    /// delimiter follows on the same line.
    fn delimiter_directive(&mut self) -> bool {
        let blank = |c: &u8| *c == b' ' || *c == b'\t';
        let mut i = self.pos;
        if !self.bytes.get(i).is_some_and(blank) {
            return false;
        }
        while self.bytes.get(i).is_some_and(blank) {
            i += 1;
        }
        let arg = i;
        while self.bytes.get(i).is_some_and(|c| !c.is_ascii_whitespace()) {
            i += 1;
        }
        if i == arg {
            return false;
        }
        let new = &self.bytes[arg..i];
        self.delimiter = if new == b";" { None } else { Some(new) };
        self.pos = i;
        self.skip_line();
        true
    }
}

fn is_word_start(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// `$` may continue an identifier (PostgreSQL, MySQL), which is also why `AS$$` is not a
/// dollar quote in PostgreSQL.
fn is_word_byte(c: u8) -> bool {
    is_word_start(c) || c == b'$'
}

// ---------------------------------------------------------------------------------------------
// Splitter
// ---------------------------------------------------------------------------------------------

/// Object kinds whose CREATE statement may carry a body with `;` inside it.
const ROUTINE_KINDS: &[&str] = &["TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"];
/// Object kinds that settle a CREATE statement as an ordinary one, even if a routine kind word
/// follows (`CREATE CAST (a AS b) WITH FUNCTION f`, `CREATE TABLE event (…)`).
const PLAIN_KINDS: &[&str] = &[
    "TABLE",
    "VIEW",
    "INDEX",
    "SEQUENCE",
    "SCHEMA",
    "DATABASE",
    "TYPE",
    "DOMAIN",
    "EXTENSION",
    "ROLE",
    "USER",
    "POLICY",
    "RULE",
    "SERVER",
    "TABLESPACE",
    "COLLATION",
    "CAST",
    "OPERATOR",
    "PUBLICATION",
    "SUBSCRIPTION",
    "STATISTICS",
    "MATERIALIZED",
    "TRANSFORM",
];
/// How many words after CREATE may precede the object kind (`OR REPLACE`, `TEMPORARY`,
/// MySQL's `DEFINER = admin@localhost SQL SECURITY INVOKER`, …).
const KIND_SEARCH_WORDS: usize = 12;
/// Words after which `BEGIN`/`END` must be a column name (`SELECT begin, end FROM …`): no
/// expression or statement can end right there.
const EXPECTS_OPERAND: &[&str] = &["SELECT", "SET", "BY", "AS", "WHERE", "AND", "OR", "ON", "FROM", "DISTINCT", "NOT"];

fn is(word: &str, keyword: &str) -> bool {
    word.eq_ignore_ascii_case(keyword)
}

/// State of the statement being collected; reset at every delimiter.
#[derive(Default)]
struct Pending {
    /// Offset of the first token; `None` while only whitespace and comments were seen.
    start: Option<usize>,
    /// End of the last token (so trailing comments are not part of the statement).
    end: usize,
    /// Word tokens seen so far.
    words: usize,
    /// The first word is CREATE or ALTER, so the object kind decides `routine`.
    create: bool,
    /// The first word is BEGIN (MariaDB's anonymous `BEGIN NOT ATOMIC … END`).
    begin: bool,
    /// Whether this statement may contain a body; `None` until decided.
    routine: Option<bool>,
    /// Open BEGIN/CASE/IF/LOOP/… blocks; a `;` only ends the statement at depth 0.
    depth: usize,
    /// Open parentheses (psql does not end a statement inside them either).
    parens: usize,
    prev: Option<Token>,
    /// The previous token was a block-closing END, so `IF` in `END IF` opens nothing.
    after_end: bool,
}

struct Splitter<'a> {
    src: &'a str,
    dialect: Backend,
    scanner: Scanner<'a>,
    lines: LineCounter<'a>,
    cur: Pending,
    out: Vec<Statement<'a>>,
}

impl<'a> Splitter<'a> {
    fn new(src: &'a str, dialect: Backend) -> Self {
        Splitter {
            src,
            dialect,
            scanner: Scanner::new(src, dialect),
            lines: LineCounter { bytes: src.as_bytes(), pos: 0, line: 1 },
            cur: Pending::default(),
            out: Vec::new(),
        }
    }

    /// Returns the statements and the first lexical error (for `validate`).
    fn run(mut self) -> (Vec<Statement<'a>>, Option<String>) {
        while let Some(mut tok) = self.scanner.next_token() {
            if tok.kind == Kind::Delimiter {
                // A custom MySQL delimiter always ends the statement: that is its whole point.
                let inside = self.scanner.delimiter.is_none() && (self.cur.depth > 0 || (self.dialect == Backend::Postgres && self.cur.parens > 0));
                if !inside {
                    self.finish();
                    continue;
                }
                tok.kind = Kind::Punct(b';');
            }
            if self.cur.start.is_none()
                && self.dialect == Backend::Mysql
                && tok.kind == Kind::Word
                && is(self.text(tok), "DELIMITER")
                && self.scanner.delimiter_directive()
            {
                continue; // a client directive, not a statement
            }
            self.push(tok);
        }
        self.finish();
        let error = self.scanner.error.map(|(offset, what)| format!("unterminated {what} starting at line {}", self.lines.line_at(offset)));
        (self.out, error)
    }

    fn text(&self, tok: Token) -> &'a str {
        self.src.get(tok.start..tok.end).unwrap_or("")
    }

    fn is_word(&self, tok: Option<Token>, keyword: &str) -> bool {
        matches!(tok, Some(t) if t.kind == Kind::Word && is(self.text(t), keyword))
    }

    fn finish(&mut self) {
        let cur = mem::take(&mut self.cur);
        let Some(start) = cur.start else { return };
        let Some(raw) = self.src.get(start..cur.end) else { return };
        // Tokens never include ASCII whitespace; this also drops Unicode spaces (U+00A0, …).
        let sql = raw.trim();
        if sql.is_empty() {
            return;
        }
        let offset = start + (raw.len() - raw.trim_start().len());
        let line = self.lines.line_at(offset);
        self.out.push(Statement { sql, line, offset });
    }

    fn push(&mut self, tok: Token) {
        self.cur.start.get_or_insert(tok.start);
        self.cur.end = tok.end;
        match tok.kind {
            Kind::Word => self.word(tok),
            Kind::Punct(b'(') => self.cur.parens += 1,
            Kind::Punct(b')') => self.cur.parens = self.cur.parens.saturating_sub(1),
            _ => {}
        }
        if tok.kind != Kind::Word {
            self.cur.after_end = false;
        }
        self.cur.prev = Some(tok);
    }

    /// Tracks the block structure that lets `;` appear inside a statement.
    fn word(&mut self, tok: Token) {
        let w = self.text(tok);
        let prev = self.cur.prev;
        let after_end = mem::take(&mut self.cur.after_end);
        self.cur.words += 1;
        if self.cur.words == 1 {
            self.cur.create = is(w, "CREATE") || is(w, "ALTER");
            self.cur.begin = is(w, "BEGIN");
            return;
        }
        if self.cur.create && self.cur.routine.is_none() && self.cur.words <= KIND_SEARCH_WORDS {
            if ROUTINE_KINDS.iter().any(|k| is(w, k)) {
                self.cur.routine = Some(true);
            } else if PLAIN_KINDS.iter().any(|k| is(w, k)) {
                self.cur.routine = Some(false);
            }
            return;
        }
        if self.dialect == Backend::Mysql && self.cur.begin && self.cur.words == 3 && is(w, "ATOMIC") && self.is_word(prev, "NOT") {
            self.cur.routine = Some(true);
            self.cur.depth = 1;
            return;
        }
        // `new.end`, `t.case`: a qualified name is never a keyword.
        if self.cur.routine != Some(true) || matches!(prev, Some(Token { kind: Kind::Punct(b'.'), .. })) {
            return;
        }
        let keyword = !self.names_a_column(prev); // for BEGIN and END
        let closes = is(w, "END") && keyword;
        let opens = match self.dialect {
            // CREATE TRIGGER … BEGIN …; …; END — CASE … END expressions nest inside.
            Backend::Sqlite => (is(w, "BEGIN") && keyword) || is(w, "CASE"),
            // SQL-standard bodies `BEGIN ATOMIC … END` (PostgreSQL 14+); like psql, CASE is
            // only counted inside one.
            Backend::Postgres => (is(w, "ATOMIC") && self.is_word(prev, "BEGIN")) || (is(w, "CASE") && self.cur.depth > 0),
            // Compound statements: BEGIN/CASE/IF/LOOP/WHILE/REPEAT/FOR … END [IF|CASE|…]. After
            // END, the word names the block END closed (END IF, END LOOP, …) and opens nothing.
            Backend::Mysql => {
                !after_end
                    && ((is(w, "BEGIN") && keyword)
                        || is(w, "CASE")
                        || is(w, "LOOP")
                        || is(w, "WHILE")
                        || ((is(w, "IF") || is(w, "REPEAT")) && self.mysql_opens_block(is(w, "IF")))
                        || (is(w, "FOR") && self.mysql_for_loop()))
            }
        };
        if opens {
            self.cur.depth += 1;
        } else if closes {
            self.cur.depth = self.cur.depth.saturating_sub(1);
            self.cur.after_end = true;
        }
    }

    /// Whether `BEGIN`/`END` after `prev` can only be a column or table name.
    fn names_a_column(&self, prev: Option<Token>) -> bool {
        match prev {
            Some(Token { kind: Kind::Punct(c), .. }) => b",(.=<>+-*/%|&".contains(&c),
            Some(t) if t.kind == Kind::Word => EXPECTS_OPERAND.iter().any(|k| is(self.text(t), k)),
            _ => false,
        }
    }

    /// MySQL `IF`/`REPEAT` (the scanner is just past the word) open a compound statement,
    /// except as the functions `IF(c, a, b)` / `REPEAT(s, n)` (told apart by the comma: the
    /// statements' conditions have none), and in DDL's `IF [NOT] EXISTS name` — whereas the
    /// statement `IF [NOT] EXISTS (subquery) THEN` is followed by a parenthesis.
    fn mysql_opens_block(&self, is_if: bool) -> bool {
        let mut la = self.scanner.clone();
        let mut next = la.next_token();
        if is_if {
            if self.is_word(next, "NOT") {
                next = la.next_token();
                if !self.is_word(next, "EXISTS") {
                    return true;
                }
            }
            if self.is_word(next, "EXISTS") {
                return matches!(la.next_token(), Some(Token { kind: Kind::Punct(b'('), .. }));
            }
        }
        !(matches!(next, Some(Token { kind: Kind::Punct(b'('), .. })) && group_has_top_level_comma(&mut la))
    }

    /// MariaDB's `FOR x IN … DO … END FOR`, as opposed to `FOR EACH ROW`, `FOR UPDATE`, a
    /// cursor's `FOR SELECT` or a handler's `FOR SQLEXCEPTION`.
    fn mysql_for_loop(&self) -> bool {
        let mut la = self.scanner.clone();
        matches!(la.next_token(), Some(t) if t.kind == Kind::Word) && self.is_word(la.next_token(), "IN")
    }
}

/// Tokens a look-ahead may scan; keeps `IF (IF (IF (…` from making the splitter quadratic.
const LOOKAHEAD_TOKENS: usize = 1000;

/// Scans the rest of a parenthesized group (its `(` already consumed): true if it has a comma
/// at its own level within the look-ahead budget.
fn group_has_top_level_comma(la: &mut Scanner<'_>) -> bool {
    let mut depth = 1usize;
    for t in std::iter::from_fn(|| la.next_token()).take(LOOKAHEAD_TOKENS) {
        match t.kind {
            Kind::Punct(b'(') => depth += 1,
            Kind::Punct(b')') => {
                depth -= 1;
                if depth == 0 {
                    return false;
                }
            }
            Kind::Punct(b',') if depth == 1 => return true,
            Kind::Delimiter => return false,
            _ => {}
        }
    }
    false
}

/// Offset → 1-based line, incrementally (statements come in order). Counting `\n` handles
/// both LF and CRLF files.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += self.bytes[self.pos..offset].iter().filter(|&&c| c == b'\n').count();
        self.pos = offset;
        self.line
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_never_show_keywords_inside_strings_comments_or_bodies() {
        let sql = "-- DROP TABLE a;\nSELECT 'DROP TABLE b', \"DROP\" /* DROP */ FROM t; DO $$ BEGIN DROP TABLE c; END $$;";
        let words: Vec<&str> = tokens(sql, Backend::Postgres).filter(|l| l.kind == LexemeKind::Word).map(|l| l.text).collect();
        assert_eq!(words, ["SELECT", "FROM", "t", "DO"]);
        let kinds: Vec<LexemeKind> = tokens("'s' \"q\" $x$b$x$ ;", Backend::Postgres).map(|l| l.kind).collect();
        assert_eq!(kinds, [LexemeKind::String, LexemeKind::QuotedIdent, LexemeKind::DollarBody, LexemeKind::Delimiter]);
        let mysql: Vec<LexemeKind> = tokens("\"s\" `q` /*! x */ # c\n", Backend::Mysql).map(|l| l.kind).collect();
        assert_eq!(mysql, [LexemeKind::String, LexemeKind::QuotedIdent, LexemeKind::Executable]);
    }

    #[test]
    fn lexeme_ident_undoes_quoting() {
        let idents: Vec<Option<String>> = tokens("users \"we\"\"ird\" [br] `b``t` 'no'", Backend::Sqlite).map(|l| l.ident()).collect();
        assert_eq!(idents, [Some("users".into()), Some("we\"ird".into()), Some("br".into()), Some("b`t".into()), None]);
        assert!(tokens("select", Backend::Sqlite).next().unwrap().is_keyword("SELECT"));
    }

    /// What a non-transactional migration's own transaction covers decides what a
    /// failure report says stayed; the rebuild autogenerate writes for SQLite is the
    /// common case.
    #[test]
    fn transaction_control_and_session_statements_are_recognised() {
        assert_eq!(tx_control("BEGIN"), Some(TxControl::Begin));
        assert_eq!(tx_control("begin immediate transaction"), Some(TxControl::Begin));
        assert_eq!(tx_control("START TRANSACTION"), Some(TxControl::Begin));
        assert_eq!(tx_control("COMMIT"), Some(TxControl::Commit));
        assert_eq!(tx_control("END TRANSACTION"), Some(TxControl::Commit));
        assert_eq!(tx_control("ROLLBACK"), Some(TxControl::Rollback));
        assert_eq!(tx_control("ROLLBACK TO SAVEPOINT a"), None);
        assert_eq!(tx_control("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END"), None);
        assert!(session_only("PRAGMA foreign_keys = OFF") && session_only("pragma foreign_keys=ON"));
        assert!(session_only("SET lock_timeout = '5s'") && !session_only("SET GLOBAL max_connections = 10"));
        assert!(!session_only("PRAGMA user_version = 3") && !session_only("CREATE TABLE t (id INT)"));
    }
    #[test]
    fn postgres_undoes_a_failed_statement_unless_it_commits_part_way() {
        assert!(atomic_on_postgres("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID"));
        assert!(atomic_on_postgres("CREATE INDEX ix ON t (\"concurrently\")"));
        assert!(atomic_on_postgres("COMMENT ON TABLE t IS 'built CONCURRENTLY'"));
        assert!(!atomic_on_postgres("create index concurrently ix on t (a)") && !atomic_on_postgres("DROP INDEX CONCURRENTLY ix"));
        assert!(!atomic_on_postgres("CALL p()") && !atomic_on_postgres("DO $$ BEGIN COMMIT; END $$"));
    }
    use Backend::{Mysql, Postgres, Sqlite};

    const ALL: [Backend; 3] = [Sqlite, Postgres, Mysql];

    fn sqls(sql: &str, d: Backend) -> Vec<&str> {
        split(sql, d).into_iter().map(|s| s.sql).collect()
    }

    fn lines(sql: &str, d: Backend) -> Vec<usize> {
        split(sql, d).into_iter().map(|s| s.line).collect()
    }

    // --- basics ---------------------------------------------------------------------------

    #[test]
    fn splits_on_semicolon_last_may_lack_one() {
        for d in ALL {
            assert_eq!(sqls("SELECT 1; SELECT 2;\nSELECT 3", d), ["SELECT 1", "SELECT 2", "SELECT 3"], "{d:?}");
        }
    }

    #[test]
    fn empty_and_comment_only_inputs_give_nothing() {
        for d in ALL {
            for input in ["", "   \n\t ", ";", " ;; ; ", "-- just a note\n", "/* block */", "-- a;\n/* b; */\n;\n-- c"] {
                assert_eq!(split(input, d), vec![], "{d:?} {input:?}");
                assert_eq!(validate(input, d), Ok(()), "{d:?} {input:?}");
            }
        }
        assert_eq!(split("# mysql comment; still comment\n", Mysql), vec![]);
    }

    #[test]
    fn empty_pieces_between_delimiters_are_dropped() {
        for d in ALL {
            assert_eq!(sqls(";;SELECT 1;;; ;SELECT 2;;", d), ["SELECT 1", "SELECT 2"], "{d:?}");
        }
    }

    #[test]
    fn statements_are_trimmed_slices_with_line_and_offset() {
        let input = "  SELECT 1 ;\n\n  SELECT\n    2;\nSELECT 3";
        for d in ALL {
            let got = split(input, d);
            assert_eq!(
                got,
                vec![
                    Statement { sql: "SELECT 1", line: 1, offset: 2 },
                    Statement { sql: "SELECT\n    2", line: 3, offset: 16 },
                    Statement { sql: "SELECT 3", line: 5, offset: 30 },
                ],
                "{d:?}"
            );
        }
    }

    #[test]
    fn leading_comments_are_excluded_and_line_is_the_first_token() {
        let input = "-- migration: add users\n/* a block\n   comment; with a semicolon */\n\nCREATE TABLE users (id INT);\n-- trailer\n";
        for d in ALL {
            let got = split(input, d);
            assert_eq!(got.len(), 1, "{d:?}");
            assert_eq!(got[0].sql, "CREATE TABLE users (id INT)");
            assert_eq!(got[0].line, 5);
            assert_eq!(got[0].offset, input.find("CREATE").unwrap());
        }
    }

    #[test]
    fn comments_inside_a_statement_are_kept_trailing_ones_are_not() {
        for d in ALL {
            assert_eq!(sqls("SELECT 1, -- one;\n  2 /* two; */ -- end\n;SELECT 3 /* trailing */", d), ["SELECT 1, -- one;\n  2", "SELECT 3"], "{d:?}");
        }
    }

    #[test]
    fn crlf_line_numbers() {
        let input = "SELECT 1;\r\n-- c\r\n\r\nSELECT\r\n 2;\r\nSELECT 3;\r\n";
        for d in ALL {
            let got = split(input, d);
            assert_eq!(got.iter().map(|s| s.sql).collect::<Vec<_>>(), ["SELECT 1", "SELECT\r\n 2", "SELECT 3"]);
            assert_eq!(got.iter().map(|s| s.line).collect::<Vec<_>>(), [1, 4, 6]);
            assert_eq!(got[1].offset, input.find("SELECT\r\n").unwrap());
        }
    }

    #[test]
    fn leading_bom_is_skipped_but_counted_in_offsets() {
        let input = "\u{feff}SELECT 1;\nSELECT 2;";
        for d in ALL {
            let got = split(input, d);
            assert_eq!(got[0], Statement { sql: "SELECT 1", line: 1, offset: 3 }, "{d:?}");
            assert_eq!(got[1], Statement { sql: "SELECT 2", line: 2, offset: 13 }, "{d:?}");
        }
        assert_eq!(split("\u{feff}", Sqlite), vec![]);
        assert_eq!(split("\u{feff}-- only a comment", Postgres), vec![]);
    }

    #[test]
    fn unicode_whitespace_is_trimmed() {
        let input = "SELECT 1\u{a0};\u{3000}";
        for d in ALL {
            assert_eq!(sqls(input, d), ["SELECT 1"], "{d:?}");
        }
    }

    // --- strings --------------------------------------------------------------------------

    #[test]
    fn single_quoted_strings_with_doubled_quotes() {
        for d in ALL {
            assert_eq!(sqls("INSERT INTO t VALUES ('a;b', 'it''s; ok');SELECT ';'", d), ["INSERT INTO t VALUES ('a;b', 'it''s; ok')", "SELECT ';'"], "{d:?}");
        }
    }

    #[test]
    fn mysql_backslash_escapes_in_strings() {
        assert_eq!(sqls(r"SELECT 'it\'s; fine'; SELECT 2", Mysql), [r"SELECT 'it\'s; fine'", "SELECT 2"]);
        assert_eq!(sqls(r"SELECT 'a\\'; SELECT 2", Mysql), [r"SELECT 'a\\'", "SELECT 2"]);
    }

    #[test]
    fn mysql_double_quoted_strings() {
        assert_eq!(sqls(r#"SELECT "a;b", "say \"hi\"; ok", "x"";y"; SELECT 2"#, Mysql), [r#"SELECT "a;b", "say \"hi\"; ok", "x"";y""#, "SELECT 2"]);
    }

    #[test]
    fn postgres_standard_strings_treat_backslash_literally() {
        // 'a\' is a complete string in PostgreSQL (and SQLite), so the `;` splits.
        for d in [Postgres, Sqlite] {
            assert_eq!(sqls(r"SELECT 'a\'; SELECT 2", d), [r"SELECT 'a\'", "SELECT 2"], "{d:?}");
        }
        // …while in MySQL the quote is escaped and the string never ends.
        assert_eq!(sqls(r"SELECT 'a\'; SELECT 2", Mysql).len(), 1);
        assert!(validate(r"SELECT 'a\'; SELECT 2", Mysql).is_err());
    }

    #[test]
    fn postgres_escape_strings() {
        assert_eq!(sqls(r"SELECT E'it\'s; fine', e'\\'; SELECT 2", Postgres), [r"SELECT E'it\'s; fine', e'\\'", "SELECT 2"]);
        // Only a standalone E prefixes: `some'…'` is a word then a standard string.
        assert_eq!(sqls(r"SELECT date'x\'; SELECT 2", Postgres), [r"SELECT date'x\'", "SELECT 2"]);
    }

    // --- identifiers ------------------------------------------------------------------------

    #[test]
    fn double_quoted_identifiers() {
        for d in [Postgres, Sqlite] {
            assert_eq!(sqls(r#"CREATE TABLE "we;ird" ("a""b;" INT); SELECT 2"#, d), [r#"CREATE TABLE "we;ird" ("a""b;" INT)"#, "SELECT 2"], "{d:?}");
        }
        // Backslash is not an escape in identifiers.
        assert_eq!(sqls(r#"SELECT "a\"; SELECT 2"#, Postgres), [r#"SELECT "a\""#, "SELECT 2"]);
    }

    #[test]
    fn backtick_identifiers() {
        for d in [Mysql, Sqlite] {
            assert_eq!(sqls("CREATE TABLE `we;ird` (`a``b;` INT); SELECT 2", d), ["CREATE TABLE `we;ird` (`a``b;` INT)", "SELECT 2"], "{d:?}");
        }
    }

    #[test]
    fn sqlite_bracketed_identifiers() {
        assert_eq!(sqls("CREATE TABLE [my;table] ([col'] INT); SELECT 2", Sqlite), ["CREATE TABLE [my;table] ([col'] INT)", "SELECT 2"]);
        // In PostgreSQL brackets are array subscripts.
        assert_eq!(sqls("SELECT a[1]; SELECT ']'", Postgres), ["SELECT a[1]", "SELECT ']'"]);
    }

    // --- comments ---------------------------------------------------------------------------

    #[test]
    fn line_comments() {
        for d in ALL {
            assert_eq!(sqls("SELECT 1 -- not; a split\n, 2; SELECT 3", d), ["SELECT 1 -- not; a split\n, 2", "SELECT 3"], "{d:?}");
        }
    }

    #[test]
    fn mysql_double_dash_needs_a_space() {
        assert_eq!(sqls("SELECT 5--2; SELECT 3", Mysql), ["SELECT 5--2", "SELECT 3"]);
        assert_eq!(sqls("SELECT 5--2; SELECT 3", Postgres), ["SELECT 5"]);
        assert_eq!(sqls("SELECT 5 --\tx; y\nSELECT 3", Mysql), ["SELECT 5 --\tx; y\nSELECT 3"]);
    }

    #[test]
    fn hash_comments_are_mysql_only() {
        assert_eq!(sqls("SELECT 1 # one; two\n; SELECT 3", Mysql), ["SELECT 1", "SELECT 3"]);
        // PostgreSQL's # is bitwise XOR.
        assert_eq!(sqls("SELECT 1 # 2; SELECT 3", Postgres), ["SELECT 1 # 2", "SELECT 3"]);
    }

    #[test]
    fn block_comments() {
        for d in ALL {
            assert_eq!(sqls("SELECT /* ; */ 1; /* x; */ SELECT 2", d), ["SELECT /* ; */ 1", "SELECT 2"], "{d:?}");
        }
    }

    #[test]
    fn postgres_block_comments_nest_others_do_not() {
        let input = "/* outer /* inner */ still; comment */ SELECT 1; SELECT 2";
        assert_eq!(sqls(input, Postgres), ["SELECT 1", "SELECT 2"]);
        assert_eq!(sqls(input, Sqlite), ["still", "comment */ SELECT 1", "SELECT 2"]);
        assert_eq!(sqls(input, Mysql), ["still", "comment */ SELECT 1", "SELECT 2"]);
    }

    #[test]
    fn mysql_executable_comments_are_statements() {
        let input = "/*!40101 SET NAMES utf8mb4 */;\n/* plain */;\nSELECT 1;";
        assert_eq!(sqls(input, Mysql), ["/*!40101 SET NAMES utf8mb4 */", "SELECT 1"]);
        assert_eq!(sqls("/*M!100100 SET x = 1 */;", Mysql), ["/*M!100100 SET x = 1 */"]);
    }

    // --- PostgreSQL dollar quotes -----------------------------------------------------------

    #[test]
    fn postgres_dollar_quoted_function_body() {
        let input = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 'a;b';\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1;";
        let got = split(input, Postgres);
        assert_eq!(got.len(), 2);
        assert!(got[0].sql.starts_with("CREATE FUNCTION") && got[0].sql.ends_with("LANGUAGE plpgsql"));
        assert_eq!(got[1], Statement { sql: "SELECT 1", line: 7, offset: input.find("SELECT 1").unwrap() });
    }

    #[test]
    fn postgres_tagged_dollar_quotes() {
        let input = "DO $body$ BEGIN PERFORM $$ inner; $$; EXECUTE $x$;$x$; END $body$; SELECT 2";
        assert_eq!(sqls(input, Postgres), ["DO $body$ BEGIN PERFORM $$ inner; $$; EXECUTE $x$;$x$; END $body$", "SELECT 2"]);
        // A different tag does not close it.
        assert_eq!(sqls("SELECT $a$ ; $b$ ; $a$; SELECT 2", Postgres), ["SELECT $a$ ; $b$ ; $a$", "SELECT 2"]);
        // Non-ASCII tags are identifier characters too.
        assert_eq!(sqls("SELECT $é$ ; $é$; SELECT 2", Postgres), ["SELECT $é$ ; $é$", "SELECT 2"]);
    }

    #[test]
    fn postgres_positional_parameters_are_not_dollar_quotes() {
        assert_eq!(sqls("PREPARE p(int) AS SELECT $1; SELECT $2 + 1; SELECT 3", Postgres), ["PREPARE p(int) AS SELECT $1", "SELECT $2 + 1", "SELECT 3"]);
        // `$` inside an identifier is part of it, so `a$$` does not open a dollar quote.
        assert_eq!(sqls("SELECT a$$; SELECT 2", Postgres), ["SELECT a$$", "SELECT 2"]);
    }

    #[test]
    fn dollar_signs_are_plain_outside_postgres() {
        for d in [Sqlite, Mysql] {
            assert_eq!(sqls("SELECT $$; SELECT 2", d), ["SELECT $$", "SELECT 2"], "{d:?}");
        }
    }

    #[test]
    fn postgres_begin_atomic_body() {
        let input = "CREATE OR REPLACE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 THEN 'pos' ELSE 'other' END;\n  SELECT 'done';\nEND;\nSELECT 1;";
        let got = split(input, Postgres);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].sql.ends_with("SELECT 'done';\nEND"));
        assert_eq!((got[1].sql, got[1].line), ("SELECT 1", 6));
        // A procedure too, lowercase.
        assert_eq!(sqls("create procedure p() begin atomic insert into t values (1); end; call p()", Postgres).len(), 2);
    }

    #[test]
    fn postgres_transaction_statements_split_normally() {
        assert_eq!(
            sqls("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nBEGIN ISOLATION LEVEL SERIALIZABLE; END;", Postgres),
            ["BEGIN", "CREATE TABLE a (id int)", "COMMIT", "BEGIN ISOLATION LEVEL SERIALIZABLE", "END"]
        );
    }

    #[test]
    fn postgres_semicolons_inside_parentheses_do_not_split() {
        // Like psql: CREATE RULE … DO ALSO ( …; … ).
        let input = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1";
        assert_eq!(split(input, Postgres).len(), 2);
    }

    #[test]
    fn postgres_concurrent_index_is_its_own_statement() {
        let input = "CREATE INDEX CONCURRENTLY idx_a ON t (a);\nCREATE INDEX CONCURRENTLY idx_b ON t (b);\n";
        assert_eq!(sqls(input, Postgres), ["CREATE INDEX CONCURRENTLY idx_a ON t (a)", "CREATE INDEX CONCURRENTLY idx_b ON t (b)"]);
    }

    // --- SQLite triggers ----------------------------------------------------------------------

    #[test]
    fn sqlite_trigger_body() {
        let input = "CREATE TRIGGER t_ins AFTER INSERT ON t\nBEGIN\n  INSERT INTO log VALUES (new.id);\n  UPDATE c SET n = n + 1;\nEND;\nSELECT 1;";
        let got = split(input, Sqlite);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].sql.ends_with("UPDATE c SET n = n + 1;\nEND"));
        assert_eq!((got[1].sql, got[1].line), ("SELECT 1", 6));
    }

    #[test]
    fn sqlite_trigger_with_case_inside() {
        let input = "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON x FOR EACH ROW\n\
                     WHEN CASE WHEN new.a IS NULL THEN 1 ELSE 0 END = 0\n\
                     BEGIN\n\
                       UPDATE x SET b = CASE WHEN new.a > 0 THEN 'p;' ELSE 'n' END;\n\
                       SELECT RAISE(ABORT, 'no; way') WHERE (SELECT CASE new.a WHEN 1 THEN 1 END) IS NULL;\n\
                     END;\n\
                     SELECT 2";
        let got = sqls(input, Sqlite);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].ends_with("END"));
        assert_eq!(got[1], "SELECT 2");
    }

    #[test]
    fn sqlite_trigger_keywords_are_case_insensitive_and_word_bounded() {
        let input = "create temporary trigger tr after delete on t begin\n\
                     delete from u where backend = old.endpoint and new.end = 1;\n\
                     insert into u (begin_at, ended) select old.begin, old.\"end\";\n\
                     end;\n\
                     select 1";
        let got = sqls(input, Sqlite);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert_eq!(got[1], "select 1");
    }

    #[test]
    fn sqlite_columns_named_begin_and_end() {
        let input = "CREATE TRIGGER tr AFTER INSERT ON r BEGIN INSERT INTO log SELECT begin, end FROM r WHERE end > 0; END; SELECT 1";
        assert_eq!(sqls(input, Sqlite).len(), 2);
    }

    #[test]
    fn sqlite_transaction_statements_split_normally() {
        assert_eq!(
            sqls("BEGIN;\nCREATE TABLE a (x);\nCOMMIT;\nBEGIN TRANSACTION;\nSELECT CASE WHEN 1 THEN 2 END;\nEND TRANSACTION;", Sqlite),
            ["BEGIN", "CREATE TABLE a (x)", "COMMIT", "BEGIN TRANSACTION", "SELECT CASE WHEN 1 THEN 2 END", "END TRANSACTION"]
        );
    }

    #[test]
    fn create_table_with_keyword_like_names_is_not_a_block() {
        for d in ALL {
            assert_eq!(sqls("CREATE TABLE event (trigger TEXT, begin INT, \"end\" INT); SELECT 2", d).len(), 2, "{d:?}");
        }
    }

    // --- MySQL compound statements ----------------------------------------------------------

    #[test]
    fn mysql_procedure_without_delimiter() {
        let input = "CREATE PROCEDURE p(IN n INT)\n\
                     BEGIN\n\
                       DECLARE i INT DEFAULT 0;\n\
                       DROP TEMPORARY TABLE IF EXISTS tmp;\n\
                       IF n > 10 THEN SET n = 10; ELSEIF n < 0 THEN SET n = 0; ELSE SET n = IF(n = 5, 6, n); END IF;\n\
                       lbl: LOOP SET i = i + 1; IF i >= n THEN LEAVE lbl; END IF; END LOOP lbl;\n\
                       WHILE i > 0 DO SET i = i - 1; END WHILE;\n\
                       REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT;\n\
                       SELECT REPEAT('ab', 2), CASE WHEN i > 1 THEN 'x' ELSE 'y' END;\n\
                       CASE i WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;\n\
                       IF NOT EXISTS (SELECT 1 FROM t) THEN INSERT INTO t VALUES (1); END IF;\n\
                       BEGIN DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END; SELECT 3; END;\n\
                     END;\n\
                     CALL p(3);";
        let got = split(input, Mysql);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].sql.starts_with("CREATE PROCEDURE") && got[0].sql.ends_with("END"));
        assert_eq!((got[1].sql, got[1].line), ("CALL p(3)", 14));
    }

    #[test]
    fn mysql_function_and_trigger_without_delimiter() {
        let input = "CREATE DEFINER = admin@localhost FUNCTION f(x INT) RETURNS INT DETERMINISTIC\n\
                     RETURN CASE WHEN x > 0 THEN 1 ELSE IF(x = 0, 0, -1) END;\n\
                     CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\n\
                     IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\n\
                     CREATE TRIGGER trg2 BEFORE UPDATE ON t FOR EACH ROW SET NEW.b = IF(NEW.a > 0, 1, 0);\n\
                     CREATE TRIGGER trg3 AFTER DELETE ON t FOR EACH ROW BEGIN\n\
                       DELETE FROM u WHERE u.t_id = OLD.id;\n\
                       INSERT INTO log (what) VALUES ('deleted; really');\n\
                     END;\n\
                     SELECT 1";
        let got = split(input, Mysql);
        assert_eq!(got.iter().map(|s| s.line).collect::<Vec<_>>(), [1, 3, 5, 6, 10], "{got:#?}");
    }

    #[test]
    fn mysql_event_and_mariadb_blocks() {
        let input = "CREATE EVENT IF NOT EXISTS purge ON SCHEDULE EVERY 1 DAY DO BEGIN\n\
                       DELETE FROM sessions WHERE expires < NOW();\n\
                       DELETE FROM tokens WHERE expires < NOW();\n\
                     END;\n\
                     CREATE EVENT e2 ON SCHEDULE EVERY 1 HOUR DO DELETE FROM t;\n\
                     BEGIN NOT ATOMIC\n\
                       FOR i IN 1..3 DO INSERT INTO t VALUES (i); END FOR;\n\
                       SELECT * FROM t FOR UPDATE;\n\
                     END;\n\
                     SELECT 1";
        assert_eq!(lines(input, Mysql), [1, 5, 6, 10]);
    }

    #[test]
    fn routine_headers_with_modifiers() {
        let input = "CREATE PROCEDURE IF NOT EXISTS p() BEGIN SELECT 1; END;\n\
                     CREATE OR REPLACE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END;\n\
                     CREATE FUNCTION f() RETURNS INT READS SQL DATA BEGIN\n\
                       DECLARE c CURSOR FOR SELECT id FROM t;\n\
                       DECLARE CONTINUE HANDLER FOR NOT FOUND SET d = 1;\n\
                       RETURN 1;\n\
                     END;\n\
                     SELECT 2";
        assert_eq!(lines(input, Mysql), [1, 2, 3, 8]);
        // A routine kind word after a plain one does not make a block.
        assert_eq!(sqls("CREATE CAST (int AS text) WITH FUNCTION f(int); SELECT 2", Postgres).len(), 2);
    }

    #[test]
    fn mysql_transaction_statements_split_normally() {
        assert_eq!(
            sqls("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nSTART TRANSACTION;\nBEGIN WORK;\nROLLBACK;", Mysql),
            ["BEGIN", "INSERT INTO t VALUES (1)", "COMMIT", "START TRANSACTION", "BEGIN WORK", "ROLLBACK"]
        );
    }

    #[test]
    fn mysql_delimiter_directive() {
        let input = "DELIMITER $$\n\
                     CREATE PROCEDURE p()\n\
                     BEGIN\n\
                       SELECT 1; SELECT 'a$$b';\n\
                     END$$\n\
                     CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END $$\n\
                     delimiter ;\n\
                     CALL p();\n\
                     SELECT 2;";
        let got = split(input, Mysql);
        assert_eq!(
            got.iter().map(|s| (s.sql, s.line)).collect::<Vec<_>>(),
            [
                ("CREATE PROCEDURE p()\nBEGIN\nSELECT 1; SELECT 'a$$b';\nEND", 2),
                ("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END", 6),
                ("CALL p()", 8),
                ("SELECT 2", 9),
            ]
        );
        for s in &got {
            assert_eq!(&input[s.offset..s.offset + s.sql.len()], s.sql);
        }
    }

    #[test]
    fn mysql_delimiter_slashes_and_leftover_custom_delimiter() {
        let input = "DELIMITER //\nCREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END//\nSELECT 1; SELECT 2//\nSELECT 3";
        assert_eq!(sqls(input, Mysql), ["CREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END", "SELECT 1; SELECT 2", "SELECT 3"]);
        // DELIMITER is only a directive for MySQL, and only at the start of a statement.
        assert_eq!(sqls("DELIMITER $$\nSELECT 1$$", Postgres), ["DELIMITER $$\nSELECT 1$$"]);
        assert_eq!(sqls("SELECT delimiter FROM t; SELECT 2", Mysql), ["SELECT delimiter FROM t", "SELECT 2"]);
        // A bare DELIMITER word with no argument is left to the server.
        assert_eq!(sqls("DELIMITER\n;SELECT 1", Mysql), ["DELIMITER", "SELECT 1"]);
    }

    // --- validate -----------------------------------------------------------------------------

    #[test]
    fn validate_accepts_well_formed_input() {
        for d in ALL {
            assert_eq!(validate("SELECT 'a''b', \"c\"; -- x\n/* y */ SELECT 1", d), Ok(()), "{d:?}");
        }
        assert_eq!(validate("SELECT $$ x $$, $t$ y $t$, $1, E'\\''", Postgres), Ok(()));
        assert_eq!(validate("SELECT `a`, 'b\\'', \"c\\\"\"", Mysql), Ok(()));
        assert_eq!(validate("SELECT [a], `b`", Sqlite), Ok(()));
    }

    #[test]
    fn validate_reports_unterminated_constructs_with_line() {
        let cases: &[(Backend, &str, &str)] = &[
            (Sqlite, "SELECT 1;\nSELECT 'oops;\nSELECT 2;", "unterminated string literal starting at line 2"),
            (Postgres, "SELECT 1;\n\nSELECT \"oops", "unterminated quoted identifier starting at line 3"),
            (Mysql, "SELECT `oops", "unterminated quoted identifier starting at line 1"),
            (Mysql, "SELECT \"oops\\\"", "unterminated string literal starting at line 1"),
            (Mysql, "SELECT 'ends in backslash\\", "unterminated string literal starting at line 1"),
            (Sqlite, "SELECT 1;\nSELECT [oops", "unterminated bracketed identifier starting at line 2"),
            (Sqlite, "SELECT 1; /* never\n closed", "unterminated block comment starting at line 1"),
            (Postgres, "SELECT 1;\r\n/* outer /* inner */ still open", "unterminated block comment starting at line 2"),
            (Postgres, "CREATE FUNCTION f() AS $$\nBEGIN\n", "unterminated dollar-quoted string starting at line 1"),
            (Postgres, "\n\nDO $body$ BEGIN END $$", "unterminated dollar-quoted string starting at line 3"),
            (Postgres, "SELECT E'it\\'s", "unterminated string literal starting at line 1"),
        ];
        for (d, input, want) in cases {
            assert_eq!(validate(input, *d), Err(want.to_string()), "{d:?} {input:?}");
        }
    }

    #[test]
    fn unterminated_construct_runs_to_the_end_in_split() {
        assert_eq!(sqls("SELECT 1; SELECT 'a; SELECT 2", Sqlite), ["SELECT 1", "SELECT 'a; SELECT 2"]);
    }

    // --- realistic migrations ---------------------------------------------------------------

    #[test]
    fn realistic_sqlite_migration() {
        let input = "-- Your SQL goes here\r\n\
            CREATE TABLE users (\r\n  id INTEGER PRIMARY KEY NOT NULL,\r\n  name TEXT NOT NULL DEFAULT 'anon;ymous',\r\n  [group] TEXT\r\n);\r\n\
            CREATE INDEX users_name ON users (name);\r\n\
            \r\n\
            /* keep updated_at fresh */\r\n\
            CREATE TRIGGER users_touch AFTER UPDATE ON users FOR EACH ROW\r\n\
            BEGIN\r\n  UPDATE users SET name = CASE WHEN new.name = '' THEN 'anon' ELSE new.name END WHERE id = new.id;\r\nEND;\r\n\
            INSERT INTO users (name) VALUES ('O''Brien');\r\n";
        let got = split(input, Sqlite);
        assert_eq!(got.iter().map(|s| s.line).collect::<Vec<_>>(), [2, 7, 10, 14]);
        assert!(got[2].sql.starts_with("CREATE TRIGGER") && got[2].sql.ends_with("END"));
        assert_eq!(got[3].sql, "INSERT INTO users (name) VALUES ('O''Brien')");
        assert_eq!(validate(input, Sqlite), Ok(()));
    }

    #[test]
    fn realistic_postgres_migration() {
        let input =
            "CREATE TABLE posts (\n  id BIGSERIAL PRIMARY KEY,\n  title TEXT NOT NULL,\n  body TEXT NOT NULL DEFAULT E'\\n;',\n  \"search\" tsvector\n);\n\
            \n\
            CREATE FUNCTION posts_search() RETURNS trigger LANGUAGE plpgsql AS $fn$\n\
            BEGIN\n  NEW.search := to_tsvector('english', NEW.title || ' ' || NEW.body);\n  RETURN NEW;\nEND;\n$fn$;\n\
            \n\
            CREATE TRIGGER posts_search BEFORE INSERT OR UPDATE ON posts\n  FOR EACH ROW EXECUTE FUNCTION posts_search();\n\
            /* nested /* comment; */ here */\n\
            CREATE INDEX CONCURRENTLY posts_search_idx ON posts USING gin (search);\n\
            COMMENT ON TABLE posts IS 'blog posts; the main table';\n";
        let got = split(input, Postgres);
        assert_eq!(got.iter().map(|s| s.line).collect::<Vec<_>>(), [1, 8, 15, 18, 19], "{got:#?}");
        assert!(got[1].sql.ends_with("$fn$"));
        assert_eq!(got[3].sql, "CREATE INDEX CONCURRENTLY posts_search_idx ON posts USING gin (search)");
        assert_eq!(validate(input, Postgres), Ok(()));
    }

    #[test]
    fn realistic_mysql_migration() {
        let input = "# Your SQL goes here\n\
            CREATE TABLE `orders` (\n  `id` BIGINT AUTO_INCREMENT PRIMARY KEY,\n  `note` VARCHAR(255) NOT NULL DEFAULT 'it\\'s; fine',\n  `total` DECIMAL(10,2) NOT NULL\n) ENGINE=InnoDB;\n\
            -- keep totals sane\n\
            CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW\n\
            BEGIN\n  IF NEW.total < 0 THEN\n    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative; total';\n  END IF;\nEND;\n\
            DELIMITER $$\n\
            CREATE PROCEDURE archive_orders()\nBEGIN\n  INSERT INTO orders_archive SELECT * FROM orders;\n  DELETE FROM orders;\nEND $$\n\
            DELIMITER ;\n\
            INSERT INTO orders (note, total) VALUES (\"first \\\"one\\\"\", 1.00);\n";
        let got = split(input, Mysql);
        assert_eq!(got.iter().map(|s| s.line).collect::<Vec<_>>(), [2, 8, 15, 21], "{got:#?}");
        assert!(got[1].sql.ends_with("END IF;\nEND"));
        assert!(got[2].sql.starts_with("CREATE PROCEDURE") && got[2].sql.ends_with("END"));
        assert_eq!(validate(input, Mysql), Ok(()));
    }

    // --- robustness ---------------------------------------------------------------------------

    #[test]
    fn multibyte_characters_next_to_quotes_and_delimiters() {
        let inputs = [
            "'é';\"€\";`😀`;[é];$é$é$é$;E'\\é';'\\😀",
            "é;€'",
            "SELECT 'x\\",
            "DELIMITER €\nSELECT 1€SELECT 2€\nDELIMITER ;\nSELECT 3;",
            "/*é",
            "$é",
            "E'",
            "€$$€",
        ];
        for input in inputs {
            for d in ALL {
                check_invariants(input, d);
            }
        }
        assert_eq!(sqls("DELIMITER €\nSELECT 1€SELECT 2€\nDELIMITER ;\nSELECT 3;", Mysql), ["SELECT 1", "SELECT 2", "SELECT 3"]);
    }

    /// Every statement is a non-empty, trimmed slice of the input at `offset`, in order, with
    /// the right line number.
    fn check_invariants(input: &str, d: Backend) {
        let _ = validate(input, d);
        let mut last_end = 0;
        for s in split(input, d) {
            let at = s.sql.as_ptr() as usize - input.as_ptr() as usize;
            assert_eq!(at, s.offset, "{d:?} {input:?}");
            assert!(s.offset + s.sql.len() <= input.len());
            assert_eq!(&input[s.offset..s.offset + s.sql.len()], s.sql);
            assert!(!s.sql.is_empty() && s.sql.trim() == s.sql, "{d:?} {input:?} {s:?}");
            assert!(s.offset >= last_end, "{d:?} {input:?}");
            last_end = s.offset + s.sql.len();
            assert_eq!(s.line, 1 + input[..s.offset].matches('\n').count(), "{d:?} {input:?}");
        }
    }

    #[test]
    fn fuzz_never_panics_and_returns_slices() {
        const PIECES: &[&str] = &[
            ";",
            ";",
            "'",
            "\"",
            "`",
            "[",
            "]",
            "$",
            "$$",
            "$a$",
            "$1",
            "-",
            "--",
            "#",
            "/",
            "*",
            "/*",
            "*/",
            "/*!",
            "\\",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "(",
            ")",
            ",",
            ".",
            ":",
            "e",
            "E'",
            "a",
            "1",
            "é",
            "€",
            "😀",
            "\u{feff}",
            "\u{a0}",
            "BEGIN",
            "begin",
            "END",
            "CASE",
            "CREATE",
            "TRIGGER",
            "PROCEDURE",
            "FUNCTION",
            "EVENT",
            "IF",
            "NOT",
            "EXISTS",
            "ATOMIC",
            "LOOP",
            "WHILE",
            "REPEAT",
            "FOR",
            "IN",
            "SELECT",
            "DELIMITER ",
            "DELIMITER $$\n",
            "DELIMITER ;\n",
            "DELIMITER €\n",
            "DELIMITER //\n",
            "//",
        ];
        // xorshift64*: deterministic, no dependencies.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for _ in 0..6000 {
            let len = (next() % 40) as usize;
            let mut input = String::new();
            for _ in 0..len {
                let piece = PIECES[(next() % PIECES.len() as u64) as usize];
                input.push_str(piece);
                if next() % 3 == 0 {
                    input.push(' ');
                }
            }
            for d in ALL {
                check_invariants(&input, d);
            }
        }
    }

    #[test]
    fn is_wrapped_only_when_the_first_parenthesis_closes_last() {
        assert!(is_wrapped("((a) + (b))", Sqlite));
        assert!(!is_wrapped("(a) + (b)", Sqlite));
        assert!(is_wrapped("(a = ')')", Sqlite));
        assert!(is_wrapped("(a = 'it\\'s)')", Mysql), "a backslash-escaped quote stays inside the string");
        assert!(!is_wrapped("a + (b)", Postgres));
        assert!(!is_wrapped("((a)", Postgres), "unbalanced");
    }
}
