//! `article-checker FILE...`: the native command line over the same core as the page.
//!
//! Prints one line per issue, `path:line:column: severity rule message`, or with `--format json` one JSON
//! report per input, each on its own line. `-` reads standard input. Exit code: 0 when no issue of
//! severity error was found, 1 when one was, 2 when an input could not be read or the arguments are wrong.

use article_checker::{check, rules, Config, Options, Report};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: article-checker [--format text|json] [--enable ID]... [--disable ID]... [--min-severity info|warning|error] FILE... (- for standard input)
       article-checker --rules    list the rules";

enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("article-checker: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let mut format = Format::Text;
    let mut options = Options::default();
    let mut paths = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--format" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format \"{other}\"; use text or json")),
                }
            }
            "--enable" => options.enable.get_or_insert_with(Vec::new).push(value("--enable")?),
            "--disable" => options.disable.push(value("--disable")?),
            "--min-severity" => options.min_severity = Some(value("--min-severity")?),
            "--rules" => {
                for rule in rules() {
                    println!("{:<26} {:<12} {:<8} {}", rule.id, rule.category.as_str(), rule.severity.as_str(), rule.summary);
                }
                return Ok(ExitCode::SUCCESS);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "-" => paths.push(arg),
            flag if flag.starts_with('-') => return Err(format!("unknown option \"{flag}\"\n{USAGE}")),
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        return Err(format!("no input given\n{USAGE}"));
    }
    let config = Config::from_options(&options).map_err(|e| e.to_string())?;
    let mut unreadable = false;
    let mut found_error = false;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for path in &paths {
        let text = match read(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("article-checker: {message}");
                unreadable = true;
                continue;
            }
        };
        let report = check(&text, &config);
        found_error |= !report.is_clean_at(article_checker::Severity::Error);
        print_report(&mut out, path, &report, &format).map_err(|e| format!("cannot write output: {e}"))?;
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if found_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" { io::stdin().read_to_end(&mut bytes).map(|_| ()) } else { std::fs::read(path).map(|b| bytes = b) };
    result.map_err(|e| format!("{path}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{path}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

fn print_report(out: &mut impl Write, path: &str, report: &Report, format: &Format) -> io::Result<()> {
    match format {
        Format::Text => {
            for issue in &report.issues {
                writeln!(out, "{path}:{}:{}: {} {} {}", issue.line, issue.column, issue.severity.as_str(), issue.rule, issue.message)?;
            }
            Ok(())
        }
        Format::Json => {
            let mut value = serde_json::to_value(report).map_err(io::Error::other)?;
            value["path"] = serde_json::Value::String(path.to_string());
            writeln!(out, "{value}")
        }
    }
}
