//! The background deadline sweeper: runs the sweep (`service::deadlines`) every configured
//! interval as `system:deadline-sweep`.

use crate::{
    auth::Viewer,
    service::{deadlines::sweep, deadlines::SweepReport, Actor},
    state::AppState,
    store::audit::RequestTrace,
};

/// Sweeps every `interval` until `stop` changes, as the `system:deadline-sweep` actor.
pub async fn run_sweeper(state: AppState, stop: tokio::sync::watch::Receiver<bool>) {
    let interval = std::time::Duration::from_secs(state.config.deadlines.sweep_interval_secs.max(1));
    let viewer = Viewer::system("deadline-sweep");
    let mut stop = stop;
    loop {
        let trace = RequestTrace::internal();
        let actor = Actor { viewer: &viewer, trace: &trace, now: state.clock.now() };
        match sweep(&state, &actor).await {
            Ok(report) if report != SweepReport::default() => tracing::info!(?report, "deadline sweep"),
            Ok(_) => {}
            Err(error) => tracing::error!(?error, "deadline sweep failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = stop.changed() => break,
        }
    }
}
