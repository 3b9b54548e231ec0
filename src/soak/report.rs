//! What the soak measures and how it judges: the clients' tally, the server's resident memory per
//! window, and the verdict (no unexpected error; the last window within 1.2 × the second).

use std::{
    collections::BTreeMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::error::StartupError;

/// What the clients saw.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) requests: u64,
    pub(super) expected_errors: BTreeMap<String, u64>,
    pub(super) unexpected: BTreeMap<String, u64>,
}

/// A process's resident memory (kB), from `/proc`.
pub(crate) fn resident_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The peak resident memory of each window until `deadline`.
pub(super) async fn sample_memory(pid: u32, deadline: Instant, window: Duration) -> Vec<u64> {
    let started = Instant::now();
    let mut peaks: Vec<u64> = Vec::new();
    while Instant::now() < deadline {
        let index = (started.elapsed().as_secs_f64() / window.as_secs_f64()) as usize;
        if let Some(kb) = resident_kb(pid) {
            if peaks.len() <= index {
                peaks.resize(index + 1, 0);
            }
            peaks[index] = peaks[index].max(kb);
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    peaks
}

pub(super) fn report(tally: &Mutex<Tally>, peaks: &[u64], duration: Duration) -> Result<(), StartupError> {
    let tally = tally.lock().map_err(|_| StartupError::Other("tally".into()))?;
    println!("requests {} ({:.0}/s)", tally.requests, tally.requests as f64 / duration.as_secs_f64());
    println!("expected refusals {:?}", tally.expected_errors);
    println!("unexpected errors {:?}", tally.unexpected);
    let megabytes: Vec<String> = peaks.iter().map(|kb| format!("{:.1}", *kb as f64 / 1024.0)).collect();
    println!("server RSS peak per window (MB): {}", megabytes.join(" "));
    let (second, last) = (peaks.get(1).copied().unwrap_or(0), peaks.last().copied().unwrap_or(0));
    let ratio = if second > 0 { last as f64 / second as f64 } else { f64::NAN };
    println!("last window / second window: {ratio:.2} (limit 1.20)");
    let unexpected: u64 = tally.unexpected.values().sum();
    if unexpected > 0 {
        return Err(StartupError::Other(format!("soak failed: {unexpected} unexpected errors")));
    }
    if peaks.len() < 2 || ratio > 1.2 {
        return Err(StartupError::Other(format!("soak failed: memory grew {ratio:.2}× (or too few samples)")));
    }
    println!("soak passed");
    Ok(())
}
