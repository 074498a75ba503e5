//! The `stele` binary: parse arguments, run a command, turn the outcome into an exit code.

mod cli;

fn main() -> std::process::ExitCode {
    tune_allocator();
    cli::main()
}

/// A run is short and builds tens of megabytes on a large corpus, on several threads: glibc's
/// defaults hand large blocks back to the kernel as soon as they are freed (each mapped anew,
/// page by page, when the next one is needed), which cost a quarter of a warm `status` on
/// 58,000 files in page faults. Freed memory is kept for reuse instead; the process is gone
/// a moment later.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    const KEEP: libc::c_int = 256 << 20;
    // SAFETY: mallopt only sets allocator parameters; it is called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, KEEP);
        libc::mallopt(libc::M_TRIM_THRESHOLD, KEEP);
        libc::mallopt(libc::M_TOP_PAD, 64 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}
