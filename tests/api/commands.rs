//! The command line: commands that need no secret neither ask for one nor write one; settings
//! are checked before anything starts.

use std::{path::Path, process::Output};

fn chengxin(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chengxin"))
        .args(args)
        .current_dir(dir)
        .env("DATABASE_URL", format!("sqlite://{}?mode=rwc", dir.join("county.db").display()))
        .env_remove("CHENGXIN_JWT_SECRET")
        .env("RUST_LOG", "error")
        .output()
        .unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn migrate_seed_and_export_pushes_need_no_secret_and_write_none() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["migrate"][..], &["seed"], &["export-pushes"]] {
        let output = chengxin(dir.path(), args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let names = files_in(dir.path());
    assert!(names.iter().all(|n| n.starts_with("county.db")), "only the database: {names:?}");
    assert!(!names.iter().any(|n| n.contains("secret")), "no secret file: {names:?}");
}

#[test]
fn token_without_a_secret_is_refused_unless_demo_and_then_keeps_one() {
    let dir = tempfile::tempdir().unwrap();
    let refused = chengxin(dir.path(), &["token", "--role", "LEADER"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("CHENGXIN_JWT_SECRET is required"));
    assert!(!files_in(dir.path()).iter().any(|n| n.contains("secret")), "nothing written on refusal");
    let demo = chengxin(dir.path(), &["token", "--role", "LEADER", "--demo"]);
    assert!(demo.status.success(), "{}", String::from_utf8_lossy(&demo.stderr));
    assert!(files_in(dir.path()).contains(&"county.db.secret".to_owned()));
}

#[test]
fn a_setting_out_of_range_stops_serve_before_it_opens_anything() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_chengxin"))
        .args(["serve", "--demo"])
        .current_dir(dir.path())
        .env("DATABASE_URL", format!("sqlite://{}?mode=rwc", dir.path().join("county.db").display()))
        .env("CHENGXIN_OBJECTION_DAYS", "0")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--objection-days") && stderr.contains("0"), "{stderr}");
    assert!(files_in(dir.path()).is_empty(), "nothing opened: {:?}", files_in(dir.path()));
}

#[test]
fn rollups_rebuild_recounts_a_seeded_database() {
    let dir = tempfile::tempdir().unwrap();
    let seeded = chengxin(dir.path(), &["seed", "--demo"]);
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let rebuilt = chengxin(dir.path(), &["rollups", "rebuild"]);
    assert!(rebuilt.status.success(), "{}", String::from_utf8_lossy(&rebuilt.stderr));
    let said = String::from_utf8_lossy(&rebuilt.stdout);
    let rows: u64 =
        said.split("rebuilt: ").nth(1).and_then(|r| r.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(rows > 1_000, "{said}");
}
