//! `upgrade --retry-lock-timeout N`: a migration that failed because it could not get
//! a table lock within PostgreSQL's `lock_timeout` (SQLSTATE `55P03`,
//! `lock_not_available`), and of which nothing stayed, is run again after a pause
//! that doubles each time, up to N times. Any other failure, or one that left
//! something behind (an INVALID index from `CREATE INDEX CONCURRENTLY`), fails as
//! before: retrying it could not make it whole.
//!
//! Diesel reports a PostgreSQL error's message but not its SQLSTATE, so the failing
//! statement is replayed once more, after the statements before it, in a transaction
//! that is always rolled back, inside a PL/pgSQL handler that returns `SQLSTATE`:
//! the decision is the code the server gives, never the text of a message.

use std::time::Duration;

use crate::backend::Backend;
use crate::dialect::connection::{Connection, Param};
use crate::dialect::lexer;
use crate::engine::apply::{run_step, Report, Step};
use crate::engine::progress::Progress;
use crate::error::failure::{Kept, Located, MigrationFailure};
use crate::error::{Error, Result};

/// PostgreSQL's `lock_not_available`: what `lock_timeout` raises.
pub const LOCK_NOT_AVAILABLE: &str = "55P03";

/// The pause before retry `attempt` (1-based): 1 s, 2 s, 4 s… at most 30 s.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.saturating_sub(1).min(5)).min(Duration::from_secs(30))
}

/// Runs `step`, and again after a pause while it fails on a lock timeout with nothing
/// kept, at most `retries` more times; prints each retry.
pub(super) fn run_retrying(conn: &mut Connection, step: Step, out: &dyn Progress, at: (usize, usize), report: &mut Report, retries: u32) -> Result<()> {
    let mut attempt = 0;
    loop {
        let result = run_step(conn, step.clone(), out, at, report);
        let Err(Error::MigrationFailed(failure)) = result else { return result };
        if attempt >= retries || !lock_timed_out(conn, &step, &failure) {
            return Err(Error::MigrationFailed(failure));
        }
        attempt += 1;
        let pause = backoff(attempt);
        out.warn(&format!(
            "{} could not get a lock within lock_timeout (SQLSTATE {LOCK_NOT_AVAILABLE}) and nothing of it was kept; retry {attempt} of {retries} in {} s",
            step.name,
            pause.as_secs()
        ));
        std::thread::sleep(pause);
    }
}

/// Whether `failure` is a PostgreSQL lock timeout of which nothing stayed.
fn lock_timed_out(conn: &mut Connection, step: &Step, failure: &MigrationFailure) -> bool {
    let nothing_kept = matches!(failure.kept, Kept::Nothing | Kept::NothingStayed { restored: true, .. } | Kept::StatementUndone { restored: true });
    let Located::Statement { number, .. } = failure.at else { return false };
    if conn.backend() != Backend::Postgres || !nothing_kept {
        return false;
    }
    let statements = lexer::split(&step.sql, Backend::Postgres);
    let Some(failed) = statements.get(number - 1) else { return false };
    let before: Vec<&str> = statements[..number - 1].iter().map(|s| s.sql).filter(|s| lexer::tx_control(s).is_none()).collect();
    replayed_sqlstate(conn, &before, failed.sql).as_deref() == Some(LOCK_NOT_AVAILABLE)
}

/// The SQLSTATE `statement` raises after `before`, in a transaction rolled back
/// whatever happens (`00000`: it did not fail this time); `None` when the replay
/// itself could not run.
fn replayed_sqlstate(conn: &mut Connection, before: &[&str], statement: &str) -> Option<String> {
    conn.batch_execute("BEGIN").ok()?;
    let state = (|| {
        for s in before {
            conn.batch_execute(s).ok()?;
        }
        conn.batch_execute(
            "CREATE FUNCTION pg_temp.cargo_migrate_sqlstate(statement text) RETURNS text LANGUAGE plpgsql AS $probe$
             BEGIN EXECUTE statement; RETURN '00000'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END $probe$",
        )
        .ok()?;
        let rows = conn.query_texts("SELECT pg_temp.cargo_migrate_sqlstate(?) AS value", &[Param::Text(statement.to_string())]).ok()?;
        rows.into_iter().next().flatten()
    })();
    let _ = conn.batch_execute("ROLLBACK");
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_up_to_half_a_minute() {
        let secs: Vec<u64> = (1..=8).map(|a| backoff(a).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 30, 30, 30]);
    }
}
