/**
 * Preloaded (node --import) into every pipeline process a worker spawns. A worker killed with
 * SIGKILL cannot stop its child, and the orphan would go on writing the shard that BullMQ has
 * meanwhile handed to another worker; so the child ends itself once its parent is gone (it is then
 * re-parented, and its parent pid changes). The worker (worker.ts) passes its pid in the
 * environment because it may die before this module even loads.
 */
const parent = Number(process.env['NEWS_PIPELINE_WORKER_PID']);
if (Number.isInteger(parent) && parent > 0) {
  const exitIfOrphaned = () => {
    if (process.ppid !== parent) process.exit(1);
  };
  exitIfOrphaned();
  setInterval(exitIfOrphaned, 500).unref();
}
