//! The one-pass history index agrees with `git log -1 -- <path>` on every file, merges included.

use stele::git::{LastChange, Progress, Repo};

use crate::util::TestEnv;

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn files() -> Vec<String> {
    let mut files: Vec<String> = (0..8).map(|i| format!("pages/common/f{i}.md")).collect();
    files.extend((0..4).map(|i| format!("pages.fr/common/f{i}.md")));
    files.push("pages/linux/deep/g.md".into());
    files.push("other/unrelated.txt".into());
    files
}

/// Builds a random history: feature branches that diverge from `main` and merge back (cleanly,
/// or with conflicts resolved by new text), a long-lived `dev` branch merged both ways, and
/// "evil" merges that change a file neither parent had.
pub(crate) fn random_history(seed: u64) -> TestEnv {
    let env = TestEnv::new();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let files = files();
    for f in &files {
        env.write(f, &format!("{f} v0\n"));
    }
    env.commit("initial");
    env.git(&["branch", "dev"]);
    let edit = |rng: &mut Rng, tag: &str| {
        for _ in 0..=rng.below(3) {
            let f = &files[rng.below(files.len())];
            env.write(f, &format!("{f} {tag}\n"));
        }
        env.commit(tag);
    };
    for round in 0..12 {
        let base = if rng.below(3) == 0 { "dev" } else { "main" };
        let feature = format!("feature{round}");
        env.git(&["checkout", "-q", "-b", &feature, base]);
        for i in 0..=rng.below(3) {
            edit(&mut rng, &format!("{feature} edit {i}"));
        }
        let target = if rng.below(4) == 0 { "dev" } else { "main" };
        env.git(&["checkout", "-q", target]);
        for i in 0..rng.below(3) {
            edit(&mut rng, &format!("{target} edit {round}.{i}"));
        }
        merge(&env, &feature, &format!("merge {feature} into {target}"));
        if rng.below(3) == 0 {
            // An "evil" merge: amend the merge with a change of its own.
            let f = &files[rng.below(files.len())];
            env.write(f, &format!("{f} evil {round}\n"));
            env.git(&["add", "-A"]);
            env.git(&["commit", "-q", "--amend", "--no-edit"]);
        }
        if rng.below(3) == 0 {
            let (from, into) = if target == "main" { ("main", "dev") } else { ("dev", "main") };
            env.git(&["checkout", "-q", into]);
            merge(&env, from, &format!("merge {from} into {into}"));
        }
        env.git(&["checkout", "-q", "main"]);
    }
    env
}

/// `git merge --no-ff`; conflicts are resolved by writing new text into each conflicted file.
pub(crate) fn merge(env: &TestEnv, branch: &str, message: &str) {
    env.tick();
    let out = std::process::Command::new("git")
        .current_dir(env.root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "merge", "-q", "--no-ff", "-m", message, branch])
        .output()
        .unwrap();
    if !out.status.success() {
        let conflicted = env.git(&["diff", "--name-only", "--diff-filter=U"]);
        assert!(!conflicted.is_empty(), "merge failed without conflicts: {}", String::from_utf8_lossy(&out.stderr));
        for f in conflicted.lines() {
            env.write(f, &format!("{f} resolved: {message}\n"));
        }
        env.commit(message);
    }
}

fn check_against_git(env: &TestEnv) {
    let repo = Repo::discover(env.root()).unwrap();
    let head = match repo.head().unwrap() {
        stele::git::Head::Commit(id) => id,
        stele::git::Head::Unborn => panic!("no commits"),
    };
    let tracked: Vec<String> = env.git(&["ls-files"]).lines().map(str::to_owned).collect();
    let answers = repo.last_changes(head, &tracked).unwrap();
    for path in &tracked {
        let expected = env.git(&["log", "-1", "--format=%H", "--", path]).trim().to_owned();
        match answers.get(path) {
            Some(LastChange::Commit { id, .. }) => assert_eq!(id.to_string(), expected, "{path}"),
            other => panic!("{path}: {other:?}, git says {expected}"),
        }
    }
}

#[test]
fn agrees_with_git_log_on_random_histories_with_merges() {
    for seed in [1, 7, 42, 1234, 99_991] {
        let env = random_history(seed);
        let merges = env.git(&["rev-list", "--merges", "--count", "HEAD"]);
        eprintln!("seed {seed}: {} merges", merges.trim());
        assert!(merges.trim().parse::<u32>().unwrap() >= 3, "seed {seed} made too few merges");
        check_against_git(&env);
        // Packed, trees and commits come from stele's own pack reader, through delta chains.
        env.git(&["repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=50"]);
        check_against_git(&env);
    }
}

fn expect_git_log(env: &TestEnv, at: &str, answers: &std::collections::HashMap<String, LastChange>, paths: &[String]) {
    for path in paths {
        let expected = env.git(&["log", "-1", "--format=%H", at, "--", path]).trim().to_owned();
        match answers.get(path) {
            Some(LastChange::Commit { id, .. }) => assert_eq!(id.to_string(), expected, "{path} at {at}"),
            None if expected.is_empty() => {}
            other => panic!("{path} at {at}: {other:?}, git says {expected}"),
        }
    }
}

#[test]
fn the_cache_is_incremental_and_survives_rewrites_and_corruption() {
    for seed in [3, 11, 77] {
        let env = random_history(seed);
        let repo = Repo::discover(env.root()).unwrap();
        let paths: Vec<String> = env.git(&["ls-files"]).lines().map(str::to_owned).collect();
        let first_parents: Vec<String> =
            env.git(&["rev-list", "--first-parent", "main"]).lines().map(str::to_owned).collect();
        let middle = &first_parents[first_parents.len() / 2];
        let cache = env.root().join(".git/stele/history");

        // Cached at an older commit, then asked at HEAD: the walk stops at the cached commit.
        let old = repo.resolve(middle).unwrap();
        let at_old = repo.history_at(old, &paths).unwrap().changes;
        expect_git_log(&env, middle, &at_old, &paths);
        assert!(std::fs::read_to_string(&cache).unwrap().starts_with(&format!("stele-history 3 {middle}")));
        let head = repo.resolve("HEAD").unwrap();
        let at_head = repo.history_at(head, &paths).unwrap().changes;
        expect_git_log(&env, "HEAD", &at_head, &paths);
        assert_eq!(at_head, repo.last_changes(head, &paths).unwrap(), "seed {seed}");
        // Warm: the same answers from the cache alone.
        assert_eq!(repo.history_at(head, &paths).unwrap().changes, at_head);

        // A commit that does not descend from the cached one (history rewritten, another
        // branch): the cache is ignored.
        let elsewhere = &first_parents[first_parents.len() - 2];
        let at = repo.resolve(elsewhere).unwrap();
        expect_git_log(&env, elsewhere, &repo.history_at(at, &paths).unwrap().changes, &paths);

        // A corrupt cache, or one from another version, is ignored and replaced.
        std::fs::write(&cache, stele::git::seal("stele-history 3 nonsense\ngarbage\n")).unwrap();
        expect_git_log(&env, "HEAD", &repo.history_at(head, &paths).unwrap().changes, &paths);
        std::fs::write(&cache, "stele-history 99 0000\n").unwrap();
        expect_git_log(&env, "HEAD", &repo.history_at(head, &paths).unwrap().changes, &paths);
        assert!(std::fs::read_to_string(&cache).unwrap().starts_with("stele-history 3 "));
    }
}

#[test]
fn the_cache_answers_some_paths_and_the_walk_the_others() {
    // Cached at an older commit for half of the paths; asked at HEAD for all of them (new
    // translations since, say): the walk goes on past the cached commit for the other half,
    // and the paths answered there must not be touched again.
    for seed in [3, 5, 11, 77, 1234] {
        let env = random_history(seed);
        let repo = Repo::discover(env.root()).unwrap();
        let paths: Vec<String> = env.git(&["ls-files"]).lines().map(str::to_owned).collect();
        let first_parents: Vec<String> =
            env.git(&["rev-list", "--first-parent", "main"]).lines().map(str::to_owned).collect();
        for older in [&first_parents[1], &first_parents[first_parents.len() / 2]] {
            let _ = std::fs::remove_dir_all(env.root().join(".git/stele"));
            let half: Vec<String> = paths.iter().step_by(2).cloned().collect();
            repo.history_at(repo.resolve(older).unwrap(), &half).unwrap();
            let head = repo.resolve("HEAD").unwrap();
            let at_head = repo.history_at(head, &paths).unwrap().changes;
            expect_git_log(&env, "HEAD", &at_head, &paths);
            // And again from the cache now at HEAD.
            expect_git_log(&env, "HEAD", &repo.history_at(head, &paths).unwrap().changes, &paths);
        }
    }
}

#[test]
fn a_wrong_cache_at_head_would_show() {
    // The cache is trusted at its own commit: this pins that it is the only thing read then.
    let env = random_history(5);
    let repo = Repo::discover(env.root()).unwrap();
    let paths: Vec<String> = env.git(&["ls-files"]).lines().map(str::to_owned).collect();
    let head = repo.resolve("HEAD").unwrap();
    repo.history_at(head, &paths).unwrap();
    let cache = env.root().join(".git/stele/history");
    let sealed = std::fs::read_to_string(&cache).unwrap();
    let text = stele::git::unseal(&sealed).unwrap().to_owned();
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    let forged: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 0 { l.to_owned() } else { format!("{first} 0 {}", l.splitn(3, ' ').nth(2).unwrap()) })
        .collect::<Vec<_>>()
        .join("\n");
    // Not sealed again: not believed.
    std::fs::write(&cache, forged.clone() + "\n").unwrap();
    let answers = repo.history_at(head, &paths).unwrap().changes;
    assert!(answers.values().all(|a| !matches!(a, LastChange::Commit { time: 0, .. })));
    std::fs::write(&cache, stele::git::seal(&(forged.clone() + "\n"))).unwrap();
    let answers = repo.history_at(head, &paths).unwrap().changes;
    assert!(answers.values().all(|a| matches!(a, LastChange::Commit { time: 0, .. })));

    // Incremental: a forged cache at HEAD~1 shows through for exactly the paths whose chain
    // goes through HEAD~1: those identical in HEAD and HEAD~1 (at a merge, a path identical to
    // the first parent follows it; one identical only to another parent goes there instead).
    let parent = env.git(&["rev-parse", "HEAD~1"]).trim().to_owned();
    let at_parent = forged.replacen(&format!("stele-history 3 {head}"), &format!("stele-history 3 {parent}"), 1);
    std::fs::write(&cache, stele::git::seal(&(at_parent + "\n"))).unwrap();
    let answers = repo.history_at(head, &paths).unwrap().changes;
    let mut shown = 0;
    for path in &paths {
        let same =
            env.git(&["rev-parse", &format!("HEAD:{path}")]) == env.git(&["rev-parse", &format!("HEAD~1:{path}")]);
        let forged_shows = matches!(answers.get(path), Some(LastChange::Commit { time: 0, .. }));
        assert_eq!(forged_shows, same, "{path}");
        shown += usize::from(forged_shows);
    }
    assert!(shown > 0, "the incremental path was not taken");
}

#[test]
fn files_absent_from_head_have_no_answer() {
    let env = TestEnv::new();
    env.write("a.md", "a\n");
    env.commit("one");
    let repo = Repo::discover(env.root()).unwrap();
    let stele::git::Head::Commit(head) = repo.head().unwrap() else { panic!() };
    let answers = repo.last_changes(head, &["a.md".into(), "never.md".into()]).unwrap();
    assert!(answers.contains_key("a.md"));
    assert!(!answers.contains_key("never.md"));
}

/// Feeds a stream to `git fast-import` in the test's repository.
fn fast_import(env: &TestEnv, stream: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(env.root())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_long_walk_reports_progress() {
    // `once.md` is added by the first of 1,101 commits; every later one changes `other.md`.
    let env = TestEnv::new();
    let mut stream = String::from("blob\nmark :1\ndata 6\nfirst\n\n");
    stream.push_str("commit refs/heads/main\nmark :2\ncommitter T <t@example.com> 1500000000 +0000\ndata 1\nc\n");
    stream.push_str("M 100644 :1 once.md\n\n");
    for i in 0..1100 {
        let body = format!("v{i}\n");
        let (blob, commit, parent) = (3 + 2 * i, 4 + 2 * i, 2 + 2 * i);
        stream.push_str(&format!("blob\nmark :{blob}\ndata {}\n{body}\n", body.len()));
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{commit}\ncommitter T <t@example.com> {} +0000\ndata 1\nc\nfrom :{parent}\n",
            1_500_000_001 + i
        ));
        stream.push_str(&format!("M 100644 :{blob} other.md\n\n"));
    }
    fast_import(&env, &stream);

    let mut repo = Repo::discover(env.root()).unwrap();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let log = std::rc::Rc::clone(&seen);
    repo.on_progress(move |p| log.borrow_mut().push(p));
    let head = repo.resolve("main").unwrap();
    // A short walk says nothing.
    repo.last_changes(head, &["other.md".to_owned()]).unwrap();
    assert!(seen.borrow().is_empty(), "{:?}", seen.borrow());
    // The walk to the first commit reports as it goes.
    repo.last_changes(head, &["once.md".to_owned()]).unwrap();
    assert_eq!(*seen.borrow(), [Progress::History { commits: 512 }, Progress::History { commits: 1024 }]);
}

#[test]
fn clock_skew_and_merges_give_git_log_answers() {
    // Committer dates that go backwards along parents (a machine with a wrong clock), on a
    // branch merged into main: the walk meets commits out of parent order, and may come back
    // to one; every answer must still be git's.
    let env = TestEnv::new();
    let mut stream = String::new();
    let mut mark = 0;
    let mut blob = |stream: &mut String, text: &str| {
        mark += 1;
        stream.push_str(&format!("blob\nmark :{mark}\ndata {}\n{text}\n", text.len()));
        mark
    };
    let times = [100, 300, 200, 50, 400, 10, 500, 450, 20, 600];
    let mut commits = Vec::new();
    for (i, t) in times.iter().enumerate() {
        let b = blob(&mut stream, &format!("v{i}\n"));
        let branch = if i % 3 == 2 { "side" } else { "main" };
        let id = 1000 + i;
        stream.push_str(&format!(
            "commit refs/heads/{branch}\nmark :{id}\ncommitter T <t@example.com> {} +0000\ndata 1\nc\n",
            1_600_000_000 + t
        ));
        if let Some(prev) = commits.last() {
            stream.push_str(&format!("from :{prev}\n"));
        }
        if i % 4 == 3 && commits.len() > 2 {
            stream.push_str(&format!("merge :{}\n", commits[commits.len() - 3]));
        }
        stream.push_str(&format!("M 100644 :{b} f{}.md\n\n", i % 4));
        commits.push(id);
    }
    fast_import(&env, &stream);
    env.git(&["reset", "-q", "--hard", "main"]);
    check_against_git(&env);
}
