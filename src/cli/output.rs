//! Output at the edge: results to stdout (text or JSON), diagnostics and progress
//! to stderr, colour only when wanted. Styles are `anstyle`'s and the streams
//! `anstream`'s (clap's own), told our colour decision: with colour off, they strip
//! any escape sequence, so none reaches a pipe or a `NO_COLOR` terminal.

use std::io::Write;

use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Effects};

#[derive(Debug, Clone, Copy)]
pub enum Style {
    Bold,
    Green,
    Yellow,
    Red,
    Dim,
    Cyan,
}

#[derive(Debug, Clone)]
pub struct Output {
    pub json: bool,
    pub color: bool,
    pub quiet: bool,
    pub verbose: u8,
}

impl Output {
    /// `--color`: `always`/`never` win; `auto` means a terminal on stderr and no `NO_COLOR`.
    pub fn wants_color(choice: crate::cli::args::ColorChoice, no_color: Option<&str>) -> bool {
        match choice {
            crate::cli::args::ColorChoice::Always => true,
            crate::cli::args::ColorChoice::Never => false,
            crate::cli::args::ColorChoice::Auto => no_color.is_none_or(str::is_empty) && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        }
    }

    pub fn new(json: bool, color: bool, quiet: bool, verbose: u8) -> Self {
        Output { json, color, quiet, verbose }
    }

    pub fn paint(&self, style: Style, text: impl std::fmt::Display) -> String {
        if !self.color {
            return text.to_string();
        }
        let style = match style {
            Style::Bold => anstyle::Style::new().effects(Effects::BOLD),
            Style::Green => AnsiColor::Green.on_default(),
            Style::Yellow => AnsiColor::Yellow.on_default(),
            Style::Red => AnsiColor::Red.on_default(),
            Style::Dim => anstyle::Style::new().effects(Effects::DIMMED),
            Style::Cyan => AnsiColor::Cyan.on_default(),
        };
        format!("{style}{text}{style:#}")
    }

    fn choice(&self) -> ColorChoice {
        if self.color {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        }
    }

    fn stdout(&self) -> AutoStream<std::io::StdoutLock<'static>> {
        AutoStream::new(std::io::stdout(), self.choice()).lock()
    }

    fn stderr(&self) -> AutoStream<std::io::StderrLock<'static>> {
        AutoStream::new(std::io::stderr(), self.choice()).lock()
    }

    /// A result line on stdout.
    pub fn line(&self, text: impl std::fmt::Display) {
        let _ = writeln!(self.stdout(), "{text}");
    }

    /// A JSON document on stdout (escapes inside strings are JSON-escaped, never raw).
    pub fn json_value(&self, value: &serde_json::Value) {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }

    /// Progress and what was done, on stderr (silenced by `-q`).
    pub fn status(&self, text: impl std::fmt::Display) {
        if !self.quiet {
            let _ = writeln!(self.stderr(), "{text}");
        }
    }

    /// Detail shown with `-v`.
    pub fn detail(&self, text: impl std::fmt::Display) {
        if self.verbose > 0 && !self.quiet {
            let _ = writeln!(self.stderr(), "{}", self.paint(Style::Dim, text));
        }
    }

    pub fn warn(&self, text: impl std::fmt::Display) {
        let _ = writeln!(self.stderr(), "{}: {text}", self.paint(Style::Yellow, "warning"));
    }

    pub fn error(&self, text: impl std::fmt::Display) {
        let _ = writeln!(self.stderr(), "{}: {text}", self.paint(Style::Red, "error"));
    }
}

/// The apply loop's progress, as this output shows it.
impl crate::engine::progress::Progress for Output {
    fn warn(&self, text: &str) {
        Output::warn(self, text);
    }

    fn detail(&self, text: &str) {
        Output::detail(self, text);
    }

    fn finished(&self, step: Option<(usize, usize)>, direction: crate::error::failure::Direction, name: &str, took: std::time::Duration) {
        let progress = step.map(|(i, n)| format!("[{i}/{n}] ")).unwrap_or_default();
        let past = if direction == crate::error::failure::Direction::Up { "applied" } else { "reverted" };
        self.status(format!("{progress}{} {name} {}", self.paint(Style::Green, past), self.paint(Style::Dim, format!("({} ms)", took.as_millis()))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes scripts and tests have always seen, now written by `anstyle`.
    #[test]
    fn paint_writes_the_usual_sgr_codes_and_nothing_without_colour() {
        let on = Output::new(false, true, false, 0);
        assert_eq!(on.paint(Style::Green, "applied"), "\x1b[32mapplied\x1b[0m");
        assert_eq!(on.paint(Style::Red, "error"), "\x1b[31merror\x1b[0m");
        assert_eq!(on.paint(Style::Bold, "b"), "\x1b[1mb\x1b[0m");
        assert_eq!(on.paint(Style::Dim, "d"), "\x1b[2md\x1b[0m");
        assert_eq!(Output::new(false, false, false, 0).paint(Style::Yellow, "w"), "w");
    }
}
