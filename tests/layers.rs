//! The dependency rule of `src/` (README, "Layout"): the top-level modules form
//! one order, and every `crate::…` path in a module names itself or a module
//! further down. Read from the source text, so an edge that points up fails here
//! with its file and line, before it can grow into an import cycle.

use std::path::{Path, PathBuf};

/// Top to bottom. A module may use only itself and the modules after it.
const ORDER: [&str; 9] = ["cli", "engine", "migrations", "dialect", "schema", "project", "backend", "atomic_write", "error"];

/// The crate roots: they declare every module and depend on all of them.
const ROOTS: [&str; 2] = ["lib", "main"];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `dialect/introspect/mod.rs` is
/// `[dialect, introspect]`, `engine/apply.rs` is `[engine, apply]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    parts
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn ident_at(s: &str, at: usize) -> &str {
    let end = s[at..].bytes().position(|b| !is_ident(b)).map_or(s.len(), |n| at + n);
    &s[at..end]
}

/// The top-level module names a `crate::{a, b::c, d::{e, f}}` group starts with.
fn group_heads(s: &str, open: usize) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expect = true;
    for (i, b) in s.bytes().enumerate().skip(open) {
        match b {
            b'{' => {
                depth += 1;
                expect = depth == 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => expect = true,
            _ if expect && depth == 1 && is_ident(b) => {
                heads.push(ident_at(s, i).to_string());
                expect = false;
            }
            _ => {}
        }
    }
    heads
}

/// Every top-level module named by a `crate::` (or `$crate::`) path, or by a
/// `super::` chain that climbs to the crate root, in `text` (comments skipped).
fn references(text: &str, module: &[String]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // A `use` group may span lines: join the code lines, remembering where each starts.
    let mut code = String::new();
    let mut starts = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        starts.push((code.len(), n + 1));
        code.push_str(line);
        code.push('\n');
    }
    let line_of = |at: usize| starts.iter().take_while(|(s, _)| *s <= at).last().map_or(0, |(_, n)| *n);
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !is_ident(bytes[i - 1]);
        if word_start && bytes[i..].starts_with(b"crate::") {
            let after = i + "crate::".len();
            if bytes.get(after) == Some(&b'{') {
                found.extend(group_heads(&code, after).into_iter().map(|h| (line_of(i), h)));
            } else {
                found.push((line_of(i), ident_at(&code, after).to_string()));
            }
            i = after;
        } else if word_start && bytes[i..].starts_with(b"super::") {
            let mut level = module.len();
            let mut j = i;
            while bytes[j..].starts_with(b"super::") {
                level = level.saturating_sub(1);
                j += "super::".len();
            }
            if level == 0 {
                found.push((line_of(i), ident_at(&code, j).to_string()));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

/// Edges that point up the order, as `file:line: from -> to` lines.
fn upward_edges(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut edges = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let module = module_path(relative);
        let from = module[0].as_str();
        if ROOTS.contains(&from) {
            continue;
        }
        let from_rank = rank(from).unwrap_or_else(|| panic!("src/{}: top-level module `{from}` is not in ORDER", relative.display()));
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, to) in references(&text, &module) {
            let Some(to_rank) = rank(&to) else { continue };
            if to != from && to_rank < from_rank {
                edges.push(format!("src/{}:{line}: {from} -> {to}", relative.display()));
            }
        }
    }
    edges
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = upward_edges(&src);
    assert!(
        edges.is_empty(),
        "{} use(s) point up the layer order {}:\n{}\n\nmove the data the lower module needs down to it, or give it a trait that the upper module implements (as engine::progress::Progress is cli::output's)",
        edges.len(),
        ORDER.join(" → "),
        edges.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_place_in_the_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut top: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|m| !ROOTS.contains(&m.as_str()))
        .collect();
    top.sort();
    let mut declared: Vec<String> = ORDER.iter().map(ToString::to_string).collect();
    declared.sort();
    assert_eq!(top, declared, "src/ and ORDER disagree");
    let files = std::fs::read_dir(&src).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|e| e == "rs")).count();
    assert!(files <= 8, "{files} .rs files directly in src/ (at most 8)");
}

/// The scanner itself: groups, nested groups, `$crate`, `super` chains to the root,
/// and the look-alikes it must not count.
#[test]
fn the_scanner_sees_every_form_of_path() {
    let text = "use crate::{cli::output, engine::{apply, db}};\n\
                // use crate::schema::x;\n\
                $crate::dialect::x!();\n\
                let t = \"my_crate::Color\";\n\
                use super::super::project::x;\n\
                pub use crate::error::Error;\n";
    let module = ["migrations".to_string(), "lint".to_string()];
    let found: Vec<String> = references(text, &module).into_iter().map(|(l, m)| format!("{l}:{m}")).collect();
    assert_eq!(found, ["1:cli", "1:engine", "3:dialect", "5:project", "6:error"]);
    // One `super` from `migrations/lint.rs` is `migrations`, not the root.
    assert!(references("use super::chain;", &module).is_empty());
}
