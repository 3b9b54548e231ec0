//! `chengxin`: serve | migrate | seed | rollups rebuild | schema | token | export-pushes | bench | soak.

// The merged query and mutation roots nest deeply in async-graphql's generated futures; the
// release build's layout computation needs more than the default 128 levels.
#![recursion_limit = "256"]

use std::process::ExitCode;

use chengxin::{
    auth::{parse_role, password::hash_password, random_secret},
    config::{Config, DatabaseArgs, ServerArgs, SigningArgs},
    error::StartupError,
    graphql::{ids::NodeType, sdl},
    seed::{self, users::DEMO_USERS, Scale, SeedOptions},
    startup,
};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "chengxin", version, about = "诚信 — GraphQL API for a county's government-integrity records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (migrates first). `--demo` seeds demo data, turns GraphiQL on and prints a token per role.
    Serve {
        /// Seed demo data, serve GraphiQL, print a token per role, and keep a demo secret beside
        /// the SQLite file when none is given.
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        settings: Box<ServerArgs>,
    },
    /// Apply pending migrations and exit.
    Migrate {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Seed an empty database: the county's units, plan tasks and one account per role.
    Seed {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The seeded accounts' password; without it, a random one is printed (the demo
        /// password with `--demo`).
        #[arg(long, env = "CHENGXIN_SEED_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Add three years of synthetic records, workflows, sector data and evaluations.
        #[arg(long)]
        demo: bool,
        /// Make a large synthetic database (implies --demo).
        #[arg(long, value_enum)]
        scale: Option<Scale>,
    },
    /// The dashboards' record rollups.
    Rollups {
        #[command(subcommand)]
        action: RollupsAction,
    },
    /// Print the GraphQL schema (SDL), as committed in schema.graphql; with `--role`, only what
    /// that role (or ANONYMOUS) may use.
    Schema {
        #[arg(long)]
        role: Option<String>,
    },
    /// Print the deliveries not yet accepted by the municipal platform, as JSON lines.
    ExportPushes {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Seed a fresh database at a scale, serve it, and measure each operation over HTTP.
    Bench {
        /// A PostgreSQL server to make a fresh database on (SQLite in a temporary file without).
        #[arg(long, env = "BENCH_DATABASE_URL")]
        postgres: Option<String>,
        #[arg(long, value_enum, default_value = "county")]
        scale: Scale,
        /// Concurrent clients per operation.
        #[arg(long, default_value_t = 16)]
        clients: usize,
        /// Seconds per operation.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Only the operations whose name contains this text.
        #[arg(long)]
        only: Option<String>,
        /// Measure this database as it is and keep it (seeded first if it has no units),
        /// instead of a fresh one thrown away afterwards.
        #[arg(long)]
        database: Option<String>,
    },
    /// Run a mixed read and write load for minutes against the real server (its own process) over
    /// a freshly seeded database; fails on unexpected errors or growing memory.
    Soak {
        /// A PostgreSQL server to make a fresh database on (SQLite in a temporary file without).
        #[arg(long, env = "SOAK_DATABASE_URL")]
        postgres: Option<String>,
        /// How long (fractions allowed).
        #[arg(long, default_value_t = 10.0)]
        minutes: f64,
        /// Concurrent clients (every role, the public, and the rectification workflow).
        #[arg(long, default_value_t = 8)]
        clients: usize,
    },
    /// Mint a token with the configured secret, for operators and tests.
    Token {
        /// ADMIN, CREDIT_OFFICE, RECORDER, PERSONNEL, UNIT_CLERK, LEADER or EVALUATOR.
        #[arg(long)]
        role: String,
        /// The unit's id as the API shows it.
        #[arg(long)]
        unit: Option<String>,
        /// The evaluation firm (EVALUATOR tokens).
        #[arg(long)]
        firm: Option<String>,
        /// Lifetime in days (1 to 365). The token is stored as an API token, so it can be revoked.
        #[arg(long, default_value_t = 30)]
        days: i64,
        /// Use the demo secret kept beside the SQLite file.
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        signing: SigningArgs,
    },
}

#[derive(Subcommand)]
enum RollupsAction {
    /// Count the rollups afresh from the credit records, in one transaction.
    Rebuild {
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

/// jemalloc, not the system allocator: under load the server spent about a fifth of its time in
/// glibc's malloc and on its arena locks (measured with `perf`; jemalloc and mimalloc preloaded
/// into the same binary both gained 20-40 % on the PostGraphile comparison, jemalloc more). It
/// also serves C's `malloc` (the `unprefixed_malloc_on_supported_platforms` feature), so SQLite's
/// allocations stop queueing on glibc's arena locks too.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    chengxin::http::install_panic_hook();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("chengxin: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), StartupError> {
    match cli.command {
        Command::Serve { demo, settings } => {
            startup::demo::serve(Config::from_args(*settings, demo)?, demo, chengxin::http::app).await
        }
        Command::Migrate { database } => {
            startup::open_database(&database).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Seed { database, password, demo, scale } => {
            let db = startup::open_database(&database).await?;
            let generated = password.is_none() && !demo && scale.is_none();
            let password = password.unwrap_or_else(|| {
                if generated {
                    random_secret()[..20].to_owned()
                } else {
                    startup::demo::DEMO_PASSWORD.into()
                }
            });
            let started = std::time::Instant::now();
            let options = SeedOptions {
                demo: demo || scale.is_some(),
                scale,
                password_hash: hash_password(&password)
                    .map_err(|_| StartupError::Other("cannot hash password".into()))?,
                now: chrono::Utc::now(),
                rng_seed: 2019_0614,
            };
            let summary = seed::seed(&db, &options).await?;
            if summary.skipped {
                println!("database already seeded; left as it is");
            } else if generated {
                println!("seeded accounts {:?} share the password: {password}", DEMO_USERS.map(|u| u.0));
            }
            println!(
                "units {} · plan tasks {} · officials {} · credit records {} · {:.1} s",
                summary.units,
                summary.plan_tasks,
                summary.officials,
                summary.credit_records,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Rollups { action: RollupsAction::Rebuild { database } } => {
            let db = startup::open_database(&database).await?;
            let started = std::time::Instant::now();
            let rebuilt = chengxin::store::rollups::rebuild(&db).await?;
            println!(
                "rollups rebuilt: {} rows by sector and status, {} by status, {} by month, {} of open workflows, {} of procurement contracts · {:.1} s",
                rebuilt.records,
                rebuilt.statuses,
                rebuilt.months,
                rebuilt.workflows,
                rebuilt.contract_shapes,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Bench { postgres, scale, clients, seconds, only, database } => {
            let postgres_url = postgres.filter(|u| u.starts_with("postgres"));
            let options =
                chengxin::bench::BenchOptions { scale, clients, seconds, postgres_url, only, database_url: database };
            chengxin::bench::run_bench(options, chengxin::http::app).await
        }
        Command::Soak { postgres, minutes, clients } => {
            let postgres_url = postgres.filter(|u| u.starts_with("postgres"));
            chengxin::soak::run_soak(chengxin::soak::SoakOptions { minutes, clients, postgres_url }).await
        }
        Command::ExportPushes { database } => {
            let db = startup::open_database(&database).await?;
            let lines = chengxin::jobs::platform_push::export_unsent(&db)
                .await
                .map_err(|e| StartupError::Other(e.public_message()))?;
            for line in lines {
                println!("{line}");
            }
            Ok(())
        }
        Command::Schema { role: None } => {
            print!("{}", sdl());
            Ok(())
        }
        Command::Schema { role: Some(role) } => {
            let role = match role.to_uppercase().as_str() {
                "ANONYMOUS" => None,
                name => Some(parse_role(name).ok_or_else(|| StartupError::Config(format!("unknown role {name}")))?),
            };
            print!("{}", chengxin::graphql::role_sdl::role_sdl(role).await.map_err(StartupError::Other)?);
            Ok(())
        }
        Command::Token { role, unit, firm, days, demo, database, signing } => {
            let state = startup::build_default_state(Config::for_tokens(database, signing, demo)?).await?;
            let role = parse_role(&role).ok_or_else(|| StartupError::Config(format!("unknown role {role}")))?;
            let unit_id = match &unit {
                Some(id) => Some(
                    chengxin::graphql::ids::expect_id(&async_graphql::ID(id.clone()), NodeType::Unit, "--unit")
                        .map_err(|_| StartupError::Config("--unit takes a unit's id as the API shows it".into()))?,
                ),
                None => None,
            };
            if let Some(id) = unit_id {
                use sea_orm::EntityTrait;
                if entity::unit::Entity::find_by_id(id).one(&state.db).await?.is_none() {
                    return Err(StartupError::Config(format!(
                        "--unit: no unit with the id {}",
                        unit.unwrap_or_default()
                    )));
                }
            }
            let viewer = chengxin::auth::Viewer::operator();
            let trace = chengxin::store::audit::RequestTrace::internal();
            let actor = chengxin::service::Actor { viewer: &viewer, trace: &trace, now: chrono::Utc::now() };
            let command = chengxin::service::api_tokens::IssueApiToken {
                role,
                unit_id,
                firm: firm.unwrap_or_else(|| "operator (chengxin token)".into()),
                purpose: Some("issued on the command line".into()),
                days,
            };
            let (token, _) = chengxin::service::api_tokens::issue(&state, &actor, command)
                .await
                .map_err(|e| StartupError::Config(e.public_message()))?;
            println!("{token}");
            Ok(())
        }
    }
}
