//! The one-way flow, checked on the source: http → graphql → service → policy / domain / store →
//! entity. Nothing below the API imports it, and the API opens no transaction of its own.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn nothing_below_the_api_imports_it() {
    let allowed = ["graphql", "http", "main.rs", "lib.rs"];
    let mut offenders = Vec::new();
    for file in sources(&src()) {
        let relative = file.strip_prefix(src()).unwrap();
        let top = relative.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        if allowed.contains(&top.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("crate::graphql") || line.contains("crate::http") || line.contains("chengxin::graphql") {
                offenders.push(format!("{}:{}: {}", relative.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "the API is imported below it:\n{}", offenders.join("\n"));
}

#[test]
fn the_api_opens_no_transaction() {
    let mut offenders = Vec::new();
    for file in sources(&src().join("graphql")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.contains("begin()") || line.contains("transaction(") {
                offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "writes belong to the service layer:\n{}", offenders.join("\n"));
}
