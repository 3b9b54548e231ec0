//! When a loader's batch may run: only once the request's resolvers have all stopped to wait.
//!
//! async-graphql's loaders batch the keys that arrive within a short delay. Under load a page of
//! 100 objects can take longer than that to resolve (lists are polled 32 items at a time), and the
//! batch splits, so a request costs more statements with more rows. Instead, each request's
//! execution is wrapped in [`Tracked`], which knows whether the request is being polled or has
//! woken itself to go on; a batch waits in [`RequestActivity::wait_until_idle`] until neither is
//! true — when no resolver can add a key without the batch's answer. The statement count then
//! depends on the query's shape only, never on timing.

use std::{
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    task::{Context, Poll, Wake, Waker},
};

use tokio::sync::Notify;

/// Whether one request's execution is busy.
#[derive(Default)]
pub struct RequestActivity {
    polling: AtomicBool,
    woken_while_polling: AtomicBool,
    idle: Notify,
}

impl RequestActivity {
    fn is_idle(&self) -> bool {
        !self.polling.load(Ordering::SeqCst) && !self.woken_while_polling.load(Ordering::SeqCst)
    }

    /// Returns once the request has stopped to wait for something outside itself.
    pub async fn wait_until_idle(&self) {
        loop {
            let notified = self.idle.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.is_idle() {
                return;
            }
            notified.await;
        }
    }
}

/// Notes a wake that happens while the request is being polled (it will be polled again).
struct ActivityWaker {
    inner: Waker,
    activity: Arc<RequestActivity>,
}

impl Wake for ActivityWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if self.activity.polling.load(Ordering::SeqCst) {
            self.activity.woken_while_polling.store(true, Ordering::SeqCst);
        }
        self.inner.wake_by_ref();
    }
}

/// A request's execution future, reporting its activity.
pub struct Tracked<F> {
    inner: Pin<Box<F>>,
    activity: Arc<RequestActivity>,
}

impl<F> Tracked<F> {
    pub fn new(inner: F, activity: Arc<RequestActivity>) -> Self {
        Self { inner: Box::pin(inner), activity }
    }
}

impl<F: Future> Future for Tracked<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let activity = self.activity.clone();
        activity.woken_while_polling.store(false, Ordering::SeqCst);
        activity.polling.store(true, Ordering::SeqCst);
        let waker = Waker::from(Arc::new(ActivityWaker { inner: cx.waker().clone(), activity: activity.clone() }));
        let result = self.inner.as_mut().poll(&mut Context::from_waker(&waker));
        activity.polling.store(false, Ordering::SeqCst);
        if activity.is_idle() || result.is_ready() {
            activity.woken_while_polling.store(false, Ordering::SeqCst);
            activity.idle.notify_waiters();
        }
        result
    }
}
