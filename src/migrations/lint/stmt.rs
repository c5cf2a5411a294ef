//! One statement as the lexer's tokens, with the small vocabulary the rules read it by:
//! keywords at a position, qualified names, parenthesised groups, comma-separated parts.
//! Strings, quoted identifiers, comments and `$$` bodies are single tokens (or no token),
//! so no rule can see inside them.

use crate::backend::Backend;
use crate::dialect::lexer::{self, Lexeme, LexemeKind};

pub struct Stmt<'a> {
    pub toks: Vec<Lexeme<'a>>,
    /// Parenthesis depth before each token.
    depth: Vec<u32>,
    text: &'a str,
    /// 1-based line of the statement's first byte in its file.
    line: usize,
}

impl<'a> Stmt<'a> {
    pub fn new(text: &'a str, line: usize, backend: Backend) -> Self {
        let toks: Vec<Lexeme<'a>> = lexer::tokens(text, backend).filter(|t| t.kind != LexemeKind::Delimiter).collect();
        let mut depth = Vec::with_capacity(toks.len());
        let mut d = 0u32;
        for t in &toks {
            if t.kind == LexemeKind::Punct(b')') {
                d = d.saturating_sub(1);
            }
            depth.push(d);
            if t.kind == LexemeKind::Punct(b'(') {
                d += 1;
            }
        }
        Stmt { toks, depth, text, line }
    }

    /// The statement as written.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether token `i` is the unquoted keyword `k`.
    pub fn kw(&self, i: usize, k: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_keyword(k))
    }

    /// Whether tokens from `i` are the keywords `ks`, in order.
    pub fn seq(&self, i: usize, ks: &[&str]) -> bool {
        ks.iter().enumerate().all(|(n, k)| self.kw(i + n, k))
    }

    /// Whether token `i` is the one-byte punctuation `c`.
    pub fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == LexemeKind::Punct(c))
    }

    /// The first `i` in `range` at the depth of `range.start` where `ks` start.
    pub fn find(&self, range: std::ops::Range<usize>, ks: &[&str]) -> Option<usize> {
        let base = self.depth.get(range.start).copied().unwrap_or(0);
        range.clone().find(|&i| self.depth[i] == base && self.seq(i, ks))
    }

    /// Whether any token in `range` at any depth is the keyword `k`.
    pub fn any_kw(&self, range: std::ops::Range<usize>, k: &str) -> bool {
        range.into_iter().any(|i| self.kw(i, k))
    }

    /// Skips `IF EXISTS` / `IF NOT EXISTS` at `i`.
    pub fn skip_if_exists(&self, i: usize) -> usize {
        if self.seq(i, &["IF", "NOT", "EXISTS"]) {
            i + 3
        } else if self.seq(i, &["IF", "EXISTS"]) {
            i + 2
        } else {
            i
        }
    }

    /// The name token `i` stands for: an unquoted word folded to lower case (as
    /// PostgreSQL folds it), a quoted identifier as written.
    pub fn ident(&self, i: usize) -> Option<String> {
        let t = self.toks.get(i)?;
        match t.kind {
            LexemeKind::Word => Some(t.text.to_ascii_lowercase()),
            LexemeKind::QuotedIdent => t.ident(),
            _ => None,
        }
    }

    /// A possibly qualified name (`schema.table`) at `i`: its last part and the index
    /// after it.
    pub fn name(&self, i: usize) -> Option<(String, usize)> {
        let mut name = self.ident(i)?;
        let mut j = i + 1;
        while self.punct(j, b'.') {
            name = self.ident(j + 1)?;
            j += 2;
        }
        Some((name, j))
    }

    /// The index after the parenthesised group that opens at `i` (or `i` when none does).
    pub fn skip_group(&self, i: usize) -> usize {
        if !self.punct(i, b'(') {
            return i;
        }
        let d = self.depth[i];
        (i + 1..self.len()).find(|&j| self.depth[j] == d && self.punct(j, b')')).map_or(self.len(), |j| j + 1)
    }

    /// `range` split at its top-level commas.
    pub fn parts(&self, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
        let base = self.depth.get(range.start).copied().unwrap_or(0);
        let mut out = Vec::new();
        let mut start = range.start;
        for i in range.clone() {
            if self.depth[i] == base && self.punct(i, b',') {
                out.push(start..i);
                start = i + 1;
            }
        }
        if start < range.end {
            out.push(start..range.end);
        }
        out
    }

    /// The 1-based file line of token `i`.
    pub fn line_of(&self, i: usize) -> usize {
        let offset = self.toks.get(i).map_or(0, |t| t.offset);
        self.line + self.text[..offset].bytes().filter(|&b| b == b'\n').count()
    }

    /// The text of the line token `i` is on (within the statement), trimmed: what a
    /// report quotes, the clause itself rather than the statement's first line.
    pub fn line_text(&self, i: usize) -> &'a str {
        let offset = self.toks.get(i).map_or(0, |t| t.offset);
        let start = self.text[..offset].rfind('\n').map_or(0, |n| n + 1);
        let end = self.text[offset..].find('\n').map_or(self.text.len(), |n| offset + n);
        self.text[start..end].trim()
    }
}
