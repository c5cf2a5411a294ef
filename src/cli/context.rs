//! The resolved context every command acts on: workspace, configuration, the
//! environment (process variables over `.env`) and output settings, read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::backend::DatabaseUrl;
use crate::cli::args::{Format, GlobalArgs};
use crate::cli::output::Output;
use crate::error::{Error, Result};
use crate::project::config::{self, Config};
use crate::project::workspace::{self, Workspace};

/// Environment variables as seen by this run: the process environment wins over
/// `.env` (the rule diesel_cli and sqlx-cli follow), and nothing is written back.
#[derive(Debug, Clone, Default)]
pub struct Env {
    process: HashMap<String, String>,
    dotenv: HashMap<String, String>,
    pub dotenv_path: Option<PathBuf>,
}

impl Env {
    pub fn capture(dotenv_dir: &Path) -> Result<Self> {
        let process = std::env::vars().collect();
        let path = dotenv_dir.join(".env");
        let mut dotenv = HashMap::new();
        let mut dotenv_path = None;
        if path.is_file() {
            let iter = dotenvy::from_path_iter(&path).map_err(|e| Error::Config { file: path.clone(), key: String::new(), message: e.to_string() })?;
            for item in iter {
                let (k, v) = item.map_err(|e| Error::Config { file: path.clone(), key: String::new(), message: e.to_string() })?;
                dotenv.insert(k, v);
            }
            dotenv_path = Some(path);
        }
        Ok(Env { process, dotenv, dotenv_path })
    }

    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Env { process: pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(), ..Default::default() }
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.process.get(name).or_else(|| self.dotenv.get(name)).map(String::as_str)
    }
}

pub struct Context {
    pub global: GlobalArgs,
    pub workspace: Workspace,
    pub config: Config,
    pub env: Env,
    pub out: Output,
}

impl Context {
    pub fn resolve(global: GlobalArgs) -> Result<Self> {
        let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
        let (workspace, mut config, env) = match &global.migrations_dir {
            // A deploy image: the migrations and the binary, no Cargo.toml, no cargo.
            Some(dir) => {
                let env = Env::capture(&cwd)?;
                let mut config = config::standalone(&cwd.join(dir), &cwd)?;
                // What the table would have said comes from the environment.
                let g = &mut config.guard;
                for (var, field) in [
                    ("CARGO_MIGRATE_PRODUCTION_ENV", &mut g.env),
                    ("CARGO_MIGRATE_PRODUCTION_VALUE", &mut g.value),
                    ("CARGO_MIGRATE_CONFIRM_ENV", &mut g.confirm_env),
                    ("CARGO_MIGRATE_CONFIRM_VALUE", &mut g.confirm_value),
                ] {
                    if let Some(v) = env.get(var).filter(|v| !v.is_empty()) {
                        *field = v.to_string();
                    }
                }
                (Workspace::standalone(&cwd), config, env)
            }
            None => {
                let workspace = workspace::discover(global.manifest_path.as_deref(), &cwd)?;
                let config = config::resolve(&workspace, global.package.as_deref())?;
                let env = Env::capture(&workspace.root)?;
                (workspace, config, env)
            }
        };
        if let Some(secs) = global.lock_timeout {
            config.lock_timeout_secs = secs;
        }
        if let Some(var) = &global.database_url_env {
            config.database_url_env = var.clone();
        }
        let color = Output::wants_color(global.color, env.get("NO_COLOR"));
        let out = Output::new(global.format == Format::Json, color, global.quiet, global.verbose);
        Ok(Context { global, workspace, config, env, out })
    }

    /// `--database-url`, else the configured variable (environment, then `.env`),
    /// else the configured default URL.
    pub fn database_url(&self) -> Result<DatabaseUrl> {
        let raw = self
            .global
            .database_url
            .clone()
            .or_else(|| self.env.get(&self.config.database_url_env).map(str::to_string))
            .or_else(|| self.config.database_url.clone())
            .ok_or_else(|| Error::NoDatabaseUrl { var: self.config.database_url_env.clone(), table: self.config.table.clone() })?;
        DatabaseUrl::parse(&raw, &self.config.base_dir)
    }

    /// Production guard: refuse when `ENVIRONMENT=production` unless confirmed.
    pub fn check_production_guard(&self, action: &str) -> Result<()> {
        let g = &self.config.guard;
        if self.env.get(&g.env) == Some(g.value.as_str()) && self.env.get(&g.confirm_env) != Some(g.confirm_value.as_str()) {
            return Err(Error::Refused(format!(
                "refusing to {action}: {}={} marks this as production\n  hint: set {}={} to confirm",
                g.env, g.value, g.confirm_env, g.confirm_value
            )));
        }
        Ok(())
    }
}
