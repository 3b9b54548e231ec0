//! A PostgreSQL primary and its streaming replica, each a cluster of its own on a free port, made
//! by `initdb` and `pg_basebackup` for one test and stopped and removed when dropped. As root the
//! PostgreSQL programs run as the `postgres` user (the server refuses to run as root).

use std::{
    path::{Path, PathBuf},
    process::{Command, Output},
    time::{Duration, Instant},
};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use crate::server_process::free_port;

/// The two clusters.
pub struct ReplicaPair {
    bin: PathBuf,
    dir: tempfile::TempDir,
    pub primary_port: u16,
    pub replica_port: u16,
}

impl ReplicaPair {
    /// Starts a primary with database `name` and a replica of it; `None` (with the reason printed)
    /// where PostgreSQL's server programs are not installed.
    pub async fn start(name: &str) -> Option<Self> {
        let Some(bin) = server_bin_dir() else {
            eprintln!("replica test skipped: pg_basebackup (PostgreSQL's server programs) is not installed");
            return None;
        };
        let dir = tempfile::Builder::new().prefix("chengxin-replica").tempdir_in("/tmp").expect("tempdir");
        let pair = Self { bin, dir, primary_port: free_port(), replica_port: free_port() };
        pair.give_to_postgres(pair.dir.path());
        let primary = pair.dir.path().join("primary");
        pair.run("initdb", &["-D", path(&primary), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        pair.start_cluster(&primary, pair.primary_port);
        let admin = Database::connect(pair.url(pair.primary_port, "postgres")).await.expect("connect to the primary");
        admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create database");
        let replica = pair.dir.path().join("replica");
        let port = pair.primary_port.to_string();
        let from = ["-h", "127.0.0.1", "-p", port.as_str(), "-U", "postgres"];
        pair.run(
            "pg_basebackup",
            &[&from[..], &["-D", path(&replica), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]].concat(),
        );
        pair.start_cluster(&replica, pair.replica_port);
        Some(pair)
    }

    /// The URL of database `name` on the cluster at `port`.
    pub fn url(&self, port: u16, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{port}/{name}")
    }

    /// Waits until the replica has replayed everything the primary had written when asked.
    pub async fn wait_for_replay(&self, primary: &DatabaseConnection, replica: &DatabaseConnection) {
        let lsn = scalar(primary, "SELECT pg_current_wal_lsn()::text").await;
        let caught_up = format!("SELECT (pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn)::text");
        let deadline = Instant::now() + Duration::from_secs(30);
        while scalar(replica, &caught_up).await != "true" {
            assert!(Instant::now() < deadline, "the replica did not catch up with {lsn}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Stops replaying the primary's changes (the replica keeps answering, with what it has).
    pub async fn pause_replay(&self, replica: &DatabaseConnection) {
        replica.execute_unprepared("SELECT pg_wal_replay_pause()").await.expect("pause replay");
        let deadline = Instant::now() + Duration::from_secs(30);
        while scalar(replica, "SELECT pg_get_wal_replay_pause_state()").await != "paused" {
            assert!(Instant::now() < deadline, "replay did not pause");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn resume_replay(&self, replica: &DatabaseConnection) {
        replica.execute_unprepared("SELECT pg_wal_replay_resume()").await.expect("resume replay");
    }

    fn start_cluster(&self, data: &Path, port: u16) {
        let options = format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", path(self.dir.path()));
        let log = data.with_extension("log");
        self.run("pg_ctl", &["-D", path(data), "-l", path(&log), "-o", &options, "-w", "-t", "60", "start"]);
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let output = self.command(program).args(args).output().expect("run a PostgreSQL program");
        assert!(
            output.status.success(),
            "{program} {args:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// One of PostgreSQL's programs, as the `postgres` user when we are root.
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut command = if running_as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        };
        command.current_dir(self.dir.path());
        command
    }

    fn give_to_postgres(&self, dir: &Path) {
        if running_as_root() {
            let status = Command::new("chown").args(["-R", "postgres:postgres", path(dir)]).status().expect("chown");
            assert!(status.success(), "chown {}", dir.display());
        }
    }
}

impl Drop for ReplicaPair {
    fn drop(&mut self) {
        for data in ["replica", "primary"] {
            let data = self.dir.path().join(data);
            if data.exists() {
                let _ = self.command("pg_ctl").args(["-D", path(&data), "-m", "immediate", "stop"]).output();
            }
        }
    }
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> String {
    let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await;
    row.expect("query").expect("a row").try_get_by_index::<String>(0).expect("text")
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Where `pg_basebackup` and the server programs are: `pg_config --bindir`, else Debian's
/// `/usr/lib/postgresql/<version>/bin`.
fn server_bin_dir() -> Option<PathBuf> {
    let from_pg_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .map(|output| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()));
    let debian =
        std::fs::read_dir("/usr/lib/postgresql").into_iter().flatten().flatten().map(|entry| entry.path().join("bin"));
    from_pg_config
        .into_iter()
        .chain(debian)
        .find(|bin| ["initdb", "pg_ctl", "pg_basebackup"].iter().all(|program| bin.join(program).is_file()))
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|output| output.stdout.starts_with(b"0\n"))
}
