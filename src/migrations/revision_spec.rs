//! Revision specs, as Alembic users type them: `head`, `base`, `current`, `+N`,
//! `-N`, `current+N`, `head-1`, a revision id (`0007` or `7`), a directory name or a
//! unique prefix of one, and `A:B` ranges. A spec resolves to a position on the
//! chain: 0 is base, N is the Nth migration.

use crate::error::{Error, Result};
use crate::migrations::chain::Chain;
use crate::migrations::position::Position;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Head,
    Base,
    Current,
    Revision(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub anchor: Anchor,
    pub delta: i64,
    pub text: String,
}

impl Spec {
    pub fn parse(text: &str) -> Result<Spec> {
        let t = text.trim();
        if t.is_empty() {
            return Err(Error::Spec("empty revision spec; use head, base, current, +N, -N or a revision such as 0003".into()));
        }
        // `+2` / `-1` are relative to current.
        if let Some(first) = t.chars().next().filter(|c| *c == '+' || *c == '-') {
            let n = parse_delta(&t[1..], text)?;
            return Ok(Spec { anchor: Anchor::Current, delta: if first == '-' { -n } else { n }, text: text.into() });
        }
        // `head-1`, `current+2`, `0003+1`: the sign after the anchor.
        let (anchor_text, delta) = match t.rfind(['+', '-']) {
            Some(i) if i > 0 => {
                let n = parse_delta(&t[i + 1..], text)?;
                (&t[..i], if &t[i..=i] == "-" { -n } else { n })
            }
            _ => (t, 0),
        };
        let anchor = match anchor_text.to_ascii_lowercase().as_str() {
            "head" | "heads" => Anchor::Head,
            "base" => Anchor::Base,
            "current" => Anchor::Current,
            _ => Anchor::Revision(anchor_text.to_string()),
        };
        Ok(Spec { anchor, delta, text: text.into() })
    }

    pub fn needs_current(&self) -> bool {
        self.anchor == Anchor::Current
    }

    /// Resolves to a chain position; `current` is the position the database is at.
    pub fn resolve(&self, chain: &Chain, current: Option<Position>) -> Result<Position> {
        let base = match &self.anchor {
            Anchor::Head => chain.head_position(),
            Anchor::Base => Position::BASE,
            Anchor::Current => current.ok_or_else(|| {
                Error::Spec(format!(
                    "`{}` is relative to the database's current revision; give an explicit revision instead (offline mode cannot read the database)",
                    self.text
                ))
            })?,
            Anchor::Revision(r) => find_revision(chain, r)?,
        };
        // Wide enough that no step count overflows, however far past either end.
        let target = i128::from(base.get()) + i128::from(self.delta);
        if target < 0 {
            return Err(Error::Spec(format!("`{}` goes {} step(s) below base: the database is {} step(s) above it", self.text, -target, base)));
        }
        if target > chain.len() as i128 {
            return Err(Error::Spec(format!(
                "`{}` goes {} step(s) past head ({} is the newest migration)",
                self.text,
                target - chain.len() as i128,
                chain.head().map(|m| m.name.as_str()).unwrap_or("base")
            )));
        }
        Ok(Position::new(target as u64))
    }
}

fn parse_delta(digits: &str, text: &str) -> Result<i64> {
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0 && digits.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| Error::Spec(format!("`{text}`: expected a number of steps after the sign, e.g. +1 or -2")))
}

/// A revision id (by number, so `7` finds `0007`), a directory name, or a unique
/// prefix of a directory name or slug.
pub fn find_revision(chain: &Chain, text: &str) -> Result<Position> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let n: u64 = text.parse().map_err(|_| Error::Spec(format!("`{text}` is not a revision number")))?;
        if n == 0 {
            return Ok(Position::BASE);
        }
        if let Some(m) = chain.migrations.iter().find(|m| m.position().get() == n) {
            return Ok(m.position());
        }
        return Err(unknown(chain, text));
    }
    if let Some(m) = chain.migrations.iter().find(|m| m.name == text) {
        return Ok(m.position());
    }
    let lower = text.to_ascii_lowercase();
    let matches: Vec<usize> = chain
        .migrations
        .iter()
        .enumerate()
        .filter(|(_, m)| m.name.to_ascii_lowercase().starts_with(&lower) || m.slug().to_ascii_lowercase().starts_with(&lower))
        .map(|(i, _)| i)
        .collect();
    match matches.as_slice() {
        [i] => Ok(chain.migrations[*i].position()),
        [] => Err(unknown(chain, text)),
        many => Err(Error::Spec(format!(
            "`{text}` is ambiguous; it matches {}",
            many.iter().map(|i| chain.migrations[*i].name.as_str()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

fn unknown(chain: &Chain, text: &str) -> Error {
    let lower = text.to_ascii_lowercase();
    let mut close: Vec<(usize, &str)> = chain
        .migrations
        .iter()
        .filter(|_| !text.bytes().all(|b| b.is_ascii_digit()))
        .map(|m| {
            // Compare with the whole slug and with its start, so a typo in a prefix is found.
            let slug = m.slug().to_ascii_lowercase();
            let start: String = slug.chars().take(lower.chars().count()).collect();
            let d = edit_distance(&lower, &slug).min(edit_distance(&lower, &start));
            let d = if m.name.to_ascii_lowercase().contains(&lower) { 0 } else { d };
            (d, m.name.as_str())
        })
        .filter(|(d, _)| *d <= 2.max(text.len() / 4))
        .collect();
    close.sort();
    let hint = if close.is_empty() {
        match (chain.migrations.first(), chain.head()) {
            (Some(first), Some(head)) => format!("revisions run from {} to {}", first.name, head.name),
            _ => "the migrations directory is empty".to_string(),
        }
    } else {
        format!("did you mean {}?", close.iter().take(3).map(|(_, n)| *n).collect::<Vec<_>>().join(", "))
    };
    Error::Spec(format!("can't locate revision `{text}` in `{}`: {hint}", chain.dir.display()))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `A:B` (either side may be empty: `:head`, `0002:`), as used by `history -r` and `--sql`.
pub fn parse_range(text: &str) -> Option<(Option<Spec>, Option<Spec>)> {
    let (a, b) = text.split_once(':')?;
    let side = |s: &str| if s.trim().is_empty() { Ok(None) } else { Spec::parse(s).map(Some) };
    Some((side(a).ok()?, side(b).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::chain::{Metadata, Migration};
    use std::path::PathBuf;

    fn chain(names: &[&str]) -> Chain {
        let migrations = names
            .iter()
            .enumerate()
            .map(|(i, n)| Migration {
                id: format!("{:04}", i + 1),
                number: i as u32 + 1,
                name: format!("{:04}_{n}", i + 1),
                path: PathBuf::from(n),
                meta: Metadata::default(),
            })
            .collect();
        Chain { dir: PathBuf::from("migrations"), migrations, width: 4 }
    }

    fn at(spec: &str, current: Option<u64>) -> Result<u64> {
        Spec::parse(spec)?.resolve(&chain(&["create_users", "add_posts", "add_phone", "add_index"]), current.map(Position::new)).map(Position::get)
    }

    #[test]
    fn named_and_relative_specs() {
        assert_eq!(at("head", None).unwrap(), 4);
        assert_eq!(at("base", None).unwrap(), 0);
        assert_eq!(at("current", Some(2)).unwrap(), 2);
        assert_eq!(at("+1", Some(2)).unwrap(), 3);
        assert_eq!(at("-2", Some(2)).unwrap(), 0);
        assert_eq!(at("current+2", Some(1)).unwrap(), 3);
        assert_eq!(at("head-1", None).unwrap(), 3);
        assert_eq!(at("0002+1", None).unwrap(), 3);
    }

    #[test]
    fn revisions_by_number_name_and_prefix() {
        assert_eq!(at("0003", None).unwrap(), 3);
        assert_eq!(at("3", None).unwrap(), 3);
        assert_eq!(at("0", None).unwrap(), 0);
        assert_eq!(at("0002_add_posts", None).unwrap(), 2);
        assert_eq!(at("add_ph", None).unwrap(), 3);
        assert_eq!(at("0004_add", None).unwrap(), 4);
    }

    #[test]
    fn errors_explain_and_suggest() {
        let e = at("add", None).unwrap_err().to_string();
        assert!(e.contains("ambiguous") && e.contains("0002_add_posts") && e.contains("0004_add_index"), "{e}");
        let e = at("add_phon3", None).unwrap_err().to_string();
        assert!(e.contains("can't locate revision") && e.contains("0003_add_phone"), "{e}");
        let e = at("0009", None).unwrap_err().to_string();
        assert!(e.contains("can't locate") && e.contains("0001_create_users to 0004_add_index"), "{e}");
        assert!(at("-3", Some(2)).unwrap_err().to_string().contains("below base"));
        assert!(at("+3", Some(2)).unwrap_err().to_string().contains("past head"));
        assert!(at("current", None).unwrap_err().to_string().contains("offline"));
        assert!(Spec::parse("+x").is_err());
        assert!(Spec::parse("").is_err());
    }

    /// Found by fuzzing: the step count added to the position overflowed.
    #[test]
    fn steps_beyond_any_chain_are_errors() {
        let e = at("+9223372036854775807", Some(2)).unwrap_err().to_string();
        assert!(e.contains("goes 9223372036854775805 step(s) past head"), "{e}");
        let e = at("head-9223372036854775807", None).unwrap_err().to_string();
        assert!(e.contains("goes 9223372036854775803 step(s) below base"), "{e}");
    }

    #[test]
    fn ranges() {
        let (a, b) = parse_range("base:0003").unwrap();
        assert_eq!(a.unwrap().anchor, Anchor::Base);
        assert_eq!(b.unwrap().anchor, Anchor::Revision("0003".into()));
        let (a, b) = parse_range(":head").unwrap();
        assert!(a.is_none() && b.is_some());
        assert!(parse_range("head").is_none());
    }
}
