//! The generated workspace the benchmarks share: model files shaped like real ones.

use std::path::Path;

/// A package whose `src/models/` holds files shaped like real model files: a
/// print-schema header, annotated tables of mixed types, and joinables to the
/// previous file's tables.
pub fn generate(root: &Path, files: usize, tables_per_file: usize) {
    let models = root.join("src/models");
    std::fs::create_dir_all(&models).expect("create models dir");
    std::fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"bench-models\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[workspace.metadata.migrate]\nmodels = [\"src/models\"]\nmigrations = \"migrations\"\n",
    )
        .expect("write Cargo.toml");
    // The module list lives in lib.rs so that src/models/ holds exactly files files.
    let mut lib = String::from("pub mod models {\n");
    for f in 0..files {
        lib.push_str(&format!("    pub mod m{f:03};\n"));
        let mut text = String::from("// @generated automatically by Diesel CLI, then annotated.\n\n");
        for t in 0..tables_per_file {
            let name = format!("t{f:03}_{t}");
            text.push_str(&format!(
                r#"diesel::table! {{
    use diesel::sql_types::*;

    /// Table {name}: generated for the benchmarks.
    /// @index (owner_id, created_at)
    /// @unique uq_{name}_slug_owner (slug, owner_id)
    /// @check (score >= 0)
    {name} (id) {{
        id -> Int8,
        #[max_length = 120]
        /// @unique
        slug -> Varchar,
        title -> Text,
        body -> Nullable<Text>,
        owner_id -> Int8,
        /// @default 0
        score -> Double,
        flags -> Array<Nullable<Text>>,
        data -> Nullable<Jsonb>,
        /// @default CURRENT_TIMESTAMP
        /// @index
        created_at -> Timestamptz,
        updated_at -> Nullable<Timestamptz>,
    }}
}}

"#
            ));
            if f > 0 {
                text.push_str(&format!("diesel::joinable!({name} -> t{:03}_{t} (owner_id));\n\n", f - 1));
            }
        }
        std::fs::write(models.join(format!("m{f:03}.rs")), text).expect("write model file");
    }
    lib.push_str("}\n");
    std::fs::write(root.join("src/lib.rs"), lib).expect("write lib.rs");
}
