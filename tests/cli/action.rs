//! The GitHub Action (action.yml and its scripts, run with a fake GitHub environment) and the
//! pre-commit hooks (.pre-commit-hooks.yaml, run by pre-commit itself).

use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

use crate::util::{have, ten_paragraphs, TestEnv};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A program run in `dir` with nothing of the user's environment (as git runs here), stele's
/// folder first on PATH.
fn hermetic(env: &TestEnv, program: &str, dir: &Path) -> Command {
    let stele_dir = Path::new(env!("CARGO_BIN_EXE_stele")).parent().unwrap().to_owned();
    let mut path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect::<Vec<PathBuf>>();
    path.insert(0, stele_dir);
    let mut cmd = env.command(program, dir);
    cmd.env("PATH", std::env::join_paths(path).unwrap()).env("NO_COLOR", "1");
    cmd
}

fn load(file: &str) -> Yaml {
    let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
    YamlLoader::load_from_str(&text).unwrap().remove(0)
}

#[test]
fn the_action_is_a_composite_action_of_scripts_that_exist() {
    let action = load("action.yml");
    assert!(action["name"].as_str().is_some() && action["description"].as_str().is_some());
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action["inputs"].as_hash().unwrap();
    for (name, input) in inputs {
        assert!(input["description"].as_str().is_some(), "{name:?} has no description");
    }
    let steps = action["runs"]["steps"].as_vec().unwrap();
    let mut scripts = 0;
    for step in steps {
        if let Some(run) = step["run"].as_str() {
            // Composite steps must say their shell.
            assert_eq!(step["shell"].as_str(), Some("bash"), "{run}");
            let script = run.split('"').nth(1).unwrap().replace("$GITHUB_ACTION_PATH/", "");
            assert!(Path::new(ROOT).join(&script).is_file(), "{script} does not exist");
            scripts += 1;
        }
        // Every input a step reads is declared.
        for (_, value) in step["env"].as_hash().into_iter().flatten() {
            let value = value.as_str().unwrap();
            let name = value.trim_start_matches("${{ inputs.").trim_end_matches(" }}");
            assert!(inputs.contains_key(&Yaml::String(name.to_owned())), "{value} is not an input");
        }
    }
    assert_eq!(scripts, 3);
    // The output comes from the check step.
    assert!(steps.iter().any(|s| s["id"].as_str() == Some("check")));
}

/// A pull request: `origin/main` has the corpus with a current French translation; the branch
/// changes its source, so the translation is outdated by this change.
fn pull_request() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", &ten_paragraphs());
    env.write("corpus/doc/fr.md", &ten_paragraphs().replace("Paragraph", "Paragraphe"));
    env.write("corpus/other/en.md", "Another page.\n");
    env.commit("start");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("translate");
    env.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    env.write("corpus/doc/en.md", &ten_paragraphs().replace("topic number 3", "subject number 3"));
    env.commit("the pull request's change");
    env
}

struct Run {
    code: i32,
    stdout: String,
    summary: String,
    output: String,
}

fn run_check(env: &TestEnv, vars: &[(&str, &str)]) -> Run {
    run_check_in(env, env.root(), vars)
}

/// The check step run in `dir` (the step's working-directory).
fn run_check_in(env: &TestEnv, dir: &Path, vars: &[(&str, &str)]) -> Run {
    let summary = env.outside().join("summary.md");
    let output = env.outside().join("output.txt");
    let _ = std::fs::remove_file(&summary);
    let _ = std::fs::remove_file(&output);
    let out = hermetic(env, "bash", dir)
        .arg(Path::new(ROOT).join("scripts/action/check.sh"))
        .env("STELE", env!("CARGO_BIN_EXE_stele"))
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        summary: std::fs::read_to_string(&summary).unwrap_or_default(),
        output: std::fs::read_to_string(&output).unwrap_or_default(),
    }
}

#[test]
fn the_check_step_annotates_and_summarizes_a_pull_request() {
    let env = pull_request();
    let run =
        run_check(&env, &[("GITHUB_BASE_REF", "main"), ("INPUT_SUMMARY", "true"), ("INPUT_REPORT", "out/r.html")]);
    // issue 28: the translation the change's source edit left outdated is a warning on the
    // pull request's file; the check passes.
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("::warning file=corpus/doc/fr.md"), "{}", run.stdout);
    assert!(!run.stdout.contains("::error"), "{}", run.stdout);
    assert!(run.summary.starts_with("### Translation status\n"), "{}", run.summary);
    assert!(run.summary.contains("**This change leaves 2 translations to write or update**"), "{}", run.summary);
    assert!(run.summary.contains("| `fr` | outdated | `corpus/doc/fr.md` |"), "{}", run.summary);
    assert_eq!(run.output, "passed=true\n");
    assert!(env.exists("out/r.html"));

    // Options pass through (a maximum given is applied: the outdated page fails); a translation
    // updated and marked passes.
    let run = run_check(&env, &[("GITHUB_BASE_REF", "main"), ("INPUT_ARGS", "--lang fr --max-outdated 0")]);
    assert_eq!((run.code, run.output.as_str()), (1, "passed=false\n"), "{}", run.stdout);
    assert!(run.stdout.contains("::error file=corpus/doc/fr.md"), "{}", run.stdout);
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("update the translation");
    let run = run_check(&env, &[("GITHUB_BASE_REF", "main"), ("INPUT_SUMMARY", "false"), ("INPUT_ARGS", "--lang fr")]);
    assert_eq!((run.code, run.output.as_str(), run.summary.as_str()), (0, "passed=true\n", ""), "{}", run.stdout);
}

#[test]
fn the_summary_and_the_report_follow_the_args_and_the_workspace() {
    // issue 28: the summary ignored `args` (--lang, --corpus), and `report:` was relative to
    // working-directory while upload-artifact's path is relative to the workspace.
    let env = pull_request();
    let run = run_check(&env, &[("GITHUB_BASE_REF", "main"), ("INPUT_ARGS", "--lang es")]);
    assert!(run.summary.contains("`es`") && !run.summary.contains("`fr`"), "{}", run.summary);
    let run = run_check(&env, &[("GITHUB_BASE_REF", "main"), ("INPUT_ARGS", "--lang=fr")]);
    assert!(run.summary.contains("`fr`") && !run.summary.contains("`es`"), "{}", run.summary);
    let workspace = env.root().to_str().unwrap().to_owned();
    run_check_in(
        &env,
        &env.root().join("corpus"),
        &[("GITHUB_WORKSPACE", &workspace), ("INPUT_REPORT", "site/report.html")],
    );
    assert!(env.exists("site/report.html") && !env.exists("corpus/site/report.html"));
}

#[test]
fn the_cache_key_is_the_actions_own_source() {
    // issue 28: `github.action_ref` is empty inside a composite action (actions/runner#2473),
    // so the key never changed and stele was rebuilt on every run (or kept stale).
    let action = std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    assert!(!action.contains("${{ github.action_ref"), "{action}");
    assert!(action.contains("key: ${{ steps.key.outputs.key }}"));
    // key.sh hashes the source beside it: the same source, the same key; another, another.
    let env = TestEnv::new();
    let copy = env.outside().join("action");
    for dir in ["scripts/action", "src", "locales"] {
        std::fs::create_dir_all(copy.join(dir)).unwrap();
    }
    std::fs::copy(Path::new(ROOT).join("scripts/action/key.sh"), copy.join("scripts/action/key.sh")).unwrap();
    std::fs::write(copy.join("Cargo.toml"), "[package]\nversion = \"0.1.0\"\n").unwrap();
    std::fs::write(copy.join("src/main.rs"), "fn main() {}\n").unwrap();
    let key = || {
        let out = hermetic(&env, "bash", &copy)
            .arg("scripts/action/key.sh")
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let first = key();
    assert!(
        first.starts_with("key=stele-Linux-X64-") && first.trim_end().len() == "key=stele-Linux-X64-".len() + 16,
        "{first}"
    );
    assert_eq!(key(), first);
    std::fs::write(copy.join("src/main.rs"), "fn main() { println!(); }\n").unwrap();
    assert_ne!(key(), first);
}

#[test]
fn the_check_step_without_the_target_branch_judges_everything_and_says_so() {
    let env = pull_request();
    let run = run_check(&env, &[("GITHUB_BASE_REF", "release")]);
    assert!(run.stdout.starts_with("::warning title=stele::origin/release is not fetched"), "{}", run.stdout);
    // The whole corpus: the other page's missing translation fails too.
    assert!(run.stdout.contains("corpus/other/fr.md"), "{}", run.stdout);
    assert_eq!(run.code, 1);
    assert!(!run.summary.contains("This change"), "{}", run.summary);
    // A bad option is stele's error (exit 2), and the step fails.
    let run = run_check(&env, &[("INPUT_ARGS", "--no-such-option")]);
    assert_eq!((run.code, run.output.as_str()), (2, "passed=false\n"));
    // The input is split into words, never run: a pull request's workflow cannot smuggle a command.
    let run = run_check(&env, &[("INPUT_ARGS", "--lang fr; touch pwned $(touch pwned2) `touch pwned3`")]);
    assert_eq!(run.code, 2);
    for file in ["pwned", "pwned2", "pwned3"] {
        assert!(!env.exists(file), "{file} was created");
    }
}

#[test]
fn the_install_step_keeps_a_stele_of_the_same_version() {
    let env = TestEnv::new();
    let cargo_home = env.outside().join("cargo");
    std::fs::create_dir_all(cargo_home.join("bin")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_stele"), cargo_home.join("bin/stele")).unwrap();
    let github_path = env.outside().join("path.txt");
    let out = hermetic(&env, "bash", env.root())
        .arg(Path::new(ROOT).join("scripts/action/install.sh"))
        .env("CARGO_HOME", &cargo_home)
        .env("GITHUB_PATH", &github_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout, format!("stele {} is installed\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(std::fs::read_to_string(&github_path).unwrap(), format!("{}\n", cargo_home.join("bin").display()));
}

#[test]
fn the_pre_commit_hook_checks_what_is_staged() {
    if !have("pre-commit", &["--version"]) {
        return;
    }
    let manifest = hermetic(&TestEnv::new(), "pre-commit", Path::new(ROOT))
        .args(["validate-manifest", ".pre-commit-hooks.yaml"])
        .output()
        .unwrap();
    assert!(manifest.status.success(), "{}", String::from_utf8_lossy(&manifest.stdout));
    let hooks = load(".pre-commit-hooks.yaml");
    let ids: Vec<&str> = hooks.as_vec().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["stele-check", "stele-check-system"]);

    let env = pull_request();
    let try_hook = |env: &TestEnv| {
        let out = hermetic(env, "pre-commit", env.root())
            .args(["try-repo", ROOT, "stele-check-system"])
            .env("PRE_COMMIT_HOME", env.outside().join("pre-commit"))
            .output()
            .unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // Nothing staged: the hook has nothing to judge.
    let (code, out) = try_hook(&env);
    assert_eq!(code, 0, "{out}");
    // issue 28: a source change staged leaves its translation outdated: a warning, and the
    // commit goes ahead.
    env.write("corpus/doc/en.md", &ten_paragraphs().replace("topic number 4", "subject number 4"));
    env.git(&["add", "corpus/doc/en.md"]);
    let (code, out) = try_hook(&env);
    assert_eq!(code, 0, "{out}");
    // A translation edited and staged must end current: not marked, the commit is refused.
    env.write("corpus/doc/fr.md", &env.read("corpus/doc/fr.md").replace("Paragraphe", "Alinéa"));
    env.git(&["add", "corpus/doc/fr.md"]);
    let (code, out) = try_hook(&env);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("corpus/doc/fr.md"), "{out}");
    // Another document's change staged alone: this one is not judged.
    env.git(&["reset", "-q"]);
    env.write("corpus/other/en.md", "Another page, changed.\n");
    env.git(&["add", "corpus/other/en.md"]);
    let (_, out) = try_hook(&env);
    assert!(!out.contains("corpus/doc/fr.md"), "{out}");
}

#[test]
fn check_staged_judges_the_staged_documents_only() {
    let env = pull_request();
    // Nothing staged: nothing judged, whatever the corpus holds.
    let out = env.stele(&["check", "--staged"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    env.write("corpus/other/fr.md", "Une autre page.\n");
    env.git(&["add", "corpus/other/fr.md"]);
    let out = env.stele(&["check", "--staged", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    // Only the staged translation (new, so current by history); not the outdated one elsewhere.
    assert_eq!((json["translations_checked"].as_u64(), json["passed"].as_bool()), (Some(1), Some(true)), "{json}");
    // A staged source: its translations in every language are judged.
    env.write("corpus/doc/en.md", &ten_paragraphs().replace("topic number 4", "subject number 4"));
    env.git(&["add", "corpus/doc/en.md"]);
    let out = env.stele(&["check", "--staged", "--format", "json"]);
    // issue 28: fr, outdated by the change, is a warning; es, not translated yet, is no problem.
    assert_eq!(out.code, 0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let paths: Vec<&str> = json["problems"].as_array().unwrap().iter().filter_map(|p| p["path"].as_str()).collect();
    assert_eq!(paths, ["corpus/doc/fr.md"], "{json}");
    assert_eq!(json["problems"][0]["severity"], "warning", "{json}");
    assert_eq!(json["translations_checked"], 3, "{json}");
    let err = env.stele(&["check", "--staged", "--changed-since", "HEAD"]).usage_error().to_owned();
    assert!(err.contains("--staged"), "{err}");
}
