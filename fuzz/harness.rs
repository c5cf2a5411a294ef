//! What each fuzz target does with one input, shared by the libFuzzer targets in
//! `fuzz_targets/` and by `tests/fuzz_corpus.rs`, which replays the committed
//! corpus and every crash reproducer on stable in normal CI.
//!
//! Errors are expected answers to garbage; only panics, hangs and broken
//! invariants (asserted here) are bugs.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use cargo_migrate::backend::Backend;
use cargo_migrate::dialect::lexer as sql_split;
use cargo_migrate::migrations::autogenerate;
use cargo_migrate::migrations::chain::{self, Chain, Metadata, Migration};
use cargo_migrate::migrations::lint;
use cargo_migrate::migrations::position::Position;
use cargo_migrate::migrations::revision_spec::{self, Spec};
use cargo_migrate::migrations::snapshot::Snapshot;
use cargo_migrate::schema::diff;
use cargo_migrate::schema::model::Schema;
use cargo_migrate::schema::registry;

/// Separates the parts of one input (model files, migration fields, spec and names):
/// NUL never occurs in a file name and ends Rust and SQL lexing, so the parts stay
/// readable text while the fuzzer can still splice one.
const SEP: u8 = 0;

const BACKENDS: [(Backend, Backend); 3] = [(Backend::Sqlite, Backend::Sqlite), (Backend::Postgres, Backend::Postgres), (Backend::Mysql, Backend::Mysql)];

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/// The model registry and what autogenerate does with its schema. Parts separated
/// by NUL are model files: with one part the old schema is empty; with more, the
/// first part is the old models and the rest the new ones, so alters and renames
/// are diffed too.
pub fn models(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return models_not_utf8(data);
    };
    let parts: Vec<&str> = text.split(SEP as char).take(4).collect();
    let (old, new) = match parts.as_slice() {
        [one] => (Some(Schema::default()), assemble(&[*one])),
        [first, rest @ ..] => (assemble(&[*first]), assemble(rest)),
        [] => unreachable!("split yields at least one part"),
    };
    for schema in [&old, &new].into_iter().flatten() {
        snapshot_round_trips(schema);
        // A schema compared with itself needs no migration.
        let ops = diff::diff(schema, schema, &diff::Renames::default());
        assert!(ops.is_empty(), "diff of a schema with itself: {ops:?}");
    }
    if let (Some(old), Some(new)) = (old, new) {
        autogenerate_both_ways(&old, &new);
    }
}

/// A file the registry reads is bytes first: anything not UTF-8 is an error naming
/// the file, never a panic.
fn models_not_utf8(data: &[u8]) {
    let dir = scratch_dir();
    std::fs::write(dir.path().join("m.rs"), data).expect("write model file");
    let err = registry::load(dir.path(), &["m.rs".to_string()]).expect_err("bytes that are not UTF-8 are refused");
    assert!(matches!(err, registry::RegistryError::NotUtf8 { .. }), "{err}");
}

/// Parses as `registry::load` does: on a thread with the registry's parser stack
/// (whose end also frees proc-macro2's per-thread copy of every text parsed).
fn assemble(files: &[&str]) -> Option<Schema> {
    let parse = || files.iter().enumerate().map(|(i, text)| registry::parse_source(&format!("src/m{i}.rs"), text)).collect::<Result<Vec<_>, _>>();
    let parsed = std::thread::scope(|s| {
        let parser = std::thread::Builder::new().stack_size(registry::PARSE_STACK_SIZE).spawn_scoped(s, parse).expect("parser thread");
        parser.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    registry::assemble(&parsed.ok()?).ok()
}

fn snapshot_round_trips(schema: &Schema) {
    let snap = Snapshot::new(Some("0001".into()), schema);
    let json = snap.to_json();
    let back: Snapshot = serde_json::from_str(&json).unwrap_or_else(|e| panic!("snapshot does not read back: {e}\n{json}"));
    assert_eq!(back, snap, "snapshot changed on the way through JSON");
}

/// `revision --autogenerate` from `old` to `new` answering yes to every rename
/// question, then the split of every rendered file in its dialect.
fn autogenerate_both_ways(old: &Schema, new: &Schema) {
    let (mut renames, candidates) = autogenerate::settle_renames(old, new, new, &[]).expect("no --rename flags, no error");
    let unresolved = candidates.clone();
    // The terminal prompt's loop: each accepted candidate must settle at least itself.
    let mut left = candidates;
    for _ in 0..=old.tables.values().chain(new.tables.values()).map(|t| t.columns.len() + 1).sum::<usize>() {
        let Some(c) = left.first().cloned() else { break };
        renames.accept(&c);
        left = diff::rename_candidates(old, new, &renames);
        assert!(!left.contains(&c), "accepting {c} leaves it standing: the prompt would ask forever");
    }
    let no_raw_sql = [old, new].iter().all(|s| s.tables.values().all(|t| t.checks.is_empty() && t.columns.iter().all(|c| c.default.is_none())));
    for (backend, dialect) in BACKENDS {
        for (renames, unresolved) in [(&diff::Renames::default(), unresolved.clone()), (&renames, left.clone())] {
            let g = autogenerate::generate(backend, old, new, renames, unresolved);
            let _ = g.warnings();
            for sql in [&g.up.sql, &g.down.sql] {
                check_split(sql, dialect);
                // Only `@default` and `@check` put SQL of the user's into a file; all
                // the rest is quoted by the renderer, so it must lex cleanly.
                if no_raw_sql {
                    if let Err(e) = sql_split::validate(sql, dialect) {
                        panic!("{backend:?} rendered SQL that does not lex: {e}\n{sql}");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// chain
// ---------------------------------------------------------------------------------------------

/// Marks a file field as absent (the file is not created).
const ABSENT: &[u8] = b"\x01";
/// A name starting with this is made a symbolic link to a directory outside the
/// migrations directory; with [`LINK_INSIDE`], to the previous migration.
const LINK_OUTSIDE: u8 = 0x02;
const LINK_INSIDE: u8 = 0x03;
/// A name starting with this is made a plain file, which the scan must skip.
const PLAIN_FILE: u8 = 0x04;

/// The migrations directory: NUL-separated fields, four per migration (directory
/// name, `metadata.toml`, `up.sql`, `down.sql`), up to four migrations. Loads the
/// chain, scans it with and without the scan cache (which must agree), lints every
/// migration and splits its SQL in each dialect.
pub fn chain(data: &[u8]) {
    let root = scratch_dir();
    let dir = root.path().join("migrations");
    let outside = root.path().join("outside");
    std::fs::create_dir_all(&dir).expect("migrations dir");
    std::fs::create_dir_all(&outside).expect("outside dir");
    let fields: Vec<&[u8]> = data.split(|b| *b == SEP).collect();
    let mut previous: Option<std::path::PathBuf> = None;
    for m in fields.chunks(4).take(4) {
        let Some(name) = safe_name(m[0]) else { continue };
        let path = dir.join(OsStr::from_bytes(&name[usize::from(matches!(name[0], LINK_OUTSIDE | LINK_INSIDE | PLAIN_FILE))..]));
        if path.file_name().is_none_or(|n| n.is_empty()) || path.exists() {
            continue;
        }
        match name[0] {
            LINK_OUTSIDE => symlink(&outside, &path),
            LINK_INSIDE => symlink(previous.as_deref().unwrap_or(&outside), &path),
            PLAIN_FILE => std::fs::write(&path, m.get(1).copied().unwrap_or_default()).expect("plain file"),
            _ => {
                std::fs::create_dir(&path).expect("migration dir");
                for (file, content) in ["metadata.toml", "up.sql", "down.sql"].iter().zip(m[1..].iter().chain(std::iter::repeat(&ABSENT))) {
                    if *content != ABSENT {
                        std::fs::write(path.join(file), content).expect("migration file");
                    }
                }
                previous = Some(path);
            }
        }
    }

    let (migrations, problems) = chain::scan(&dir).expect("a readable directory scans");
    let loaded = chain::load(&dir);
    match &loaded {
        Ok(c) => {
            assert!(problems.is_empty(), "loaded despite {problems:?}");
            assert!(c.migrations.iter().enumerate().all(|(i, m)| m.number as usize == i + 1), "numbers are not 1..N: {:?}", c.migrations);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    cached_scan_agrees(&dir, &migrations, &problems);
    for m in &migrations {
        let _ = (m.slug(), m.title(), m.meta.run_in_transaction(), m.meta.to_toml());
        for (backend, dialect) in BACKENDS {
            let _ = lint::lint_migration(m, Some(backend));
            for sql in [m.read_up(), m.read_down()].into_iter().flatten() {
                check_split(&sql, dialect);
            }
        }
        metadata_round_trips(&m.meta);
    }
    if let Ok(c) = loaded {
        for text in ["head", "base", "-1", "+1", "1", "head-1"] {
            if let Ok(spec) = Spec::parse(text) {
                let _ = spec.resolve(&c, Some(c.head_position()));
            }
        }
        for (backend, dialect) in BACKENDS {
            offline_script(&c, backend, dialect, Position::BASE, c.head_position());
            offline_script(&c, backend, dialect, c.head_position(), Position::BASE);
        }
    }
}

/// The `--sql` script from `from` to `to`: the migrations' SQL with our bookkeeping
/// after each. Where every file lexes and leaves the splitter at the top level, so
/// must the script, with each bookkeeping statement standing on its own.
fn offline_script(c: &Chain, backend: Backend, dialect: Backend, from: Position, to: Position) {
    let Ok(script) = cargo_migrate::engine::script::script(c, backend, from, to) else { return };
    check_split(&script, dialect);
    let up = to > from;
    let bodies: Vec<String> = c.migrations.iter().filter_map(|m| if up { m.read_up() } else { m.read_down() }.ok()).collect();
    let closed = |sql: &str| {
        let probe = format!("{sql}\n;\nSELECT 1;");
        sql_split::validate(sql, dialect).is_ok() && sql_split::split(&probe, dialect).last().is_some_and(|s| s.sql == "SELECT 1")
    };
    if bodies.len() == c.len() && bodies.iter().all(|b| closed(b)) {
        if let Err(e) = sql_split::validate(&script, dialect) {
            panic!("{backend:?} --sql script does not lex: {e}\n{script}");
        }
        let bookkeeping = if up { "INSERT INTO __diesel_schema_migrations " } else { "DELETE FROM __diesel_schema_migrations " };
        let ours = |sql: &str| sql_split::split(sql, dialect).iter().filter(|s| s.sql.starts_with(bookkeeping)).count();
        let theirs: usize = bodies.iter().map(|b| ours(b)).sum();
        assert_eq!(
            ours(&script),
            from.count().abs_diff(to.count()) + theirs,
            "{backend:?} --sql script: a migration's SQL swallowed our bookkeeping\n{script}"
        );
    }
}

/// A name the fuzzer gave, made safe to create inside the migrations directory:
/// no separator, no `.`/`..`, at most the file system's 255 bytes. Everything else
/// (spaces, unicode, bytes that are not UTF-8) is kept.
fn safe_name(raw: &[u8]) -> Option<Vec<u8>> {
    let name: Vec<u8> = raw.iter().copied().filter(|b| *b != b'/').take(255).collect();
    let bare = &name[usize::from(name.first().is_some_and(|b| matches!(b, 0x02..=0x04)))..];
    (!bare.is_empty() && bare != b"." && bare != b"..").then_some(name)
}

/// A temporary directory, in memory where the machine has one: the chain target
/// builds a directory per input, which costs several times more on disk.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() { tempfile::tempdir_in(shm).or_else(|_| tempfile::tempdir()) } else { tempfile::tempdir() };
    dir.expect("temp dir")
}

fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

/// Aged files are cached by the first scan and trusted by the second; both must see
/// what the plain scan saw.
fn cached_scan_agrees(dir: &Path, migrations: &[Migration], problems: &[chain::ChainProblem]) {
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for m in migrations {
        for p in [m.path.join("metadata.toml"), m.path.clone()] {
            if let Ok(f) = std::fs::File::open(&p) {
                let _ = f.set_modified(old);
            }
        }
    }
    let (m1, p1, cache) = chain::scan_cached(dir, Some(&chain::ScanCache::new())).expect("scan");
    let json = serde_json::to_string(&cache).expect("cache serializes");
    let cache: chain::ScanCache = serde_json::from_str(&json).expect("cache reads back");
    let (m2, p2, _) = chain::scan_cached(dir, Some(&cache)).expect("cached scan");
    assert_eq!((&m1, &p1), (&m2, &p2), "a cached scan differs from a fresh one");
    assert_eq!((migrations, problems), (m1.as_slice(), p1.as_slice()), "scan_cached differs from scan");
}

/// What we write for a migration's metadata reads back as the same metadata.
fn metadata_round_trips(meta: &Metadata) {
    let dir = scratch_dir();
    let m = dir.path().join("0001_x");
    std::fs::create_dir(&m).expect("dir");
    std::fs::write(m.join("metadata.toml"), meta.to_toml()).expect("metadata");
    let (back, problems) = chain::scan(dir.path()).expect("scan");
    let bad: Vec<_> = problems.iter().filter(|p| matches!(p, chain::ChainProblem::BadMetadata { .. })).collect();
    assert!(bad.is_empty(), "written metadata does not read back: {bad:?}\n{}", meta.to_toml());
    let expected = Metadata { run_in_transaction: Some(meta.run_in_transaction.unwrap_or(true)), ..meta.clone() };
    assert_eq!(back[0].meta, expected, "metadata changed on the way through TOML");
}

/// The splitter's documented promises: statements are trimmed, non-empty slices of
/// the input at `offset`, on `line`, in order.
fn check_split(sql: &str, dialect: Backend) {
    let _ = sql_split::validate(sql, dialect);
    let (mut end, mut line) = (0, 1);
    for s in sql_split::split(sql, dialect) {
        assert!(!s.sql.is_empty() && s.sql.trim() == s.sql, "untrimmed or empty statement {s:?}");
        assert!(s.offset >= end, "statement {s:?} overlaps the one before it");
        assert_eq!(sql.get(s.offset..s.offset + s.sql.len()), Some(s.sql), "statement {s:?} is not at its offset");
        // Counted on from the statement before, so a big file costs linear time.
        line += sql[end..s.offset].matches('\n').count();
        assert_eq!(s.line, line, "statement {s:?} has the wrong line");
        line += s.sql.matches('\n').count();
        end = s.offset + s.sql.len();
    }
}

// ---------------------------------------------------------------------------------------------
// revision_spec
// ---------------------------------------------------------------------------------------------

/// A spec, then the slugs of an in-memory chain (NUL-separated, up to eight): the
/// spec is parsed, resolved at every current position, looked up as a revision and
/// read as a range.
pub fn revision_spec(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split(SEP as char);
    let spec = parts.next().unwrap_or_default();
    let migrations: Vec<Migration> = parts
        .take(8)
        .enumerate()
        .map(|(i, slug)| {
            let id = format!("{:04}", i + 1);
            let name = if slug.is_empty() { id.clone() } else { format!("{id}_{slug}") };
            Migration { id, number: i as u32 + 1, path: Path::new("migrations").join(&name), name, meta: Metadata::default() }
        })
        .collect();
    let chain = Chain { dir: "migrations".into(), migrations, width: 4 };
    let len = chain.head_position();

    if let Ok(s) = Spec::parse(spec) {
        assert_eq!(Spec::parse(&s.text).ok().as_ref(), Some(&s), "parsing a spec's own text gives another spec");
        for current in std::iter::once(None).chain((0..=chain.len()).map(|n| Some(Position::after(n)))) {
            match s.resolve(&chain, current) {
                Ok(at) => assert!(at <= len, "`{spec}` resolved to {at}, past head {len}"),
                Err(e) => {
                    let _ = e.to_string();
                }
            }
        }
    }
    if let Ok(at) = revision_spec::find_revision(&chain, spec) {
        assert!(at <= len, "`{spec}` found at {at}, past head {len}");
    }
    if let Some((a, b)) = revision_spec::parse_range(spec) {
        for s in [a, b].into_iter().flatten() {
            let _ = s.resolve(&chain, Some(Position::BASE));
        }
    }
}

/// Every committed input of `target` (its corpus and its crash reproducers), for
/// the regression test.
pub fn inputs(fuzz_dir: &Path, target: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz_dir.join(kind).join(target)) else { continue };
        files.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
    }
    files.sort();
    files
}
