//! The offline script (`upgrade --sql`, `downgrade --sql`): the SQL the apply loop
//! would run between two positions, state-table writes included, to be run by hand.
//!
//! Apart from the apply loop ([`super::apply`]): it builds the same steps, but never
//! connects, locks or reports.

use crate::backend::Backend;
use crate::dialect::lexer;
use crate::engine::apply::Step;
use crate::engine::state::{self, Direction};
use crate::error::Result;
use crate::migrations::chain::{Chain, Migration};
use crate::migrations::position::Position;

/// What a script appends to `body` so its last statement ends before ours begin:
/// nothing when it is terminated, else `;`, on a line of its own when a comment
/// follows the statement (the `;` would be part of the comment).
fn terminator(body: &str, backend: Backend) -> &'static str {
    let Some(last) = lexer::split(body, backend).pop() else { return "" };
    if last.offset + last.sql.len() == body.len() {
        return ";";
    }
    // A statement after the body stands alone only if the body's last one was ended.
    let probe = format!("{body}\nSELECT 1");
    if lexer::split(&probe, backend).last().is_some_and(|s| s.offset == body.len() + 1) {
        ""
    } else {
        "\n;"
    }
}

/// The offline (`--sql`) script for moving from position `from` to `to`.
pub fn script(chain: &Chain, backend: Backend, from: Position, to: Position) -> Result<String> {
    let mut out = String::new();
    let (direction, range): (Direction, Vec<&Migration>) = if to >= from {
        (Direction::Up, chain.up_to(to)[from.count()..].iter().collect())
    } else {
        (Direction::Down, chain.up_to(from)[to.count()..].iter().rev().collect())
    };
    // Directory names and messages may hold line breaks, which must not end a comment.
    out.push_str(&crate::dialect::render::comment(&format!(
        "cargo migrate {} {}:{} for {}",
        if direction == Direction::Up { "upgrade" } else { "downgrade" },
        chain.name_at(from),
        chain.name_at(to),
        backend.name()
    )));
    out.push('\n');
    for s in state::create_tables(backend) {
        out.push_str(&s.render(backend));
        out.push('\n');
    }
    for m in range {
        let step = match direction {
            Direction::Up => Step::up(m, backend)?,
            Direction::Down => Step {
                version: m.id.clone(),
                name: m.name.clone(),
                direction,
                transactional: backend.transactional_ddl() && m.meta.run_in_transaction(),
                file: m.down_path(),
                sql: m.read_down()?,
                record: None,
                legacy: m.diesel_alias().into_iter().map(str::to_string).collect(),
                prior: None,
            },
        };
        let verb = if direction == Direction::Up { "Running upgrade" } else { "Running downgrade" };
        out.push_str(&format!("\n{}\n", crate::dialect::render::comment(&format!("{verb} {} ({})", m.name, m.title()))));
        if step.transactional {
            out.push_str("BEGIN;\n");
        }
        let body = step.sql.trim_end();
        out.push_str(body);
        out.push_str(terminator(body, backend));
        out.push('\n');
        let mut stmts = Vec::new();
        match direction {
            Direction::Up => {
                let mut r = step.record.clone().expect("up steps carry a record");
                r.applied_at = "offline".into();
                r.detail = Some("applied from a --sql script".into());
                stmts.push(state::insert_diesel(&m.id));
                stmts.extend(step.legacy.iter().map(|v| state::insert_diesel(v)));
                stmts.push(state::upsert_record(&r, backend));
            }
            Direction::Down => {
                stmts.push(state::delete_diesel(&m.id));
                stmts.extend(step.legacy.iter().map(|v| state::delete_diesel(v)));
                stmts.push(state::delete_record(&m.id));
            }
        }
        for s in stmts {
            out.push_str(&s.render(backend));
            out.push('\n');
        }
        if step.transactional {
            out.push_str("COMMIT;\n");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain_of(ups: &[&str]) -> (tempfile::TempDir, Chain) {
        let t = tempfile::tempdir().unwrap();
        for (i, up) in ups.iter().enumerate() {
            let d = t.path().join(format!("{:04}_m", i + 1));
            std::fs::create_dir(&d).unwrap();
            std::fs::write(d.join("up.sql"), up).unwrap();
            std::fs::write(d.join("down.sql"), "").unwrap();
            let meta = crate::migrations::chain::Metadata { revises: (i > 0).then(|| format!("{i:04}")), ..Default::default() };
            std::fs::write(d.join("metadata.toml"), meta.to_toml()).unwrap();
        }
        let chain = crate::migrations::chain::load(t.path()).unwrap();
        (t, chain)
    }

    /// Found by fuzzing: a last statement without `;` and with a comment after it
    /// got its `;` inside the comment, and ran on into our bookkeeping.
    #[test]
    fn the_script_terminates_each_migration_outside_its_comments() {
        let (_t, chain) = chain_of(&["CREATE TABLE a (id INT) -- no semicolon", "CREATE TABLE b (id INT)", "CREATE TABLE c (id INT); -- done"]);
        let sql = script(&chain, Backend::Sqlite, Position::BASE, Position::new(3)).unwrap();
        let statements: Vec<&str> = lexer::split(&sql, Backend::Sqlite).into_iter().map(|s| s.sql).collect();
        for table in ["a", "b", "c"] {
            assert!(statements.contains(&format!("CREATE TABLE {table} (id INT)").as_str()), "{sql}");
        }
        assert_eq!(statements.iter().filter(|s| s.starts_with("INSERT INTO __diesel_schema_migrations ")).count(), 3, "{sql}");
        assert!(sql.contains("CREATE TABLE b (id INT);\n") && sql.contains("CREATE TABLE c (id INT); -- done\n"), "{sql}");
    }
}
