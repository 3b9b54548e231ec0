//! Progress of long work (`seed`, `bench`, `rollups rebuild`), one item at a time: on a terminal a
//! bar with the rate and the time left (indicatif); otherwise (a log, CI) a plain line every few
//! seconds, and a last line for an item that took that long. An item done within a few seconds
//! prints nothing in plain mode.

use std::{
    io::IsTerminal,
    time::{Duration, Instant},
};

use indicatif::{ProgressBar, ProgressStyle};

/// How often a plain line is printed.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

/// How far one item of a task has come.
pub struct Progress {
    task: &'static str,
    item: String,
    unit: &'static str,
    total: u64,
    done: u64,
    /// What the line says instead of the rate (e.g. the bench's requests per second).
    note: Option<String>,
    started: Instant,
    last_line: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Starts counting `total` `unit`s of `item` in `task` (a bar only on a terminal, and only for
    /// more than `min_for_bar` of them).
    pub fn start(
        task: &'static str,
        item: impl Into<String>,
        total: u64,
        unit: &'static str,
        min_for_bar: u64,
    ) -> Self {
        let item = item.into();
        let bar = (std::io::stderr().is_terminal() && total > min_for_bar).then(|| {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template(
                "{prefix:>24} [{bar:30}] {human_pos:>10}/{human_len:10} {msg:>14} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(item.clone());
            bar
        });
        let now = Instant::now();
        Self { task, item, unit, total, done: 0, note: None, started: now, last_line: now, bar }
    }

    /// `count` more are done.
    pub fn advance(&mut self, count: u64) {
        self.set(self.done + count, None);
    }

    /// `done` are done in all; `note` replaces the rate on the line.
    pub fn set(&mut self, done: u64, note: Option<String>) {
        self.done = done;
        if note.is_some() {
            self.note = note;
        }
        match &self.bar {
            Some(bar) => {
                bar.set_position(self.done);
                bar.set_message(self.rate_text());
            }
            None if self.last_line.elapsed() >= PLAIN_EVERY => {
                self.last_line = Instant::now();
                eprintln!("{}", self.line());
            }
            None => {}
        }
    }

    /// The item is done.
    pub fn finish(self) {
        match &self.bar {
            Some(bar) => bar.finish(),
            None if self.started.elapsed() >= PLAIN_EVERY => eprintln!("{}", self.line()),
            None => {}
        }
    }

    /// The item is done and its bar goes away (the caller prints its own result).
    pub fn clear(self) {
        match &self.bar {
            Some(bar) => bar.finish_and_clear(),
            None => self.finish(),
        }
    }

    fn rate(&self) -> f64 {
        self.done as f64 / self.started.elapsed().as_secs_f64().max(0.001)
    }

    fn rate_text(&self) -> String {
        self.note.clone().unwrap_or_else(|| format!("{:.0} {}/s", self.rate(), self.unit))
    }

    fn line(&self) -> String {
        let left = self.total.saturating_sub(self.done) as f64 / self.rate().max(f64::MIN_POSITIVE);
        let left = if self.done == 0 { "?".to_owned() } else { format!("{left:.0}") };
        format!(
            "{} {}: {} of {} {}, {}, {} s left",
            self.task,
            self.item,
            self.done,
            self.total,
            self.unit,
            self.rate_text(),
            left
        )
    }
}
