//! What the apply loop tells the user while it runs. The engine says what happened;
//! how it looks (stderr, colour, `-q`, `-v`) is the CLI's (`cli::output` implements this).

use std::time::Duration;

use crate::error::failure::Direction;

pub trait Progress {
    /// Something the user should know that does not stop the run.
    fn warn(&self, text: &str);
    /// Detail for `-v`: the statement being run, a migration another process applied.
    fn detail(&self, text: &str);
    /// One migration finished `direction`-wards in `took`; `step` is `Some((i, n))`
    /// when it is the i-th of n in this run.
    fn finished(&self, step: Option<(usize, usize)>, direction: Direction, name: &str, took: Duration);
}
