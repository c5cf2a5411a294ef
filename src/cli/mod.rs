//! The command-line edge: [`args`] parses the command line into plain data,
//! [`context`] resolves it once into a validated context, a handler in [`commands`]
//! wires the lower layers together, and [`output`] renders the result for humans or
//! as JSON. This is the only layer that knows about flags and terminals.

pub mod args;
pub mod commands;
pub mod context;
pub mod output;
