//! The user's settings and recent files, in the platform's configuration
//! folder (through `directories`). `CLUSTER_DOSSIER_HOME` overrides the
//! folders, for tests and portable installs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{StoreError, write_atomic};

/// How many recent files the Accueil lists.
pub const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
}

impl Settings {
    /// Puts `path` first in the recent files, without duplicates.
    pub fn remember(&mut self, path: &Path) {
        let path = super::paths::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent_files.retain(|p| p != &path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }
}

/// Where the application keeps its own files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppDirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl AppDirs {
    /// The platform's folders, or `None` where the system gives none (no
    /// home folder): the app then works without settings or autosave.
    pub fn locate() -> Option<Self> {
        if let Some(home) = std::env::var_os("CLUSTER_DOSSIER_HOME") {
            let home = PathBuf::from(home);
            return Some(Self {
                config: home.join("config"),
                data: home.join("data"),
            });
        }
        let dirs = directories::ProjectDirs::from("ma", "", "cluster-dossier")?;
        Some(Self {
            config: dirs.config_dir().to_path_buf(),
            data: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn settings_file(&self) -> PathBuf {
        self.config.join("reglages.ron")
    }

    /// Loads settings; a missing or unreadable file gives defaults (settings
    /// are a convenience and must never stop the app from starting).
    pub fn load_settings(&self) -> Settings {
        std::fs::read_to_string(self.settings_file())
            .ok()
            .and_then(|t| ron::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let path = self.settings_file();
        std::fs::create_dir_all(&self.config).map_err(|source| StoreError::Write {
            path: path.clone(),
            source,
        })?;
        let text = super::ron_text(settings, &path)? + "\n";
        write_atomic(&path, text.as_bytes(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(Path::new(&format!("/nonexistent/d{i}.ron")));
        }
        s.remember(Path::new("/nonexistent/d5.ron"));
        assert_eq!(s.recent_files.len(), MAX_RECENT);
        assert_eq!(s.recent_files[0], PathBuf::from("/nonexistent/d5.ron"));
        assert_eq!(
            s.recent_files
                .iter()
                .filter(|p| p.ends_with("d5.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let dirs = AppDirs {
            config: dir.path().join("c"),
            data: dir.path().join("d"),
        };
        assert_eq!(dirs.load_settings(), Settings::default());
        let mut s = Settings::default();
        s.remember(Path::new("/nonexistent/x.ron"));
        dirs.save_settings(&s).expect("saved");
        assert_eq!(dirs.load_settings(), s);
    }
}
