//! Progress of a long load, one table at a time: on a terminal a bar with rows/s and the time
//! left (indicatif); otherwise (a log, CI) a plain line every few seconds, and a last line for a
//! table that took that long. A table that loads within a few seconds prints nothing in plain mode.

use std::{
    io::IsTerminal,
    time::{Duration, Instant},
};

use indicatif::{ProgressBar, ProgressStyle};

/// How often a plain line is printed.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

/// The rows of one table loaded so far.
pub struct TableProgress {
    table: &'static str,
    total: u64,
    done: u64,
    started: Instant,
    last_line: Instant,
    bar: Option<ProgressBar>,
}

impl TableProgress {
    /// Starts counting `total` rows of `table` (a bar only for more than one batch of rows).
    pub fn start(table: &'static str, total: usize) -> Self {
        let total = total as u64;
        let bar = (std::io::stderr().is_terminal() && total > 1_000).then(|| {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template(
                "{prefix:>24} [{bar:30}] {human_pos:>10}/{human_len:10} {msg:>12} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(table);
            bar
        });
        let now = Instant::now();
        Self { table, total, done: 0, started: now, last_line: now, bar }
    }

    /// `rows` more are in.
    pub fn advance(&mut self, rows: usize) {
        self.done += rows as u64;
        match &self.bar {
            Some(bar) => {
                bar.set_position(self.done);
                bar.set_message(format!("{:.0} rows/s", self.rate()));
            }
            None if self.last_line.elapsed() >= PLAIN_EVERY => {
                self.last_line = Instant::now();
                eprintln!("{}", self.line());
            }
            None => {}
        }
    }

    /// The table is loaded.
    pub fn finish(self) {
        match &self.bar {
            Some(bar) => bar.finish(),
            None if self.started.elapsed() >= PLAIN_EVERY => eprintln!("{}", self.line()),
            None => {}
        }
    }

    fn rate(&self) -> f64 {
        self.done as f64 / self.started.elapsed().as_secs_f64().max(0.001)
    }

    fn line(&self) -> String {
        let rate = self.rate();
        let left = self.total.saturating_sub(self.done) as f64 / rate.max(1.0);
        format!("seed {}: {} of {} rows, {:.0} rows/s, {:.0} s left", self.table, self.done, self.total, rate, left)
    }
}
