//! Thin command handlers: resolve the context, call the core, render the result.
use std::process::ExitCode;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
