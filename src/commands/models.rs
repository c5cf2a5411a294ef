//! `cargo migrate models`: print the model registry.
use crate::context::Context;
use crate::error::Result;

pub fn run(_ctx: &Context) -> Result<()> {
    Ok(())
}
