//! Where in its file a failed migration failed: the statement to blame (replayed one
//! by one when the file ran as a batch) and the line:column the database pointed at.
//! The report itself ([`crate::error::failure::MigrationFailure`]) is plain data.

use crate::dialect::connection::{Connection, Diagnostic};
use crate::dialect::lexer;

/// The 1-based line and column (in characters) of the `char_pos`-th character
/// (1-based, as PostgreSQL counts) of `sent`, a slice of `file_text` starting at byte `base`.
pub(super) fn pointer(file_text: &str, base: usize, sent: &str, char_pos: usize) -> Option<(usize, usize)> {
    let byte = sent.char_indices().nth(char_pos.checked_sub(1)?)?.0;
    let before = file_text.get(..base + byte)?;
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, col))
}

/// Replays statements one by one inside a transaction that is always rolled
/// back, returning the first failure: (index of the statement, what the database said).
pub(super) fn locate_failure(conn: &mut Connection, begin: &str, statements: &[lexer::Statement<'_>]) -> Option<(usize, Diagnostic)> {
    conn.batch_execute(begin).ok()?;
    let found = statements.iter().enumerate().find_map(|(k, s)| conn.batch_execute(s.sql).err().map(|e| (k, Diagnostic::from(&e))));
    let _ = conn.batch_execute("ROLLBACK");
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::Backend;

    /// PostgreSQL counts characters, not bytes, from 1, in the text that was sent: a
    /// statement in the middle of a file with non-ASCII text before the error.
    #[test]
    fn positions_become_lines_and_columns_of_the_file() {
        let file = "-- café\nSELECT 1;\n\nSELECT 'é',  f(1);\n";
        let s = &lexer::split(file, Backend::Postgres)[1];
        assert_eq!(pointer(file, s.offset, s.sql, 13), Some((4, 13)));
        // The whole file as one batch: position 1 is the first character.
        assert_eq!(pointer(file, 0, file, 1), Some((1, 1)));
        assert_eq!(pointer(file, 0, file, 9), Some((2, 1)));
        assert_eq!(pointer(file, 0, file, 0), None);
        assert_eq!(pointer(file, 0, file, 10_000), None);
    }
}
