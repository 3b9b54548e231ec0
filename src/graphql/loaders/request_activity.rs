//! When a loader's batch may run: only once the request's resolvers have all stopped to wait.
//!
//! async-graphql's loaders batch the keys that arrive within a short delay. Under load a page of
//! 100 objects can take longer than that to resolve (lists are polled 32 items at a time), and the
//! batch splits, so a request costs more statements with more rows. Instead, each request's
//! execution is wrapped in [`Tracked`], which knows whether the request is being polled or has
//! woken itself to go on; a batch waits in [`RequestActivity::wait_for_turn`] until neither is
//! true — when no resolver can add a key without the batch's answer. The statement count then
//! depends on the query's shape only, never on timing.

use std::{
    collections::BTreeSet,
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Mutex,
    },
    task::{Context, Poll, Wake, Waker},
};

use tokio::sync::Notify;

/// Whether one request's execution is busy.
#[derive(Default)]
pub struct RequestActivity {
    polling: AtomicBool,
    woken: AtomicBool,
    /// The request's execution has finished or was dropped (a timeout): nothing will add keys.
    done: AtomicBool,
    /// A batch of this request is running (one at a time).
    batch_running: AtomicBool,
    /// The next batch's place in line, and the places of the batches waiting.
    next_ticket: AtomicU64,
    waiting: Mutex<BTreeSet<u64>>,
    idle: Notify,
}

/// The right to run one batch now; dropping it lets the next batch go once the request has
/// taken this one's answers.
pub struct BatchTurn(Arc<RequestActivity>);

impl Drop for BatchTurn {
    fn drop(&mut self) {
        self.0.batch_running.store(false, Ordering::SeqCst);
        self.0.idle.notify_waiters();
    }
}

impl RequestActivity {
    fn is_idle(&self) -> bool {
        self.done.load(Ordering::SeqCst) || (!self.polling.load(Ordering::SeqCst) && !self.woken.load(Ordering::SeqCst))
    }

    /// A place in line for a batch, taken when the batch is made (while the request runs, so
    /// in the order the query asked for its keys).
    pub fn ticket(&self) -> u64 {
        let ticket = self.next_ticket.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.insert(ticket);
        }
        ticket
    }

    fn is_next(&self, ticket: u64) -> bool {
        self.waiting.lock().map_or(true, |waiting| waiting.first() == Some(&ticket))
    }

    /// Returns once the request has stopped to wait for something outside itself, no other batch
    /// of it is running, and every batch made before this one has run. Batches thus run one at a
    /// time in the order they were made, each with every key the request could add before it
    /// (including keys that only an earlier batch's answers reveal), so the statement count
    /// depends on the query's shape alone, never on scheduling.
    pub async fn wait_for_turn(self: &Arc<Self>, ticket: u64) -> BatchTurn {
        loop {
            let notified = self.idle.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.is_idle()
                && self.is_next(ticket)
                && self.batch_running.compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst).is_ok()
            {
                if let Ok(mut waiting) = self.waiting.lock() {
                    waiting.remove(&ticket);
                }
                return BatchTurn(self.clone());
            }
            notified.await;
        }
    }
}

/// Notes every wake: the request will be polled again (and may add keys) before it is idle —
/// whether the wake came while it was being polled or afterwards (another batch's answer).
struct ActivityWaker {
    inner: Waker,
    activity: Arc<RequestActivity>,
}

impl Wake for ActivityWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.activity.woken.store(true, Ordering::SeqCst);
        self.inner.wake_by_ref();
    }
}

/// A request's execution future, reporting its activity.
pub struct Tracked<F> {
    inner: Pin<Box<F>>,
    activity: Arc<RequestActivity>,
    /// The task's waker and ours around it, made again only when the task's waker changes.
    waker: Option<(Waker, Waker)>,
}

impl<F> Tracked<F> {
    pub fn new(inner: F, activity: Arc<RequestActivity>) -> Self {
        Self { inner: Box::pin(inner), activity, waker: None }
    }

    fn waker_for(&mut self, task: &Waker) -> Waker {
        match &self.waker {
            Some((known, ours)) if known.will_wake(task) => ours.clone(),
            _ => {
                let ours =
                    Waker::from(Arc::new(ActivityWaker { inner: task.clone(), activity: self.activity.clone() }));
                self.waker = Some((task.clone(), ours.clone()));
                ours
            }
        }
    }
}

impl<F: Future> Future for Tracked<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `Tracked` is `Unpin` (its future is boxed).
        let this = self.get_mut();
        let activity = this.activity.clone();
        activity.woken.store(false, Ordering::SeqCst);
        activity.polling.store(true, Ordering::SeqCst);
        let waker = this.waker_for(cx.waker());
        let result = this.inner.as_mut().poll(&mut Context::from_waker(&waker));
        activity.polling.store(false, Ordering::SeqCst);
        if activity.is_idle() || result.is_ready() {
            activity.woken.store(false, Ordering::SeqCst);
            activity.idle.notify_waiters();
        }
        result
    }
}

impl<F> Drop for Tracked<F> {
    /// A finished or abandoned request lets its remaining batches run (and end).
    fn drop(&mut self) {
        self.activity.done.store(true, Ordering::SeqCst);
        self.activity.idle.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn batches_run_one_at_a_time_in_order_and_an_abandoned_request_lets_them_go() {
        let activity = Arc::new(RequestActivity::default());
        let request = Tracked::new(std::future::pending::<()>(), activity.clone());
        // Woken, as by an earlier batch's answer, but never polled again (a timeout drops it).
        activity.woken.store(true, Ordering::SeqCst);
        let (first, second) = (activity.ticket(), activity.ticket());
        let waiting = activity.clone();
        let later = tokio::spawn(async move { drop(waiting.wait_for_turn(second).await) });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!later.is_finished(), "no batch runs while the request may still add keys");
        drop(request);
        let turn = activity.wait_for_turn(first).await;
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!later.is_finished(), "the second waits for the first");
        drop(turn);
        tokio::time::timeout(Duration::from_secs(1), later).await.unwrap().unwrap();
    }
}
