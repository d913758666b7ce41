//! Group commit: writes that arrive at the same moment are made together, in one write
//! transaction, and each request waits for its own answer. A burst then takes the write lock (and,
//! on PostgreSQL, waits for the log flush) once per batch instead of once per request.
//!
//! Whoever finds no batch being written becomes the writer and takes everything waiting; the
//! others wait for their answer. A batch commits whole or not at all: when it fails, every request
//! in it gets the failure and nothing of it was written.
//!
//! A request that goes away while its job waits (the client left) leaves the job in the queue
//! until the next batch. [`GroupCommit::dropping_abandoned`] makes that batch drop it, as an
//! action's own transaction is dropped with its request; otherwise it is written late.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{OwnedMutexGuard, oneshot};

use super::Db;

/// Writes a batch of jobs in one transaction and returns one answer per job, in order.
pub type WriteBatch<J, A> = fn(Db, Vec<J>) -> Pin<Box<dyn Future<Output = anyhow::Result<Vec<A>>> + Send>>;

type Waiting<J, A> = (J, oneshot::Sender<Result<A, String>>);

/// Jobs waiting to be written together, and the turn to write them.
pub struct GroupCommit<J, A> {
    waiting: Mutex<Vec<Waiting<J, A>>>,
    writer: Arc<tokio::sync::Mutex<()>>,
    write: WriteBatch<J, A>,
    drop_abandoned: bool,
}

impl<J, A> std::fmt::Debug for GroupCommit<J, A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit").finish_non_exhaustive()
    }
}

impl<J: Send + 'static, A: Send + 'static> GroupCommit<J, A> {
    /// A queue that writes every job it is given, even one whose request has gone away (an audit
    /// entry is written whether or not its request waited for it).
    pub fn new(write: WriteBatch<J, A>) -> Self {
        Self { waiting: Mutex::default(), writer: Arc::default(), write, drop_abandoned: false }
    }

    /// A queue whose batches leave out the jobs no one waits for any more.
    pub fn dropping_abandoned(write: WriteBatch<J, A>) -> Self {
        Self { drop_abandoned: true, ..Self::new(write) }
    }

    /// Makes `job` with whatever else is waiting, on `db`, and returns its answer once the batch
    /// is committed.
    pub async fn submit(&self, db: &Db, job: J) -> anyhow::Result<A> {
        db.not_a_reader()?;
        let (answer, mut answered) = oneshot::channel();
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner).push((job, answer));
        tokio::select! {
            biased;
            done = &mut answered => return done.unwrap_or_else(|_| Err(lost())).map_err(anyhow::Error::msg),
            turn = self.writer.clone().lock_owned() => {
                // A writer before us may have taken ours already: then its answer is here.
                if let Ok(done) = answered.try_recv() {
                    return done.map_err(anyhow::Error::msg);
                }
                let mut batch = std::mem::take(&mut *self.waiting.lock().unwrap_or_else(PoisonError::into_inner));
                if self.drop_abandoned {
                    batch.retain(|(_, answer)| !answer.is_closed());
                }
                if !batch.is_empty() {
                    // On its own task: a request that goes away mid-write must not abandon the others.
                    tokio::spawn(write_batch(db.clone(), batch, self.write, turn));
                }
            }
        }
        answered.await.unwrap_or_else(|_| Err(lost())).map_err(anyhow::Error::msg)
    }
}

fn lost() -> String {
    "the writer stopped before the batch was written".to_string()
}

/// Writes `batch` and answers each waiting request with its own answer, or all of them with the
/// failure.
async fn write_batch<J, A>(
    db: Db,
    batch: Vec<Waiting<J, A>>,
    write: WriteBatch<J, A>,
    _turn: OwnedMutexGuard<()>,
) {
    let (jobs, answers): (Vec<J>, Vec<_>) = batch.into_iter().unzip();
    let expected = answers.len();
    let written = match write(db, jobs).await {
        Ok(made) if made.len() == expected => Ok(made),
        Ok(made) => Err(format!("a batch of {expected} was answered {} times", made.len())),
        Err(error) => Err(format!("{error:#}")),
    };
    match written {
        Ok(made) => {
            for (answer, made) in answers.into_iter().zip(made) {
                let _ = answer.send(Ok(made));
            }
        }
        Err(error) => {
            for answer in answers {
                let _ = answer.send(Err(error.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    use super::*;

    /// Doubles each job, after a moment so that others queue behind the first batch; fails a batch
    /// that holds a zero. Counts the batches.
    static BATCHES: AtomicUsize = AtomicUsize::new(0);

    fn doubling() -> GroupCommit<u32, u32> {
        GroupCommit::new(|_db, jobs| {
            Box::pin(async move {
                BATCHES.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                anyhow::ensure!(!jobs.contains(&0), "a zero");
                Ok(jobs.into_iter().map(|job| job * 2).collect())
            })
        })
    }

    async fn submit_all(
        queue: &Arc<GroupCommit<u32, u32>>,
        db: &Db,
        jobs: &[u32],
    ) -> Vec<Result<u32, String>> {
        let tasks: Vec<_> = jobs
            .iter()
            .map(|&job| {
                let (queue, db) = (queue.clone(), db.clone());
                tokio::spawn(async move { queue.submit(&db, job).await.map_err(|e| e.to_string()) })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        answers
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_waiting_job_gets_its_own_answer_and_a_failed_batch_fails_only_its_own() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let queue = Arc::new(doubling());
        let jobs: Vec<u32> = (1..=100).collect();
        let answers = submit_all(&queue, &db, &jobs).await;
        assert_eq!(answers, jobs.iter().map(|job| Ok(job * 2)).collect::<Vec<_>>());
        // Jobs that arrived while a batch was being written were written together.
        let batches = BATCHES.swap(0, Ordering::SeqCst);
        assert!(batches < 100, "100 jobs in {batches} batches");

        // A zero fails the batch it is in, and every job of that batch is told; later batches
        // are written.
        let first = submit_all(&queue, &db, &[0]).await;
        assert_eq!(first, vec![Err("a zero".to_string())]);
        assert_eq!(submit_all(&queue, &db, &[7]).await, vec![Ok(14)]);
    }

    /// What `held_back` queues wrote, and the switches that hold a batch back while it is written.
    static WRITTEN: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    static WRITING: AtomicBool = AtomicBool::new(false);
    static RELEASED: AtomicBool = AtomicBool::new(false);

    fn held_back(drop_abandoned: bool) -> GroupCommit<u32, u32> {
        let write: WriteBatch<u32, u32> = |_db, jobs| {
            Box::pin(async move {
                WRITING.store(true, Ordering::SeqCst);
                while !RELEASED.load(Ordering::SeqCst) {
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                }
                WRITTEN.lock().unwrap().extend(&jobs);
                Ok(jobs)
            })
        };
        if drop_abandoned { GroupCommit::dropping_abandoned(write) } else { GroupCommit::new(write) }
    }

    async fn until(condition: impl Fn() -> bool) {
        while !condition() {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_job_whose_request_went_away_is_left_out_or_written_late_as_the_queue_says() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        for (drop_abandoned, written) in [(true, vec![1, 3]), (false, vec![1, 2, 3])] {
            WRITTEN.lock().unwrap().clear();
            WRITING.store(false, Ordering::SeqCst);
            RELEASED.store(false, Ordering::SeqCst);
            let queue = Arc::new(held_back(drop_abandoned));
            let first = tokio::spawn({
                let (queue, db) = (queue.clone(), db.clone());
                async move { queue.submit(&db, 1).await.unwrap() }
            });
            until(|| WRITING.load(Ordering::SeqCst)).await;
            // The second waits for the first batch, and its request goes away meanwhile.
            let second = tokio::spawn({
                let (queue, db) = (queue.clone(), db.clone());
                async move { queue.submit(&db, 2).await.unwrap() }
            });
            until(|| queue.waiting.lock().unwrap().len() == 1).await;
            second.abort();
            assert!(second.await.is_err(), "cancelled");
            RELEASED.store(true, Ordering::SeqCst);
            assert_eq!(first.await.unwrap(), 1);
            assert_eq!(queue.submit(&db, 3).await.unwrap(), 3);
            assert_eq!(*WRITTEN.lock().unwrap(), written, "dropping abandoned jobs: {drop_abandoned}");
        }
    }

    #[tokio::test]
    async fn a_reader_does_not_join_a_batch() {
        let db = Db::connect("sqlite::memory:").await.unwrap();
        let reader = db.reader().await.unwrap();
        assert!(doubling().submit(&reader, 1).await.is_err(), "a reader's connection is not for writes");
    }
}
