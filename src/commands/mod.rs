//! Thin command handlers: resolve the context, call the core, render the result.
use std::process::ExitCode;

pub mod models;

pub fn main() -> ExitCode {
    ExitCode::SUCCESS
}
