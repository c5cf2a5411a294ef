//! Output at the edge: results to stdout (text or JSON), diagnostics and progress
//! to stderr, colour only when wanted.

use std::io::Write;

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
        let code = match style {
            Style::Bold => "1",
            Style::Green => "32",
            Style::Yellow => "33",
            Style::Red => "31",
            Style::Dim => "2",
            Style::Cyan => "36",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A result line on stdout.
    pub fn line(&self, text: impl std::fmt::Display) {
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }

    /// A JSON document on stdout.
    pub fn json_value(&self, value: &serde_json::Value) {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }

    /// Progress and what was done, on stderr (silenced by `-q`).
    pub fn status(&self, text: impl std::fmt::Display) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{text}");
        }
    }

    /// Detail shown with `-v`.
    pub fn detail(&self, text: impl std::fmt::Display) {
        if self.verbose > 0 && !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{}", self.paint(Style::Dim, text));
        }
    }

    pub fn warn(&self, text: impl std::fmt::Display) {
        let _ = writeln!(std::io::stderr().lock(), "{}: {text}", self.paint(Style::Yellow, "warning"));
    }

    pub fn error(&self, text: impl std::fmt::Display) {
        let _ = writeln!(std::io::stderr().lock(), "{}: {text}", self.paint(Style::Red, "error"));
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
