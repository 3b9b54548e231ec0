//! What the soak measures and how it judges: the clients' tally, the server's memory per window,
//! and the verdict (no unexpected error; the last window's own memory within 1.2 × the second's).
//!
//! The verdict reads the server's own memory (`RssAnon`: its heap and stacks, where a leak would
//! show), not all of its resident pages. On SQLite the database file is mapped into the process
//! (`mmap_size`), and the kernel counts the file's pages as resident while they are touched and
//! drops them at will (`RssFile`): in one 90 s soak they swung between 42 and 96 MB while the
//! server's own memory stayed within 31–33 MB. Both are printed.

use std::{
    collections::BTreeMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use crate::error::StartupError;

/// How much the last window's own memory may exceed the second window's.
const GROWTH_LIMIT: f64 = 1.2;

/// What the clients saw.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) requests: u64,
    pub(super) expected_errors: BTreeMap<String, u64>,
    pub(super) unexpected: BTreeMap<String, u64>,
}

/// One `/proc/<pid>/status` field in kB (`VmRSS`, `RssAnon`, `RssFile`).
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A process's resident memory (kB), from `/proc`.
pub(crate) fn resident_kb(pid: u32) -> Option<u64> {
    status_kb(pid, "VmRSS")
}

/// A window's peaks (kB): the process's own memory, and the mapped files' pages.
#[derive(Clone, Copy, Default)]
pub(super) struct Peaks {
    own: u64,
    mapped: u64,
}

/// The peaks of each window until `deadline`, sampled every second.
pub(super) async fn sample_memory(pid: u32, deadline: Instant, window: Duration) -> Vec<Peaks> {
    let started = Instant::now();
    let mut peaks: Vec<Peaks> = Vec::new();
    while Instant::now() < deadline {
        let index = (started.elapsed().as_secs_f64() / window.as_secs_f64()) as usize;
        if let (Some(own), Some(mapped)) = (status_kb(pid, "RssAnon"), status_kb(pid, "RssFile")) {
            if peaks.len() <= index {
                peaks.resize(index + 1, Peaks::default());
            }
            let peak = &mut peaks[index];
            (peak.own, peak.mapped) = (peak.own.max(own), peak.mapped.max(mapped));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    peaks
}

fn megabytes(peaks: &[Peaks], part: fn(&Peaks) -> u64) -> String {
    let values: Vec<String> = peaks.iter().map(|p| format!("{:.1}", part(p) as f64 / 1024.0)).collect();
    values.join(" ")
}

pub(super) fn report(tally: &Mutex<Tally>, peaks: &[Peaks], duration: Duration) -> Result<(), StartupError> {
    let tally = tally.lock().map_err(|_| StartupError::Other("tally".into()))?;
    println!("requests {} ({:.0}/s)", tally.requests, tally.requests as f64 / duration.as_secs_f64());
    println!("expected refusals {:?}", tally.expected_errors);
    println!("unexpected errors {:?}", tally.unexpected);
    println!("server's own memory (RssAnon) peak per window (MB): {}", megabytes(peaks, |p| p.own));
    println!("mapped files (RssFile, not judged) peak per window (MB): {}", megabytes(peaks, |p| p.mapped));
    let (second, last) = (peaks.get(1).map_or(0, |p| p.own), peaks.last().map_or(0, |p| p.own));
    let ratio = if second > 0 { last as f64 / second as f64 } else { f64::NAN };
    println!("own memory, last window / second window: {ratio:.2} (limit {GROWTH_LIMIT:.2})");
    let unexpected: u64 = tally.unexpected.values().sum();
    if unexpected > 0 {
        return Err(StartupError::Other(format!("soak failed: {unexpected} unexpected errors")));
    }
    if peaks.len() < 2 || ratio.is_nan() || ratio > GROWTH_LIMIT {
        return Err(StartupError::Other(format!("soak failed: memory grew {ratio:.2}× (or too few samples)")));
    }
    println!("soak passed");
    Ok(())
}
