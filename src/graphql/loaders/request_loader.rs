//! The per-request loader: keys asked for while the request runs are collected into one batch,
//! which runs when the request goes idle ([`RequestActivity`]); answers are kept for the rest of
//! the request.
//!
//! It takes async-graphql's [`Loader`] trait, as its `DataLoader` does, but waits differently: a
//! key costs a map lookup and an entry in the open batch's key set, and every caller of a batch
//! waits on that one batch. `DataLoader` gave each caller its own key set, answer map and
//! channel, and sent each one a copy of its answers: on 50 records with their units and officials,
//! that and each record waiting on its own batch entry (see `access::prefetch`) cost the server
//! 1.1 of its 2.65 ms of CPU per request.

use std::{
    any::Any,
    collections::{HashMap, HashSet},
    hash::Hash,
    sync::{Arc, Mutex, MutexGuard, OnceLock},
};

use async_graphql::dataloader::Loader;
use tokio::sync::Notify;

use super::RequestActivity;
use crate::error::AppError;

/// A loader of one request.
pub struct RequestLoader<T> {
    shared: Arc<Shared<T>>,
}

struct Shared<T> {
    loader: T,
    activity: Arc<RequestActivity>,
    /// One [`Keyed`] per key type the loader is asked with.
    keyed: Mutex<Vec<Box<dyn Any + Send>>>,
}

/// The answers and the open batch for one key type.
struct Keyed<K, V, E> {
    /// Every key loaded so far, with its row or `None` where the loader found none.
    answers: HashMap<K, Option<V>>,
    /// The batch new keys join, until it runs.
    open: Option<(Arc<Batch<E>>, HashSet<K>)>,
}

/// One batch's outcome, awaited by every caller whose keys it holds.
struct Batch<E> {
    outcome: OnceLock<Result<(), E>>,
    finished: Notify,
}

impl<E: Clone> Batch<E> {
    /// Waits until the batch has run; its error, if it failed.
    async fn finished(&self) -> Result<(), E> {
        loop {
            let notified = self.finished.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(outcome) = self.outcome.get() {
                return outcome.clone();
            }
            notified.await;
        }
    }
}

impl<T: Send + Sync + 'static> RequestLoader<T> {
    pub fn new(loader: T, activity: Arc<RequestActivity>) -> Self {
        Self { shared: Arc::new(Shared { loader, activity, keyed: Mutex::new(Vec::new()) }) }
    }

    /// The row for `key`, or `None` when there is none.
    pub async fn load_one<K>(&self, key: K) -> Result<Option<T::Value>, T::Error>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let batch = {
            let mut keyed = self.shared.lock();
            let state = keyed_for::<K, T>(&mut keyed)?;
            if let Some(answer) = state.answers.get(&key) {
                return Ok(answer.clone());
            }
            self.shared.join_batch(state, [key.clone()])
        };
        batch.finished().await?;
        let mut keyed = self.shared.lock();
        Ok(keyed_for::<K, T>(&mut keyed)?.answers.get(&key).cloned().flatten())
    }

    /// Loads what `keys` point to into the request's answers and hands nothing back: for a page
    /// whose nodes will each ask for their own key (no copy of the rows is made here).
    pub async fn load_ahead<K>(&self, keys: impl IntoIterator<Item = K>) -> Result<(), T::Error>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let batch = {
            let mut keyed = self.shared.lock();
            let state = keyed_for::<K, T>(&mut keyed)?;
            let missing: Vec<K> = keys.into_iter().filter(|key| !state.answers.contains_key(key)).collect();
            (!missing.is_empty()).then(|| self.shared.join_batch(state, missing))
        };
        match batch {
            Some(batch) => batch.finished().await,
            None => Ok(()),
        }
    }

    /// The rows found for `keys` (keys without one are left out).
    pub async fn load_many<K>(&self, keys: impl IntoIterator<Item = K>) -> Result<HashMap<K, T::Value>, T::Error>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let keys: Vec<K> = keys.into_iter().collect();
        self.load_ahead(keys.iter().cloned()).await?;
        let mut keyed = self.shared.lock();
        let answers = &keyed_for::<K, T>(&mut keyed)?.answers;
        Ok(keys.into_iter().filter_map(|key| answers.get(&key).cloned().flatten().map(|row| (key, row))).collect())
    }
}

impl<T: Send + Sync + 'static> Shared<T> {
    fn lock(&self) -> MutexGuard<'_, Vec<Box<dyn Any + Send>>> {
        self.keyed.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds `keys` to the open batch, opening one (and spawning the task that will run it when
    /// the request goes idle) if there is none; returns the batch to wait for.
    fn join_batch<K>(
        self: &Arc<Self>,
        state: &mut Keyed<K, T::Value, T::Error>,
        keys: impl IntoIterator<Item = K>,
    ) -> Arc<Batch<T::Error>>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let (batch, waiting) = state.open.get_or_insert_with(|| {
            let batch = Arc::new(Batch { outcome: OnceLock::new(), finished: Notify::new() });
            self.spawn_batch::<K>(batch.clone());
            (batch, HashSet::new())
        });
        waiting.extend(keys);
        batch.clone()
    }

    /// Runs `batch` in its turn, and wakes its callers before the next batch may go.
    fn spawn_batch<K>(self: &Arc<Self>, batch: Arc<Batch<T::Error>>)
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let shared = self.clone();
        let ticket = self.activity.ticket();
        tokio::spawn(async move {
            let turn = shared.activity.wait_for_turn(ticket).await;
            let outcome = shared.run_batch::<K>().await;
            let _ = batch.outcome.set(outcome);
            batch.finished.notify_waiters();
            drop(turn);
        });
    }

    /// Takes the open batch's keys (later keys open the next batch), loads them, and records the
    /// answers.
    async fn run_batch<K>(&self) -> Result<(), T::Error>
    where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
        T::Error: From<AppError> + Sync,
    {
        let keys: Vec<K> = {
            let mut keyed = self.lock();
            let open = keyed_for::<K, T>(&mut keyed)?.open.take();
            open.map(|(_, keys)| keys.into_iter().collect()).unwrap_or_default()
        };
        let mut rows = self.loader.load(&keys).await?;
        let mut keyed = self.lock();
        let answers = &mut keyed_for::<K, T>(&mut keyed)?.answers;
        for key in keys {
            let row = rows.remove(&key);
            answers.insert(key, row);
        }
        Ok(())
    }
}

/// The state for key type `K`, made on first use.
fn keyed_for<K, T>(keyed: &mut Vec<Box<dyn Any + Send>>) -> Result<&mut Keyed<K, T::Value, T::Error>, AppError>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    T: Loader<K>,
    T::Error: Sync,
{
    if !keyed.iter().any(|state| state.is::<Keyed<K, T::Value, T::Error>>()) {
        keyed.push(Box::new(Keyed::<K, T::Value, T::Error> { answers: HashMap::new(), open: None }));
    }
    keyed
        .iter_mut()
        .find_map(|state| state.downcast_mut())
        .ok_or_else(|| AppError::Internal("a loader lost its key state".into()))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use super::*;

    /// Answers positive keys with their text, and counts its batches.
    #[derive(Default)]
    struct Counting {
        batches: AtomicUsize,
        failing: AtomicBool,
    }

    impl Loader<i32> for Counting {
        type Value = String;
        type Error = AppError;

        async fn load(&self, keys: &[i32]) -> Result<HashMap<i32, String>, AppError> {
            self.batches.fetch_add(1, Ordering::SeqCst);
            if self.failing.load(Ordering::SeqCst) {
                return Err(AppError::Internal("down".into()));
            }
            Ok(keys.iter().filter(|key| **key > 0).map(|key| (*key, key.to_string())).collect())
        }
    }

    fn batches(loader: &RequestLoader<Counting>) -> usize {
        loader.shared.loader.batches.load(Ordering::SeqCst)
    }

    #[tokio::test]
    async fn keys_asked_together_load_in_one_batch_and_every_answer_is_kept() {
        let loader = RequestLoader::new(Counting::default(), Arc::new(RequestActivity::default()));
        let (one, none, many) = tokio::join!(loader.load_one(1), loader.load_one(-1), loader.load_many([1, 2, -3]));
        assert_eq!(one.unwrap(), Some("1".to_owned()));
        assert_eq!(none.unwrap(), None);
        assert_eq!(many.unwrap(), HashMap::from([(1, "1".to_owned()), (2, "2".to_owned())]));
        assert_eq!(batches(&loader), 1);
        // Found and missing keys alike are answered from the request's answers.
        assert_eq!(loader.load_one(-1).await.unwrap(), None);
        assert_eq!(loader.load_many([2, -3]).await.unwrap().len(), 1);
        assert_eq!(batches(&loader), 1);
        assert_eq!(loader.load_one(4).await.unwrap(), Some("4".to_owned()));
        assert_eq!(batches(&loader), 2);
    }

    #[tokio::test]
    async fn keys_loaded_ahead_answer_their_callers_without_another_batch() {
        let loader = RequestLoader::new(Counting::default(), Arc::new(RequestActivity::default()));
        loader.load_ahead([1, 2, -3]).await.unwrap();
        loader.load_ahead([2, -3]).await.unwrap();
        assert_eq!(batches(&loader), 1, "keys already answered load no batch");
        let (two, none) = tokio::join!(loader.load_one(2), loader.load_one(-3));
        assert_eq!((two.unwrap(), none.unwrap()), (Some("2".to_owned()), None));
        assert_eq!(batches(&loader), 1);
        loader.shared.loader.failing.store(true, Ordering::SeqCst);
        assert!(loader.load_ahead([5]).await.is_err(), "a failed batch fails the caller ahead too");
    }

    #[tokio::test]
    async fn a_failed_batch_fails_each_of_its_callers_and_its_keys_load_again() {
        let loader = RequestLoader::new(Counting::default(), Arc::new(RequestActivity::default()));
        loader.shared.loader.failing.store(true, Ordering::SeqCst);
        let (one, many) = tokio::join!(loader.load_one(1), loader.load_many([1, 2]));
        assert!(one.is_err() && many.is_err());
        assert_eq!(batches(&loader), 1);
        loader.shared.loader.failing.store(false, Ordering::SeqCst);
        assert_eq!(loader.load_one(1).await.unwrap(), Some("1".to_owned()));
        assert_eq!(batches(&loader), 2);
    }
}
