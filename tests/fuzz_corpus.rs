//! Replays the fuzz corpus and every crash reproducer (`fuzz/corpus/<target>/`,
//! `fuzz/regressions/<target>/`) through the fuzz targets' own harness, so the
//! bugs fuzzing found stay fixed without nightly or libFuzzer. `fuzz/run` fuzzes.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let fuzz_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let inputs = harness::inputs(&fuzz_dir, target);
    assert!(!inputs.is_empty(), "no corpus for `{target}` under {}", fuzz_dir.display());
    for path in inputs {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Name the input that broke, as libFuzzer would.
        let outcome = std::panic::catch_unwind(|| run(&data));
        if let Err(panic) = outcome {
            eprintln!("{target}: {} fails; reproduce with `fuzz/run {target} {}`", path.display(), path.display());
            std::panic::resume_unwind(panic);
        }
    }
}

#[test]
fn models() {
    replay("models", harness::models);
}

#[test]
fn chain() {
    replay("chain", harness::chain);
}

#[test]
fn revision_spec() {
    replay("revision_spec", harness::revision_spec);
}
