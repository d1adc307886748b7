//! Which rules run and which findings are kept.
//!
//! A [`Config`] is valid by construction: the only ways to build one check every rule id against the
//! registry, so `check` itself cannot fail. [`Options`] is the loose, deserialisable form (from
//! JavaScript or the command line); [`Config::from_options`] turns it into a `Config` or a
//! [`ConfigError`] that says exactly what is wrong.

use crate::registry::{self, RULES};
use crate::report::Severity;
use serde::Deserialize;
use std::fmt;

/// Options as given by a caller: `{ enable?: string[], disable?: string[], minSeverity?: string }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Options {
    /// When given, only these rules run.
    #[serde(default)]
    pub enable: Option<Vec<String>>,
    /// These rules do not run.
    #[serde(default)]
    pub disable: Vec<String>,
    /// `info`, `warning` or `error`: findings below it are dropped.
    #[serde(default)]
    pub min_severity: Option<String>,
}

/// A validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// One flag per rule, in registry order.
    enabled: Vec<bool>,
    min_severity: Severity,
}

impl Default for Config {
    /// Every rule, every severity.
    fn default() -> Self {
        Config { enabled: vec![true; RULES.len()], min_severity: Severity::Info }
    }
}

impl Config {
    /// Runs only the rules with these ids.
    pub fn only<S: AsRef<str>>(mut self, ids: &[S]) -> Result<Self, ConfigError> {
        let mut enabled = vec![false; RULES.len()];
        for id in ids {
            enabled[index_of(id.as_ref())?] = true;
        }
        self.enabled = enabled;
        Ok(self)
    }

    /// Turns off the rule with this id.
    pub fn disable(mut self, id: &str) -> Result<Self, ConfigError> {
        self.enabled[index_of(id)?] = false;
        Ok(self)
    }

    /// Drops findings below `severity`.
    pub fn min_severity(mut self, severity: Severity) -> Self {
        self.min_severity = severity;
        self
    }

    /// Builds a config from loose options.
    pub fn from_options(options: &Options) -> Result<Self, ConfigError> {
        let mut config = Config::default();
        if let Some(ids) = &options.enable {
            config = config.only(ids)?;
        }
        for id in &options.disable {
            config = config.disable(id)?;
        }
        if let Some(name) = &options.min_severity {
            let severity = Severity::parse(name).ok_or_else(|| ConfigError::UnknownSeverity(name.clone()))?;
            config = config.min_severity(severity);
        }
        Ok(config)
    }

    /// Whether the rule at this registry index runs.
    pub(crate) fn runs(&self, index: usize) -> bool {
        self.enabled[index] && RULES[index].meta.severity >= self.min_severity
    }
}

fn index_of(id: &str) -> Result<usize, ConfigError> {
    RULES.iter().position(|r| r.meta.id == id).ok_or_else(|| ConfigError::UnknownRule(id.to_string()))
}

/// Why options could not become a config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    UnknownRule(String),
    UnknownSeverity(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownRule(id) => {
                let known: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
                write!(f, "unknown rule id \"{id}\"")?;
                if let Some(near) = registry::closest_id(id) {
                    write!(f, " (did you mean \"{near}\"?)")?;
                }
                write!(f, "; known rule ids: {}", known.join(", "))
            }
            ConfigError::UnknownSeverity(name) => {
                write!(f, "unknown severity \"{name}\"; use one of: info, warning, error")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_ids_are_an_error_that_names_them() {
        let err = Config::default().disable("missing-spaces").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("unknown rule id \"missing-spaces\" (did you mean \"missing-space\"?)"), "{text}");
        let options = Options { enable: Some(vec!["nope".into()]), ..Options::default() };
        assert_eq!(Config::from_options(&options), Err(ConfigError::UnknownRule("nope".into())));
    }

    #[test]
    fn unknown_severity_is_an_error() {
        let options = Options { min_severity: Some("fatal".into()), ..Options::default() };
        assert_eq!(Config::from_options(&options).unwrap_err().to_string(), "unknown severity \"fatal\"; use one of: info, warning, error");
    }

    #[test]
    fn enable_disable_and_severity_select_rules() {
        let only = Config::default().only(&["repeated-word"]).unwrap();
        let runs: Vec<&str> = (0..RULES.len()).filter(|&i| only.runs(i)).map(|i| RULES[i].meta.id).collect();
        assert_eq!(runs, ["repeated-word"]);
        let errors_only = Config::default().min_severity(Severity::Error);
        assert!((0..RULES.len()).filter(|&i| errors_only.runs(i)).all(|i| RULES[i].meta.severity == Severity::Error));
    }
}
