//! What `-q` and `-v` print, command by command: `-q` less than the default, `-v` more, each
//! as its help says.

use crate::util::TestEnv;

/// `a`: French outdated (a paragraph changed), Spanish missing; `b`: French current.
fn corpus() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "First paragraph here.\n\nSecond paragraph here.\n");
    env.write("corpus/a/fr.md", "Premier paragraphe.\n\nDeuxième paragraphe.\n");
    env.write("corpus/b/en.md", "Bee.\n");
    env.write("corpus/b/fr.md", "Abeille.\n");
    env.write("corpus/b/es.md", "Abeja.\n");
    env.commit("start");
    env.write("corpus/a/en.md", "First paragraph here.\n\nSecond paragraph, rewritten.\n");
    env.commit("the source changes");
    env
}

fn run(env: &TestEnv, args: &[&str]) -> String {
    env.stele(args).ok().to_owned()
}

#[test]
fn todo_levels() {
    let env = corpus();
    let quiet = run(&env, &["todo", "-q", "--lang", "fr,es"]);
    assert_eq!(quiet.lines().filter(|l| !l.is_empty()).count(), 2, "{quiet}");
    let normal = run(&env, &["todo", "--lang", "fr"]);
    assert!(normal.contains("corpus/a/fr.md") && !normal.contains("update from"), "{normal}");
    let verbose = run(&env, &["todo", "-v", "--lang", "fr"]);
    assert!(verbose.contains("update from corpus/a/en.md"), "{verbose}");
}

#[test]
fn diff_levels() {
    let env = corpus();
    let quiet = run(&env, &["diff", "-q", "corpus/a/en.md"]);
    assert!(quiet.contains("corpus/a/fr.md (fr): outdated") && quiet.contains("one block to update"), "{quiet}");
    assert!(!quiet.contains("@@"), "{quiet}");
    let normal = run(&env, &["diff", "corpus/a/en.md"]);
    assert!(normal.contains("@@") && !normal.contains("corpus/a/es.md"), "{normal}");
    let verbose = run(&env, &["diff", "-v", "corpus/a/en.md"]);
    assert!(verbose.contains("@@") && verbose.contains("corpus/a/es.md (es): missing"), "{verbose}");
    // Between revisions: where the changes are, without their words.
    let quiet = run(&env, &["diff", "-q", "--from", "HEAD~1", "corpus/a/en.md"]);
    assert!(quiet.contains("@@ lines 3–3 → 3–3") && !quiet.contains("rewritten"), "{quiet}");
    let normal = run(&env, &["diff", "--from", "HEAD~1", "corpus/a/en.md"]);
    assert!(normal.contains("rewritten"), "{normal}");
}

#[test]
fn log_levels() {
    let env = corpus();
    let quiet = run(&env, &["log", "-q", "corpus/a/en.md"]);
    assert!(!quiet.contains("then:") && quiet.contains("the source changes"), "{quiet}");
    let normal = run(&env, &["log", "corpus/a/en.md"]);
    assert!(normal.contains("then:"), "{normal}");
    let head = env.git(&["rev-parse", "HEAD"]);
    assert!(!normal.contains(head.trim()), "{normal}");
    let verbose = run(&env, &["log", "-v", "corpus/a/en.md"]);
    assert!(verbose.contains(head.trim()), "{verbose}");
}

#[test]
fn check_levels() {
    let env = corpus();
    // issue 28: -q is the verdict only (the problems of tldr-pages' 38 languages were 54 MB).
    let quiet = env.stele(&["check", "-q"]);
    assert_eq!(quiet.code, 1);
    assert_eq!(quiet.stdout, "check failed: 5 problems (4 translations checked)\n");
    let normal = env.stele(&["check"]);
    assert!(normal.stdout.contains("check failed") && !normal.stdout.contains("  ok "), "{}", normal.stdout);
    let verbose = env.stele(&["check", "-v"]);
    assert!(verbose.stdout.contains("  ok corpus/b/fr.md: current"), "{}", verbose.stdout);
    assert_eq!(run(&env, &["check", "-q", "corpus/b"]), "check passed: 2 languages, 2 translations checked\n");
    assert!(run(&env, &["check", "corpus/b"]).contains("check passed"));
}

#[test]
fn ack_levels() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A typo in teh text.\n");
    env.write("corpus/a/fr.md", "Une coquille.\n");
    env.commit("start");
    env.write("corpus/a/en.md", "A typo in teh  text!\n");
    env.commit("cosmetic");
    let quiet = run(&env, &["ack", "-q", "--dry-run", "corpus/a/en.md"]);
    assert_eq!(quiet.lines().count(), 1, "{quiet}");
    let normal = run(&env, &["ack", "--dry-run", "corpus/a/en.md"]);
    assert!(normal.lines().count() > 1 && !normal.contains("@@"), "{normal}");
    let verbose = run(&env, &["ack", "-v", "--dry-run", "corpus/a/en.md"]);
    assert!(verbose.contains("@@") && verbose.contains("cosmetic"), "{verbose}");
    let quiet = run(&env, &["ack", "-q", "--dry-run", "--cosmetic"]);
    assert_eq!(quiet.lines().count(), 1, "{quiet}");
}

#[test]
fn mark_and_init_levels() {
    let env = corpus();
    assert_eq!(run(&env, &["mark", "-q", "--dry-run", "corpus/a/fr.md"]), "");
    assert!(run(&env, &["mark", "--dry-run", "corpus/a/fr.md"]).contains("corpus/a/fr.md"));
    let env = TestEnv::new();
    env.write("content/en/a.md", "Hello.\n");
    env.write("content/fr/a.md", "Bonjour.\n");
    env.commit("start");
    assert_eq!(run(&env, &["init", "-q"]), "");
    env.remove("stele.toml");
    let verbose = run(&env, &["init", "-v"]);
    assert!(verbose.contains("layout = \"content/{lang}/{path}\""), "{verbose}");
}

#[test]
fn status_levels() {
    let env = corpus();
    let quiet = run(&env, &["status", "-q"]);
    assert!(!quiet.contains("corpus/a/fr.md"), "{quiet}");
    let normal = run(&env, &["status"]);
    assert!(normal.contains("corpus/a/fr.md") && !normal.contains("corpus/b/fr.md"), "{normal}");
    let verbose = run(&env, &["status", "-v"]);
    assert!(verbose.contains("corpus/b/fr.md"), "{verbose}");
}

#[test]
fn report_levels() {
    let env = corpus();
    let out = env.stele(&["report", "-o", "r.html", "--badges", "b"]);
    assert_eq!(out.stderr.lines().count(), 2, "{}", out.stderr);
    let quiet = env.stele(&["report", "-q", "-o", "r.html", "--badges", "b"]);
    assert_eq!((quiet.code, quiet.stdout.as_str(), quiet.stderr.as_str()), (0, "", ""));
    assert!(env.exists("r.html") && env.exists("b/fr.json"));
    assert_eq!(env.stele(&["report", "-v", "-o", "r.html", "--badges", "b"]).stderr, out.stderr);
}

/// issue 28: on tldr-pages (38 languages, 282,150 translations) `status` printed 268,413 lines
/// and `check` 54 MB. The text lists name the first translations of each language, then how
/// many more there are; `--all`, or `--lang` naming the languages, lists every one.
#[test]
fn text_lists_are_bounded_per_language() {
    let env = TestEnv::folder_layout();
    for n in 0..25 {
        env.write(&format!("corpus/d{n:02}/en.md"), "Text.\n");
    }
    env.commit("25 untranslated documents");
    let status = run(&env, &["status"]);
    let listed = |text: &str, lang: &str| text.lines().filter(|l| l.ends_with(&format!("/{lang}.md"))).count();
    assert_eq!((listed(&status, "fr"), listed(&status, "es")), (10, 10), "{status}");
    assert!(
        status.contains("fr: 15 more not listed: --all lists every one, --lang fr all of this language"),
        "{status}"
    );
    assert!(status.contains("es: 15 more not listed"), "{status}");
    let all = run(&env, &["status", "--all"]);
    assert_eq!((listed(&all, "fr"), listed(&all, "es")), (25, 25), "{all}");
    assert!(!all.contains("more not listed"), "{all}");
    let fr = run(&env, &["status", "--lang", "fr"]);
    assert_eq!(listed(&fr, "fr"), 25, "{fr}");
    assert!(!fr.contains("more not listed"), "{fr}");

    let check = env.stele(&["check"]).stdout;
    let errors = |text: &str| text.lines().filter(|l| l.trim_start().starts_with("error:")).count();
    // Each language's rule, then its first ten files.
    assert_eq!(errors(&check), 2 * 11, "{check}");
    assert!(
        check.contains("  15 more problems not listed: --all lists every one, --lang fr all of this language"),
        "{check}"
    );
    assert!(check.contains("check failed: 52 problems (50 translations checked)"), "{check}");
    assert_eq!(errors(&env.stele(&["check", "--all"]).stdout), 2 * 26);
    assert_eq!(errors(&env.stele(&["check", "--lang", "es"]).stdout), 26);
    let fr = env.stele(&["--ui-lang", "fr", "check"]).stdout;
    assert!(
        fr.contains(
            "15 autres problèmes non listés\u{202f}: --all les liste tous, --lang es tous ceux de cette langue"
        ),
        "{fr}"
    );
}
